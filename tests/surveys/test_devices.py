"""Staff see when each tablet last synced; admins can stop one sending."""
from forum.access import Role
from forum.extensions import db
from surveys.models import SurveyDevice
from tests.surveys.conftest import make_payload


def test_staff_see_when_each_tablet_last_synced(auth, version, questions, tablet):
    device, token = tablet
    auth.login(Role.PEER_RESEARCHER)
    page = auth.client.get("/surveys/devices").data.decode()
    assert "Tablet 1" in page and "Never" in page
    auth.client.post("/api/v1/responses", json=make_payload(version, questions),
                     headers={"Authorization": f"Bearer {token}"})
    # the sync wrote on its own connection; the test's session shares requests'
    db.session.expire_all()
    page = auth.client.get("/surveys/devices").data.decode()
    assert "Just now" in page and "Stop it sending" not in page
    assert auth.client.post(f"/surveys/devices/{device.id}/revoke").status_code == 403


def test_an_admin_stops_a_lost_tablet(auth, version, questions, tablet):
    device, token = tablet
    auth.login(Role.ADMIN)
    response = auth.client.post(f"/surveys/devices/{device.id}/revoke", follow_redirects=True)
    assert "can no longer send responses" in response.data.decode()
    assert db.session.get(SurveyDevice, device.id).revoked_by.role == Role.ADMIN
    sent = auth.client.post("/api/v1/responses", json=make_payload(version, questions),
                            headers={"Authorization": f"Bearer {token}"})
    assert sent.status_code == 401


def test_a_tablet_needs_a_name_to_be_set_up(auth):
    """An empty name silently became 'Tablet 2', a name nobody chose and nobody could change."""
    auth.login(Role.PEER_RESEARCHER)
    for name in ("", "   "):
        response = auth.client.post("/run/devices", json={"name": name})
        assert response.status_code == 400
        assert response.json["error"] == "Enter a name for this tablet, like ‘Hostel tablet 2’"
    too_long = auth.client.post("/run/devices", json={"name": "x" * 61})
    assert too_long.status_code == 400 and "60 characters or fewer" in too_long.json["error"]
    assert db.session.scalar(db.select(db.func.count(SurveyDevice.id))) == 0
    assert auth.client.post("/run/devices", json={"name": " Hostel 2 "}).json["name"] == "Hostel 2"


def test_tablets_with_the_same_name_can_be_told_apart(auth):
    # Two set up as 'Hostel tablet' looked identical: the date alone, no time, no hint.
    from datetime import UTC, datetime

    auth.login(Role.PEER_RESEARCHER)
    for _ in range(2):
        auth.client.post("/run/devices", json={"name": "Hostel tablet"})
    first, second = db.session.scalars(db.select(SurveyDevice).order_by(SurveyDevice.id))
    first.created_at = datetime(2026, 12, 1, 9, 5, tzinfo=UTC)
    second.created_at = datetime(2026, 12, 1, 14, 40, tzinfo=UTC)
    second.last_sync_at = datetime(2026, 12, 2, 11, 15, tzinfo=UTC)
    db.session.commit()
    page = auth.client.get("/surveys/devices").get_data(as_text=True)
    assert "1 Dec 2026, 09:05 UTC" in page and "1 Dec 2026, 14:40 UTC" in page
    assert "2 Dec 2026, 11:15 UTC" in page
    assert page.count("2 tablets have this name: tell them apart by when each was set up") == 2


def test_stopping_a_tablet_asks_first(auth, tablet):
    """One tap stopped it: on a list where several tablets share a name, the wrong one."""
    device, _token = tablet
    auth.login(Role.ADMIN)
    confirm = f"/surveys/devices/{device.id}/revoke"
    page = auth.client.get("/surveys/devices").data.decode()
    assert f'href="{confirm}"' in page and f'action="{confirm}"' not in page
    page = auth.client.get(confirm).data.decode()
    assert "Stop ‘Tablet 1’ sending?" in page and f'action="{confirm}"' in page
    assert "Responses still on it stay there until a researcher sets it up again." in page
    db.session.expire_all()
    assert db.session.get(SurveyDevice, device.id).active  # asking changed nothing
