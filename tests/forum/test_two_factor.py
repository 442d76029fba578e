"""Two-factor sign-in: set-up, code step, reuse, recovery codes, the gate, admin reset, limits."""
import re

import pyotp
import pytest
from flask import g
from sqlalchemy import select

from forum.access import PUBLIC, Role, allowed_roles_for
from forum.extensions import db
from forum.models import AuditEvent, RecoveryCode, User
from forum.services.accounts import create_user
from tests.conftest import PASSWORD, ROLE_EMAILS, code_for

NEW_ADMIN = "new.admin@test.example"


def _password(client, email):
    return client.post("/login", data={"email": email, "password": PASSWORD})


def _actions():
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def _enrol(client, email):
    """Sign in as a user who has not set up two-factor and set it up; returns the recovery codes."""
    assert _password(client, email).headers["Location"] == "/account/two-factor/setup"
    page = client.get("/account/two-factor/setup").data.decode()
    user = db.session.scalar(select(User).where(User.email == email))
    response = client.post("/account/two-factor/setup",
                           data={"code": pyotp.TOTP(user.totp_secret).now()})
    assert response.status_code == 200, page
    return re.findall(r"<li><code>([0-9a-f-]+)</code></li>", response.data.decode())


def _switch_client():
    """Two test clients share the test's app context, where Flask-Login caches the user."""
    g.pop("_login_user", None)


@pytest.fixture
def new_admin(app, users):
    return create_user(NEW_ADMIN, "New Admin", Role.ADMIN, PASSWORD)


def test_an_admin_without_two_factor_is_sent_to_set_up_and_sees_a_qr_code_and_key(client,
                                                                                  new_admin):
    response = _password(client, NEW_ADMIN)
    assert response.headers["Location"] == "/account/two-factor/setup"
    page = client.get("/account/two-factor/setup").data.decode()
    assert 'src="data:image/svg+xml' in page
    db.session.refresh(new_admin)
    key = new_admin.totp_secret
    assert key and key[:4] in page and not new_admin.two_factor_enrolled
    assert "You cannot use" in page
    assert f"{key[:4]} {key[4:8]}" in client.get(
        "/account/two-factor/setup").data.decode(), "key kept on reload"


def test_set_up_needs_a_right_code_then_shows_ten_recovery_codes_once(client, new_admin):
    _password(client, NEW_ADMIN)
    client.get("/account/two-factor/setup")
    wrong = client.post("/account/two-factor/setup", data={"code": "000000"})
    assert b"That code is not right" in wrong.data
    db.session.refresh(new_admin)
    assert not new_admin.two_factor_enrolled
    right = client.post("/account/two-factor/setup",
                        data={"code": pyotp.TOTP(new_admin.totp_secret).now()})
    codes = re.findall(r"<li><code>([0-9a-f-]+)</code></li>", right.data.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert b"only time you will see these codes" in right.data
    stored = db.session.scalars(
        select(RecoveryCode.code_hash).where(RecoveryCode.user_id == new_admin.id)).all()
    assert len(stored) == 10 and not set(codes) & set(stored), "recovery codes are stored hashed"
    assert client.get("/").status_code == 200
    assert "two_factor_enrolled" in _actions()
    again = client.get("/account/two-factor")
    assert b"10 unused recovery codes" in again.data and codes[0].encode() not in again.data


def test_nothing_is_reachable_before_set_up_or_before_the_code(app, client, users, new_admin, demo):
    open_endpoints = {"two_factor.code", "two_factor.setup", "auth.logout"}
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in open_endpoints:
            continue
        if allowed_roles_for(app, rule.endpoint) == PUBLIC:
            continue
        values = {arg: 1 for arg in rule.arguments}
        urls.append(rule.build(values)[1])
    assert "/admin/users" in urls and "/" in urls
    for email, target in ((NEW_ADMIN, "/account/two-factor/setup"),
                          (ROLE_EMAILS[Role.ADMIN], "/login/code")):
        _password(client, email)
        wrong = [url for url in urls if client.get(url).headers.get("Location") != target]
        assert wrong == [], f"reachable before the code step: {wrong}"
        invite = {"name": "x", "email": "x@test.example", "role": "admin"}
        assert client.post("/admin/users/invite", data=invite).headers["Location"] == target
        client.post("/logout")
    assert db.session.scalar(select(User).where(User.email == "x@test.example")) is None


def test_wrong_code_is_refused_and_audited(client, users):
    assert _password(client, ROLE_EMAILS[Role.ADMIN]).headers["Location"] == "/login/code"
    response = client.post("/login/code",
        data={"code": "123456" if code_for(ROLE_EMAILS[Role.ADMIN]) != "123456" else "654321"})
    assert response.status_code == 200 and b"That code is not right" in response.data
    assert client.get("/").headers["Location"] == "/login/code"
    assert "two_factor_failed" in _actions() and "login" not in _actions()


def test_right_code_signs_in_and_returns_to_the_page_asked_for(client, users):
    response = client.post("/login?next=/members/", data={"email": ROLE_EMAILS[Role.POLICY_OFFICER],
                                                        "password": PASSWORD})
    assert response.headers["Location"] == "/login/code"
    response = client.post("/login/code", data={"code": code_for(ROLE_EMAILS[Role.POLICY_OFFICER])})
    assert response.headers["Location"] == "/members/"
    assert client.get("/members/").status_code == 200
    login = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "login")).one()
    assert login.detail == {"second_factor": "app"}


def test_a_code_cannot_be_used_twice(client, users):
    email = ROLE_EMAILS[Role.ADMIN]
    _password(client, email)
    code = code_for(email)
    assert client.post("/login/code", data={"code": code}).status_code == 302
    client.post("/logout")
    _password(client, email)
    response = client.post("/login/code", data={"code": code})
    assert response.status_code == 200 and b"already been used" in response.data


def test_a_recovery_code_works_once(client, new_admin):
    codes = _enrol(client, NEW_ADMIN)
    client.post("/logout")
    _password(client, NEW_ADMIN)
    response = client.post("/login/code", data={"code": codes[3].upper().replace("-", " ")})
    assert response.status_code == 302 and client.get("/").status_code == 200
    assert "recovery_code_used" in _actions()
    assert b"9 unused recovery codes" in client.get("/account/two-factor").data
    client.post("/logout")
    _password(client, NEW_ADMIN)
    again = client.post("/login/code", data={"code": codes[3]})
    assert again.status_code == 200 and b"recovery code" in again.data
    assert client.get("/").headers["Location"] == "/login/code"


def test_new_recovery_codes_need_a_fresh_password_and_replace_the_old(client, new_admin):
    old = _enrol(client, NEW_ADMIN)
    with client.session_transaction() as session:
        session["fresh_at"] = 0
    stale = client.post("/account/two-factor/recovery-codes",
                        headers={"Referer": "/account/two-factor"})
    assert "/account/confirm" in stale.headers["Location"]
    client.post("/account/confirm", data={"password": PASSWORD})
    response = client.post("/account/two-factor/recovery-codes")
    new = re.findall(r"<li><code>([0-9a-f-]+)</code></li>", response.data.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert "recovery_codes_replaced" in _actions()
    client.post("/logout")
    _password(client, NEW_ADMIN)
    assert client.post("/login/code", data={"code": old[0]}).status_code == 200
    assert client.post("/login/code", data={"code": new[0]}).status_code == 302


def test_the_page_says_a_password_is_asked_only_when_it_will_be(client, new_admin):
    _enrol(client, NEW_ADMIN)  # just signed in: the next destructive step asks nothing
    assert b"asked for your password" not in client.get("/account/two-factor").data
    with client.session_transaction() as session:
        session["fresh_at"] = 0
    assert b"asked for your password" in client.get("/account/two-factor").data


def test_admin_resets_someone_elses_two_factor_after_a_fresh_password(app, auth, users):
    policy = users[Role.POLICY_OFFICER]
    other = app.test_client()
    _password(other, policy.email)
    other.post("/login/code", data={"code": code_for(policy.email)})
    assert other.get("/").status_code == 200
    _switch_client()
    auth.login(Role.ADMIN)
    with auth.client.session_transaction() as session:
        session["fresh_at"] = 0
    stale = auth.client.post(f"/admin/users/{policy.id}/two-factor/reset",
                             headers={"Referer": f"/admin/users/{policy.id}"})
    assert "/account/confirm" in stale.headers["Location"]
    db.session.refresh(policy)
    assert policy.two_factor_enrolled
    auth.client.post("/account/confirm", data={"password": PASSWORD})
    response = auth.client.post(f"/admin/users/{policy.id}/two-factor/reset")
    assert response.headers["Location"] == f"/admin/users/{policy.id}"
    db.session.refresh(policy)
    assert not policy.two_factor_enrolled and policy.totp_secret is None
    reset = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "two_factor_reset")).one()
    assert reset.object_id == policy.id and reset.user_id == users[Role.ADMIN].id
    _switch_client()
    assert other.get("/").headers["Location"].startswith("/login"), "their session ended"
    assert _password(other, policy.email).headers["Location"] == "/account/two-factor/setup"


def test_only_admins_reset_two_factor(auth, users):
    auth.login(Role.FACILITATOR)
    assert auth.client.post(
        f"/admin/users/{users[Role.ADMIN].id}/two-factor/reset").status_code == 403


def test_the_code_step_is_throttled(client, users):
    email = ROLE_EMAILS[Role.ADMIN]
    _password(client, email)
    right = code_for(email)
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(5):
        assert client.post("/login/code", data={"code": wrong}).status_code == 200
    response = client.post("/login/code", data={"code": right})
    assert response.status_code == 429 and b"Too many attempts" in response.data


def test_roles_that_do_not_need_a_code_go_straight_in(client, users):
    response = _password(client, ROLE_EMAILS[Role.FACILITATOR])
    assert response.headers["Location"] == "/"
    assert client.get("/account/two-factor").status_code == 200


def test_a_misspelt_role_in_the_setting_stops_start_up():
    from app import create_app

    with pytest.raises(RuntimeError, match="not a role"):
        create_app({"TWO_FACTOR_ROLES": ("admin", "polcy_officer"), "SECRET_KEY": "x" * 40})


def test_demo_code_is_printed_only_for_demo_accounts(app, runner, demo):
    from forum.demo import DEMO_TWO_FACTOR_SECRETS

    result = runner.invoke(args=["demo", "code", "admin@forumvoice.example"])
    assert result.exit_code == 0
    code = result.output.strip()
    secret = DEMO_TWO_FACTOR_SECRETS["admin@forumvoice.example"]
    assert re.fullmatch(r"\d{6}", code) and pyotp.TOTP(secret).verify(code, valid_window=1)
    refused = runner.invoke(args=["demo", "code", "facilitator@forumvoice.example"])
    assert refused.exit_code != 0 and "only for the demo admin and policy officer" in refused.output
    logins = runner.invoke(args=["demo", "logins"]).output
    assert "flask demo code admin@forumvoice.example" in logins
    assert "flask demo code policy@forumvoice.example" in logins
    db.session.scalars(
        select(User).where(User.email == "admin@forumvoice.example")).one().totp_secret = "A" * 32
    db.session.commit()
    assert runner.invoke(args=["demo", "code", "admin@forumvoice.example"]).exit_code != 0


def test_the_reset_button_says_whether_a_password_will_be_asked(auth, users):
    # Within 10 minutes of signing in nothing is asked, yet the page said "You will be asked
    # for your password": a press to see what comes next reset a colleague at once.
    policy = users[Role.POLICY_OFFICER]
    auth.login(Role.ADMIN)
    fresh = auth.client.get(f"/admin/users/{policy.id}").get_data(as_text=True)
    assert "You will be asked for your password" not in fresh
    assert "This happens as soon as you press the button" in fresh
    with auth.client.session_transaction() as session:
        session["fresh_at"] = 0
    stale = auth.client.get(f"/admin/users/{policy.id}").get_data(as_text=True)
    assert "You will be asked for your password first" in stale
