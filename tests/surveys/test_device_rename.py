"""A tablet can be renamed from the tablets list, with the same name rules as at set-up."""
import pytest

from forum.access import Role
from forum.extensions import db
from surveys.models import SurveyDevice


@pytest.mark.parametrize("role", [Role.ADMIN, Role.PEER_RESEARCHER])
def test_staff_who_see_the_tablets_rename_one(auth, tablet, role):
    device, _token = tablet
    auth.login(role)
    rename = f"/surveys/devices/{device.id}/rename"
    page = auth.client.get("/surveys/devices").get_data(as_text=True)
    assert f'href="{rename}"' in page
    assert 'Rename<span class="govuk-visually-hidden"> Tablet 1' in page
    form = auth.client.get(rename).get_data(as_text=True)
    assert "Rename \u2018Tablet 1\u2019" in form and 'value="Tablet 1"' in form
    response = auth.client.post(rename, data={"name": "  Van tablet "}, follow_redirects=True)
    said = response.get_data(as_text=True)
    assert "\u2018Tablet 1\u2019 is now called \u2018Van tablet\u2019" in said
    db.session.expire_all()
    assert db.session.get(SurveyDevice, device.id).name == "Van tablet"


def test_a_rename_follows_the_set_up_rules_and_keeps_the_typing(auth, tablet):
    device, _token = tablet
    auth.login(Role.FACILITATOR)
    rename = f"/surveys/devices/{device.id}/rename"
    empty = auth.client.post(rename, data={"name": "  "})
    assert empty.status_code == 200
    assert "Enter a name for this tablet, like \u2018Hostel tablet 2\u2019" in empty.get_data(
        as_text=True)
    long_name = "Hostel " + "x" * 60
    too_long = auth.client.post(rename, data={"name": long_name}).get_data(as_text=True)
    assert "60 characters or fewer" in too_long and f'value="{long_name}"' in too_long
    db.session.expire_all()
    assert db.session.get(SurveyDevice, device.id).name == "Tablet 1"
    assert auth.client.get("/surveys/devices/99999/rename").status_code == 404


def test_a_tablet_reads_its_current_name_with_its_token(client, tablet):
    """Renamed from the Tablets page, a tablet still called itself by its old name on its own
    page until it was set up again: it now asks the server for its name."""
    from surveys.services.devices import rename_device, revoke_device

    device, token = tablet
    rename_device(device, "Van tablet")
    response = client.get("/api/v1/device", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json == {"id": device.id, "name": "Van tablet"}
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/api/v1/device", headers={"Authorization": "Bearer nope"}).status_code == 401
    revoke_device(device, None)
    assert client.get("/api/v1/device",
                      headers={"Authorization": f"Bearer {token}"}).status_code == 401
