"""POST /api/v1/responses: stored exactly once, 200/201/409/422/401, hostile payloads."""
import json
import threading
import uuid

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from surveys.models import SurveyAnswer, SurveyDevice, SurveyRefusal, SurveyResponse
from surveys.services.devices import revoke_device
from tests.surveys.conftest import make_payload

URL = "/api/v1/responses"


def send(client, token, body, raw=None, **headers):
    data = raw if raw is not None else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json",
                       headers={"Authorization": f"Bearer {token}", **headers})


def stored(uuid_value=None):
    query = select(func.count(SurveyResponse.id))
    if uuid_value:
        query = query.where(SurveyResponse.uuid == uuid_value)
    return db.session.scalar(query)


def test_a_new_response_is_stored_with_its_answers(client, version, questions, tablet):
    device, token = tablet
    body = make_payload(version, questions, read_aloud=True)
    response = send(client, token, body)
    assert response.status_code == 201, response.json
    assert response.json == {"status": "received", "uuid": body["uuid"]}
    saved = db.session.scalar(select(SurveyResponse).where(SurveyResponse.uuid == body["uuid"]))
    assert saved.version_id == version.id and saved.device_id == device.id and saved.read_aloud
    by_question = {a.question.position: a for a in saved.answers}
    assert by_question[1].value == "yes"
    assert by_question[3].value == ["family", "probation"]
    assert by_question[5].text == "My key worker listened to me." and by_question[5].value is None
    assert by_question[6].value == 3
    assert db.session.get(SurveyDevice, device.id).last_sync_at is not None


def test_the_same_response_twice_is_already_received(client, version, questions, tablet):
    _, token = tablet
    body = make_payload(version, questions)
    assert send(client, token, body).status_code == 201
    again = send(client, token, body)
    assert again.status_code == 200
    assert again.json["status"] == "already received"
    # Key order and UUID case do not make it a different response.
    reordered = dict(reversed(list(body.items())), uuid=body["uuid"].upper())
    assert send(client, token, reordered).status_code == 200
    assert stored(body["uuid"]) == 1
    assert db.session.scalar(select(func.count(SurveyAnswer.id))) == 6


def test_the_same_uuid_with_different_answers_is_a_conflict(client, version, questions, tablet):
    _, token = tablet
    body = make_payload(version, questions)
    send(client, token, body)
    changed = json.loads(json.dumps(body))
    changed["answers"][0]["value"] = "no"
    response = send(client, token, changed)
    assert response.status_code == 409
    assert "different response was already received" in response.json["error"]
    answer = db.session.scalar(
        select(SurveyAnswer).where(SurveyAnswer.question_id == questions[1].id))
    assert answer.value == "yes"
    assert stored() == 1


def test_a_response_sent_by_two_tablets_at_once_is_stored_once(app, version, questions, tablet):
    _, token = tablet
    body = make_payload(version, questions)
    statuses, barrier = [], threading.Barrier(8)

    def post():
        client = app.test_client()
        barrier.wait()
        statuses.append(send(client, token, body).status_code)

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 7 + [201]
    db.session.expire_all()
    assert stored(body["uuid"]) == 1


@pytest.mark.parametrize("same", [True, False])
def test_a_resend_is_caught_by_the_unique_constraint_then_compared(
        app, client, version, questions, tablet, monkeypatch, same):
    """No check before the insert: the UUID's unique constraint decides, then we compare."""
    from surveys.services import sync

    _, token = tablet
    body = make_payload(version, questions)
    real, calls = sync._compare, []
    monkeypatch.setattr(sync, "_compare", lambda *args: calls.append(args) or real(*args))
    assert send(client, token, body).status_code == 201
    assert calls == []
    if not same:
        body["answers"][1]["value"] = "street"
    response = send(client, token, body)
    assert len(calls) == 1, "the second insert should have hit the unique constraint"
    assert response.status_code == (200 if same else 409)
    assert stored(body["uuid"]) == 1
    assert db.session.scalar(select(func.count(SurveyAnswer.id))) == 6


def test_no_session_or_csrf_token_is_needed(app, version, questions, tablet):
    """Queued responses sync long after any sign-in or CSRF token has expired."""
    app.config["WTF_CSRF_ENABLED"] = True
    _, token = tablet
    client = app.test_client()  # no cookies at all
    assert send(client, token, make_payload(version, questions)).status_code == 201


@pytest.mark.parametrize("token", ["", "not-a-token", "x" * 500])
def test_a_missing_or_wrong_token_is_refused(client, version, questions, tablet, token):
    response = send(client, token, make_payload(version, questions))
    assert response.status_code == 401
    assert "not allowed to send" in response.json["error"]
    assert stored() == 0


def test_a_revoked_tablet_is_refused(client, version, questions, tablet):
    device, token = tablet
    assert send(client, token, make_payload(version, questions)).status_code == 201
    revoke_device(device, None)
    assert send(client, token, make_payload(version, questions)).status_code == 401
    assert stored() == 1


def _problem(client, token, body=None, raw=None):
    response = send(client, token, body, raw=raw)
    assert response.status_code == 422, (response.status_code, response.data[:300])
    assert response.json["error"].startswith("The response was not stored: ")
    return response.json["error"]


def test_invalid_bodies_say_what_is_wrong(client, version, questions, tablet):
    _, token = tablet
    ok = make_payload(version, questions)
    assert "JSON object" in _problem(client, token, raw="{not json")
    assert "JSON object" in _problem(client, token, raw=b"\xff\xfe{}")
    assert "must be a JSON object, not a list" in _problem(client, token, body=[ok])
    assert "uuid must be a UUID" in _problem(client, token, body={**ok, "uuid": "123"})
    assert "uuid must be a UUID" in _problem(client, token, body={**ok, "uuid": 12345})
    assert "completed is missing" in _problem(
        client, token, body={k: v for k, v in ok.items() if k != "completed"})
    assert "completed must be true or false" in _problem(client, token,
                                                         body={**ok, "completed": "yes"})
    assert "Unknown field(s): admin" in _problem(client, token, body={**ok, "admin": True})
    assert "started_at must be a date" in _problem(client, token,
                                                   body={**ok, "started_at": "yesterday"})
    assert "member_id must be a whole number" in _problem(client, token,
                                                          body={**ok, "member_id": "7"})
    assert "answers must be a list" in _problem(client, token, body={**ok, "answers": {"a": 1}})
    assert stored() == 0


def test_unpublished_or_unknown_versions_are_refused(client, survey, version, questions, tablet):
    from surveys.services.surveys import draft_version

    _, token = tablet
    draft = draft_version(survey)
    db.session.commit()
    ok = make_payload(version, questions)
    assert "not published" in _problem(client, token, body={**ok, "survey_version_id": draft.id})
    assert "not published" in _problem(client, token, body={**ok, "survey_version_id": 424242})
    assert "whole number" in _problem(client, token, body={**ok, "survey_version_id": True})
    assert "whole number" in _problem(client, token, body={**ok, "survey_version_id": "1"})


def test_answers_of_the_wrong_type_or_choice(client, version, questions, tablet):
    _, token = tablet

    def answer(position, value):
        body = make_payload(version, questions)
        body["answers"] = [{"question_id": questions[position].id, "value": value}]
        return _problem(client, token, body=body)

    # The choices as the participant saw them, in their order: the tablet's "fix this answer"
    # page and the staff page show this reason, and 'prefer_not' meant nothing to a researcher.
    assert "must be one of “Yes”, “No” or “Prefer not to say”" in answer(1, "maybe")
    assert "must only hold choices from “Family”, “Probation” or “Charity”" in answer(
        3, ["family", "friends"])
    assert "must be one of" in answer(2, ["hostel"])
    assert "must be one of" in answer(2, "prefer_not")  # not offered on that question
    assert "list of one or more choices" in answer(3, "family")
    assert "same choice twice" in answer(3, ["family", "family"])
    assert "must be text, not a number" in answer(5, 42)
    assert "must be text, not an object" in answer(5, {"text": "hi"})
    assert "must be a number, not text" in answer(6, "3")
    assert "must be a number, not true or false" in answer(6, True)
    assert "not a believable number" in answer(6, 1e300)
    body = make_payload(version, questions)
    body["answers"] = [{"question_id": 999999, "value": "yes"}]
    assert "not a question of this survey version" in _problem(client, token, body=body)
    body["answers"] = [{"question_id": questions[1].id, "value": "yes"}] * 2
    assert "answered twice" in _problem(client, token, body=body)
    body["answers"] = [{"question_id": questions[1].id, "value": "yes", "extra": 1}]
    assert "question_id and value only" in _problem(client, token, body=body)
    assert stored() == 0


def test_hostile_but_valid_json(client, version, questions, tablet):
    _, token = tablet
    body = make_payload(version, questions)
    body["answers"][4]["value"] = "x" * 10_250
    # The tablet's words: its sending line shows this to the researcher.
    refused = _problem(client, token, body=body)
    assert "is too long. Answers must be 10,000 characters or fewer." in refused
    # The refusal is kept and shown to staff: it says the limit, not how much was written.
    assert "10,250" not in refused and "This one has" not in refused
    kept = " ".join(str(r.reasons) for r in db.session.scalars(db.select(SurveyRefusal)))
    assert "10,000 characters or fewer" in kept and "10,250" not in kept
    body["answers"][4]["value"] = "bad \u0000 byte"
    assert "null character" in _problem(client, token, body=body)
    lone_surrogate = json.dumps(make_payload(version, questions)).replace(
        "My key worker", "\\ud800 key worker")
    assert "broken characters" in _problem(client, token, raw=lone_surrogate)
    assert "JSON object" in _problem(client, token, raw='{"uuid": NaN}')
    assert "JSON object" in _problem(client, token, raw="[" * 100_000 + "]" * 100_000)
    assert "JSON object" in _problem(client, token, raw='{"survey_version_id": ' + "9" * 5000 + "}")
    huge = send(client, token, None, raw='{"pad": "' + "x" * 600_000 + '"}')
    assert huge.status_code == 413 and "too big" in huge.json["error"]
    assert stored() == 0


def test_script_in_an_answer_is_stored_as_text(client, version, questions, tablet):
    _, token = tablet
    script = '<script>alert("x")</script><img src=x onerror=alert(1)> & \u2019'
    body = make_payload(version, questions)
    body["answers"][4]["value"] = script
    assert send(client, token, body).status_code == 201
    answer = db.session.scalar(
        select(SurveyAnswer).where(SurveyAnswer.question_id == questions[5].id))
    assert answer.text == script


def test_an_empty_text_answer_is_no_answer(client, version, questions, tablet):
    _, token = tablet
    body = make_payload(version, questions)
    body["answers"][4]["value"] = "   "
    assert send(client, token, body).status_code == 201
    assert db.session.scalar(select(func.count(SurveyAnswer.id))) == 5


def test_a_stopped_response_keeps_only_what_was_answered(client, version, questions, tablet):
    _, token = tablet
    body = make_payload(version, questions, completed=False,
                        answers=[{"question_id": questions[1].id, "value": "prefer_not"}])
    assert send(client, token, body).status_code == 201
    saved = db.session.scalar(select(SurveyResponse))
    assert saved.completed is False and len(saved.answers) == 1


def test_the_uuid_is_unique_in_the_database(app, version, questions, tablet):
    from sqlalchemy.exc import IntegrityError

    from forum.models.base import utcnow

    value = str(uuid.uuid4())
    for _ in range(2):
        db.session.add(SurveyResponse(uuid=value, version_id=version.id, payload_hash="x",
                                      received_at=utcnow()))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
