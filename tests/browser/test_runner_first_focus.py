"""Where a screen-reader or switch user starts on each participant page (the question's
heading, not the page's body), and 'Stop now' tapped before the stop page has looked for
answers."""
import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    FULL_RUN,
    set_up_tablet,
    sign_in_as_peer,
    tap_through,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
    wait_until_ready,
)

pytestmark = pytest.mark.browser

FOCUSED_HEADING = """() => { const el = document.activeElement;
  return el && el.tagName === "H1" ? el.innerText.trim() : (el ? el.tagName : null); }"""


def test_each_question_page_starts_with_the_focus_on_its_question(live_server, touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    tap_through(page, FULL_RUN[:1], finish=False)  # a choice question, then a written one
    for title, *_ in FULL_RUN[1:2] + FULL_RUN[5:6]:
        if title != FULL_RUN[1][0]:
            page.goto(f"{live_server}/run/1/q/6")
        wait_for_heading(page, title)
        assert page.evaluate(FOCUSED_HEADING) == title
    # The next Tab goes on into the page (Play, the answer), not back to the top.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    page.get_by_role("link", name="I want to stop").tap()
    wait_until_ready(page, on="stop")
    assert page.evaluate(FOCUSED_HEADING) == "Do you want to stop?"


# The stop page's look for answers held until released (as in test_runner_stop_play.py),
# on a page without hold-submit.js's early hold (a page kept from before it, or whose copy
# did not load): the page's own handler gets the tap.
HOLD_CHECK = """
const listen = document.addEventListener;
document.addEventListener = function (type, ...rest) {
  if (type !== "submit") return listen.call(this, type, ...rest); };
let kept;
Object.defineProperty(window, "FVStore", {configurable: true, get() { return kept; }, set(v) {
  kept = v;
  const currentDraft = v.currentDraft;
  let first = true;
  v.currentDraft = (...args) => !location.pathname.endsWith("/stop") || !first
    ? currentDraft(...args)
    : new Promise(resolve => { first = false; window.__checking = true;
        window.__releaseCheck = () => resolve(currentDraft(...args)); });
}});
"""


def test_stop_now_tapped_before_the_stop_page_has_looked_for_answers(live_server, touch_page):
    """Tapped in that instant, it said 'Choose keep or delete' with no choice on the page."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.add_init_script(HOLD_CHECK)
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    page.get_by_role("button", name="Yes, I want to take part").tap()
    wait_for_heading(page, "Have you been in prison?")
    page.get_by_role("link", name="I want to stop").tap()
    page.wait_for_function("() => window.__checking === true")
    page.get_by_role("button", name="Stop now").tap()
    page.evaluate("window.__releaseCheck()")
    page.wait_for_url("**/stopped?none=1")
    expect(page.get_by_text("Choose keep or delete")).to_have_count(0)
