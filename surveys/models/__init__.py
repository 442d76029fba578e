"""Survey tables, imported here so Alembic and create_all see every one."""
from surveys.models.devices import SurveyDevice
from surveys.models.imports import CsvImport, CsvImportAnswer, CsvImportStatus
from surveys.models.refusals import SurveyRefusal
from surveys.models.responses import SurveyAnswer, SurveyResponse
from surveys.models.surveys import (
    SPECIAL_CHOICES,
    MediaKind,
    QuestionKind,
    Survey,
    SurveyMedia,
    SurveyQuestion,
    SurveyVersion,
)

__all__ = [
    "Survey", "SurveyVersion", "SurveyQuestion", "SurveyMedia", "QuestionKind", "MediaKind",
    "SPECIAL_CHOICES", "SurveyResponse", "SurveyAnswer", "SurveyDevice", "CsvImport",
    "CsvImportAnswer", "CsvImportStatus", "SurveyRefusal",
]
