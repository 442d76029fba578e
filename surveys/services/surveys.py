"""Surveys and versions: create, find the draft, publish (which freezes a version)."""
from __future__ import annotations

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Consultation, User
from forum.models.base import utcnow
from surveys.models import Survey, SurveyQuestion, SurveyResponse, SurveyVersion


class SurveyError(ValueError):
    """A survey change that cannot be made, in plain English."""


def surveys_for(consultation_id: int) -> list[Survey]:
    return list(db.session.scalars(
        select(Survey).where(Survey.consultation_id == consultation_id).order_by(Survey.id)))


def list_surveys() -> list[Survey]:
    return list(
        db.session.scalars(select(Survey).order_by(Survey.created_at.desc(), Survey.id.desc())))


def create_survey(consultation: Consultation, title: str, purpose: str | None = None) -> Survey:
    """A new survey with an empty draft version 1."""
    survey = Survey(consultation=consultation, title=title.strip(), status="draft")
    survey.versions.append(SurveyVersion(number=1, title=title.strip(), purpose=_clean(purpose)))
    db.session.add(survey)
    db.session.commit()
    return survey


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def draft_version(survey: Survey) -> SurveyVersion:
    """The version being edited: the latest, or a new copy if the latest is published."""
    latest = survey.latest_version
    if latest is None:
        latest = SurveyVersion(number=1, title=survey.title)
        survey.versions.append(latest)
        db.session.flush()
        return latest
    if not latest.is_published:
        return latest
    return copy_version(latest)


def copy_version(source: SurveyVersion) -> SurveyVersion:
    """A new draft with the same questions; skip logic points at the copies."""
    survey = source.survey
    copy = SurveyVersion(number=source.number + 1, title=source.title, purpose=source.purpose)
    survey.versions.append(copy)
    copies: dict[int, SurveyQuestion] = {}
    for question in source.questions:
        new = SurveyQuestion(
            survey_id=survey.id, position=question.position, kind=question.kind,
            text=question.text, help_text=question.help_text,
            choices=[dict(c) for c in question.choices or []],
            offer_dont_know=question.offer_dont_know, offer_prefer_not=question.offer_prefer_not,
            answer_required=question.answer_required,
            negative_allowed=question.negative_allowed,
            decimals_allowed=question.decimals_allowed,
            picture_id=question.picture_id, picture_alt=question.picture_alt,
            audio_id=question.audio_id, show_if_value=question.show_if_value,
            question_id=question.question_id)
        copy.questions.append(new)
        copies[question.id] = new
    for question in source.questions:
        if question.show_if_question_id in copies:
            copies[question.id].show_if_question = copies[question.show_if_question_id]
    db.session.flush()
    return copy


def editable_question(survey: Survey, question_id: int) -> SurveyQuestion | None:
    """The draft's question matching ``question_id`` (which may belong to a frozen version)."""
    question = db.session.get(SurveyQuestion, question_id)
    if question is None or question.survey_id != survey.id:
        return None
    draft = draft_version(survey)
    if question.version_id == draft.id:
        return question
    if question.version.number != draft.number - 1:
        return None  # an older version's question: only the latest can be edited
    return next((q for q in draft.questions if q.position == question.position), None)


def set_details(survey: Survey, title: str, purpose: str | None) -> SurveyVersion:
    """Change the survey's title and what it is for (participant-facing, so versioned)."""
    draft = draft_version(survey)
    survey.title = title.strip()
    draft.title = title.strip()
    draft.purpose = _clean(purpose)
    db.session.commit()
    return draft


def publish(survey: Survey, user: User | None) -> SurveyVersion:
    """Freeze the draft version so tablets can run it.

    Raises:
        SurveyError: when there is nothing new to publish or the draft has no questions.
    """
    latest = survey.latest_version
    if latest is None or latest.is_published:
        raise SurveyError("There are no changes to publish")
    if not latest.questions:
        raise SurveyError("Add at least one question before publishing")
    latest.published_at = utcnow()
    latest.published_by = user
    survey.status = "published"
    db.session.commit()
    return latest


def has_unpublished_changes(survey: Survey) -> bool:
    latest = survey.latest_version
    return bool(latest and not latest.is_published and survey.published_version)


def response_counts(survey: Survey) -> dict[int, int]:
    """Responses received per version id."""
    rows = db.session.execute(
        select(SurveyResponse.version_id, func.count(SurveyResponse.id))
        .join(SurveyVersion, SurveyVersion.id == SurveyResponse.version_id)
        .where(SurveyVersion.survey_id == survey.id).group_by(SurveyResponse.version_id))
    return {version_id: count for version_id, count in rows}
