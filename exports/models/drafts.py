"""Consultation response drafts: cover, sections per question, chosen quotes and history.

A draft's ``revision`` goes up by one on every save; a save that names an older revision
is refused (someone else saved in between), so nobody silently overwrites a colleague.
Quotes point at segments; the quoted text is kept as the officer shortened it and is
checked against the segment's current redacted text whenever the draft is shown or exported.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User
    from forum.models.consultations import Consultation, Question
    from forum.models.segments import Segment

TITLE_MAX = 200
EASY_READ_HEADING_MAX = 100


class OrganisationProfile(Model):
    """The organisation's boilerplate, written once and offered to every new draft."""

    __tablename__ = "organisation_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    about: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)


class Draft(Model):
    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), unique=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    date: Mapped[date | None] = mapped_column(Date)
    contact: Mapped[str] = mapped_column(Text, default="")
    about: Mapped[str] = mapped_column(Text, default="")
    introduction: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[list] = mapped_column(JSON, default=list)
    easy_read_intro: Mapped[str] = mapped_column(Text, default="")
    # {theme id (as text): "what we did"} for the Easy Read "You said, we did".
    easy_read_done: Mapped[dict] = mapped_column(JSON, default=dict)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    consultation: Mapped[Consultation] = relationship()
    updated_by: Mapped[User | None] = relationship()
    sections: Mapped[list[DraftSection]] = relationship(
        back_populates="draft", cascade="all, delete-orphan", order_by="DraftSection.id")
    versions: Mapped[list[DraftVersion]] = relationship(
        back_populates="draft", cascade="all, delete-orphan",
        order_by="DraftVersion.id.desc()")
    notices: Mapped[list[DraftNotice]] = relationship(
        back_populates="draft", cascade="all, delete-orphan", order_by="DraftNotice.id.desc()")


class DraftSection(Model):
    """The response to one consultation question."""

    __tablename__ = "draft_sections"
    __table_args__ = (UniqueConstraint("draft_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text, default="")
    # Linked theme ids in the officer's order; themes deleted by a re-run are skipped.
    theme_ids: Mapped[list] = mapped_column(JSON, default=list)
    # The question in plain words for the Easy Read summary; "" prints "Question 5" instead.
    easy_read_heading: Mapped[str] = mapped_column(String(EASY_READ_HEADING_MAX), default="",
                                                   server_default="")

    draft: Mapped[Draft] = relationship(back_populates="sections")
    question: Mapped[Question] = relationship()
    quotes: Mapped[list[DraftQuote]] = relationship(
        back_populates="section", cascade="all, delete-orphan", order_by="DraftQuote.position")


class DraftQuote(Model):
    """A chosen quote: the segment it comes from and the words as printed (maybe with "...")."""

    __tablename__ = "draft_quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("draft_sections.id", ondelete="CASCADE"), index=True)
    # Erasing a member deletes their segments and with them every quote of theirs.
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"),
                                            index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)

    section: Mapped[DraftSection] = relationship(back_populates="quotes")
    segment: Mapped[Segment] = relationship()


class DraftVersion(Model):
    """A saved state of the whole draft, for history and restore."""

    __tablename__ = "draft_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(String(200), default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    draft: Mapped[Draft] = relationship(back_populates="versions")
    author: Mapped[User | None] = relationship()


class DraftNotice(Model):
    """Something that changed the draft without the officer (a member withdrew consent)."""

    __tablename__ = "draft_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(Text)
    # Section labels ("Q2", "Q7") the change touched.
    sections: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    dismissed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    draft: Mapped[Draft] = relationship(back_populates="notices")
