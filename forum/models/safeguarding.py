"""Safeguarding reviews: who looked at a flag, when, and what they did about it."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User

# What the reviewer did; shown on the flag and kept in the audit log.
OUTCOMES = {
    "spoke_to_member": "Spoke to the member",
    "referred": "Referred on (safeguarding lead or another service)",
    "not_a_risk": "Not a risk",
}


class SafeguardingReview(Model):
    """One review of one flagged transcript turn or survey answer part."""

    __tablename__ = "safeguarding_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    turn_id: Mapped[int | None] = mapped_column(
        ForeignKey("transcript_turns.id", ondelete="CASCADE"), index=True)
    segment_id: Mapped[int | None] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[str] = mapped_column(String(30))
    # The reviewer's note may name people or services: facilitators and admins only.
    note: Mapped[str] = mapped_column(Text)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    reviewed_by: Mapped[User | None] = relationship()

    @property
    def outcome_label(self) -> str:
        return OUTCOMES.get(self.outcome, self.outcome)
