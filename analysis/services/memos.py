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
from forum.extensions import db
from forum.models import Segment, User


class MemoError(ValueError):
    """A memo that cannot be kept, in plain English."""


def _clean(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MEMO_MAX:
        raise MemoError(
            f"A memo must be {MEMO_MAX:,} characters or fewer (this one has {len(text):,})")
    return text


def set_theme_memo(theme: Theme, text: str) -> None:
    """Keep (or clear, with empty text) the memo on a theme and commit.

    Args:
        theme: the theme.
        text: the memo as typed.

    Raises:
        MemoError: when the memo is too long; nothing is changed.
    """
    theme.memo = _clean(text)
    db.session.commit()


def set_segment_memo(segment: Segment, text: str, user: User) -> None:
    """Keep (or clear, with empty text) the memo on a segment and commit.

    Args:
        segment: the segment.
        text: the memo as typed.
        user: who wrote it.

    Raises:
        MemoError: when the memo is too long; nothing is changed.
    """
    text = _clean(text)
    memo = db.session.get(SegmentMemo, segment.id)
    if not text:
        if memo is not None:
            db.session.delete(memo)
    elif memo is None:
        db.session.add(SegmentMemo(segment_id=segment.id, text=text, updated_by_id=user.id))
    else:
        memo.text, memo.updated_by_id = text, user.id
    db.session.commit()


def segment_memos(segment_ids: Iterable[int]) -> dict[int, SegmentMemo]:
    """Args: segment ids. Returns: {segment id: SegmentMemo} for those that have one."""
    ids = list(segment_ids)
    if not ids:
        return {}
    return {m.segment_id: m for m in db.session.scalars(
        select(SegmentMemo).where(SegmentMemo.segment_id.in_(ids)))}
