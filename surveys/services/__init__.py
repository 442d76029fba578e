"""Survey services: plain functions the views, CLI and tests call.

Other packages use these (and nothing in views):
    surveys_for, list_surveys   -- surveys of a consultation / all surveys
    free_text_answers           -- free-text answers (survey and CSV import) for analysis
"""
from surveys.services.answers import AnswerPlace, FreeTextAnswer, answer_places, free_text_answers
from surveys.services.surveys import list_surveys, surveys_for

__all__ = ["surveys_for", "list_surveys", "free_text_answers", "FreeTextAnswer", "answer_places",
           "AnswerPlace"]
