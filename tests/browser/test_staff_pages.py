"""Staff pages in a real browser: sign in per role, pages render styled, no accessibility faults."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import LOGINS, axe_violations, sign_in

pytestmark = pytest.mark.browser


PAGES = {
    "admin": ["/", "/admin/users", "/admin/users/invite", "/admin/users/2", "/admin/users/4",
              "/admin/users/2/active",  # "Are you sure you want to disable ...?"
              "/account/two-factor", "/account/password"],
    "facilitator": ["/members/", "/members/1", "/members/new", "/members/1/consent", "/sessions/1",
                    "/sessions/new"],
    "policy_officer": ["/consultations/", "/consultations/1", "/consultations/new", "/surveys/1"],
    "peer_researcher": ["/", "/consultations/1"],
}


@pytest.mark.parametrize("role", list(PAGES))
def test_pages_render_styled_and_accessible(live_server, page, shots, role):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Console errors include Content-Security-Policy refusals of scripts or styles.
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            else None)
    sign_in(page, live_server, role)
    for path in PAGES[role]:
        response = page.goto(live_server + path)
        assert response.status == 200, path
        # The stylesheet loaded: GOV.UK body text is Arial, not the browser default.
        font = page.evaluate(
            "getComputedStyle(document.querySelector('.govuk-body, p')).fontFamily")
        assert "arial" in font.lower(), (path, font)
        assert axe_violations(page) == [], path
        name = f"{role}{path.replace('/', '_').rstrip('_') or '_home'}.png"
        page.screenshot(path=str(shots / name), full_page=True)
    assert errors == []


def test_login_page_and_a_failed_sign_in(live_server, page, shots):
    page.goto(f"{live_server}/login")
    assert axe_violations(page) == []
    page.get_by_label("Email address").fill("nobody@example.org")
    page.get_by_label("Password", exact=True).fill("wrong-password-123")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_label("Email address")).to_have_value("nobody@example.org")
    page.screenshot(path=str(shots / "login_error.png"), full_page=True)


def test_question_list_errors_keep_the_text(live_server, page, shots):
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/new")
    page.get_by_label("Title").fill("Typed title")
    page.get_by_label("Who is consulting").fill("Home Office")
    page.get_by_label("Questions").fill("Q1. One\nQ1. Again")
    page.get_by_role("button", name="Save consultation").click()
    expect(page.get_by_text("Question 1 appears twice").first).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Typed title")
    expect(page.get_by_label("Questions")).to_have_value(re.compile("Q1. Again"))
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "consultation_error.png"), full_page=True)


def test_two_factor_set_up_and_code_pages(live_server, page, shots):
    import pyotp

    from forum.access import Role
    from forum.services.accounts import create_user, find_user_by_email

    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error"
            else None)
    create_user("new.admin@forumvoice.example", "New Admin", Role.ADMIN, "Plain-Kettle-Rain-33")
    page.goto(f"{live_server}/login")
    page.get_by_label("Email address").fill("new.admin@forumvoice.example")
    page.get_by_label("Password", exact=True).fill("Plain-Kettle-Rain-33")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server}/account/two-factor/setup")
    qr = page.get_by_role("img", name="QR code for your authenticator app")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 100, "the QR code did not load"
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "two_factor_setup.png"), full_page=True)
    page.goto(f"{live_server}/members/")
    # Other pages wait for set-up.
    expect(page).to_have_url(f"{live_server}/account/two-factor/setup")
    page.get_by_label("Code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    secret = find_user_by_email("new.admin@forumvoice.example").totp_secret
    page.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "two_factor_recovery_codes.png"), full_page=True)
    page.get_by_role("link", name="I have kept my codes safe").click()
    page.wait_for_url(f"{live_server}/")
    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{live_server}/login")
    page.get_by_label("Email address").fill("admin@forumvoice.example")
    page.get_by_label("Password", exact=True).fill(LOGINS["admin"][1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server}/login/code")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "two_factor_code.png"), full_page=True)
    assert errors == []


def test_inviting_a_user_confirms_who_as_what_and_what_next(live_server, page, shots):
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/admin/users/invite")
    page.get_by_label("Full name").fill("Robin Hale")
    page.get_by_label("Email address").fill("robin@forumvoice.example")
    page.get_by_label("Policy officer").check()
    page.get_by_role("button", name="Create invite").click()
    expect(page.get_by_text("Robin Hale (robin@forumvoice.example) is invited as a policy "
                            "officer.")).to_be_visible()
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    expect(page.get_by_role("heading", name="To withdraw the invite")).to_be_visible()
    expect(page.locator("html")).to_have_js_property("scrollWidth", 768)
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "admin_invited.png"), full_page=True)
