"""Free-text answers for analysis: what participants wrote, unredacted, with its links.

Analysis (not this package) redacts these into segments. Both sources are returned:
answers sent by tablets and answers imported from CSV files.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import select

from forum.extensions import db
from surveys.models import (
    CsvImport, CsvImportAnswer, CsvImportStatus, QuestionKind, Survey, SurveyAnswer, SurveyQuestion,
    SurveyResponse, SurveyVersion)

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
    member_id: Optional[int]
    consultation_question_id: Optional[int]
    text: str
    created_at: datetime
    source: str


def free_text_answers(consultation_id: int) -> list[FreeTextAnswer]:
    """Every non-empty free-text answer for a consultation, oldest first.

    Survey answers come from responses to any version of the consultation's surveys
    (finished, or stopped early where the participant chose to keep their answers);
    CSV answers come only from imports that passed every check.
    """
    survey_rows = db.session.execute(
        select(SurveyAnswer.id, SurveyAnswer.response_id, SurveyResponse.member_id,
               SurveyQuestion.question_id, SurveyAnswer.text, SurveyAnswer.created_at)
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .join(SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id)
        .join(SurveyVersion, SurveyVersion.id == SurveyResponse.version_id)
        .join(Survey, Survey.id == SurveyVersion.survey_id)
        .where(Survey.consultation_id == consultation_id,
               SurveyQuestion.kind == QuestionKind.FREE_TEXT, SurveyAnswer.text.is_not(None))
        .order_by(SurveyAnswer.id))
    csv_rows = db.session.execute(
        select(CsvImportAnswer.id, CsvImportAnswer.import_id, CsvImportAnswer.member_id,
               CsvImportAnswer.question_id, CsvImportAnswer.text, CsvImportAnswer.created_at)
        .join(CsvImport, CsvImport.id == CsvImportAnswer.import_id)
        .where(CsvImport.consultation_id == consultation_id,
               CsvImport.status == CsvImportStatus.IMPORTED)
        .order_by(CsvImportAnswer.id))
    answers = [FreeTextAnswer(*row, source=SOURCE_SURVEY) for row in survey_rows if row.text]
    answers += [FreeTextAnswer(*row, source=SOURCE_CSV_IMPORT) for row in csv_rows if row.text]
    return sorted(answers, key=lambda a: (a.created_at, a.source, a.answer_id))
