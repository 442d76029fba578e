"""Blind coding samples: segments a person codes without seeing the app's coding.

A sample is drawn at random from a consultation's usable segments; each coder's choices
(themes and question) are kept per segment, so the app can compare them with its own
coding and, when two people coded the same sample, with each other.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, DateTime, ForeignKey, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User
    from forum.models.segments import Segment


class AgreementSample(Model):
    __tablename__ = "agreement_samples"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    seed: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # A practice sample (trying the page out, training a colleague): never reported.
    practice: Mapped[bool] = mapped_column(default=False, server_default=false())

    created_by: Mapped[User | None] = relationship()
    items: Mapped[list[AgreementItem]] = relationship(
        cascade="all, delete-orphan", order_by="AgreementItem.position")


class AgreementItem(Model):
    __tablename__ = "agreement_items"

    sample_id: Mapped[int] = mapped_column(
        ForeignKey("agreement_samples.id", ondelete="CASCADE"), primary_key=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(default=0)

    segment: Mapped[Segment] = relationship()


class AgreementCode(Model):
    """One coder's blind choice for one segment of a sample."""

    __tablename__ = "agreement_codes"
    __table_args__ = (UniqueConstraint("sample_id", "segment_id", "coder_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(
        ForeignKey("agreement_samples.id", ondelete="CASCADE"), index=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # None: "none of the questions".
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"))
    # Ids of the themes the coder chose (empty: none fits).
    theme_ids: Mapped[list] = mapped_column(JSON, default=list)
    # The app's coding when the segment was first coded, which the figures compare with: a
    # fix taking the coder's choice later changes the data, not the agreement measured.
    # None on codes saved before it was kept (the current coding stands in).
    app_theme_ids: Mapped[list | None] = mapped_column(JSON, nullable=True)
    app_question_id: Mapped[int | None] = mapped_column(nullable=True)
    coded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    coder: Mapped[User] = relationship()
