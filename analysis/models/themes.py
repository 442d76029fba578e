"""Themes people work on, the runs that propose them, and the embedding cache.

A consultation has one current set of themes. A run computes a proposal (kept as JSON on
the run) and applying it rewrites the themes in one transaction, so nobody ever sees
half-written themes; human decisions (labels, moves, pinned quotes, "checked") are
recorded on the rows so a later run can keep them.
"""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import enum_type, utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User
    from forum.models.consultations import Question
    from forum.models.jobs import Job
    from forum.models.segments import Segment

# Who made a decision: the model's proposals may be replaced by a re-run, a person's may not.
BY_MODEL = "model"
BY_PERSON = "person"
# Placed by the last run's saved model after the run (a segment that came in later).
BY_JOINED = "joined"
# A label the model offers without evidence enough to give it (a code's name on a theme no
# code fits): pages show "Suggested: ..." until a person keeps or changes it.
BY_SUGGESTION = "suggested"
# Placed by the classifier people's confirmed segments trained (services.theme_learning).
BY_LEARNED = "learned"
# Who set a theme's label, as data files say it (``Theme.label_set_by``).
LABEL_SET_BY = {BY_PERSON: "a person", BY_MODEL: "the analysis",
                BY_SUGGESTION: "a codebook suggestion, not checked by a person"}


class RunStatus(str, enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class AnalysisRun(Model):
    __tablename__ = "analysis_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    status: Mapped[RunStatus] = mapped_column(enum_type(RunStatus, "run_status"),
                                              default=RunStatus.QUEUED)
    started_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    segment_count: Mapped[int] = mapped_column(default=0)
    # The AnalysisSettings the run used, so a result can be explained later.
    settings: Mapped[dict | None] = mapped_column(JSON)
    # The proposal (themes, assignments, question links) until a person applies it.
    result: Mapped[dict | None] = mapped_column(JSON)
    message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    applied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    job: Mapped[Job | None] = relationship()
    started_by: Mapped[User | None] = relationship()

    @property
    def stability_skipped(self) -> str | None:
        """Why the run measured no theme's stability: "older", "too large", or None (it did)."""
        settings = self.settings or {}
        if "resamples" not in settings:
            return "older"  # a run from before stability was measured
        return None if settings["resamples"] else "too large"


class Theme(Model):
    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("analysis_runs.id", ondelete="SET NULL"))
    label: Mapped[str] = mapped_column(String(120))
    label_by: Mapped[str] = mapped_column(String(10), default=BY_MODEL)
    # The codebook entry the theme came from; None for a theme the model discovered.
    code: Mapped[str | None] = mapped_column(String(120))
    is_new: Mapped[bool] = mapped_column(default=False)
    keywords: Mapped[list] = mapped_column(JSON, default=list)
    # The parent group from the run's topic hierarchy (None: the theme stands alone).
    broader: Mapped[str | None] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    # Counts, demographic breakdown, co-occurrence and the one-member flag, as computed.
    stats: Mapped[dict] = mapped_column(JSON, default=dict)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    checked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    # Subsamples of the run's clustering this theme was found again in, of ``resamples``
    # (``analysis.core.themes.stability``); None: not measured, or people merged, split or
    # made the theme, so the run's number no longer describes it.
    found_again: Mapped[int | None] = mapped_column(Integer)
    resamples: Mapped[int | None] = mapped_column(Integer)
    # Staff notes on the theme (as in NVivo or Taguette): shown to staff only, never exported.
    memo: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)

    run: Mapped[AnalysisRun | None] = relationship()
    checked_by: Mapped[User | None] = relationship()
    links: Mapped[list[ThemeSegment]] = relationship(
        back_populates="theme", cascade="all, delete-orphan", order_by="ThemeSegment.segment_id")

    @property
    def label_unchecked(self) -> bool:
        """True while the label is only a codebook suggestion no person has kept or changed."""
        return self.label_by == BY_SUGGESTION

    @property
    def shown_label(self) -> str:
        """The label as pages show it: a suggestion says so until a person confirms it."""
        return f"Suggested: {self.label}" if self.label_unchecked else self.label

    @property
    def stable(self) -> bool | None:
        """Whether it was found again in most subsamples (None: not measured)."""
        from analysis.core.themes.stability import is_stable

        if self.found_again is None or not self.resamples:
            return None
        return is_stable(self.found_again, self.resamples)

    @property
    def stability_note(self) -> str:
        """The theme's stability in words, as the themes pages show it."""
        if self.found_again is None or not self.resamples:
            return "Stability not measured"
        return f"Found again in {self.found_again} of {self.resamples} tries"

    @property
    def label_set_by(self) -> str:
        """Who set the label, in words for data files ("a person", "the analysis", ...)."""
        return LABEL_SET_BY.get(self.label_by, LABEL_SET_BY[BY_MODEL])

    @property
    def quote_links(self) -> list[ThemeSegment]:
        """The theme's quotes in their order (pinned by people or chosen by the model)."""
        return sorted((link for link in self.links if link.quote_rank is not None),
                      key=lambda link: link.quote_rank or 0)  # None was filtered out


class ThemeSegment(Model):
    """A segment's place in a theme; a segment is in at most one theme of a consultation."""

    __tablename__ = "theme_segments"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True, unique=True)
    # Who placed it: BY_MODEL (clustering), BY_LEARNED (classifier) or BY_PERSON.
    placed_by: Mapped[str] = mapped_column(String(10), default=BY_MODEL)
    # For BY_LEARNED: the classifier's probability for this theme (0..1); for BY_JOINED:
    # the calibrated similarity (analysis.core.themes.join_confidence); None otherwise.
    confidence: Mapped[float | None] = mapped_column(Float)
    # Order among the theme's quotes; None when the segment is not one of them.
    quote_rank: Mapped[int | None] = mapped_column(Integer)
    # Set to BY_PERSON when someone pinned or unpinned it, so a re-run keeps that choice.
    quote_by: Mapped[str | None] = mapped_column(String(10))

    theme: Mapped[Theme] = relationship(back_populates="links")
    segment: Mapped[Segment] = relationship()


class ThemeAlso(Model):
    """A segment that speaks to this theme too, though its own theme is another.

    A segment close to more than one theme carries up to three (its own and two of
    these); member and source counts and charts count it in each.
    """

    __tablename__ = "theme_segment_also"

    theme_id: Mapped[int] = mapped_column(
        ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True, index=True)


class UngroupedSegment(Model):
    """A segment a person moved to "Not grouped", so a re-run leaves it there."""

    __tablename__ = "ungrouped_segments"

    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SegmentQuestionMap(Model):
    """The question the model thinks a segment answers (a person's link on the segment wins)."""

    __tablename__ = "segment_question_maps"

    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"))
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    # "model" (zero-shot) or "learned" (a classifier trained on people's confirmed links).
    source: Mapped[str] = mapped_column(String(10), default="model", server_default="model")
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("analysis_runs.id", ondelete="SET NULL"))

    question: Mapped[Question | None] = relationship()


class SegmentEmbedding(Model):
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


class CodebookEntry(Model):
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
