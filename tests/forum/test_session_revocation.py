"""Issue #12 point 2: sessions the server can revoke (a copied cookie dies with its sign-in)."""
from flask import g

from forum.access import Role
from tests.conftest import PASSWORD, ROLE_EMAILS, Auth


def _copy_session(source, target) -> None:
    """Put the source browser's session cookie into another browser, as an attacker would."""
    cookie = source.get_cookie("session")
    assert cookie is not None, "no session cookie to copy"
    target.set_cookie("session", cookie.value, domain="localhost")


def _signed_in(client, path: str = "/") -> bool:
    g.pop("_login_user", None)  # the test's app context caches the user between requests
    response = client.get(path)
    return response.status_code == 200


def _login(client, role, password=PASSWORD):
    g.pop("_login_user", None)
    return Auth(client).login(role, password)


def _lands_on_sign_in(client, path: str) -> bool:
    g.pop("_login_user", None)
    response = client.get(path)
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_point2_replayed_cookie_after_logout_lands_on_sign_in(app, client, auth, users, demo):
    auth.login(Role.ADMIN)
    thief = app.test_client()
    _copy_session(client, thief)
    assert _signed_in(thief, "/admin/audit"), "the copied cookie works while signed in"
    auth.logout()
    for path in ("/admin/audit", "/admin/audit.csv", "/members/1/data.zip"):
        assert _lands_on_sign_in(thief, path), path


def test_point2_sign_out_of_all_devices_ends_every_session(app, client, auth):
    auth.login(Role.FACILITATOR)
    laptop = app.test_client()
    _login(laptop, Role.FACILITATOR)
    assert _signed_in(laptop)
    g.pop("_login_user", None)
    page = client.get("/account/password")
    assert b"Sign out of all devices" in page.data
    g.pop("_login_user", None)
    response = client.post("/account/sign-out-everywhere")
    assert response.headers["Location"].startswith("/login")
    assert _lands_on_sign_in(laptop, "/")
    assert _lands_on_sign_in(client, "/")
    from forum.services.audit import recent_events

    assert recent_events(action="signed_out_everywhere")[0].detail == {"sessions": 2}


def test_point2_disabling_a_user_ends_their_sessions(app, client, auth, users):
    from forum.services import accounts

    auth.login(Role.FACILITATOR)
    assert _signed_in(client)
    accounts.set_active(users[Role.FACILITATOR], False, users[Role.ADMIN])
    assert _lands_on_sign_in(client, "/")


def test_point2_role_change_ends_their_sessions(app, client, auth, users):
    auth.login(Role.POLICY_OFFICER)
    assert _signed_in(client)
    admin = app.test_client()
    _login(admin, Role.ADMIN)
    target = users[Role.POLICY_OFFICER]
    g.pop("_login_user", None)
    response = admin.post(f"/admin/users/{target.id}", data={"role": Role.FACILITATOR.value})
    assert response.status_code == 302
    assert _lands_on_sign_in(client, "/")
    assert _signed_in(admin), "the admin's own session carries on"


def test_point2_password_change_ends_other_sessions_but_not_this_one(app, client, auth):
    auth.login(Role.FACILITATOR)
    other = app.test_client()
    _login(other, Role.FACILITATOR)
    stolen = app.test_client()
    _copy_session(client, stolen)
    new = "Velvet-Canyon-Orbit-19"
    g.pop("_login_user", None)
    response = client.post("/account/password", data={"current": PASSWORD, "password": new,
                                                      "confirm": new})
    assert response.status_code == 302
    assert _signed_in(client), "the browser that changed it stays signed in"
    assert _lands_on_sign_in(other, "/")
    assert _lands_on_sign_in(stolen, "/"), "a cookie copied before the change is dead"
    assert _login(app.test_client(), ROLE_EMAILS[Role.FACILITATOR], new).status_code == 302


def test_point2_two_factor_users_keep_their_code_step_after_a_password_change(app, client, auth):
    auth.login(Role.ADMIN)
    new = "Velvet-Canyon-Orbit-19"
    g.pop("_login_user", None)
    client.post("/account/password", data={"current": PASSWORD, "password": new, "confirm": new})
    assert _signed_in(client, "/admin/users")
