"""Staff memos on themes and segments: notes for the people analysing, never exported.

Exports read drafts (``exports.services.drafts``) and data files read segments and themes by
named fields, so a memo can only leave the system if someone adds it there; the export tests
check that no memo text appears in any download. The one exception is the member's own
subject access ZIP: a memo on their words is data about them
(``analysis.services.subject_access.staff_memos``).
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from analysis.models import MEMO_MAX, SegmentMemo, Theme
from analysis.services.theme_words import scrub_name, word_patterns
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
        CSV answers' too (``answer_words``). A
        suggestion nobody has reviewed counts (the turn's redacted text leaves it out until
        it is rejected, ``transcripts.redacted_text``); one a reviewer rejected does not.
    """
    found = db.session.execute(select(Redaction, Turn.original_text).join(
        Turn, Turn.id == Redaction.turn_id).join(
        Transcript, Transcript.id == Turn.transcript_id).join(
        FocusGroupSession, FocusGroupSession.id == Transcript.session_id).where(
        FocusGroupSession.consultation_id == consultation_id,
        Redaction.status != RedactionStatus.REJECTED))
    from analysis.services.answer_words import answer_redacted_words

    taken = [(original[r.start:r.end], r.label)
             for r, original in found if original and r.end > r.start]
    return list(dict.fromkeys(taken + answer_redacted_words(consultation_id)))


def _scrubbed(text: str, consultation_id: int) -> tuple[str, list[str]]:
    """The memo with ``[label]`` for words redacted in the consultation, by the rule used when
    words are redacted after approval (``theme_words``), and the labels put in."""
    taken = redacted_words(consultation_id) if text else []
    # Never cut: a label can be longer than its words ("out" -> "[place]"), and a memo typed
    # within the limit lost its end without a word. The person typed within it; kept whole.
    scrubbed = (scrub_name(text, word_patterns(taken), None) or "") if taken else text
    if scrubbed == text:
        return text, []
    return scrubbed, sorted({label for _words, label in taken if f"[{label}]" in scrubbed})


def set_theme_memo(theme: Theme, text: str) -> list[str]:
    """Keep (or clear, with empty text) the memo on a theme and commit.

    Args:
        theme: the theme.
        text: the memo as typed.

    Returns:
        The labels put in for words redacted in its consultation (none: as typed).

    Raises:
        MemoError: when the memo is too long; nothing is changed.
    """
    theme.memo, labels = _scrubbed(_clean(text, theme.memo), theme.consultation_id)
    db.session.commit()
    return labels


def set_segment_memo(segment: Segment, text: str, user: User) -> list[str]:
    """Keep (or clear, with empty text) the memo on a segment and commit.

    Args:
        segment: the segment.
        text: the memo as typed.
        user: who wrote it.

    Returns:
        The labels put in for words redacted in its consultation (none: as typed).

    Raises:
        MemoError: when the memo is too long; nothing is changed.
    """
    memo = db.session.get(SegmentMemo, segment.id)
    text, labels = _scrubbed(_clean(text, memo.text if memo else None),
                             segment.consultation_id)
    if not text:
        if memo is not None:
            db.session.delete(memo)
    elif memo is None:
        db.session.add(SegmentMemo(segment_id=segment.id, text=text, updated_by_id=user.id))
    else:
        memo.text, memo.updated_by_id = text, user.id
    db.session.commit()
    return labels


def segment_memos(segment_ids: Iterable[int]) -> dict[int, SegmentMemo]:
    """Args: segment ids. Returns: {segment id: SegmentMemo} for those that have one."""
    ids = list(segment_ids)
    if not ids:
        return {}
    return {m.segment_id: m for m in db.session.scalars(
        select(SegmentMemo).where(SegmentMemo.segment_id.in_(ids)))}
