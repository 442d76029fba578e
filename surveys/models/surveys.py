"""Surveys, their frozen versions, questions and uploaded pictures and audio.

A survey is edited in its draft version; publishing freezes that version, and the
next edit starts a new draft copied from it. Responses point at the version they
answered, so their questions never change under them.
"""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import enum_type, utcnow

if TYPE_CHECKING:
    pass
    from forum.models.accounts import User
    from forum.models.consultations import Consultation, Question


class QuestionKind(str, enum.Enum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    SCALE = "scale"
    FREE_TEXT = "free_text"
    NUMBER = "number"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def has_choices(self) -> bool:
        return self in CHOICE_KINDS


KIND_LABELS = {
    QuestionKind.SINGLE_CHOICE: "Choose one",
    QuestionKind.MULTIPLE_CHOICE: "Choose any",
    QuestionKind.YES_NO: "Yes or no",
    QuestionKind.SCALE: "Five faces (very bad to very good)",
    QuestionKind.FREE_TEXT: "Own words",
    QuestionKind.NUMBER: "A number",
}
CHOICE_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE,
                          QuestionKind.YES_NO, QuestionKind.SCALE})
# Extra answers any choice question may offer, with the words shown on the tablet.
SPECIAL_CHOICES = {"dont_know": "Don\u2019t know", "prefer_not": "Prefer not to say"}


class MediaKind(str, enum.Enum):
    PICTURE = "picture"
    AUDIO = "audio"


class Survey(Model):
    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    # "draft" until a version is published, then "published".
    status: Mapped[str] = mapped_column(String(20), default="draft")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    consultation: Mapped[Consultation] = relationship()
    versions: Mapped[list[SurveyVersion]] = relationship(
        back_populates="survey", order_by="SurveyVersion.number", cascade="all, delete-orphan")

    @property
    def latest_version(self) -> SurveyVersion | None:
        return self.versions[-1] if self.versions else None

    @property
    def published_version(self) -> SurveyVersion | None:
        """The newest published version: the one tablets run."""
        published = [v for v in self.versions if v.is_published]
        return published[-1] if published else None

    @property
    def current_questions(self) -> list[SurveyQuestion]:
        version = self.latest_version
        return list(version.questions) if version else []


class SurveyVersion(Model):
    __tablename__ = "survey_versions"
    __table_args__ = (UniqueConstraint("survey_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column()
    # Participant-facing: the title and what the survey is for, shown on the start page.
    title: Mapped[str] = mapped_column(String(200))
    purpose: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    published_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    survey: Mapped[Survey] = relationship(back_populates="versions")
    published_by: Mapped[User | None] = relationship()
    questions: Mapped[list[SurveyQuestion]] = relationship(
        back_populates="version", order_by="SurveyQuestion.position",
        cascade="all, delete-orphan", foreign_keys="SurveyQuestion.version_id")

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class SurveyMedia(Model):
    """An uploaded picture or audio file; the bytes live in the data folder, named by hash."""

    __tablename__ = "survey_media"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    kind: Mapped[MediaKind] = mapped_column(
        enum_type(MediaKind, "media_kind", 10))
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SurveyQuestion(Model):
    __tablename__ = "survey_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("survey_versions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column()
    kind: Mapped[QuestionKind] = mapped_column(
        enum_type(QuestionKind, "question_kind", 30))
    text: Mapped[str] = mapped_column(Text)
    help_text: Mapped[str | None] = mapped_column(Text)
    # [{"value": "1", "label": "In a hostel"}, ...]; values stay fixed within a version.
    choices: Mapped[list] = mapped_column(JSON, default=list)
    offer_dont_know: Mapped[bool] = mapped_column(default=False)
    offer_prefer_not: Mapped[bool] = mapped_column(default=False)
    # When set, "Next" with no answer asks for one instead of offering to skip.
    answer_required: Mapped[bool] = mapped_column(default=False, server_default=false())
    # A number question counts things, so below 0 is refused unless the builder allows it
    # (a change in money, say). Not used by other kinds.
    negative_allowed: Mapped[bool] = mapped_column(default=False, server_default=false())
    # A number question takes whole numbers (nights, workers) unless the builder allows decimals
    # (miles, hours). Not used by other kinds.
    decimals_allowed: Mapped[bool] = mapped_column(default=False, server_default=false())
    picture_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_media.id", ondelete="SET NULL"))
    picture_alt: Mapped[str | None] = mapped_column(String(300))
    audio_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_media.id", ondelete="SET NULL"))
    # Skip logic: show only if that earlier question (same version) was answered with this value.
    show_if_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_questions.id", ondelete="SET NULL"))
    show_if_value: Mapped[str | None] = mapped_column(String(60))
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"))

    survey: Mapped[Survey] = relationship()
    version: Mapped[SurveyVersion] = relationship(back_populates="questions",
                                                  foreign_keys=[version_id])
    consultation_question: Mapped[Question | None] = relationship()
    picture: Mapped[SurveyMedia | None] = relationship(foreign_keys=[picture_id])
    audio: Mapped[SurveyMedia | None] = relationship(foreign_keys=[audio_id])
    show_if_question: Mapped[SurveyQuestion | None] = relationship(
        remote_side=[id], foreign_keys=[show_if_question_id])

    @property
    def all_choices(self) -> list[dict]:
        """The question's choices followed by the 'Don't know' and 'Prefer not to say' it offers."""
        extra = []
        if self.kind.has_choices:
            if self.offer_dont_know:
                extra.append({"value": "dont_know", "label": SPECIAL_CHOICES["dont_know"]})
            if self.offer_prefer_not:
                extra.append({"value": "prefer_not", "label": SPECIAL_CHOICES["prefer_not"]})
        return list(self.choices or []) + extra

    def choice_label(self, value) -> str:
        for choice in self.all_choices:
            if choice["value"] == value:
                return choice["label"]
        return str(value)
