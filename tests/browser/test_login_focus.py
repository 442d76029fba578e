"""After a form's error the error summary has focus, even after "Skip to main content"."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser


def _fail_to_sign_in(page):
    page.get_by_label("Email address").fill("nobody@example.org")
    page.get_by_label("Password", exact=True).fill("wrong-password-123")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()


def test_a_failed_sign_in_after_skip_to_main_content_focuses_the_error_summary(live_server,
                                                                                 page):
    # A keyboard user who first took "Skip to main content" was left on the page body.
    page.goto(f"{live_server}/login")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    _fail_to_sign_in(page)
    expect(page.locator(".govuk-error-summary")).to_be_focused()


def test_any_form_after_skip_to_main_content_focuses_its_error_summary(live_server, page, shots):
    # Only the sign-in form was kept from posting to "...#main-content": on the others the
    # browser's jump to #main-content left the keyboard user on the page body.
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/account/password")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Save password").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert "#" not in page.url
    page.screenshot(path=shots / "password-error-focused.png")


def test_signing_in_keeps_where_the_person_was_going(live_server, page):
    # The form's address keeps "next", or signing in would lose where the person was going.
    page.goto(f"{live_server}/login?next=/members/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    _fail_to_sign_in(page)
    assert page.url == f"{live_server}/login?next=/members/"
