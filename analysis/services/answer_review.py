"""A person checks each machine-redacted survey answer before analysis or quoting can use it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Segment, User
from forum.models.base import utcnow
from forum.services import audit
from forum.services.segments import text_hash

from analysis.services.answers import PARTS, SOURCES

MAX_TEXT = 5000


class ReviewError(ValueError):
    """The checked text cannot be saved, in plain English."""


@dataclass(frozen=True)
class AnswerToCheck:
    """A segment waiting for review, beside the answer as the participant gave it."""

    segment: Segment
    original: Optional[str]


def waiting_count(consultation_id: int) -> int:
    """Args: consultation_id. Returns: how many answer segments wait for a person."""
    return db.session.scalar(select(func.count(Segment.id)).where(
        Segment.consultation_id == consultation_id, Segment.needs_review.is_(True))) or 0


def answers_to_check(consultation_id: int, originals: dict[tuple[str, int], str]) -> list[AnswerToCheck]:
    """The segments waiting for review, oldest first, each with its original answer.

    Args:
        consultation_id: the consultation.
        originals: answer text by (source, answer id), from
            ``surveys.services.free_text_answers`` (the web layer passes it in).

    Returns:
        One ``AnswerToCheck`` per waiting segment.
    """
    kinds = {source: name for name, source in SOURCES.items()}
    rows = db.session.scalars(select(Segment).where(
        Segment.consultation_id == consultation_id, Segment.needs_review.is_(True))
        .order_by(Segment.source_type, Segment.position))
    return [AnswerToCheck(s, originals.get((kinds.get(s.source_type), s.position // PARTS)))
            for s in rows]


def approve_answer(segment: Segment, text: str, user: User, release_hold: bool = False) -> None:
    """Save the checked (possibly further redacted) text and let analysis use it.

    Args:
        segment: a segment waiting for review.
        text: the text as the reviewer left it.
        user: the reviewer.
        release_hold: the reviewer says a safeguarding concern has been dealt with.

    Raises:
        ReviewError: when the text is empty or too long.
    """
    text = " ".join((text or "").split())
    if not text:
        raise ReviewError("Enter the answer's text, or choose “Leave out” to keep it out of analysis")
    if len(text) > MAX_TEXT:
        raise ReviewError(f"The text must be {MAX_TEXT:,} characters or fewer")
    edited = text != segment.text
    released = segment.held and release_hold
    segment.text, segment.text_hash = text, text_hash(text)
    segment.held = segment.held and not release_hold
    _done(segment, user)
    audit.record("answer_checked", user, segment, commit=False, edited=edited, released=released)
    db.session.commit()
    if edited:
        from analysis.services.embeddings import queue_embedding

        queue_embedding(segment.consultation_id)


def leave_out(segment: Segment, user: User) -> None:
    """Keep an answer segment out of analysis and quoting (it stays held)."""
    segment.held = True
    _done(segment, user)
    audit.record("answer_left_out", user, segment, commit=False)
    db.session.commit()


def _done(segment: Segment, user: User) -> None:
    segment.needs_review = False
    segment.reviewed_by_id, segment.reviewed_at = user.id, utcnow()
