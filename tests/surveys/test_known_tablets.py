"""Tokens remembered by the sync endpoint: the write itself still refuses a revoked tablet."""
import json

import pytest
from sqlalchemy import func, select

from forum.access import Role
from forum.extensions import db
from surveys.models import SurveyDevice, SurveyResponse
from surveys.services import devices
from surveys.services.devices import Tablet, revoke_device
from surveys.services.payload import VersionSpecs
from surveys.services.sync import TabletRefused, receive_response
from tests.surveys.conftest import make_payload

URL = "/api/v1/responses"


def send(client, token, body):
    return client.post(URL, data=json.dumps(body), content_type="application/json",
                       headers={"Authorization": f"Bearer {token}"})


def stored() -> int:
    return db.session.scalar(select(func.count(SurveyResponse.id)))


def test_a_known_token_is_not_looked_up_again(client, version, questions, tablet, monkeypatch):
    _, token = tablet
    lookups = []
    real = devices.find_tablet
    monkeypatch.setattr(devices, "find_tablet", lambda t: lookups.append(t) or real(t))
    for _ in range(3):
        assert send(client, token, make_payload(version, questions)).status_code == 201
    assert lookups == [token]
    assert stored() == 3


def test_a_tablet_revoked_after_its_token_was_remembered_is_refused(client, version, questions,
                                                                    tablet):
    device, token = tablet
    first = make_payload(version, questions)
    assert send(client, token, first).status_code == 201
    synced_at = db.session.get(SurveyDevice, device.id).last_sync_at
    revoke_device(device, None)  # as another web worker would: this process still knows the token
    assert send(client, token, make_payload(version, questions)).status_code == 401
    assert send(client, token, first).status_code == 401, "a resend too"
    assert send(client, token, {**first, "answers": []}).status_code == 401, "not a 409"
    assert send(client, token, {"uuid": "nonsense"}).status_code == 401, "not a 422"
    assert stored() == 1
    db.session.expire_all()
    assert db.session.get(SurveyDevice, device.id).last_sync_at == synced_at


def test_a_remembered_token_whose_device_changed_is_looked_up_again(app, client, version,
                                                                    questions, tablet):
    """After a restore a token may belong to another device id: the write refuses the old
    one, and the endpoint stores the response under the device the database names now."""
    device, token = tablet
    assert send(client, token, make_payload(version, questions)).status_code == 201
    known = app.extensions["surveys"]["tablets"]
    known._tablets[device.token_hash] = Tablet(device.id + 1000, device.token_hash)
    assert send(client, token, make_payload(version, questions)).status_code == 201
    assert db.session.scalar(select(func.count(SurveyResponse.id))
                             .where(SurveyResponse.device_id == device.id)) == 2


@pytest.mark.parametrize("change", ["revoked", "other token"])
def test_the_write_refuses_a_tablet_that_is_no_longer_active(version, questions, tablet, change):
    device, _ = tablet
    sent = Tablet(device.id, device.token_hash if change == "revoked" else "0" * 64)
    if change == "revoked":
        revoke_device(device, None)
    with pytest.raises(TabletRefused):
        receive_response(sent, make_payload(version, questions), VersionSpecs())
    assert stored() == 0


def test_the_api_neither_reads_nor_sets_a_session_cookie(auth, version, questions, tablet):
    _, token = tablet
    auth.login(Role.PEER_RESEARCHER)  # a browser with a live sign-in sends its cookie too
    response = send(auth.client, token, make_payload(version, questions))
    assert response.status_code == 201
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")
    assert auth.client.get("/").status_code == 200, "the browser's sign-in is untouched"
