"""Database rows turned into the analysis core's input shapes (segments, questions)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Row, select

from forum.extensions import db
from forum.models import Member, Question, Segment

if TYPE_CHECKING:
    from analysis.core.themes import QuestionInput, SegmentInput

__all__ = ["GROUP_FIELDS", "counting_inputs", "question_inputs", "segment_inputs", "source_key"]

# Demographic fields shown as groups: counted, never quoted, suppressed under 5.
GROUP_FIELDS = {"Age": "age_band", "Gender": "gender", "Ethnicity": "ethnicity_group"}


def source_key(segment: Segment | Row[Any]) -> str:
    """Where a segment came from, as counted in "in 3 of 4 sources".

    Each transcript and each document is a source; a consultation's survey answers are
    one source however many people answered (a response is a person, not a source).
    """
    kind = segment.source_type.value
    return kind if kind in ("survey", "csv_import") else f"{kind}:{segment.source_id}"


def _group(member: Member | None) -> dict[str, str]:
    return {key: getattr(member, field) for key, field in GROUP_FIELDS.items()
            if member is not None and getattr(member, field)}


def segment_inputs(segments: list[Segment]) -> list[SegmentInput]:
    """Turn usable segment rows into the pipeline's ``SegmentInput`` shape.

    Args:
        segments: rows from ``usable_segments``.

    Returns:
        A list of ``SegmentInput`` with member groups and people's question links.
    """
    from analysis.core.themes import SegmentInput

    out: list[SegmentInput] = []
    for s in segments:
        out.append(SegmentInput(id=s.id, text=s.text, text_hash=s.text_hash,
                                member_id=s.member_id, source_key=source_key(s),
                                group=_group(s.member), question_id=s.question_id,
                                no_question=s.no_question))
    return out


def counting_inputs(consultation_id: int) -> list[SegmentInput]:
    """``segment_inputs(usable_segments(...))`` without the text (left empty): what counting
    members, sources and groups needs (``theme_store.refresh_stats``), loaded as plain rows."""
    from analysis.core.themes import SegmentInput
    from forum.services.segments import usable_segment_facts

    rows, members = usable_segment_facts(consultation_id)
    return [SegmentInput(id=r.id, text="", text_hash="", member_id=r.member_id,
                         source_key=source_key(r), group=_group(members.get(r.member_id or 0)),
                         question_id=r.question_id) for r in rows]


def question_inputs(consultation_id: int) -> list[QuestionInput]:
    """Args: consultation_id. Returns: the questions as ``QuestionInput``, in order."""
    from analysis.core.themes import QuestionInput

    rows = db.session.scalars(select(Question).where(Question.consultation_id == consultation_id)
                              .order_by(Question.position))
    return [QuestionInput(id=q.id, text=q.text, number=q.label) for q in rows]
