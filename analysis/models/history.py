"""What people changed about themes (so each change can be undone) and staff memos.

A ``ThemeEdit`` keeps the affected themes as they were before and after the change, as JSON:
undo puts the "before" back only while the "after" is still what is there, so an undo never
throws away a later change. Memos are staff notes: shown on theme pages, never exported.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User

MEMO_MAX = 5000


class ThemeEdit(Model):
    """One change people made to a consultation's themes, with what undoing it needs."""

    __tablename__ = "theme_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    # rename, checked, pin, unpin, confirm, move, merge, split
    kind: Mapped[str] = mapped_column(String(20))
    # What happened, in words people use: 'Merged "Work" into "Jobs and money"'.
    summary: Mapped[str] = mapped_column(String(400))
    before: Mapped[dict] = mapped_column(JSON)
    after: Mapped[dict] = mapped_column(JSON)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    undone_by: Mapped[User | None] = relationship(foreign_keys=[undone_by_id])


class SegmentMemo(Model):
    """A staff note on one segment (why it matters, what to check); never exported."""

    __tablename__ = "segment_memos"

    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)

    updated_by: Mapped[User | None] = relationship()


class MemoHeldLabel(Model):
    """A label a memo got for words only a suggestion nobody has reviewed yet takes out: where
    the label is and which suggestion put it there, never the words. Rejecting the suggestion
    puts the memo's words back (``memo_labels.put_back_rejected``) while the memo is as it was
    then (``memo_hash``); the originals the words are read from are the transcript's."""

    __tablename__ = "memo_held_labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    segment_id: Mapped[int | None] = mapped_column(
        ForeignKey("segment_memos.segment_id", ondelete="CASCADE"), index=True)
    redaction_id: Mapped[int] = mapped_column(
        ForeignKey("redactions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column()  # where "[label]" starts in the memo
    word: Mapped[int] = mapped_column()  # which of the redaction's words (theme_words.name_words)
    case: Mapped[str] = mapped_column(String(5), default="")  # "lower", "upper" or as said
    memo_hash: Mapped[str] = mapped_column(String(64))  # the memo's text_hash when labelled
