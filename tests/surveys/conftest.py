"""Survey fixtures: a consultation with a published survey of every question kind, and a tablet."""
import uuid

import pytest

from forum.models import Consultation
from forum.services.consultations import save_consultation
from forum.services.questions import parse_questions
from surveys.models import QuestionKind
from surveys.services.devices import register_device
from surveys.services.questions import QuestionData, add_question
from surveys.services.surveys import create_survey, draft_version, publish


@pytest.fixture
def consultation(app):
    return save_consultation(Consultation(title="Test consultation", consulting_body="Test body"),
                             parse_questions("Q1. First?\nQ2. Second?\nQ4. Fourth?"))


@pytest.fixture
def survey(consultation):
    """A published survey: yes/no, single, multiple, scale, free text (shown if yes), number."""
    survey = create_survey(consultation, "Test survey", "To hear what you think.")
    version = draft_version(survey)
    q1, q2, q4 = consultation.questions
    yes_no = add_question(version, QuestionData(QuestionKind.YES_NO, "Have you been to prison?",
                                                offer_prefer_not=True))
    add_question(version, QuestionData(QuestionKind.SINGLE_CHOICE, "Where did you sleep?",
                                       choice_labels=["Hostel", "Friend", "Street"],
                                       offer_dont_know=True, consultation_question_id=q1.id))
    add_question(version, QuestionData(QuestionKind.MULTIPLE_CHOICE, "Who helped you?",
                                       choice_labels=["Family", "Probation", "Charity"]))
    add_question(version, QuestionData(QuestionKind.SCALE, "How was the help?"))
    add_question(version, QuestionData(QuestionKind.FREE_TEXT, "What helped most?",
                                       consultation_question_id=q2.id,
                                       show_if=(yes_no.id, "yes")))
    add_question(version, QuestionData(QuestionKind.NUMBER, "How many nights?",
                                       consultation_question_id=q4.id))
    publish(survey, None)
    return survey


@pytest.fixture
def version(survey):
    return survey.published_version


@pytest.fixture
def questions(version):
    return {q.position: q for q in version.questions}


@pytest.fixture
def tablet(app):
    device, token = register_device("Tablet 1", None)
    return device, token


def make_payload(version, questions, **changes):
    body = {
        "uuid": str(uuid.uuid4()), "survey_version_id": version.id, "completed": True,
        "read_aloud": False, "member_id": None,
        "started_at": "2026-11-20T10:00:00Z", "finished_at": "2026-11-20T10:09:30.120Z",
        "answers": [
            {"question_id": questions[1].id, "value": "yes"},
            {"question_id": questions[2].id, "value": "hostel"},
            {"question_id": questions[3].id, "value": ["probation", "family"]},
            {"question_id": questions[4].id, "value": "4"},
            {"question_id": questions[5].id, "value": "My key worker listened to me."},
            {"question_id": questions[6].id, "value": 3},
        ],
    }
    body.update(changes)
    return body
