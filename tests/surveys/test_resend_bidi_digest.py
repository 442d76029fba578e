"""A response a tablet queued before bidi controls were dropped on the way in
(``forum.services.text_direction``) may have been stored then, with the hash of what it sent,
and sent again after (its answer was lost on the way back). The hash a resend is compared
with must still be of what the tablet sent: a hash of the cleaned body differs, and the tablet
was told its response conflicts with itself (409) and kept it as a conflict.
"""
import json

from surveys.services.devices import Tablet
from surveys.services.payload import VersionSpecs
from surveys.services.sync import receive_response
from tests.surveys.conftest import make_payload

RLO = "\u202e"


def _body(version, questions):
    body = make_payload(version, questions)
    body["answers"][4]["value"] = f"My file {RLO}gnp.exe was lost."
    return body


def _post(client, token, body):
    return client.post("/api/v1/responses", data=json.dumps(body),
                       content_type="application/json",
                       headers={"Authorization": f"Bearer {token}"})


def test_a_resend_of_a_response_stored_before_the_change_is_already_received(
        client, version, questions, tablet):
    device, token = tablet
    body = _body(version, questions)
    # Stored as the sync API stored it before: the body as sent, bidi controls and all.
    receive_response(Tablet(device.id, device.token_hash), json.loads(json.dumps(body)),
                     VersionSpecs())
    response = _post(client, token, body)
    assert response.status_code == 200, response.json


def test_a_resend_after_the_change_is_already_received(client, version, questions, tablet):
    _device, token = tablet
    body = _body(version, questions)
    assert _post(client, token, body).status_code == 201
    response = _post(client, token, body)
    assert response.status_code == 200, response.json


def test_a_different_answer_with_the_same_id_is_still_a_conflict(client, version, questions,
                                                                 tablet):
    _device, token = tablet
    body = _body(version, questions)
    assert _post(client, token, body).status_code == 201
    body["answers"][4]["value"] = "Something else."
    assert _post(client, token, body).status_code == 409


def test_a_resend_of_one_stored_with_the_cleaned_hash_is_already_received(
        client, version, questions, tablet):
    device, token = tablet
    body = _body(version, questions)
    cleaned = json.loads(json.dumps(body).replace("\\u202e", ""))
    receive_response(Tablet(device.id, device.token_hash), cleaned, VersionSpecs())
    response = _post(client, token, body)
    assert response.status_code == 200, response.json
