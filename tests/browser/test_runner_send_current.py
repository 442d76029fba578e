"""Sending what is on the tablet now, with nothing lost or doubled: a response deleted or
changed in another tab while a send was under way, and what other tabs are told once one
is sent."""
import json

import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    queue,
    queued_response,
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
    wait_until_ready,
)

pytestmark = pytest.mark.browser

API = "**/api/v1/responses"
# The server refuses these for their times (the tablet's clock was wrong); the answers are fine.
QUEUE_WRONG_CLOCK = queued_response('{question_id: id(1), value: "no"}',
                                    started="1980-01-01T00:00:00Z",
                                    finished="1980-01-01T00:09:00Z")
QUEUE_ONE = queued_response('{question_id: id(1), value: "no"}',
                            '{question_id: id(9), value: "More peer mentors."}')


def two_refused_and_the_first_sent_again_held(page, base):
    """Two refused responses on the tablet; "Send now" sends them again and the server's
    answer to the first is held. Returns: (first id, second id, posted bodies, held routes,
    another tab on the researcher page)."""
    sign_in_as_peer(page, base)
    set_up_tablet(page, base)
    first = queue(page, QUEUE_WRONG_CLOCK)
    second = queue(page, QUEUE_WRONG_CLOCK)
    expect(page.locator("[data-sync-status]")).to_contain_text(
        "2 responses could not be sent", timeout=15000)
    posted, held = [], []

    def hold_the_first(route):
        posted.append(json.loads(route.request.post_data))
        if len(posted) == 1:
            held.append(route)
        else:
            route.continue_()

    page.route(API, hold_the_first)
    page.get_by_role("button", name="Send now").tap()
    while not held:
        page.wait_for_timeout(50)
    assert posted[0]["uuid"] == first
    other = page.context.new_page()
    other.goto(f"{base}/run/1/")
    wait_until_ready(other)
    return first, second, posted, held, other


def test_a_response_deleted_in_another_tab_during_a_send_is_not_posted(live_server,
                                                                       touch_page):
    page = touch_page
    first, second, posted, held, other = two_refused_and_the_first_sent_again_held(
        page, live_server)
    assert other.evaluate("uuid => window.FVStore.discardRefused(uuid)", second) is True
    held[0].continue_()
    # The first is refused again (the send has ended); the deleted one stays deleted.
    expect(page.locator("[data-sync-status]")).to_contain_text(
        "1 response could not be sent", timeout=15000)
    assert [body["uuid"] for body in posted] == [first]
    assert page.evaluate("async () => (await window.FVStore.outbox()).map(i => i.uuid)") \
        == [first]


def test_a_response_changed_in_another_tab_during_a_send_is_posted_as_changed(live_server,
                                                                             touch_page):
    page = touch_page
    first, second, posted, held, other = two_refused_and_the_first_sent_again_held(
        page, live_server)
    assert other.evaluate("uuid => window.FVStore.sendWithoutTimes(uuid)", second) is True
    held[0].continue_()
    expect(page.locator("[data-sync-status]")).to_contain_text(
        "1 response could not be sent", timeout=15000)
    # Posted once, without the times: the server took it (before, the body read when the
    # send began went, was refused again, and the changed one waited for the next send).
    assert [body["uuid"] for body in posted] == [first, second]
    assert "started_at" not in posted[1]
    assert page.evaluate("async () => (await window.FVStore.outbox()).map(i => i.uuid)") \
        == [first]


# Holds this page's saving of "sent-any" until released: a write after the outbox's is seen.
HOLD_SENT_ANY = """
let kept;
Object.defineProperty(window, "FVStore", {configurable: true, get() { return kept; }, set(v) {
  kept = v;
  const setMeta = v.setMeta;
  v.setMeta = (key, value) => key !== "sent-any" ? setMeta(key, value)
    : new Promise(resolve => { window.__releaseSentAny = () => resolve(setMeta(key, value)); });
}});
"""

# Every wording the sending line shows, in order.
WATCH_STATUS = """() => {
  window.__said = [];
  const status = document.querySelector("[data-sync-status]");
  new MutationObserver(() => window.__said.push(status.textContent))
    .observe(status, {childList: true, characterData: true, subtree: true});
}"""


def test_other_tabs_hear_a_response_was_sent_only_once_the_tablet_has_noted_it(live_server,
                                                                             touch_page):
    """Another tab heard of the outbox's delete before "sent-any" was saved, counted, and a
    tablet that had just sent its first response said "Nothing is waiting to send." (a fresh
    tablet's words)."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    other = page.context.new_page()
    other.goto(f"{live_server}/run/1/")
    wait_until_ready(other)
    status = other.locator("[data-sync-status]")
    expect(status).to_contain_text("Nothing is waiting to send.")
    other.evaluate(WATCH_STATUS)
    page.add_init_script(HOLD_SENT_ANY)
    queue(page, QUEUE_ONE)  # opened again, the page sends it
    expect(status).to_contain_text("All responses have been sent.", timeout=15000)
    said = other.evaluate("window.__said")
    assert not [text for text in said if "Nothing is waiting" in text], said


# Counts the counts the sending line has finished reading (its words are written just after).
COUNT_SUMMARIES = """() => {
  window.__counted = 0;
  const summary = window.FVStore.summary;
  window.FVStore.summary = () => summary().then(s => { window.__counted += 1; return s; });
}"""


def test_the_sending_line_is_not_written_again_with_the_same_words(live_server, touch_page):
    """The line is a live region: each count wrote its words again, and some screen readers
    read out "Nothing is waiting to send." after every send (every 30 s, each time online)."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    expect(page.locator("[data-sync-status]")).to_contain_text("Nothing is waiting to send.")
    page.evaluate(COUNT_SUMMARIES)
    page.evaluate(WATCH_STATUS)
    page.evaluate("() => { dispatchEvent(new Event('online'));"
                  " dispatchEvent(new Event('online')); }")
    page.wait_for_function("() => window.__counted >= 2")
    assert page.evaluate("window.__said") == []
