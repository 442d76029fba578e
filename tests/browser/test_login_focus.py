"""After a failed sign-in the error summary has focus, even after "Skip to main content"."""
import pytest
from playwright.sync_api import expect

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


def test_the_sign_in_form_posts_to_its_own_address_with_next_and_no_fragment(client):
    # The explicit action must keep "next", or signing in would lose where the person was going.
    html = client.get("/login?next=/members/").get_data(as_text=True)
    assert 'action="/login?next=/members/"' in html
    assert 'action="/login"' in client.get("/login").get_data(as_text=True)
