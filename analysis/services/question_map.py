"""Which question each segment answers, kept current as people confirm or correct mappings.

``refresh_mapping`` reads a consultation's segments with where they sit (the heading of a
document passage, the facilitator's question before a member's turn, their order) and
runs ``analysis.core.questions.map_passages``; people's links (``Segment.question_id``)
and their "answers no question" (``Segment.no_question``) are the examples it learns
from. ``segments_for_question`` is what drafting and other pages call to get a question's
segments with their confidence.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from analysis.core.questions import CHECK_BELOW
from analysis.models import SegmentQuestionMap
from forum.extensions import db
from forum.jobs import Progress, enqueue
from forum.models import Job, Question, Segment, SegmentSource, SpeakerRole, Turn, User
from forum.services import audit
from forum.services.segments import document_segments, usable_segments

if TYPE_CHECKING:
    from analysis.core.questions import Passage

REMAP = "questions.remap"

__all__ = ["CHECK_BELOW", "QuestionSegment", "confirm_question", "mapping_counts",
           "refresh_mapping", "remap_job", "segments_for_question", "question_of"]


@dataclass(frozen=True)
class QuestionSegment:
    """A segment answering a question: ``source`` person, model or learned; ``check`` when
    the confidence is low enough that a person should look."""

    segment: Segment
    question_id: int | None
    confidence: float
    source: str
    check: bool


def _mapped_segments(consultation_id: int, ids: Collection[int] | None = None) -> list[Segment]:
    """Members' usable segments and public document passages (both answer questions).

    Args:
        consultation_id: the consultation.
        ids: only these segments (None: all of the consultation's).
    """
    return usable_segments(consultation_id, ids) + document_segments(consultation_id, ids)


def _passages(segments: list[Segment]) -> list[Passage]:
    from analysis.core.questions import Passage, asking_turns, document_headings

    turn_ids = {s.turn_id for s in segments if s.turn_id}
    transcripts = {t.transcript_id
                   for t in db.session.scalars(
                           select(Turn).where(Turn.id.in_(turn_ids)))} if turn_ids else set()
    asked, turn_index = {}, {}
    for transcript_id in transcripts:
        turns = list(db.session.scalars(select(Turn).where(Turn.transcript_id == transcript_id)
                                        .order_by(Turn.index)))
        shapes = [(t.speaker is not None and t.speaker.role == SpeakerRole.FACILITATOR,
                   t.redacted_text or "") for t in turns]
        for turn, question in zip(turns, asking_turns(shapes), strict=False):
            asked[turn.id], turn_index[turn.id] = question, turn.index
    documents: dict[int | None, list[Segment]] = {}
    for s in segments:
        if s.source_type == SegmentSource.DOCUMENT:
            documents.setdefault(s.source_id, []).append(s)
    heading: dict[int, str] = {}
    for rows in documents.values():
        rows.sort(key=lambda s: (s.position, s.id))
        headings = document_headings([s.text for s in rows])
        heading.update(zip((s.id for s in rows), headings, strict=False))
    out = []
    for s in segments:
        kind = s.source_type.value
        in_sequence = kind in ("transcript", "document")
        # Segments of one turn keep their order after the turn's place in the transcript.
        turn_id = s.turn_id or 0
        position = turn_index.get(turn_id, 0) * 1000 + s.position if turn_id else s.position
        out.append(Passage(id=s.id, text=s.text, question_id=s.question_id,
                           no_question=s.no_question,
                           sequence=f"{kind}:{s.source_id}" if in_sequence else "",
                           position=position, heading=heading.get(s.id, ""),
                           asked=asked.get(turn_id, "")))
    return out


def refresh_mapping(consultation_id: int, run_id: int | None = None) -> int:
    """Map every segment of the consultation to a question and save it (not committed).

    Args:
        consultation_id: the consultation.
        run_id: the analysis run this belongs to, if any.

    Returns:
        How many segments got a machine mapping (to a question, or learned to answer none).
    """
    from analysis.core.questions import LEARNED, MODEL, MappingOptions, map_passages
    from analysis.core.themes import embed_segments
    from analysis.core.themes.guide import embed_free_texts
    from analysis.services.embeddings import DbEmbeddingCache, current_embedder
    from analysis.services.inputs import segment_inputs

    segments = _mapped_segments(consultation_id)
    questions = list(db.session.scalars(select(Question).where(
        Question.consultation_id == consultation_id).order_by(Question.position)))
    ids = select(Segment.id).where(Segment.consultation_id == consultation_id)
    db.session.execute(delete(SegmentQuestionMap).where(SegmentQuestionMap.segment_id.in_(ids)))
    if not segments or not questions:
        return 0
    inputs = segment_inputs(segments)
    embedder = current_embedder()
    cache = DbEmbeddingCache(segments=frozenset(s.text_hash for s in inputs))
    vectors = embed_segments(inputs, embedder, cache)
    found = map_passages(_passages(segments), vectors, questions,
                         lambda texts: embed_free_texts(texts, embedder, cache),
                         MappingOptions(check_below=CHECK_BELOW))
    # Embedding and mapping take a while: a word redacted meanwhile deleted segments read at
    # the start (their mapping came from the old words, and a row for them fails the key).
    still = _still_there([int(mapping.segment_id) for mapping in found.values()])
    saved = 0
    for mapping in found.values():
        # Learned "no question" is kept too (question None), so the page says how sure it is.
        if int(mapping.segment_id) in still and (
                mapping.source == LEARNED
                or (mapping.source == MODEL and mapping.question_id is not None)):
            db.session.add(SegmentQuestionMap(
                segment_id=mapping.segment_id, question_id=mapping.question_id,
                confidence=mapping.confidence, source=mapping.source, run_id=run_id))
            saved += 1
    db.session.flush()
    return saved


def _still_there(ids: list[int]) -> set[int]:
    """Args: segment ids. Returns: those not deleted (in chunks, within SQLite's limit)."""
    return {found for start in range(0, len(ids), 500) for found in db.session.scalars(
        select(Segment.id).where(Segment.id.in_(ids[start:start + 500])))}


def remap_job(job: Job, progress: Progress) -> None:
    """Job handler: map a consultation's segments again after people confirmed some."""
    progress("Matching segments to questions", 10)
    refresh_mapping(job.params["consultation_id"])
    db.session.commit()


def decided_by_person(segment: Segment) -> bool:
    """Whether a person linked the segment to a question, or said it answers none of them:
    either wins over the mapping's guess."""
    return segment.question_id is not None or segment.no_question


def question_of(consultation_id: int,
                ids: Collection[int] | None = None) -> dict[int, QuestionSegment]:
    """Which question each segment answers, people's links (or "answers none") first.

    Args:
        consultation_id: the consultation.
        ids: only these segments (None: all of the consultation's); a page of search hits
            reads 50 rows, not the 50,000 of a national consultation.

    Returns:
        {segment id: its question link} for usable member segments and document passages.
    """
    only = [] if ids is None else [SegmentQuestionMap.segment_id.in_(list(ids))]
    mapped = {m.segment_id: m for m in db.session.scalars(
        select(SegmentQuestionMap).join(Segment, Segment.id == SegmentQuestionMap.segment_id)
        .where(Segment.consultation_id == consultation_id, *only))}
    out = {}
    for s in _mapped_segments(consultation_id, ids):
        if decided_by_person(s):
            out[s.id] = QuestionSegment(s, s.question_id, 1.0, "person", False)
        elif s.id in mapped:
            m = mapped[s.id]
            out[s.id] = QuestionSegment(s, m.question_id, m.confidence, m.source,
                                        m.confidence < CHECK_BELOW)
        else:
            out[s.id] = QuestionSegment(s, None, 0.0, "none", False)
    return out


def segments_for_question(consultation_id: int, question_id: int) -> list[QuestionSegment]:
    """A question's segments, most confident first (people's links count as 1.0).

    Args:
        consultation_id: the consultation.
        question_id: one of its questions.

    Returns:
        ``QuestionSegment`` rows; ``check`` marks the ones a person should look at.
    """
    rows = [q for q in question_of(consultation_id).values() if q.question_id == question_id]
    return sorted(rows, key=lambda q: (-q.confidence, q.segment.id))


def mapping_counts(consultation_id: int) -> dict[int | None, Counter[str]]:
    """Args: consultation_id. Returns: {question id or None: Counter of person/model/learned/
    check/none} for the mapping page."""
    counts: dict[int | None, Counter[str]] = {}
    for q in question_of(consultation_id).values():
        counter = counts.setdefault(q.question_id, Counter())
        counter[q.source] += 1
        counter["check"] += int(q.check)
    return counts


def confirm_question(segment: Segment, question_id: int | None, user: User) -> None:
    """A person confirms or corrects a segment's question (None: it answers none of them).

    The link becomes an example the mapping learns from; the rest of the consultation is
    mapped again in the background.
    """
    segment.question_id, segment.no_question = question_id, question_id is None
    question = db.session.get(Question, question_id) if question_id is not None else None
    audit.record("question_confirmed", user, segment, question_id=question_id,
                 question=question.label if question else "none of them")
    db.session.commit()
    enqueue(REMAP, {"consultation_id": segment.consultation_id})
