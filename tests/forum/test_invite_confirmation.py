"""Inviting a user says who was invited, as what, what happens next and how to withdraw it."""
from __future__ import annotations

import re

from forum.access import Role
from forum.extensions import db
from forum.models import User


def _invite(auth, name, email, role):
    response = auth.client.post("/admin/users/invite",
                                data={"name": name, "email": email, "role": role})
    assert response.status_code == 302
    return response.headers["Location"], auth.client.get(response.headers["Location"]).get_data(
        as_text=True)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_admin_is_told_who_was_invited_as_what_and_what_happens_next(auth, users):
    auth.login(Role.ADMIN)
    _url, html = _invite(auth, "Robin Hale", "robin@test.example", "policy_officer")
    text = _text(html)
    assert "govuk-notification-banner--success" in html
    assert ("Robin Hale (robin@test.example) is invited as a policy officer. Nothing has been "
            "sent to them: give them the invite link below.") in text
    assert "What happens next" in text
    assert "Robin Hale opens the link and chooses a password." in text
    # Policy officers must use an authenticator app: the admin is told so.
    assert "they set up an authenticator app" in text
    assert "They can then sign in as a policy officer." in text
    assert "To withdraw the invite" in text and "Disable the account (below)" in text


def test_no_code_step_for_a_role_that_needs_none(auth, users):
    auth.login(Role.ADMIN)
    _url, html = _invite(auth, "Sam Lee", "sam@test.example", "peer_researcher")
    text = _text(html)
    assert "is invited as a peer researcher" in text
    assert "authenticator app" not in text


def test_the_confirmation_escapes_the_name(auth, users):
    auth.login(Role.ADMIN)
    _url, html = _invite(auth, "<b>Bold</b>", "bold@test.example", "facilitator")
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; (bold@test.example)" in html


def test_disabling_the_account_withdraws_the_invite(auth, users):
    auth.login(Role.ADMIN)
    url, html = _invite(auth, "Kim Ray", "kim@test.example", "facilitator")
    link = re.search(r'id="invite-link" class="fv-break">([^<]+)<', html).group(1)
    invited = db.session.scalar(db.select(User).where(User.email == "kim@test.example"))
    auth.client.post(f"/admin/users/{invited.id}/active", data={"confirm": "yes"})
    page = auth.client.get(url).get_data(as_text=True)
    assert "Disabled (invite not accepted)" in page and "invite-link" not in page
    auth.logout()
    refused = auth.client.get(link.replace("http://localhost", ""))
    assert refused.status_code == 400 and "This invite has been withdrawn" in refused.get_data(
        as_text=True)


def _link(html: str) -> str:
    return re.search(r'id="invite-link" class="fv-break">([^<]+)<', html).group(1).replace(
        "http://localhost", "")


def test_changing_the_role_of_a_pending_invite_keeps_the_link_working(auth, users):
    auth.login(Role.ADMIN)
    url, html = _invite(auth, "Ash Moor", "ash@test.example", "peer_researcher")
    link = _link(html)
    invited = db.session.scalar(db.select(User).where(User.email == "ash@test.example"))
    response = auth.client.post(f"/admin/users/{invited.id}", data={"role": "facilitator"},
                                follow_redirects=True)
    text = _text(response.get_data(as_text=True))
    # It said "They have been signed out", and the link they had said "already been used".
    assert ("The invite link you gave them still works: they will sign in as a forum "
            "facilitator") in text
    assert "They have been signed out" not in text
    auth.logout()
    page = auth.client.get(link)
    assert page.status_code == 200 and "already been used" not in page.get_data(as_text=True)
    saved = auth.client.post(link, data={"password": "Velvet-Canyon-Drum-19",
                                         "confirm": "Velvet-Canyon-Drum-19"})
    assert saved.status_code == 302
    assert db.session.get(User, invited.id).role == Role.FACILITATOR


def test_a_link_replaced_by_a_newer_one_says_so(auth, users):
    auth.login(Role.ADMIN)
    url, html = _invite(auth, "Lee Park", "lee@test.example", "facilitator")
    old_link = _link(html)
    invited = db.session.scalar(db.select(User).where(User.email == "lee@test.example"))
    auth.client.post(f"/admin/users/{invited.id}/active", data={"confirm": "yes"})  # disabled...
    auth.client.post(f"/admin/users/{invited.id}/active")  # ...and enabled (one press): a new link
    new_link = _link(auth.client.get(url).get_data(as_text=True))
    auth.logout()
    refused = auth.client.get(old_link)
    body = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "already been used" not in body
    assert "replaced by a newer one" in body
    assert auth.client.get(new_link).status_code == 200


def test_disabling_a_pending_invite_speaks_of_the_link_not_of_signing_out(auth, users):
    auth.login(Role.ADMIN)
    url, html = _invite(auth, "Rae Dunn", "rae@test.example", "facilitator")
    # It said "They will be signed out at once" of someone who had never signed in.
    assert "The invite link stops working at once" in _text(html)
    assert "They will be signed out at once" not in _text(html)
    invited = db.session.scalar(db.select(User).where(User.email == "rae@test.example"))
    auth.client.post(f"/admin/users/{invited.id}/active", data={"confirm": "yes"})
    text = _text(auth.client.get(url).get_data(as_text=True))
    assert "A new invite link will be shown here to give them" in text
    assert "They will be able to sign in again" not in text


def test_changing_the_role_of_a_disabled_invite_promises_no_link(auth, users):
    auth.login(Role.ADMIN)
    url, _html = _invite(auth, "Lou Hart", "lou@test.example", "facilitator")
    invited = db.session.scalar(db.select(User).where(User.email == "lou@test.example"))
    auth.client.post(f"/admin/users/{invited.id}/active", data={"confirm": "yes"})
    text = _text(auth.client.post(f"/admin/users/{invited.id}", data={"role": "policy_officer"},
                                  follow_redirects=True).get_data(as_text=True))
    assert "Lou Hart is now: Policy officer." in text
    assert "still works" not in text and "They have been signed out" not in text


def test_an_email_pasted_with_spaces_round_it_is_accepted(auth, users):
    # An address copied from an email or a spreadsheet often brings a space with it; the
    # page said "Enter an email address in the right format" about an address that looked right.
    auth.login(Role.ADMIN)
    _url, html = _invite(auth, "Robin Hale", " Robin@Test.example ", "facilitator")
    assert "Robin Hale (robin@test.example) is invited" in _text(html)


def test_a_name_of_only_spaces_is_refused(auth, users):
    # It made an account with no name: "Give this link to  in person", and a row on the users
    # page whose link had no words.
    auth.login(Role.ADMIN)
    response = auth.client.post("/admin/users/invite", data={
        "name": "   ", "email": "blank@test.example", "role": "facilitator"})
    assert response.status_code == 200
    assert "Enter the person&#39;s name" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(User).where(User.email == "blank@test.example")) is None
