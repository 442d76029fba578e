"""Public documents uploaded to a consultation, and people's decisions on coding matches.

A document's passages are segments with no member (``SegmentSource.DOCUMENT``): public
text for search and coding, never quoted as forum members and never clustered into themes.
"""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import enum_type, utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User
    from forum.models.consultations import Consultation
    from forum.models.jobs import Job


class DocumentStatus(str, enum.Enum):
    WAITING = "waiting"
    READY = "ready"
    FAILED = "failed"


class DocumentSource(Model):
    __tablename__ = "document_sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    # The name it was uploaded under, shown only; the file is stored as ``stored_name``.
    filename: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(default=0)
    passage_count: Mapped[int] = mapped_column(default=0)
    status: Mapped[DocumentStatus] = mapped_column(
        enum_type(DocumentStatus, "document_status"), default=DocumentStatus.WAITING)
    message: Mapped[str | None] = mapped_column(Text)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    job: Mapped[Job | None] = relationship()
    uploaded_by: Mapped[User | None] = relationship()
    consultation: Mapped[Consultation] = relationship()


class Decision(str, enum.Enum):
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class CodingDecision(Model):
    """A person's verdict on "this passage matches this code".

    Keyed by the passage's text hash, not the segment id: segments are rebuilt when a
    transcript's speakers change, and a decision should survive that when the words are
    the same. Keyed by the codebook entry, so renaming a code keeps its decisions.
    """

    __tablename__ = "coding_decisions"
    __table_args__ = (UniqueConstraint("entry_id", "text_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("codebook_entries.id", ondelete="CASCADE"), index=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    decision: Mapped[Decision] = mapped_column(enum_type(Decision, "coding_decision"))
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)

    decided_by: Mapped[User | None] = relationship()
