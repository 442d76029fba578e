"""Bidi controls (U+202A-E, U+2066-9) typed or sent are dropped on the way in, in one place
(``forum.services.text_direction.TypedRequest``): a form, a query, a JSON body and the
tablets' sync API. They were dropped only where text is printed or exported, so the stored
name, memo or answer kept them (and any new way out would have shown the words turned round).
"""
import json

from flask import request
from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from surveys.models import SurveyAnswer, SurveyDevice
from tests.surveys.conftest import make_payload

RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"


def test_a_rename_form_stores_the_name_without_bidi_controls(auth, tablet):
    device, _token = tablet
    auth.login(Role.ADMIN)
    response = auth.client.post(f"/surveys/devices/{device.id}/rename",
                                data={"name": f"Van {RLO}tablet{PDI}"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(SurveyDevice, device.id).name == "Van tablet"


def test_a_json_body_arrives_without_bidi_controls(auth):
    auth.login(Role.ADMIN)
    response = auth.client.post("/run/devices", json={"name": f"{LRI}Hostel{PDI} tablet"})
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.json["name"] == "Hostel tablet"


def test_an_answer_synced_from_a_tablet_is_stored_without_bidi_controls(
        client, version, questions, tablet):
    _device, token = tablet
    body = make_payload(version, questions)
    body["answers"][4]["value"] = f"My file {RLO}gnp.exe was lost."
    response = client.post("/api/v1/responses", data=json.dumps(body),
                           content_type="application/json",
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 201, response.json
    text = db.session.scalar(select(SurveyAnswer.text).where(
        SurveyAnswer.question_id == questions[5].id))
    assert text == "My file gnp.exe was lost."


def test_query_arguments_and_form_fields_but_passwords_lose_them(app):
    with app.test_request_context(f"/?q=Dean{RLO}x", method="POST",
                                  data={"memo": f"a{RLO}b", "password": f"p{RLO}w"}):
        assert request.args["q"] == "Deanx"
        assert request.form["memo"] == "ab"
        assert request.values["q"] == "Deanx"
        assert request.form["password"] == f"p{RLO}w"  # never shown; must match as set
    with app.test_request_context("/", method="POST", json={"a": [f"x{RLO}", 1, None]}):
        assert request.get_json() == {"a": ["x", 1, None]}
        assert request.json == {"a": ["x", 1, None]}
