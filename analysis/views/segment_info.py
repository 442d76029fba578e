"""How a segment is shown on theme and search pages: who said it, where, to which question."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from analysis.models.documents import DocumentSource
from analysis.services.question_links import segment_questions
from forum.extensions import db
from forum.models import Question, Segment, SegmentSource, Transcript

SOURCE_NAMES = {source.value: source.label for source in SegmentSource}


@dataclass
class SegmentView:
    segment: Segment
    who: str
    source: str
    question: str | None
    question_by_model: bool


def describe(segments: list[Segment]) -> list[SegmentView]:
    """Pseudonym, source and question of each segment, with as few queries as possible."""
    asked = segment_questions(segments)
    question_ids = set(asked.values())
    labels = {q.id: q.label for q in db.session.scalars(
        select(Question).where(Question.id.in_(question_ids - {None})))} if question_ids else {}
    transcript_ids = {s.source_id for s in segments if s.source_type.value == "transcript"}
    titles = {t.id: t.session.title for t in db.session.scalars(
        select(Transcript).where(Transcript.id.in_(transcript_ids)))} if transcript_ids else {}
    document_ids = {s.source_id for s in segments if s.source_type.value == "document"}
    documents = {d.id: d.title for d in db.session.scalars(
        select(DocumentSource).where(DocumentSource.id.in_(document_ids)))} \
        if document_ids else {}
    out = []
    for s in segments:
        kind = s.source_type.value
        source = SOURCE_NAMES.get(kind, kind)
        if kind == "transcript" and s.source_id in titles:
            source = f"Focus group: {titles[s.source_id]}"
        # "Public document · Document" said one thing twice; the title says which one.
        if kind == "document" and s.source_id in documents:
            source = f"Document: {documents[s.source_id]}"
        # A survey answer given without a member is not a public document.
        who = s.member.pseudonym if s.member else (
            "Public document" if kind == "document" else "Anonymous answer")
        question = asked[s.id]
        out.append(SegmentView(s, who, source,
                               labels.get(question) if question else None, s.question_id is None
                               and question is not None))
    return out


def segments_by_id(ids) -> dict[int, Segment]:
    """Args: segment ids. Returns: {id: Segment}."""
    ids = list(ids)
    return {s.id: s
            for s in db.session.scalars(select(Segment).where(Segment.id.in_(ids)))} if ids else {}
