"""The last page's one error: an answer too long to send (one kept while the limit was higher,
say). 'Save and finish' queued it and the server refused the whole response; the stop page
already asked for it to be made shorter. The end page now says so too, in an error summary
(announced, focused, linked to the question to shorten) and beside the button, and with the
error shown 'Save and finish' is still on the screen, upright (768x1024) and on its side
(1024x768), where only ~30px were spare upright."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations
from tests.browser.runner_helpers import (
    SHORT_RUN,
    set_up_tablet,
    sign_in_as_peer,
    tap_through,
    wait_for_heading,
    wait_until_ready,
)
from tests.browser.test_runner_end_fits import SIZES, on_screen

pytestmark = pytest.mark.browser

END = "Thank you. That was the last question."
LAST = "What should the government change first?"
# The last answer made longer than the limit, as kept on the tablet.
TOO_LONG_KEPT = """async () => {
  const flow = JSON.parse(document.querySelector("main").dataset.flow);
  const last = flow.find(step => step.position === 9);
  const draft = await window.FVStore.currentDraft(1);
  await window.FVStore.saveAnswer(draft.uuid, last.id, "a".repeat(10050));
}"""
OUTBOX = "async () => (await window.FVStore.outbox()).length"


@pytest.mark.parametrize("size", list(SIZES))
def test_an_answer_too_long_to_send_is_an_error_with_the_button_on_screen(
        live_server, browser, shots, size):
    viewport = SIZES[size]
    context = browser.new_context(viewport=viewport, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    tap_through(page, SHORT_RUN, finish=False)
    wait_for_heading(page, END)
    page.evaluate(TOO_LONG_KEPT)
    page.reload()
    wait_until_ready(page, on="end")
    page.get_by_label("Link these answers to a forum member").fill("Robin")
    page.get_by_role("button", name="Save and finish").tap()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.get_by_role("alert")).to_contain_text("There is a problem")
    link = summary.get_by_role("link", name="One answer is too long to send")
    expect(link).to_have_attribute("href", "/run/1/q/9")
    page.wait_for_timeout(300)  # the focus scrolled the page (no assertion on time)
    page.screenshot(path=str(shots / f"end-page-error-{size}.png"))
    # Still here, nothing queued that the server would refuse, typing kept.
    wait_for_heading(page, END)
    assert page.evaluate(OUTBOX) == 0
    expect(page.get_by_label("Link these answers to a forum member")).to_have_value("Robin")
    on_screen(summary.get_by_role("heading", name="There is a problem"), viewport)
    on_screen(page.get_by_role("button", name="Save and finish"), viewport)
    assert axe_violations(page) == []
    # The link opens the question, to make the answer shorter.
    link.tap()
    wait_for_heading(page, LAST)
    context.close()
    assert errors == []
