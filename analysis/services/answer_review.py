"""A person checks each machine-redacted survey answer before analysis or quoting can use it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from analysis.services.answers import SOURCES
from forum.extensions import db
from forum.models import Segment, User
from forum.models.base import utcnow
from forum.services import audit
from forum.services.segments import text_hash

MAX_TEXT = 5000


class ReviewError(ValueError):
    """The checked text cannot be saved, in plain English."""


@dataclass(frozen=True)
class AnswerToCheck:
    """A segment waiting for review, beside the answer as the participant gave it."""

    segment: Segment
    original: str | None
    # (source, answer id): the key of the answer in the surveys package's lookups.
    key: tuple[str, int] | None = None


def waiting_count(consultation_id: int) -> int:
    """Args: consultation_id. Returns: how many answer segments wait for a person."""
    return db.session.scalar(select(func.count(Segment.id)).where(
        Segment.consultation_id == consultation_id, Segment.needs_review.is_(True))) or 0


def answers_to_check(consultation_id: int,
                     originals: dict[tuple[str, int], str]) -> list[AnswerToCheck]:
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
        .order_by(Segment.source_type, Segment.answer_id, Segment.position))
    out = []
    for s in rows:
        kind = kinds.get(s.source_type)
        key = (kind, s.answer_id) if kind is not None and s.answer_id is not None else None
        out.append(AnswerToCheck(s, originals.get(key) if key else None, key))
    return out


def _words(text: str) -> list[str]:
    """Lower-case words outside [square brackets] (labels and editorial words are allowed)."""
    return re.findall(r"\w+", re.sub(r"\[[^\]]*\]", " ", text.lower()))


def added_words(text: str, before: str, original: str | None) -> list[str]:
    """Words in the checked text that neither the participant nor the machine's text had.

    Args:
        text: the text as the reviewer left it.
        before: the segment's text before the check (the machine's redaction).
        original: the answer as the participant gave it, where known.

    Returns:
        The new words, in order, each once.
    """
    allowed = set(_words(before)) | set(_words(original or ""))
    return list(dict.fromkeys(w for w in _words(text) if w not in allowed))


def approve_answer(segment: Segment, text: str, user: User, outcome: str = "", note: str = "",
                   ip: str | None = None, original: str | None = None) -> list[str]:
    """Save the checked (possibly further redacted) text and let analysis use it.

    Words the answer's text has a label in place of leave staff memos, the codebook and the
    themes' names, as words redacted from a transcript do (``answer_words``,
    ``segment_resets.words_leave_staff_text``).

    Args:
        segment: a segment waiting for review.
        text: the text as the reviewer left it.
        user: the reviewer.
        outcome: for a held answer, what was done about the safeguarding concern (a key
            of ``forum.models.safeguarding.OUTCOMES``); with ``note`` it records a review
            through the one safeguarding rule and releases the hold. Empty keeps it held.
        note: what the reviewer did.
        ip: the reviewer's address, for the audit log.
        original: the answer as the participant gave it: words in neither it nor the
            segment's text are refused, so a quote is never words the member did not say.

    Returns:
        Plain-English lines of staff text that held the answer's redacted words and now
        says their label instead (empty: none did).

    Raises:
        ReviewError: when the text is empty, too long or has words the participant did not
            write, or the review is incomplete.
    """
    text = " ".join((text or "").split())
    if not text:
        raise ReviewError(
            "Enter the answer's text, or choose “Leave out” to keep it out of analysis")
    if len(text) > MAX_TEXT:
        raise ReviewError(f"The text must be {MAX_TEXT:,} characters or fewer")
    new = added_words(text, segment.text, original)
    if new:
        shown = ", ".join(f"\u2018{w}\u2019" for w in new[:5])
        raise ReviewError("Only take words out, or put a label in square brackets such as "
                          f"[name] in their place. Not in what the participant wrote: {shown}")
    edited = text != segment.text
    released = bool(segment.held and (outcome or (note or "").strip()))
    if released:
        from analysis.services.safeguarding import SafeguardingError, record_review

        try:
            record_review(segment, user, outcome, note, ip=ip, commit=False)
        except SafeguardingError as error:
            raise ReviewError(str(error)) from None
    segment.text, segment.text_hash = text, text_hash(text)
    _done(segment, user)
    audit.record("answer_checked", user, segment, commit=False, edited=edited, released=released)
    told = _words_leave_staff_text(segment, original)
    db.session.commit()
    if edited:
        from analysis.services.embeddings import queue_embedding

        queue_embedding(segment.consultation_id)
    return told


def _words_leave_staff_text(segment: Segment, original: str | None) -> list[str]:
    """The answer's redacted words (all its segments', as now checked) leave staff text."""
    if not original:
        return []
    from analysis.services.answer_words import taken_from_answer
    from analysis.services.segment_resets import words_leave_staff_text

    parts = db.session.scalars(select(Segment.text).where(
        Segment.consultation_id == segment.consultation_id,
        Segment.source_type == segment.source_type, Segment.answer_id == segment.answer_id)
        .order_by(Segment.position, Segment.id)).all()
    taken = taken_from_answer(original, " ".join(parts))
    return words_leave_staff_text(segment.consultation_id, taken) if taken else []


def leave_out(segment: Segment, user: User) -> None:
    """Keep an answer segment out of analysis and quoting (it stays held)."""
    segment.held = True
    _done(segment, user)
    audit.record("answer_left_out", user, segment, commit=False)
    db.session.commit()


def _done(segment: Segment, user: User) -> None:
    segment.needs_review = False
    segment.reviewed_by_id, segment.reviewed_at = user.id, utcnow()
