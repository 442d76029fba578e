"""Segments: quote-sized, redacted pieces of what members said (see DESIGN.md)."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, Float, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import enum_type, utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User
    from forum.models.consultations import Question
    from forum.models.members import Member
    from forum.models.transcripts import Turn


class SegmentSource(str, enum.Enum):
    TRANSCRIPT = "transcript"
    SURVEY = "survey"
    CSV_IMPORT = "csv_import"
    DOCUMENT = "document"

    @property
    def label(self) -> str:
        """The one name people see for this kind of source (pages, filters, data files)."""
        return SOURCE_LABELS[self]


SOURCE_LABELS = {
    SegmentSource.TRANSCRIPT: "Focus group",
    SegmentSource.SURVEY: "Tablet survey",
    SegmentSource.CSV_IMPORT: "Imported survey answers",
    SegmentSource.DOCUMENT: "Document",
}


class Segment(Model):
    __tablename__ = "segments"
    # Never reuse an id on SQLite: draft versions, runs' results, history and the audit log
    # name segments by id, and a deleted segment's id must not come to name new words.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    source_type: Mapped[SegmentSource] = mapped_column(
        enum_type(SegmentSource, "segment_source"))
    # Id of the transcript, survey response, import or document the text came from.
    source_id: Mapped[int | None] = mapped_column()
    turn_id: Mapped[int | None] = mapped_column(
        ForeignKey("transcript_turns.id", ondelete="CASCADE"), index=True)
    start_seconds: Mapped[float | None] = mapped_column(Float)
    # Order within the source: turn order, passage order, or part of a survey answer.
    position: Mapped[int] = mapped_column(default=0)
    # The survey (or imported) answer the text came from; None for other sources.
    answer_id: Mapped[int | None] = mapped_column(index=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    # A person's link to the question this answers (None: nobody has linked one) ...
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"))
    # ... or a person's word that it answers none of them (small talk, a general comment).
    no_question: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Only redacted text is ever stored here; originals stay with their source.
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    held: Mapped[bool] = mapped_column(default=False)
    # Flagged for safeguarding at some point. Once reviewed the words are analysed, but they
    # are quoted only after a separate, deliberate choice (quote_cleared) and never picked
    # as a theme's quote by machine: see forum.services.segments.may_auto_pin.
    risk_flagged: Mapped[bool] = mapped_column(default=False, server_default=false())
    quote_cleared: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Survey answers are redacted automatically: they wait here until a person has checked.
    needs_review: Mapped[bool] = mapped_column(default=False, server_default=false())
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    member: Mapped[Member | None] = relationship()
    reviewed_by: Mapped[User | None] = relationship()
    turn: Mapped[Turn | None] = relationship()
    question: Mapped[Question | None] = relationship()
