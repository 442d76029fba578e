"""Free-text answers for analysis: what participants wrote, unredacted, with its links.

Analysis (not this package) redacts these into segments. Both sources are returned:
answers sent by tablets and answers imported from CSV files.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select

from forum.extensions import db
from surveys.models import (
    CsvImport,
    CsvImportAnswer,
    CsvImportStatus,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyDevice,
    SurveyQuestion,
    SurveyResponse,
    SurveyVersion,
)

SOURCE_SURVEY = "survey"          # the same strings as forum.models.SegmentSource values
SOURCE_CSV_IMPORT = "csv_import"


@dataclass(frozen=True)
class FreeTextAnswer:
    """One free-text answer.

    answer_id and response_id are ids within their source: for "survey" a
    survey_answers.id and survey_responses.id; for "csv_import" a
    csv_import_answers.id and csv_imports.id.
    """

    answer_id: int
    response_id: int
    member_id: int | None
    consultation_question_id: int | None
    text: str
    created_at: datetime
    source: str


def free_text_answers(consultation_id: int,
                      among: Mapping[str, Select[Any]] | None = None) -> list[FreeTextAnswer]:
    """Every non-empty free-text answer for a consultation, oldest first.

    Survey answers come from responses to any version of the consultation's surveys
    (finished, or stopped early where the participant chose to keep their answers);
    CSV answers come only from imports that passed every check.

    Args:
        consultation_id: the consultation.
        among: only these answers: a select of answer ids for each source
            (``SOURCE_SURVEY``, ``SOURCE_CSV_IMPORT``), read in the same query. None: all.

    Returns:
        The answers, oldest first.
    """
    survey_query = (
        select(SurveyAnswer.id, SurveyAnswer.response_id, SurveyResponse.member_id,
               SurveyQuestion.question_id, SurveyAnswer.text, SurveyAnswer.created_at)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
        .join(SurveyVersion, SurveyVersion.id == SurveyResponse.version_id)
        .join(Survey, Survey.id == SurveyVersion.survey_id)
        .where(Survey.consultation_id == consultation_id,
               SurveyQuestion.kind == QuestionKind.FREE_TEXT, SurveyAnswer.text.is_not(None))
        .order_by(SurveyAnswer.id))
    csv_query = (
        select(CsvImportAnswer.id, CsvImportAnswer.import_id, CsvImportAnswer.member_id,
               CsvImportAnswer.question_id, CsvImportAnswer.text, CsvImportAnswer.created_at)
        .join(CsvImport, CsvImport.id == CsvImportAnswer.import_id)
        .where(CsvImport.consultation_id == consultation_id,
               CsvImport.status == CsvImportStatus.IMPORTED)
        .order_by(CsvImportAnswer.id))
    if among is not None:
        survey_query = survey_query.where(SurveyAnswer.id.in_(among[SOURCE_SURVEY]))
        csv_query = csv_query.where(CsvImportAnswer.id.in_(among[SOURCE_CSV_IMPORT]))
    survey_rows = db.session.execute(survey_query)
    csv_rows = db.session.execute(csv_query)
    answers = [FreeTextAnswer(a, r, m, q, text, at, source=SOURCE_SURVEY)
               for a, r, m, q, text, at in survey_rows if text]
    answers += [FreeTextAnswer(a, r, m, q, text, at, source=SOURCE_CSV_IMPORT)
                for a, r, m, q, text, at in csv_rows if text]
    return sorted(answers, key=lambda a: (a.created_at, a.source, a.answer_id))


@dataclass(frozen=True)
class AnswerPlace:
    """Where a survey answer was given: which survey question, and on which tablet when."""

    survey_title: str
    position: int
    question_text: str
    device_name: str | None
    answered_at: datetime | None


def answer_places(consultation_id: int) -> dict[tuple[str, int], AnswerPlace]:
    """Survey question, tablet and time for each survey answer of a consultation.

    Args:
        consultation_id: the consultation.

    Returns:
        AnswerPlace by (SOURCE_SURVEY, answer id), the key ``free_text_answers`` uses.
    """
    rows = db.session.execute(
        select(SurveyAnswer.id, Survey.title, SurveyQuestion.position, SurveyQuestion.text,
               SurveyDevice.name, SurveyResponse.finished_at, SurveyResponse.received_at)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
        .join(SurveyVersion, SurveyVersion.id == SurveyResponse.version_id)
        .join(Survey, Survey.id == SurveyVersion.survey_id)
        .outerjoin(SurveyDevice, SurveyDevice.id == SurveyResponse.device_id)
        .where(Survey.consultation_id == consultation_id,
               SurveyQuestion.kind == QuestionKind.FREE_TEXT))
    return {(SOURCE_SURVEY, row.id): AnswerPlace(row.title, row.position, row.text, row.name,
                                                 row.finished_at or row.received_at)
            for row in rows}
