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
