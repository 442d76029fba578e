"""Staff memos on themes and segments: notes for the people analysing, never exported.

Exports read drafts (``exports.services.drafts``) and data files read segments and themes by
named fields, so a memo can only leave the system if someone adds it there; the export tests
check that no memo text appears in any download. The one exception is the member's own
subject access ZIP: a memo on their words is data about them
(``analysis.services.subject_access.staff_memos``).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlalchemy import select

from analysis.models import MEMO_MAX, SegmentMemo, Theme
from analysis.services import memo_labels
from analysis.services.memo_labels import Held, keep_held, labelled
from forum.extensions import db
from forum.models import (
    FocusGroupSession,
    Redaction,
    RedactionStatus,
    Segment,
    Transcript,
    Turn,
    User,
)


class MemoError(ValueError):
    """A memo that cannot be kept, in plain English."""


class Saved(NamedTuple):
    """What saving a memo put in it."""

    labels: list[str]  # labels put in for redacted words (none: kept as typed)
    pending: bool  # some only for suggestions nobody has reviewed: a rejection puts words back


def memo_limit(kept: str | None) -> int:
    """The most characters a memo may have: the limit, or the memo as kept when redaction
    labels ("out" -> "[place]") took it past the limit (its writer must never have to cut
    words the app put in)."""
    return max(MEMO_MAX, len(kept or ""))


def _clean(text: str, kept: str | None) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    limit = memo_limit(kept)
    if len(text) > limit:
        raise MemoError(
            f"A memo must be {limit:,} characters or fewer (this one has {len(text):,})")
    return text


def redacted_words(consultation_id: int) -> list[tuple[str, str]]:
    """What redaction took out of the consultation's transcripts: the scope redaction after
    approval scrubs memos in (``theme_words_staff.scrub_memos``). A memo on one member's words
    can name what another said, and a member's subject access copy holds memos on their words.

    Args:
        consultation_id: the consultation the memo is in.

    Returns:
        (the words as said, the label they became) for each redaction kept, while the
        original words are still held (after a purge nothing is left to compare), survey and
        CSV answers' too (``answer_words``). A suggestion nobody has reviewed counts (the
        turn's redacted text leaves it out until it is rejected, ``transcripts.redacted_text``;
        a rejection puts the words back in memos, ``memo_labels``); one rejected does not.
    """
    return _redacted(consultation_id)[0]


def _redacted(consultation_id: int) -> tuple[list[tuple[str, str]], dict[tuple[str, str], int]]:
    """``redacted_words``, and {(words, label): a suggestion's id} for those only suggestions
    nobody has reviewed take out."""
    rows = db.session.execute(select(Redaction, Turn.original_text).join(
        Turn, Turn.id == Redaction.turn_id).join(
        Transcript, Transcript.id == Turn.transcript_id).join(
        FocusGroupSession, FocusGroupSession.id == Transcript.session_id).where(
        FocusGroupSession.consultation_id == consultation_id,
        Redaction.status != RedactionStatus.REJECTED).order_by(Redaction.id))
    from analysis.services.answer_words import answer_redacted_words

    found = [(r, original) for r, original in rows if original and r.end > r.start]
    taken = [(original[r.start:r.end], r.label) for r, original in found]
    kept = {(original[r.start:r.end], r.label) for r, original in found
            if r.status != RedactionStatus.PROPOSED}
    kept.update(answers := answer_redacted_words(consultation_id))
    pending: dict[tuple[str, str], int] = {}
    for r, original in found:
        if (original[r.start:r.end], r.label) not in kept:
            pending.setdefault((original[r.start:r.end], r.label), r.id)
    return list(dict.fromkeys(taken + answers)), pending


def put_back_rejected(redaction_ids: Sequence[int], consultation_id: int) -> int:
    """Put the words of suggestions just rejected back in the memos that lost them on saving
    (``memo_labels``). The caller commits.

    Args:
        redaction_ids: the suggestions just rejected.
        consultation_id: their consultation.

    Returns:
        How many memos changed.
    """
    if not redaction_ids:
        return 0
    return memo_labels.put_back_rejected(redaction_ids, redacted_words(consultation_id))


def _scrubbed(text: str, consultation_id: int) -> tuple[str, list[str], list[Held]]:
    """The memo with ``[label]`` for words redacted in the consultation, by the rule used when
    words are redacted after approval (``theme_words``), the labels put in, and those put in
    only for suggestions nobody has reviewed (``memo_labels``)."""
    taken, pending = _redacted(consultation_id) if text else ([], {})
    # Never cut: a label can be longer than its words ("out" -> "[place]"), and a memo typed
    # within the limit lost its end without a word. The person typed within it; kept whole.
    scrubbed, held = labelled(text, taken, pending) if taken else (text, [])
    if scrubbed == text:
        return text, [], []
    return scrubbed, sorted({label for _words, label in taken if f"[{label}]" in scrubbed}), held


def set_theme_memo(theme: Theme, text: str) -> Saved:
    """Keep (or clear, with empty text) the memo on a theme and commit.

    Args:
        theme: the theme.
        text: the memo as typed.

    Returns:
        The labels put in for words redacted in its consultation (none: as typed), and
        whether any were only for suggestions nobody has reviewed yet.

    Raises:
        MemoError: when the memo is too long; nothing is changed.
    """
    theme.memo, labels, held = _scrubbed(_clean(text, theme.memo), theme.consultation_id)
    keep_held(held, theme.memo, theme=theme)
    db.session.commit()
    return Saved(labels, bool(held))


def set_segment_memo(segment: Segment, text: str, user: User) -> Saved:
    """Keep (or clear, with empty text) the memo on a segment and commit.

    Args:
        segment: the segment.
        text: the memo as typed.
        user: who wrote it.

    Returns:
        The labels put in for words redacted in its consultation (none: as typed), and
        whether any were only for suggestions nobody has reviewed yet.

    Raises:
        MemoError: when the memo is too long; nothing is changed.
    """
    memo = db.session.get(SegmentMemo, segment.id)
    text, labels, held = _scrubbed(_clean(text, memo.text if memo else None),
                                   segment.consultation_id)
    if not text:
        if memo is not None:
            db.session.delete(memo)
    elif memo is None:
        memo = SegmentMemo(segment_id=segment.id, text=text, updated_by_id=user.id)
        db.session.add(memo)
    else:
        memo.text, memo.updated_by_id = text, user.id
    if text:
        db.session.flush()
        keep_held(held, text, memo=memo)
    db.session.commit()
    return Saved(labels, bool(held))


def segment_memos(segment_ids: Iterable[int]) -> dict[int, SegmentMemo]:
    """Args: segment ids. Returns: {segment id: SegmentMemo} for those that have one."""
    ids = list(segment_ids)
    if not ids:
        return {}
    return {m.segment_id: m for m in db.session.scalars(
        select(SegmentMemo).where(SegmentMemo.segment_id.in_(ids)))}
