"""A number question counts things unless its builder says otherwise: negatives are refused
on the server in the same words the tablet shows (one rule, carried to the tablet)."""
import json

import pytest

from forum.access import Role
from forum.extensions import db
from surveys.models import QuestionKind
from surveys.services.payload import (
    NUMBER_MAX,
    NUMBER_NOT_WHOLE,
    NUMBER_TOO_BIG,
    NUMBER_TOO_SMALL,
)
from surveys.services.questions import QuestionData, add_question
from surveys.services.surveys import draft_version, publish
from tests.surveys.conftest import make_payload

URL = "/api/v1/responses"


def send(client, token, body):
    return client.post(URL, data=json.dumps(body), content_type="application/json",
                       headers={"Authorization": f"Bearer {token}"})


def with_number(version, questions, value):
    body = make_payload(version, questions)
    body["answers"][5]["value"] = value
    return body


def test_a_negative_count_is_refused_in_plain_words(client, version, questions, tablet):
    _, token = tablet
    response = send(client, token, with_number(version, questions, -5))
    assert response.status_code == 422
    assert NUMBER_TOO_SMALL in json.dumps(response.json)
    assert NUMBER_TOO_SMALL == "Type a number of 0 or more"
    assert send(client, token, with_number(version, questions, 0)).status_code == 201


def published_with_number(survey, text, value, **tick):
    """Publish the survey with a number question ticked as ``tick`` says; returns the live
    version and a response answering it with ``value``."""
    add_question(draft_version(survey), QuestionData(QuestionKind.NUMBER, text, **tick))
    publish(survey, None)
    db.session.commit()
    live = survey.published_version
    questions = {q.position: q for q in live.questions}
    body = with_number(live, questions, 3)
    body["answers"].append({"question_id": questions[7].id, "value": value})
    return live, body


def test_a_question_that_allows_negatives_takes_them(client, survey, tablet):
    _live, body = published_with_number(survey, "How much did your rent change?", -20,
                                        negative_allowed=True)
    _, token = tablet
    assert send(client, token, body).status_code == 201


def test_the_number_page_carries_the_rule_and_its_words(auth, version, questions):
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{version.id}/q/6").get_data(as_text=True)
    assert 'data-min="0"' in page and f'data-too-small="{NUMBER_TOO_SMALL}"' in page
    rules = json.loads(auth.client.get(f"/run/{version.id}/offline.json").json["rules"])
    assert rules["too_small"] == NUMBER_TOO_SMALL


@pytest.mark.parametrize("tick, label, text", [
    ("negative_allowed", "Negative numbers are allowed", "How much did your rent change?"),
    ("decimals_allowed", "Decimals are allowed", "How many miles away is it?"),
])
def test_a_builders_number_tick_is_saved_and_a_new_version_keeps_it(
        auth, survey, questions, tick, label, text):
    auth.login(Role.FACILITATOR)
    form = {"kind": "number", "text": text, "help_text": "",
            "choices": "", "consultation_question_id": "0", "show_if": "", "picture_alt": ""}
    page = auth.client.get(f"/surveys/{survey.id}/questions/new").get_data(as_text=True)
    assert label in page
    assert auth.client.post(f"/surveys/{survey.id}/questions/new",
                            data={**form, tick: "y"}).status_code == 302
    db.session.expire_all()
    added = survey.latest_version.questions[-1]
    assert getattr(added, tick) and not getattr(questions[6], tick)
    edit = f"/surveys/{survey.id}/questions/{added.id}/edit"
    assert f'name="{tick}" type="checkbox" value="y" checked' in \
        auth.client.get(edit).get_data(as_text=True)
    publish(survey, None)
    assert getattr(draft_version(survey).questions[-1], tick)  # copied into the next draft


def test_a_number_too_big_is_refused_in_the_words_the_tablet_shows(
        auth, client, version, questions, tablet):
    """The server refused 99999999999999 workers as "not a believable number" after the tablet
    had taken it, so the whole response stayed on the tablet: both now use one limit and words."""
    _, token = tablet
    response = send(client, token, with_number(version, questions, NUMBER_MAX + 1))
    assert response.status_code == 422
    assert NUMBER_TOO_BIG in json.dumps(response.json)
    assert send(client, token, with_number(version, questions, NUMBER_MAX)).status_code == 201
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{version.id}/q/6").get_data(as_text=True)
    assert f'data-max="{NUMBER_MAX}"' in page and f'data-too-big="{NUMBER_TOO_BIG}"' in page
    rules = json.loads(auth.client.get(f"/run/{version.id}/offline.json").json["rules"])
    assert rules["too_big"] == NUMBER_TOO_BIG and rules["number_max"] == NUMBER_MAX


def test_a_count_refuses_a_part_number_in_the_words_the_tablet_shows(
        auth, client, version, questions, tablet):
    """"How many nights?" took 1.5 on the tablet and on the server: a number question now takes
    whole numbers unless its builder allows decimals; one rule, carried to the tablet."""
    _, token = tablet
    response = send(client, token, with_number(version, questions, 1.5))
    assert response.status_code == 422
    assert NUMBER_NOT_WHOLE in json.dumps(response.json)
    assert "(question 6)" in response.json["error"]
    assert send(client, token, with_number(version, questions, 2)).status_code == 201
    assert send(client, token, with_number(version, questions, 2.0)).status_code == 201
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{version.id}/q/6").get_data(as_text=True)
    assert 'data-whole="1"' in page and f'data-not-whole="{NUMBER_NOT_WHOLE}"' in page
    assert 'inputmode="numeric"' in page
    rules = json.loads(auth.client.get(f"/run/{version.id}/offline.json").json["rules"])
    assert rules["not_whole"] == NUMBER_NOT_WHOLE


def test_a_question_that_allows_decimals_takes_them(auth, client, survey, tablet):
    live, body = published_with_number(survey, "How many miles away is it?", 2.5,
                                       decimals_allowed=True)
    _, token = tablet
    assert send(client, token, body).status_code == 201
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get(f"/run/{live.id}/q/7").get_data(as_text=True)
    assert 'data-whole="1"' not in page and 'inputmode="decimal"' in page

