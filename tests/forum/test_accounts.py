"""Accounts: Argon2id passwords, sign in and out, invites, roles, disabling, CLI."""
import re

from forum.access import Role
from forum.extensions import db
from forum.models import User
from forum.services import accounts
from forum.services.passwords import password_problem
from tests.conftest import PASSWORD


def test_passwords_are_hashed_with_argon2id(users):
    user = users[Role.ADMIN]
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


def test_sign_in_and_out(auth):
    response = auth.login(Role.FACILITATOR)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert b"Test Forum facilitator" in auth.client.get("/").data
    auth.logout()
    assert auth.client.get("/").status_code == 302


def test_wrong_password_keeps_the_email_and_says_why(auth):
    response = auth.login(Role.FACILITATOR, password="wrong-password-123")
    assert response.status_code == 200
    assert b"The email address or password is not right" in response.data
    assert b'value="facilitator@test.example"' in response.data


def test_email_is_case_insensitive(auth):
    response = auth.login("FACILITATOR@Test.Example")
    assert response.status_code == 302


def test_disabled_user_cannot_sign_in_and_is_signed_out(app, auth, users):
    auth.login(Role.POLICY_OFFICER)
    accounts.set_active(users[Role.POLICY_OFFICER], False, users[Role.ADMIN])
    assert auth.client.get("/").status_code == 302
    assert auth.login(Role.POLICY_OFFICER).status_code == 200


def test_admin_invites_a_user_who_sets_a_password(app, auth):
    auth.login(Role.ADMIN)
    response = auth.client.post("/admin/users/invite", data={
        "name": "New Person", "email": "new@test.example", "role": "facilitator"})
    assert response.status_code == 302
    page = auth.client.get(response.headers["Location"]).data.decode()
    # Called "Invited" here as on the users list (it said "Active, invite not yet accepted").
    assert "Invited: they have not set a password yet" in page and "Active" not in page
    link = page.split('id="invite-link" class="fv-break">')[1].split("<")[0]
    token = link.rsplit("/", 1)[1]
    auth.logout()
    response = auth.client.post(f"/invite/{token}", data={"password": "short", "confirm": "short"})
    assert b"at least 12 characters" in response.data
    response = auth.client.post(f"/invite/{token}", data={
        "password": "Velvet-Canyon-Drum-19", "confirm": "Velvet-Canyon-Drum-19"})
    assert response.status_code == 302
    # The sign-in page they land on has their email in it already (they typed it again).
    sign_in = auth.client.get(response.headers["Location"]).data.decode()
    assert re.search(r'<input[^>]*name="email"[^>]*value="new@test.example"', sign_in)
    assert 'value="new@test.example"' not in auth.client.get("/login").data.decode()  # once
    assert auth.login("new@test.example", "Velvet-Canyon-Drum-19").status_code == 302
    auth.logout()
    again = auth.client.get(f"/invite/{token}")
    assert again.status_code == 400 and b"already been used" in again.data


def test_a_tampered_invite_is_refused(client, users):
    response = client.get("/invite/abc.def.ghi")
    assert response.status_code == 400
    assert b"not valid" in response.data


def test_duplicate_email_is_shown_next_to_the_field_and_input_kept(auth):
    auth.login(Role.ADMIN)
    response = auth.client.post("/admin/users/invite", data={
        "name": "Someone Typed", "email": "admin@test.example", "role": "facilitator"})
    html = response.data.decode()
    # The error says what to do, not only what is wrong.
    assert ("An account with that email address already exists. Enter a different email "
            "address, or find them on the Users page") in html
    assert 'value="Someone Typed"' in html
    assert "govuk-error-message" in html


def test_invalid_invite_form_keeps_what_was_typed(auth):
    auth.login(Role.ADMIN)
    response = auth.client.post("/admin/users/invite",
                                data={"name": "Kept Name", "email": "not-an-email"})
    html = response.data.decode()
    assert "Enter an email address in the right format" in html
    assert "Choose a role" in html
    assert 'value="Kept Name"' in html and 'value="not-an-email"' in html


def test_admin_changes_a_role(auth, users):
    auth.login(Role.ADMIN)
    target = users[Role.PEER_RESEARCHER]
    response = auth.client.post(f"/admin/users/{target.id}", data={"role": "facilitator"})
    assert response.status_code == 302
    assert db.session.get(User, target.id).role == Role.FACILITATOR


def test_a_role_change_speaks_of_signing_out_only_to_someone_who_has_signed_in(auth, users):
    auth.login(Role.ADMIN)
    target = users[Role.PEER_RESEARCHER]  # has a password, has never signed in
    response = auth.client.post(f"/admin/users/{target.id}", data={"role": "facilitator"},
                                follow_redirects=True)
    said = re.search(r"is now: Forum facilitator\.[^<]*", response.get_data(as_text=True))
    assert said and "signed out" not in said.group(0)
    assert "will have the new role when they sign in" in said.group(0)


def test_admin_cannot_demote_or_disable_themself(auth, users):
    auth.login(Role.ADMIN)
    me = users[Role.ADMIN]
    response = auth.client.post(f"/admin/users/{me.id}", data={"role": "facilitator"})
    assert b"You cannot remove your own admin role" in response.data
    auth.client.post(f"/admin/users/{me.id}/active", data={"confirm": "yes"})
    assert db.session.get(User, me.id).active


def test_an_admins_own_page_offers_no_role_change_or_disabling(auth, users):
    """Both buttons were there, and each only said no after it was pressed."""
    auth.login(Role.ADMIN)
    me = users[Role.ADMIN]
    html = auth.client.get(f"/admin/users/{me.id}").data.decode()
    assert "Save role" not in html and f"/admin/users/{me.id}/active" not in html
    assert "This is your own account. Another admin can change its role or disable it." in html
    assert f"/admin/users/{me.id}/two-factor/reset" not in html  # "when Asha Patel has lost..."
    other = auth.client.get(f"/admin/users/{users[Role.FACILITATOR].id}").data.decode()
    assert "Save role" in other and "/active" in other


def test_admin_disables_and_enables_a_user(auth, users):
    auth.login(Role.ADMIN)
    target = users[Role.FACILITATOR]
    auth.client.post(f"/admin/users/{target.id}/active", data={"confirm": "yes"})
    assert not db.session.get(User, target.id).active
    auth.client.post(f"/admin/users/{target.id}/active", data={"confirm": "yes"})
    assert db.session.get(User, target.id).active


def test_change_own_password(auth):
    auth.login(Role.FACILITATOR)
    response = auth.client.post("/account/password", data={
        "current": "not-my-password", "password": "Marble-Tundra-Fig-27",
        "confirm": "Marble-Tundra-Fig-27"})
    assert b"Your current password is not right" in response.data
    response = auth.client.post("/account/password", data={
        "current": PASSWORD, "password": "Marble-Tundra-Fig-27", "confirm": "Marble-Tundra-Fig-27"})
    assert response.status_code == 302
    assert auth.client.get("/").status_code == 200  # still signed in after the change
    auth.logout()
    assert auth.login(Role.FACILITATOR, "Marble-Tundra-Fig-27").status_code == 302


def test_password_rules():
    assert "at least 12 characters" in password_problem("Short-1")
    assert "commonly used" in password_problem("password1234")
    assert "commonly used" in password_problem("Qwertyuiop123")
    assert "too few different characters" in password_problem("aaaaaaaaaaaaaa")
    assert "email address" in password_problem("jordan-rules-the-world", "jordan@x.org")
    assert password_problem("Velvet-Canyon-Drum-19") is None


def test_cli_create_admin_reads_the_password_from_the_environment(runner, monkeypatch):
    monkeypatch.setenv("FORUM_ADMIN_PASSWORD", "Harbour-Lichen-Oak-55")
    result = runner.invoke(args=["users", "create-admin", "boss@test.example"])
    assert result.exit_code == 0, result.output
    user = accounts.find_user_by_email("boss@test.example")
    assert user.role == Role.ADMIN and accounts.authenticate("boss@test.example",
                                                             "Harbour-Lichen-Oak-55")


def test_cli_create_admin_asks_for_the_password(runner, monkeypatch):
    monkeypatch.delenv("FORUM_ADMIN_PASSWORD", raising=False)
    result = runner.invoke(args=["users", "create-admin", "boss@test.example"],
                           input="Harbour-Lichen-Oak-55\nHarbour-Lichen-Oak-55\n")
    assert result.exit_code == 0, result.output
    assert accounts.authenticate("boss@test.example", "Harbour-Lichen-Oak-55")


def test_cli_create_admin_refuses_a_weak_password(runner, monkeypatch):
    monkeypatch.setenv("FORUM_ADMIN_PASSWORD", "password")
    result = runner.invoke(args=["users", "create-admin", "boss@test.example"])
    assert result.exit_code != 0 and "at least 12 characters" in result.output
    assert accounts.find_user_by_email("boss@test.example") is None
