"""Focus-group sessions and the transcripts attached to them."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, String, Table, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model, db
from forum.models.base import utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User
    from forum.models.consultations import Consultation
    from forum.models.members import Member
    from forum.models.transcripts import Transcript

session_members = Table(
    "session_members",
    db.metadata,
    Column("session_id", ForeignKey("focus_group_sessions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("member_id", ForeignKey("members.id", ondelete="CASCADE"), primary_key=True),
    # Added by matching a speaker of a transcript to the member, not ticked on the focus
    # group's form: a corrected match takes it back (forum.services.attendance).
    Column("by_matching", Boolean, nullable=False, default=False, server_default=false()),
)


class FocusGroupSession(Model):
    __tablename__ = "focus_group_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date)
    # A broad area only ("South London"), never a venue that could identify people.
    area: Mapped[str | None] = mapped_column(String(100))
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    consultation: Mapped[Consultation] = relationship()
    facilitator: Mapped[User | None] = relationship()
    members: Mapped[list[Member]] = relationship(
        secondary=session_members, order_by="Member.pseudonym")
    transcripts: Mapped[list[Transcript]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="Transcript.id")
