"""The server keeps a note of each response it refuses from a tablet (never its answers), so
staff can see refusals happened and why: before, only the tablet knew."""
from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from surveys.models import SurveyRefusal
from tests.surveys.conftest import make_payload
from tests.surveys.test_sync_api import send

WORDS = "My key worker listened to me."


def test_a_conflict_is_noted_once_with_its_tablet_and_reason(client, version, questions, tablet):
    device, token = tablet
    body = make_payload(version, questions)
    assert send(client, token, body).status_code == 201
    changed = {**body, "answers": body["answers"][:-1]}
    for _ in range(2):  # "Send now" tries a refused response again
        assert send(client, token, changed).status_code == 409
    refusal = db.session.scalars(select(SurveyRefusal)).one()
    assert (refusal.device_id, refusal.uuid, refusal.version_id, refusal.status) == (
        device.id, body["uuid"], version.id, 409)
    [reason] = refusal.reasons
    assert reason.startswith("A different response was already received")
    assert refusal.attempts == 2


def test_a_refused_answer_is_noted_without_the_answers(client, version, questions, tablet):
    _, token = tablet
    body = make_payload(version, questions)
    body["answers"][5]["value"] = 1.5  # a whole number was needed
    body["answers"][4]["value"] = WORDS
    assert send(client, token, body).status_code == 422
    refusal = db.session.scalars(select(SurveyRefusal)).one()
    # Which question and what kind of problem, never the answer itself (numbers included).
    assert refusal.reasons == [
        "answers[5].value (question 6) is not a whole number. Type a whole number, like 3."]
    assert "1.5" not in str(refusal.reasons)
    assert WORDS not in str(refusal.reasons)


def test_a_refused_negative_number_is_noted_without_it(client, version, questions, tablet):
    _, token = tablet
    body = make_payload(version, questions)
    body["answers"][5]["value"] = -73
    assert send(client, token, body).status_code == 422
    refusal = db.session.scalars(select(SurveyRefusal)).one()
    assert "(question 6) is below 0" in str(refusal.reasons)
    assert "73" not in str(refusal.reasons)


def test_a_field_name_with_control_characters_is_noted_without_them(client, version, questions,
                                                                    tablet):
    # PostgreSQL refuses NUL in text: noting the refusal failed and the tablet got a 500.
    _, token = tablet
    body = {**make_payload(version, questions), "bad\x00field\x07": 1}
    assert send(client, token, body).status_code == 422
    refusal = db.session.scalars(select(SurveyRefusal)).one()
    [reason] = refusal.reasons
    assert "bad" in reason and "field" in reason
    assert "\x00" not in reason and "\x07" not in reason


def test_a_stored_response_is_not_noted(client, version, questions, tablet):
    _, token = tablet
    assert send(client, token, make_payload(version, questions)).status_code == 201
    assert db.session.scalars(select(SurveyRefusal)).all() == []


def test_staff_see_the_refusals_and_which_were_stored_later(client, auth, version, questions,
                                                            tablet):
    _, token = tablet
    body = make_payload(version, questions, survey_version_id=version.id + 100)
    send(client, token, body)
    auth.login(Role.FACILITATOR)
    page = client.get("/surveys/devices/refused")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Tablet 1" in text and body["uuid"] in text
    assert f"Survey version {version.id + 100} does not exist" in text
    # A response deleted on the tablet is never stored: the page must not promise it will be.
    assert "Not yet" not in text
    assert "Not stored</strong>" in text and "Still on the tablet, or deleted there" in text
    send(client, token, {**body, "survey_version_id": version.id})
    assert "Stored since" in client.get("/surveys/devices/refused").get_data(as_text=True)


def test_the_retention_purge_deletes_refusal_notes_older_than_the_period(
        app, version, questions, tablet):
    from datetime import timedelta

    from forum.models.base import utcnow

    device, _ = tablet
    now = utcnow()
    for days in (31, 29):
        db.session.add(SurveyRefusal(device_id=device.id, uuid=None, version_id=version.id,
                                     status=422, reasons=[f"tried {days} days ago"],
                                     first_at=now - timedelta(days=40),
                                     last_at=now - timedelta(days=days)))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["retention", "purge", "--days", "30"])
    assert result.exit_code == 0, result.output
    assert ("Deleted 1 note of a tablet response the server refused, last tried more than 30 "
            "days ago.") in result.output
    db.session.expire_all()
    assert [r.reasons for r in db.session.scalars(select(SurveyRefusal))] == [
        ["tried 29 days ago"]]


def test_staff_read_a_refused_answer_as_its_question_number_and_text(client, auth, version,
                                                                      questions, tablet):
    # The page showed the API's field names: "answers[5].value (question 6) is 1.5".
    import html

    _, token = tablet
    body = make_payload(version, questions, started_at="1980-01-01T00:00:00Z")
    body["answers"][5]["value"] = 1.5
    assert send(client, token, body).status_code == 422
    auth.login(Role.FACILITATOR)
    text = html.unescape(client.get("/surveys/devices/refused").get_data(as_text=True))
    assert "answers[" not in text and ".value" not in text and "started_at" not in text
    assert (f"the answer to question 6, ‘{questions[6].text}’, is not a whole number. Type a "
            "whole number" in text)
    assert "1.5" not in text
    assert "the time it was started is not a believable date; the answer" not in text


def test_each_reason_is_kept_and_shown_as_its_own_item(client, auth, version, questions, tablet):
    """The reasons were noted joined with '; ' and the page rewrote words in that one string:
    a choice label holding '; ' could not be told from two reasons."""
    import html
    import re

    _, token = tablet
    body = make_payload(version, questions, started_at="1980-01-01T00:00:00Z")
    body["answers"][5]["value"] = 1.5
    assert send(client, token, body).status_code == 422
    refusal = db.session.scalars(select(SurveyRefusal)).one()
    assert refusal.reasons == [
        "started_at is not a believable date",
        "answers[5].value (question 6) is not a whole number. Type a whole number, like 3."]
    auth.login(Role.FACILITATOR)
    text = html.unescape(client.get("/surveys/devices/refused").get_data(as_text=True))
    items = [re.sub(r"\s+", " ", item).strip()
             for item in re.findall(r"<li[^>]*>(.*?)</li>", text, re.S)]
    assert "the time it was started is not a believable date" in items
    assert (f"the answer to question 6, ‘{questions[6].text}’, is not a whole number. "
            "Type a whole number, like 3.") in items
    assert "The response was not stored:" in text
