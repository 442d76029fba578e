"""Questions of a draft version: add, change, delete, reorder, and their choices."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from forum.extensions import db
from surveys.models import QuestionKind, SurveyMedia, SurveyQuestion, SurveyVersion
from surveys.services.surveys import SurveyError

SCALE_FACES = ["Very bad", "Bad", "OK", "Good", "Very good"]
YES_NO = [{"value": "yes", "label": "Yes"}, {"value": "no", "label": "No"}]
CHOICE_LABEL_MAX = 120
VALUE_MAX = 60
MIN_CHOICES = 2  # one choice is not a choice


@dataclass
class QuestionData:
    """What the builder form gives us for one question."""

    kind: QuestionKind
    text: str
    help_text: str = ""
    choice_labels: list[str] = field(default_factory=list)
    offer_dont_know: bool = False
    offer_prefer_not: bool = False
    answer_required: bool = False
    negative_allowed: bool = False
    decimals_allowed: bool = False
    consultation_question_id: int | None = None
    show_if: tuple[int, str] | None = None      # (survey question id, choice value)
    picture: SurveyMedia | None = None
    picture_alt: str = ""
    remove_picture: bool = False
    audio: SurveyMedia | None = None
    remove_audio: bool = False


def slug(label: str) -> str:
    value = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:VALUE_MAX - 4]
    return value or "choice"


def make_choices(kind: QuestionKind, labels: list[str],
                 old: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Choices for a kind; a label kept from before keeps its value (skip logic uses it)."""
    labels = [label.strip() for label in labels if label and label.strip()]
    if kind == QuestionKind.YES_NO:
        return [dict(c) for c in YES_NO]
    if kind == QuestionKind.SCALE:
        words = (labels + SCALE_FACES[len(labels):])[:5] if labels else SCALE_FACES
        return [{"value": str(n), "label": word} for n, word in enumerate(words, start=1)]
    if not kind.has_choices:
        return []
    by_label = {c["label"]: c["value"] for c in old or []}
    used, choices = set(), []
    for label in labels:
        value = by_label.get(label) or slug(label)
        base, n = value, 2
        while value in used or value in ("dont_know", "prefer_not"):
            value, n = f"{base}-{n}", n + 1
        used.add(value)
        choices.append({"value": value, "label": label[:CHOICE_LABEL_MAX]})
    return choices


def check(data: QuestionData) -> list[str]:
    """Problems that stop a question being saved (wording problems only warn, elsewhere)."""
    problems = []
    if not data.text.strip():
        problems.append("Enter the question")
    labels = [label for label in data.choice_labels if label.strip()]
    choices = (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE)
    if data.kind in choices and len(labels) < MIN_CHOICES:
        problems.append("Give at least two choices, one on each line")
    if len({label.strip().lower() for label in labels}) != len(labels):
        problems.append("Each choice must be different")
    if data.picture is not None and not data.picture_alt.strip():
        problems.append("Describe the picture for people who cannot see it (alt text)")
    return problems


def apply(question: SurveyQuestion, data: QuestionData) -> None:
    problems = check(data)
    if data.picture is None and question.picture_id and not data.remove_picture \
            and not data.picture_alt.strip():
        problems.append("Describe the picture for people who cannot see it (alt text)")
    if problems:
        raise SurveyError(". ".join(problems))
    question.kind = data.kind
    question.text = data.text.strip()
    question.help_text = data.help_text.strip() or None
    question.choices = make_choices(data.kind, data.choice_labels, question.choices)
    question.offer_dont_know = data.kind.has_choices and data.offer_dont_know
    question.offer_prefer_not = data.kind.has_choices and data.offer_prefer_not
    question.answer_required = data.answer_required
    question.negative_allowed = data.kind == QuestionKind.NUMBER and data.negative_allowed
    question.decimals_allowed = data.kind == QuestionKind.NUMBER and data.decimals_allowed
    question.question_id = data.consultation_question_id
    if data.remove_picture:
        question.picture, question.picture_alt = None, None
    if data.picture is not None:
        question.picture = data.picture
    if question.picture is not None or question.picture_id:
        question.picture_alt = data.picture_alt.strip()[:300]
    if data.remove_audio:
        question.audio = None
    if data.audio is not None:
        question.audio = data.audio
    _set_condition(question, data.show_if)


def _set_condition(question: SurveyQuestion, show_if: tuple[int, str] | None) -> None:
    if not show_if:
        question.show_if_question, question.show_if_value = None, None
        return
    target_id, value = show_if
    target = next((q for q in question.version.questions if q.id == target_id), None)
    if target is None or target is question or target.position >= question.position:
        raise SurveyError("Skip logic can only depend on an earlier question")
    if value not in {c["value"] for c in target.all_choices}:
        raise SurveyError("Choose an answer the earlier question offers")
    question.show_if_question, question.show_if_value = target, value


def add_question(version: SurveyVersion, data: QuestionData) -> SurveyQuestion:
    question = SurveyQuestion(survey_id=version.survey_id, position=len(version.questions) + 1,
                              kind=data.kind, text="", choices=[])
    version.questions.append(question)
    try:
        apply(question, data)
    except SurveyError:
        db.session.rollback()
        raise
    db.session.commit()
    return question


def update_question(question: SurveyQuestion, data: QuestionData) -> SurveyQuestion:
    try:
        apply(question, data)
    except SurveyError:
        db.session.rollback()
        raise
    _drop_broken_conditions(question.version)
    db.session.commit()
    return question


def _drop_broken_conditions(version: SurveyVersion) -> None:
    """A condition whose answer no longer exists (choices changed) is removed."""
    for question in version.questions:
        target = question.show_if_question
        if target is not None and (target.position >= question.position or question.show_if_value
                                   not in {c["value"] for c in target.all_choices}):
            question.show_if_question, question.show_if_value = None, None


def delete_question(question: SurveyQuestion) -> None:
    version = question.version
    for other in version.questions:
        if other.show_if_question_id == question.id:
            other.show_if_question, other.show_if_value = None, None
    version.questions.remove(question)
    _renumber(version)
    db.session.commit()


def move_question(question: SurveyQuestion, step: int) -> None:
    """Move a question up (-1) or down (+1); conditions on later questions are checked."""
    version = question.version
    ordered = list(version.questions)
    index = ordered.index(question)
    target = index + step
    if not 0 <= target < len(ordered):
        return
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, item in enumerate(ordered, start=1):
        item.position = position
    _drop_broken_conditions(version)
    db.session.commit()
    db.session.refresh(version)


def _renumber(version: SurveyVersion) -> None:
    for position, item in enumerate(sorted(version.questions, key=lambda q: q.position), start=1):
        item.position = position


def condition_options(question: SurveyQuestion | None,
                      version: SurveyVersion) -> list[tuple[str, str]]:
    """("id:value", "Question 2 is Yes") for every answer of every earlier choice question."""
    limit = question.position if question is not None else len(version.questions) + 1
    options = []
    for earlier in version.questions:
        if earlier.position >= limit or not earlier.kind.has_choices:
            continue
        for choice in earlier.all_choices:
            options.append((f"{earlier.id}:{choice['value']}",
                            f"Question {earlier.position} is \u2018{choice['label']}\u2019"))
    return options
