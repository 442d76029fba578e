"""Survey responses sent by tablets, stored exactly once, and their answers."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import utcnow

if TYPE_CHECKING:
    from forum.models.members import Member
    from surveys.models.devices import SurveyDevice
    from surveys.models.surveys import SurveyQuestion, SurveyVersion


class SurveyResponse(Model):
    __tablename__ = "survey_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Made on the tablet; unique so a response sent twice (even at once) is stored once.
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("survey_versions.id", ondelete="CASCADE"), index=True)
    device_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_devices.id", ondelete="SET NULL"), index=True)
    # Set only when the researcher linked the response to a member; otherwise anonymous.
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    completed: Mapped[bool] = mapped_column(default=True)
    read_aloud: Mapped[bool] = mapped_column(default=False)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # SHA-256 of the normalised payload: a resend must match it exactly.
    payload_hash: Mapped[str] = mapped_column(String(64))

    version: Mapped[SurveyVersion] = relationship()
    device: Mapped[SurveyDevice | None] = relationship()
    member: Mapped[Member | None] = relationship()
    answers: Mapped[list[SurveyAnswer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="SurveyAnswer.id")


class SurveyAnswer(Model):
    __tablename__ = "survey_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_responses.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("survey_questions.id", ondelete="CASCADE"), index=True)
    # Choice value, list of values, or number; None for free text.
    value: Mapped[Any | None] = mapped_column(JSON)
    # Free text exactly as given (unredacted: analysis redacts it into segments).
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    response: Mapped[SurveyResponse] = relationship(back_populates="answers")
    question: Mapped[SurveyQuestion] = relationship()
