"""Issue #12 point 6: disabling a user revokes the tablets they registered, and says so."""
from forum.access import Role
from forum.extensions import db
from surveys.models import SurveyDevice
from surveys.services.devices import register_device
from tests.surveys.conftest import make_payload


def test_point6_disabling_a_user_revokes_their_tablets_in_the_same_step(auth, users, version,
                                                                        questions):
    researcher = users[Role.PEER_RESEARCHER]
    theirs, token = register_device("Hostel tablet", researcher)
    _second, second_token = register_device("Van tablet", researcher)
    other, other_token = register_device("Office tablet", users[Role.FACILITATOR])
    auth.login(Role.ADMIN)
    page = auth.client.get(f"/admin/users/{researcher.id}").data.decode()
    assert "tablets they registered stop sending" in page
    response = auth.client.post(f"/admin/users/{researcher.id}/active", data={"confirm": "yes"},
                                follow_redirects=True)
    text = response.data.decode()
    assert "account is now disabled" in text
    assert ("The 2 tablets they registered (\u2018Hostel tablet\u2019, \u2018Van tablet\u2019) "
            "can no longer send responses") in text
    db.session.expire_all()
    device = db.session.get(SurveyDevice, theirs.id)
    assert device.revoked_at is not None and device.revoked_by.role == Role.ADMIN
    for sent_with in (token, second_token):
        sent = auth.client.post("/api/v1/responses", json=make_payload(version, questions),
                                headers={"Authorization": f"Bearer {sent_with}"})
        assert sent.status_code == 401
    assert db.session.get(SurveyDevice, other.id).revoked_at is None, "others' tablets keep working"
    sent = auth.client.post("/api/v1/responses", json=make_payload(version, questions),
                            headers={"Authorization": f"Bearer {other_token}"})
    assert sent.status_code == 201
    from forum.services.audit import recent_events

    assert "2 tablets" in recent_events(action="user_disabled")[0].detail["also"][0]


def test_point6_a_user_without_tablets_is_disabled_with_no_tablet_note(auth, users):
    auth.login(Role.ADMIN)
    target = users[Role.FACILITATOR]
    text = auth.client.post(f"/admin/users/{target.id}/active", data={"confirm": "yes"},
                            follow_redirects=True).data.decode()
    assert "account is now disabled" in text and "tablet" not in text.split(
        "account is now disabled")[1][:200]
