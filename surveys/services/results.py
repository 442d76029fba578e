"""Results per question for one version: counts and percentages, filtered by member demographics.

A filtered group of fewer than ``GROUP_MIN`` responses is hidden, so nobody can be picked out.
Anonymous responses have no demographics, so any filter leaves them out.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from forum.extensions import db
from forum.models import Member
from forum.models.members import AGE_BANDS, ETHNICITY_GROUPS, GENDERS, LIVED_EXPERIENCE
from surveys.models import QuestionKind, SurveyAnswer, SurveyQuestion, SurveyResponse, SurveyVersion

GROUP_MIN = 5
FILTERS = {
    "age_band": ("Age", [(v, v) for v in AGE_BANDS]),
    "gender": ("Gender", [(v, v) for v in GENDERS]),
    "ethnicity_group": ("Ethnic group", [(v, v) for v in ETHNICITY_GROUPS]),
    "lived_experience": ("Lived experience", list(LIVED_EXPERIENCE.items())),
}


@dataclass(frozen=True)
class ChoiceCount:
    value: str
    label: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int = 0
    choices: list[ChoiceCount] = field(default_factory=list)
    numbers: dict[str, Any] | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class Results:
    version: SurveyVersion
    responses: int
    completed: int
    filters: dict[str, str]
    hidden: bool
    questions: list[QuestionResult]

    @property
    def filter_label(self) -> str:
        parts = []
        for key, value in self.filters.items():
            title, options = FILTERS[key]
            parts.append(f"{title}: {dict(options).get(value, value)}")
        return ", ".join(parts)


def clean_filters(raw: dict[str, Any]) -> dict[str, str]:
    """Only known filters with known values."""
    chosen = {}
    for key, (_title, options) in FILTERS.items():
        value = (raw.get(key) or "").strip()
        if value and value in dict(options):
            chosen[key] = value
    return chosen


def _matches(member: Member | None, filters: dict[str, str]) -> bool:
    if not filters:
        return True
    if member is None:
        return False
    for key, value in filters.items():
        if key == "lived_experience":
            if value not in (member.lived_experience or []):
                return False
        elif getattr(member, key) != value:
            return False
    return True


def version_results(version: SurveyVersion,
                    filters: dict[str, Any] | None = None) -> Results:
    filters = clean_filters(filters or {})
    rows = db.session.execute(
        select(SurveyResponse, Member).outerjoin(Member, Member.id == SurveyResponse.member_id)
        .where(SurveyResponse.version_id == version.id)).all()
    chosen = [response for response, member in rows if _matches(member, filters)]
    hidden = bool(filters) and len(chosen) < GROUP_MIN
    results = Results(version, len(chosen), sum(1 for r in chosen if r.completed), filters, hidden,
                      [])
    if hidden:
        return results
    ids = [r.id for r in chosen]
    answers: dict[int, list[SurveyAnswer]] = {}
    for start in range(0, len(ids), 500):
        for answer in db.session.scalars(select(SurveyAnswer).where(
                SurveyAnswer.response_id.in_(ids[start:start + 500]))):
            answers.setdefault(answer.question_id, []).append(answer)
    for question in version.questions:
        results.questions.append(_question_result(question, answers.get(question.id, [])))
    return results


def _question_result(question: SurveyQuestion, answers: list[SurveyAnswer]) -> QuestionResult:
    result = QuestionResult(question, answered=len(answers))
    if question.kind == QuestionKind.FREE_TEXT:
        result.texts = [a.text for a in answers if a.text]
        return result
    if question.kind == QuestionKind.NUMBER:
        values = [a.value for a in answers if isinstance(a.value, (int, float))]
        if values:
            result.numbers = {"median": statistics.median(values), "lowest": min(values),
                              "highest": max(values), "mean": round(statistics.fmean(values), 1)}
        return result
    counts = {c["value"]: 0 for c in question.all_choices}
    for answer in answers:
        for value in answer.value if isinstance(answer.value, list) else [answer.value]:
            if value in counts:
                counts[value] += 1
    result.choices = [ChoiceCount(c["value"], c["label"], counts[c["value"]],
                                  round(100 * counts[c["value"]] / len(answers), 1) if answers
                                  else 0.0)
                      for c in question.all_choices]
    return result
