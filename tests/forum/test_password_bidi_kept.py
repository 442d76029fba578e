"""Passwords are kept as typed on the way in (``text_direction.TypedRequest``): every password
field, not only the ones named ``password``. The change-password form's "current" and
"confirm" fields lost their bidi controls: a user whose password has one could not change it
("not right"), and nobody could set one ("do not match")."""
from forum.access import Role
from forum.extensions import db
from forum.services import accounts

RLO = "\u202e"
OLD = f"Marble-Tundra{RLO}-Fig-27"
NEW = f"Velvet{RLO}-Canyon-Drum-19"


def test_a_password_with_a_bidi_control_can_be_changed_and_set(auth, users):
    user = users[Role.FACILITATOR]
    accounts.set_password(user, OLD)
    db.session.commit()
    assert auth.login(Role.FACILITATOR, OLD).status_code == 302
    response = auth.client.post("/account/password", data={
        "current": OLD, "password": NEW, "confirm": NEW})
    assert response.status_code == 302, response.get_data(as_text=True)
    auth.logout()
    assert auth.login(Role.FACILITATOR, NEW).status_code == 302
