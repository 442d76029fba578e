"""Consent is an explicit choice (tests/forum/test_consent_choice.py): 'None of these' unticks
the boxes above it in the browser (GOV.UK Frontend's exclusive checkbox), and 'Record consent'
with nothing ticked is refused with the error summary focused and the note kept."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, page_errors, sign_in

pytestmark = pytest.mark.browser


def test_none_of_these_unticks_the_others_and_nothing_ticked_is_refused(
        live_server, page, shots):
    errors = page_errors(page)
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/members/new")
    page.get_by_label("Pseudonym").fill("Heron")
    page.get_by_role("button", name="Save member").click()
    expect(page.get_by_role("heading", name="Record consent for Heron")).to_be_visible()
    page.get_by_label("Take part in forum research").check()
    page.get_by_label("None of these: they do not take part").check()
    expect(page.get_by_label("Take part in forum research")).not_to_be_checked()
    page.get_by_label("Have their voice recorded (audio)").check()
    expect(page.get_by_label("None of these: they do not take part")).not_to_be_checked()
    page.get_by_label("Have their voice recorded (audio)").uncheck()
    page.get_by_label("Note (optional)").fill("Met at the drop-in")
    page.get_by_role("button", name="Record consent").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Choose what the member agrees to")
    assert page.get_by_label("Note (optional)").input_value() == "Met at the drop-in"
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "consent-nothing-ticked.png"), full_page=True)
    summary.get_by_role("link").click()
    expect(page.get_by_label("Take part in forum research")).to_be_focused()
    assert errors == []
