"""Segments: quote-sized, redacted pieces of what members said (see DESIGN.md)."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, Float, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import enum_type, utcnow


class SegmentSource(str, enum.Enum):
    TRANSCRIPT = "transcript"
    SURVEY = "survey"
    CSV_IMPORT = "csv_import"
    DOCUMENT = "document"


class Segment(db.Model):
    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    source_type: Mapped[SegmentSource] = mapped_column(
        enum_type(SegmentSource, "segment_source"))
    # Id of the transcript, survey response, import or document the text came from.
    source_id: Mapped[Optional[int]] = mapped_column()
    turn_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("transcript_turns.id", ondelete="CASCADE"), index=True)
    start_seconds: Mapped[Optional[float]] = mapped_column(Float)
    position: Mapped[int] = mapped_column(default=0)
    member_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"))
    # Only redacted text is ever stored here; originals stay with their source.
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    held: Mapped[bool] = mapped_column(default=False)
    # Survey answers are redacted automatically: they wait here until a person has checked.
    needs_review: Mapped[bool] = mapped_column(default=False, server_default=false())
    reviewed_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    member = relationship("Member")
    reviewed_by = relationship("User")
    turn = relationship("Turn")
    question = relationship("Question")
