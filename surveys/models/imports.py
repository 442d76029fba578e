"""Free-text responses imported from other survey tools as CSV files."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import enum_type, utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User
    from forum.models.consultations import Consultation, Question
    from forum.models.jobs import Job
    from forum.models.members import Member


class CsvImportStatus(str, enum.Enum):
    UPLOADED = "uploaded"     # waiting for the columns to be chosen
    CHECKING = "checking"     # queued or running in the worker
    PROBLEMS = "problems"     # bad rows found; nothing imported
    IMPORTED = "imported"

    @property
    def label(self) -> str:
        return {"uploaded": "Choose columns", "checking": "Checking",
                "problems": "Problems found", "imported": "Imported"}[self.value]


class CsvImport(Model):
    __tablename__ = "csv_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    original_text: Mapped[str] = mapped_column(Text)
    respondent_column: Mapped[str | None] = mapped_column(String(200))
    # {"column heading": consultation question id}
    mapping: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[CsvImportStatus] = mapped_column(
        enum_type(CsvImportStatus, "csv_import_status"), default=CsvImportStatus.UPLOADED)
    # ["Line 4: ...", ...] from the last check.
    problems: Mapped[list] = mapped_column(JSON, default=list)
    row_count: Mapped[int] = mapped_column(default=0)
    answer_count: Mapped[int] = mapped_column(default=0)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    imported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    consultation: Mapped[Consultation] = relationship()
    created_by: Mapped[User | None] = relationship()
    job: Mapped[Job | None] = relationship()
    answers: Mapped[list[CsvImportAnswer]] = relationship(
        back_populates="csv_import", cascade="all, delete-orphan", order_by="CsvImportAnswer.id")


class CsvImportAnswer(Model):
    __tablename__ = "csv_import_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("csv_imports.id", ondelete="CASCADE"),
                                           index=True)
    line_number: Mapped[int] = mapped_column()
    respondent_ref: Mapped[str] = mapped_column(String(200))
    # Linked when the respondent id is a member's pseudonym; otherwise anonymous.
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    csv_import: Mapped[CsvImport] = relationship(back_populates="answers")
    member: Mapped[Member | None] = relationship()
    question: Mapped[Question | None] = relationship()
