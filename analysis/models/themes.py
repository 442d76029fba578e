"""Themes people work on, the runs that propose them, and the embedding cache.

A consultation has one current set of themes. A run computes a proposal (kept as JSON on
the run) and applying it rewrites the themes in one transaction, so nobody ever sees
half-written themes; human decisions (labels, moves, pinned quotes, "checked") are
recorded on the rows so a later run can keep them.
"""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Optional

from sqlalchemy import (JSON, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import db
from forum.models.base import enum_type, utcnow

# Who made a decision: the model's proposals may be replaced by a re-run, a person's may not.
BY_MODEL = "model"
BY_PERSON = "person"


class RunStatus(str, enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class AnalysisRun(db.Model):
    __tablename__ = "analysis_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[Optional[int]] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    status: Mapped[RunStatus] = mapped_column(enum_type(RunStatus, "run_status"),
                                              default=RunStatus.QUEUED)
    started_by_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    segment_count: Mapped[int] = mapped_column(default=0)
    # The AnalysisSettings the run used, so a result can be explained later.
    settings: Mapped[Optional[dict]] = mapped_column(JSON)
    # The proposal (themes, assignments, question links) until a person applies it.
    result: Mapped[Optional[dict]] = mapped_column(JSON)
    message: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    applied_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))

    job = relationship("Job")
    started_by = relationship("User")


class Theme(db.Model):
    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    run_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("analysis_runs.id", ondelete="SET NULL"))
    label: Mapped[str] = mapped_column(String(120))
    label_by: Mapped[str] = mapped_column(String(10), default=BY_MODEL)
    # The codebook entry the theme came from; None for a theme the model discovered.
    code: Mapped[Optional[str]] = mapped_column(String(120))
    is_new: Mapped[bool] = mapped_column(default=False)
    keywords: Mapped[list] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(default=0)
    # Counts, demographic breakdown, co-occurrence and the one-member flag, as computed.
    stats: Mapped[dict] = mapped_column(JSON, default=dict)
    checked_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))
    checked_by_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)

    run = relationship("AnalysisRun")
    checked_by = relationship("User")
    links = relationship("ThemeSegment", back_populates="theme", cascade="all, delete-orphan",
                         order_by="ThemeSegment.segment_id")

    @property
    def quote_links(self) -> list["ThemeSegment"]:
        """The theme's quotes in their order (pinned by people or chosen by the model)."""
        return sorted((link for link in self.links if link.quote_rank is not None),
                      key=lambda link: link.quote_rank)


class ThemeSegment(db.Model):
    """A segment's place in a theme; a segment is in at most one theme of a consultation."""

    __tablename__ = "theme_segments"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True, unique=True)
    placed_by: Mapped[str] = mapped_column(String(10), default=BY_MODEL)
    # Order among the theme's quotes; None when the segment is not one of them.
    quote_rank: Mapped[Optional[int]] = mapped_column(Integer)
    # Set to BY_PERSON when someone pinned or unpinned it, so a re-run keeps that choice.
    quote_by: Mapped[Optional[str]] = mapped_column(String(10))

    theme = relationship("Theme", back_populates="links")
    segment = relationship("Segment")


class UngroupedSegment(db.Model):
    """A segment a person moved to "Not grouped", so a re-run leaves it there."""

    __tablename__ = "ungrouped_segments"

    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SegmentQuestionMap(db.Model):
    """The question the model thinks a segment answers (a person's link on the segment wins)."""

    __tablename__ = "segment_question_maps"

    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"))
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    run_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("analysis_runs.id", ondelete="SET NULL"))

    question = relationship("Question")


class SegmentEmbedding(db.Model):
    """One vector per (text, model): unchanged text is never embedded twice."""

    __tablename__ = "segment_embeddings"
    __table_args__ = (UniqueConstraint("text_hash", "model"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    model: Mapped[str] = mapped_column(String(100))
    dimensions: Mapped[int] = mapped_column()
    # float32 bytes, little-endian.
    vector: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CodebookEntry(db.Model):
    """A consultation's own copy of a codebook code, editable by staff."""

    __tablename__ = "codebook_entries"
    __table_args__ = (UniqueConstraint("consultation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    examples: Mapped[list] = mapped_column(JSON, default=list)
    search_terms: Mapped[list] = mapped_column(JSON, default=list)
