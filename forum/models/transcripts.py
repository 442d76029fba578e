"""Transcripts, their speakers and turns, proposed redactions and safeguarding flags.

Originals (the uploaded text, each turn's original words, the session's list of real
names) are for facilitators and admins only and can be purged once redaction is
approved; only redacted text ever becomes a segment.
"""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    DateTime,
    Float,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
    and_,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import enum_type, utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User
    from forum.models.consultations import Question
    from forum.models.jobs import Job
    from forum.models.members import Member
    from forum.models.safeguarding import SafeguardingReview
    from forum.models.sessions import FocusGroupSession


class TranscriptStatus(str, enum.Enum):
    REDACTING = "redacting"
    NEEDS_REVIEW = "needs_review"
    APPROVED = "approved"
    FAILED = "failed"


class SpeakerRole(str, enum.Enum):
    UNMATCHED = "unmatched"
    MEMBER = "member"
    FACILITATOR = "facilitator"
    OBSERVER = "observer"


class RedactionStatus(str, enum.Enum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Transcript(Model):
    __tablename__ = "transcripts"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("focus_group_sessions.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(10), default="txt", server_default="txt")
    original_text: Mapped[str | None] = mapped_column(Text)
    known_names: Mapped[str | None] = mapped_column(Text)
    status: Mapped[TranscriptStatus] = mapped_column(
        enum_type(TranscriptStatus, "transcript_status"), default=TranscriptStatus.REDACTING)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    purged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    session: Mapped[FocusGroupSession] = relationship(back_populates="transcripts")
    job: Mapped[Job | None] = relationship()
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
    speakers: Mapped[list[Speaker]] = relationship(
        back_populates="transcript", cascade="all, delete-orphan", order_by="Speaker.id")
    turns: Mapped[list[Turn]] = relationship(
        back_populates="transcript", cascade="all, delete-orphan", order_by="Turn.index")


class Speaker(Model):
    __tablename__ = "transcript_speakers"
    __table_args__ = (UniqueConstraint("transcript_id", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcripts.id", ondelete="CASCADE"),
                                               index=True)
    # The label as written in the file, often a real first name: facilitators and admins only.
    label: Mapped[str] = mapped_column(String(120))
    role: Mapped[SpeakerRole] = mapped_column(enum_type(SpeakerRole, "speaker_role"),
                                              default=SpeakerRole.UNMATCHED)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))

    transcript: Mapped[Transcript] = relationship(back_populates="speakers")
    member: Mapped[Member | None] = relationship()
    turns: Mapped[list[Turn]] = relationship(back_populates="speaker")


class Turn(Model):
    __tablename__ = "transcript_turns"

    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = mapped_column(ForeignKey("transcripts.id", ondelete="CASCADE"),
                                               index=True)
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("transcript_speakers.id", ondelete="SET NULL"))
    index: Mapped[int] = mapped_column()
    original_text: Mapped[str | None] = mapped_column(Text)
    redacted_text: Mapped[str | None] = mapped_column(Text)
    start_seconds: Mapped[float | None] = mapped_column(Float)
    end_seconds: Mapped[float | None] = mapped_column(Float)
    line_start: Mapped[int] = mapped_column(default=0)
    line_end: Mapped[int] = mapped_column(default=0)
    backchannel: Mapped[bool] = mapped_column(default=False)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    risk_flagged: Mapped[bool] = mapped_column(default=False)
    risk_reason: Mapped[str | None] = mapped_column(String(200))
    risk_reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    risk_reviewed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    # A separate, deliberate choice after review: this flagged turn may be quoted.
    quote_cleared_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    quote_cleared_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    transcript: Mapped[Transcript] = relationship(back_populates="turns")
    speaker: Mapped[Speaker | None] = relationship(back_populates="turns")
    question: Mapped[Question | None] = relationship()
    redactions: Mapped[list[Redaction]] = relationship(
        back_populates="turn", cascade="all, delete-orphan", order_by="Redaction.start")
    safeguarding_reviews: Mapped[list[SafeguardingReview]] = relationship(
        cascade="all, delete-orphan", order_by="SafeguardingReview.id")

    @hybrid_property
    def held(self) -> bool:
        """Held out of analysis and quotes until a person has reviewed the flag."""
        return self.risk_flagged and self.risk_reviewed_at is None

    @held.inplace.expression
    @classmethod
    def _held_expression(cls) -> ColumnElement[bool]:
        # The same rule in SQL, so a page can ask which transcripts hold a turn in one query.
        return and_(cls.risk_flagged, cls.risk_reviewed_at.is_(None))

    @property
    def as_said(self) -> tuple[int | None, int, int]:
        """The turn as it was said: its speaker and lines in the upload.

        A turn too long to review is cut into pieces (``long_turns.py``) that keep both, so
        the pieces of one turn, and only they, share this: erasure takes their lines once and
        a disclosure in one piece holds them all.
        """
        return (self.speaker_id, self.line_start, self.line_end)


class Redaction(Model):
    """A proposed or added redaction: offsets into the turn's original text, never the words."""

    __tablename__ = "redactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    turn_id: Mapped[int] = mapped_column(ForeignKey("transcript_turns.id", ondelete="CASCADE"),
                                         index=True)
    start: Mapped[int] = mapped_column()
    end: Mapped[int] = mapped_column()
    label: Mapped[str] = mapped_column(String(30))
    status: Mapped[RedactionStatus] = mapped_column(
        enum_type(RedactionStatus, "redaction_status"), default=RedactionStatus.PROPOSED)
    added_by_person: Mapped[bool] = mapped_column(default=False)

    turn: Mapped[Turn] = relationship(back_populates="redactions")
