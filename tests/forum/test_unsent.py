"""A form that cannot be saved (signed out while it was open, or opened before the last
sign-in) shows back what was typed, instead of a redirect or a bare 400 that lost it."""
import json
import re
from datetime import timedelta

from flask import g

from forum.access import Role
from tests.conftest import PASSWORD, csrf_token

NOTE = "Verbal consent, given at the\nWednesday group <b>with</b> her key worker"


def test_a_form_sent_after_the_sign_in_ended_shows_what_was_typed(app, client, auth, demo):
    # It redirected to the sign-in page and the note was gone.
    auth.login(Role.FACILITATOR)
    app.permanent_session_lifetime = timedelta(seconds=-1)  # idle past the limit
    g.pop("_login_user", None)  # the test's app context caches the user between requests
    response = client.post("/members/1/consent", data={"take_part": "y", "note": NOTE},
                           headers={"Referer": "http://localhost/members/1/consent"})
    html = response.data.decode()
    assert response.status_code == 401
    assert "You were signed out, so nothing was saved" in html
    assert ("Verbal consent, given at the\nWednesday group &lt;b&gt;with&lt;/b&gt; her key worker"
            in html)  # escaped, line breaks kept
    assert 'href="/login?next=/members/1/consent"' in html


def test_nothing_typed_still_goes_to_the_sign_in_page(app, client, auth, demo):
    auth.login(Role.FACILITATOR)
    app.permanent_session_lifetime = timedelta(seconds=-1)
    g.pop("_login_user", None)
    response = client.post("/members/1/withdraw", data={})
    assert response.status_code == 302 and response.location.startswith("/login")


def test_passwords_and_codes_are_never_shown_back(app, client):
    response = client.post("/account/password", data={
        "current": "my old pass phrase", "password": "a new pass phrase",
        "confirm": "a new pass phrase", "code": "12 34", "csrf_token": "x y"})
    assert response.status_code == 302  # nothing free-text to show: the usual redirect


def test_a_form_opened_before_the_last_sign_in_shows_what_was_typed(app, users, demo):
    # A bare "400 Bad Request: The CSRF tokens do not match." page, and the text was lost.
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    token = csrf_token(client.get("/login").data.decode())
    client.post("/login", data={"email": users[Role.FACILITATOR].email, "password": PASSWORD,
                                "csrf_token": token})
    response = client.post("/sessions/new", data={
        "title": "Women's group", "area": "North London", "held_on-day": "14",
        "csrf_token": "stale token"},
        headers={"Referer": "http://localhost/sessions/new"})
    html = response.data.decode()
    assert response.status_code == 400
    assert "The page was opened before you last signed in, so nothing was saved" in html
    assert 'fv-typed">Women&#39;s group</pre>' in html and 'fv-typed">North London</pre>' in html
    assert 'fv-typed">14<' not in html and "stale token" not in html  # not free text; the token
    assert 'href="/sessions/new"' in html


def test_a_background_save_after_the_sign_in_ended_is_told_why(app, client, auth, demo):
    # The draft's autosave read the sign-in page as "the connection failed".
    auth.login(Role.POLICY_OFFICER)
    app.permanent_session_lifetime = timedelta(seconds=-1)
    g.pop("_login_user", None)
    response = client.post("/consultations/1/draft/autosave",
                           data={"introduction": "We welcome the call for evidence"},
                           headers={"Accept": "application/json"})
    assert response.status_code == 401
    assert response.json == {"saved": False, "message": (
        "Not saved: you were signed out. Your text is still here. Sign in again in a new tab, "
        "then press “Save draft”.")}


def test_the_page_hands_the_text_to_the_tab_to_put_back_escaped(app, client, auth, demo):
    # Signing in again gave back an empty form; forum/static/js/unsent.js puts the text back,
    # from this JSON, for the account that had the tab (tests/browser/test_unsent_pages.py).
    auth.login(Role.FACILITATOR)
    app.permanent_session_lifetime = timedelta(seconds=-1)
    g.pop("_login_user", None)
    response = client.post("/members/1/consent", data={"take_part": "y", "note": NOTE,
                                                       "pseudonym": "</script><b>x y"},
                           headers={"Referer": "http://localhost/members/1/consent"})
    html = response.data.decode()
    data = re.search(r'<script type="application/json" id="fv-unsent-text">(.*?)</script>',
                     html, re.S)
    assert data and "<" not in data.group(1)  # nothing in it can end the script early
    assert json.loads(data.group(1)) == {"page": "/members/1/consent", "fields": [
        ["note", NOTE], ["pseudonym", "</script><b>x y"]]}
    assert 'href="/login?next=/members/1/consent">Sign in and put my text back</a>' in html
    assert '<script type="module" src="/static/js/unsent.js"></script>' in html
