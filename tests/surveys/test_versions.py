"""Versions: publishing freezes a version, editing a published survey makes a new one."""
import pytest
from sqlalchemy import select

from forum.extensions import db
from surveys.models import QuestionKind, SurveyResponse
from surveys.services.devices import Tablet
from surveys.services.questions import (
    QuestionData,
    add_question,
    delete_question,
    move_question,
    update_question,
)
from surveys.services.surveys import (
    SurveyError,
    create_survey,
    draft_version,
    editable_question,
    has_unpublished_changes,
    publish,
    response_counts,
)
from surveys.services.sync import receive_response
from tests.surveys.conftest import make_payload


def test_a_new_survey_has_an_empty_draft(consultation):
    survey = create_survey(consultation, "  Housing  ", "Why we ask.")
    assert survey.title == "Housing" and survey.status == "draft"
    assert [(v.number, v.is_published, v.purpose)
            for v in survey.versions] == [(1, False, "Why we ask.")]
    with pytest.raises(SurveyError, match="at least one question"):
        publish(survey, None)


def test_publishing_freezes_and_editing_makes_version_two(survey, version, questions):
    assert survey.status == "published" and version.number == 1
    with pytest.raises(SurveyError, match="no changes"):
        publish(survey, None)
    target = editable_question(survey, questions[2].id)
    assert target.version.number == 2 and target.id != questions[2].id
    update_question(target,
                    QuestionData(QuestionKind.SINGLE_CHOICE, "Where did you sleep last night?",
                                         choice_labels=["Hostel", "Street"]))
    db.session.expire_all()
    assert [q.text for q in version.questions][1] == "Where did you sleep?"  # version 1 untouched
    assert has_unpublished_changes(survey)
    assert survey.published_version.number == 1
    v2 = publish(survey, None)
    assert v2.number == 2 and survey.published_version.number == 2
    assert [q.text for q in v2.questions][1] == "Where did you sleep last night?"
    # Skip logic in the copy points at the copy, not at version 1.
    free_text = v2.questions[4]
    assert free_text.show_if_question.version_id == v2.id
    assert free_text.show_if_question.position == 1


def test_responses_keep_the_version_they_answered(survey, version, questions, tablet):
    device, _ = tablet
    from surveys.services.payload import VersionSpecs

    receive_response(Tablet(device.id, device.token_hash), make_payload(version, questions),
                     VersionSpecs())
    add_question(draft_version(survey), QuestionData(QuestionKind.FREE_TEXT, "Anything else?"))
    v2 = publish(survey, None)
    saved = db.session.scalar(select(SurveyResponse))
    assert saved.version_id == version.id
    assert {a.question.version_id for a in saved.answers} == {version.id}
    assert response_counts(survey) == {version.id: 1}
    assert len(v2.questions) == 7 and len(version.questions) == 6


def test_reorder_and_delete_keep_skip_logic_sound(consultation):
    survey = create_survey(consultation, "Order")
    v = draft_version(survey)
    first = add_question(v, QuestionData(QuestionKind.YES_NO, "Were you in prison?"))
    add_question(v, QuestionData(QuestionKind.FREE_TEXT, "Tell us more", show_if=(first.id, "yes")))
    add_question(v, QuestionData(QuestionKind.NUMBER, "How many?"))
    second = v.questions[1]
    move_question(second, -1)  # now before the question it depends on: the condition is dropped
    assert [q.text for q in v.questions] == ["Tell us more", "Were you in prison?", "How many?"]
    assert second.show_if_question is None
    update_question(v.questions[2], QuestionData(QuestionKind.NUMBER, "How many?",
                                                 show_if=(first.id, "no")))
    delete_question(first)
    assert [q.position for q in v.questions] == [1, 2]
    assert v.questions[1].show_if_question is None


def test_questions_are_checked(consultation):
    survey = create_survey(consultation, "Checks")
    v = draft_version(survey)
    with pytest.raises(SurveyError, match="at least two choices"):
        add_question(v,
                     QuestionData(QuestionKind.SINGLE_CHOICE, "Pick", choice_labels=["Only one"]))
    v = draft_version(survey)
    with pytest.raises(SurveyError, match="Each choice must be different"):
        add_question(v,
                     QuestionData(QuestionKind.MULTIPLE_CHOICE, "Pick", choice_labels=["A", "a"]))
    v = draft_version(survey)
    with pytest.raises(SurveyError, match="earlier question"):
        add_question(v, QuestionData(QuestionKind.FREE_TEXT, "Why?", show_if=(999, "yes")))
    v = draft_version(survey)
    assert v.questions == []


def test_choices_for_each_kind(consultation):
    survey = create_survey(consultation, "Kinds")
    v = draft_version(survey)
    scale = add_question(v, QuestionData(QuestionKind.SCALE, "How was it?", offer_dont_know=True))
    assert [c["label"] for c in scale.all_choices] == ["Very bad", "Bad", "OK", "Good", "Very good",
                                                       "Don\u2019t know"]
    yes_no = add_question(v, QuestionData(QuestionKind.YES_NO, "Ok?", choice_labels=["ignored"]))
    assert [c["value"] for c in yes_no.choices] == ["yes", "no"]
    text = add_question(v, QuestionData(QuestionKind.FREE_TEXT, "Say", offer_prefer_not=True))
    assert text.all_choices == [] and not text.offer_prefer_not
    single = add_question(v, QuestionData(QuestionKind.SINGLE_CHOICE, "Where?",
                                          choice_labels=["In a hostel", "Don't know!",
                                                         "In a hostel 2"]))
    assert [c["value"] for c in single.choices] == ["in-a-hostel", "don-t-know", "in-a-hostel-2"]
    # A kept label keeps its value when choices change (skip logic relies on it).
    update_question(single, QuestionData(QuestionKind.SINGLE_CHOICE, "Where?",
                                         choice_labels=["On the street", "In a hostel"]))
    assert [c["value"] for c in single.choices] == ["on-the-street", "in-a-hostel"]
