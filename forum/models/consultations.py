"""Consultations and their numbered questions."""
from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from forum.extensions import Model
from forum.models.base import enum_type, utcnow

TITLE_MAX = 200
SECTION_HEADING_MAX = 300


class ConsultationStatus(str, enum.Enum):
    OPEN = "open"
    DRAFTING = "drafting"
    SUBMITTED = "submitted"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


# Statuses in which the forum is still working towards a response.
STILL_OPEN = frozenset({ConsultationStatus.OPEN, ConsultationStatus.DRAFTING})


class Consultation(Model):
    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    consulting_body: Mapped[str] = mapped_column(String(200))
    deadline: Mapped[date | None] = mapped_column(Date)
    link: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[ConsultationStatus] = mapped_column(
        enum_type(ConsultationStatus, "consultation_status"),
        default=ConsultationStatus.OPEN)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # When the status last left open or drafting (None while still open): a retired analysis
    # model's retention period counts from here too (``analysis.services.model_retention``).
    # Consultations closed before this was kept have the migration's time (0025).
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    questions: Mapped[list[Question]] = relationship(
        back_populates="consultation", order_by="Question.position",
        cascade="all, delete-orphan")
    sections: Mapped[list[ConsultationSection]] = relationship(
        back_populates="consultation", order_by="ConsultationSection.position",
        cascade="all, delete-orphan")

    @validates("status")
    def _mark_closing(self, _key: str, status: ConsultationStatus) -> ConsultationStatus:
        # Every way the status changes (the edit form, the demo, a script) goes through here.
        if ConsultationStatus(status) in STILL_OPEN:
            self.closed_at = None
        elif self.status is None or self.status in STILL_OPEN or self.closed_at is None:
            self.closed_at = utcnow()
        return status

    def days_to_deadline(self, today: date) -> int | None:
        return None if self.deadline is None else (self.deadline - today).days

    def deadline_passed(self, today: date) -> bool:
        """True when the deadline is behind us but the response is not marked sent or closed.

        The one rule for the warning on the consultation page and the lists: a consultation
        still marked open (or being drafted) the day after its deadline needs someone to
        act, either to check whether a late response is accepted or to change its status.
        """
        days = self.days_to_deadline(today)
        return days is not None and days < 0 and self.status in STILL_OPEN


class ConsultationSection(Model):
    """A chapter or part heading of the consultation document ("Chapter 3: Employment")."""

    __tablename__ = "consultation_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column()
    heading: Mapped[str] = mapped_column(String(SECTION_HEADING_MAX))

    consultation: Mapped[Consultation] = relationship(back_populates="sections")
    questions: Mapped[list[Question]] = relationship(
        back_populates="section", order_by="Question.position")


class Question(Model):
    __tablename__ = "questions"
    __table_args__ = (UniqueConstraint("consultation_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    # Kept as written ("8", "12a") so the response uses the consultation's own numbering.
    number: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    # The chapter or part the question sits under in the consultation document, if any.
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation_sections.id", ondelete="SET NULL"), index=True)

    consultation: Mapped[Consultation] = relationship(back_populates="questions")
    section: Mapped[ConsultationSection | None] = relationship(back_populates="questions")

    @property
    def label(self) -> str:
        return f"Q{self.number}"
