"""A note of each response the server refused from a tablet: which, why and how often, never
its answers (the answers stay on the tablet until it is put right)."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import utcnow

if TYPE_CHECKING:
    from surveys.models.devices import SurveyDevice

REASON_MAX = 1000  # characters in one reason
REASONS_MAX = 50  # reasons kept in one note; a body can be refused for each of its answers


class SurveyRefusal(Model):
    __tablename__ = "survey_refusals"

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_devices.id", ondelete="SET NULL"), index=True)
    # As the tablet sent them, when they could be read: no foreign key, since a version the
    # server does not have is one reason to refuse.
    uuid: Mapped[str | None] = mapped_column(String(36), index=True)
    version_id: Mapped[int | None] = mapped_column()
    status: Mapped[int] = mapped_column()
    # The server's reasons, one plain sentence each (a 422's follow 'The response was not
    # stored:'): they name answers by position and say numbers, never written words. A list,
    # since a choice label may hold the '; ' they were once joined with.
    reasons: Mapped[list[str]] = mapped_column(JSON)
    first_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(default=1)

    device: Mapped[SurveyDevice | None] = relationship()
