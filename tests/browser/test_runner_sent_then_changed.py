"""A response changed in another tab after the server had taken it: the server keeps it as it
was (it refuses another body under the same id), and the tablet says so, keeping the change
to copy or delete, instead of dropping it with no word. And 'Sign out' tapped quickly leaves
no 3-second wait behind it."""
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
QUEUE_WRONG_CLOCK = queued_response('{question_id: id(1), value: "no"}',
                                    started="1980-01-01T00:00:00Z",
                                    finished="1980-01-01T00:09:00Z")


def test_a_response_changed_in_another_tab_while_the_server_took_it_is_told(live_server,
                                                                          touch_page, shots):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    uuid = queue(page, QUEUE_WRONG_CLOCK)
    status = page.locator("[data-sync-status]")
    expect(status).to_contain_text("1 response could not be sent", timeout=15000)
    held = []

    def hold(route):
        held.append(route)

    page.route(API, hold)
    page.get_by_role("button", name="Send now").tap()
    while not held:
        page.wait_for_timeout(50)
    posted = json.loads(held[0].request.post_data)
    # Another tab changes it (sent without the times) while the post is on its way ...
    other = page.context.new_page()
    other.goto(f"{live_server}/run/1/")
    wait_until_ready(other)
    assert other.evaluate("uuid => window.FVStore.sendWithoutTimes(uuid)", uuid) is True
    # ... and the server takes the body it was sent (its rules allowed the times by then).
    held[0].fulfill(status=201, content_type="application/json", body="{}")
    expect(status).to_contain_text("changed after the server had taken it", timeout=15000)
    expect(status).to_contain_text("The change was not sent.")
    refused = page.locator("[data-refused]")
    expect(refused.get_by_role("button", name="Save a copy")).to_be_visible()
    kept = page.evaluate("async () => (await window.FVStore.outbox()).map(i => i.body)")
    assert len(kept) == 1 and "started_at" not in json.loads(kept[0])
    assert "started_at" in posted
    page.screenshot(path=str(shots / "runner_changed_after_taken.png"), full_page=True)
    # Never sent again (the server would take it for a different response with its id).
    page.unroute(API)
    sent = []
    page.route(API, lambda route: (sent.append(route.request.url), route.continue_()))
    expect(page.get_by_role("button", name="Send now")).to_be_hidden()  # nothing to send
    page.evaluate("window.FVStore.sendAll({retryFailed: true})")
    assert sent == []
    # Deleting the changed copy, once asked, leaves nothing to send.
    refused.get_by_role("button", name="Delete the changed copy").tap()
    page.get_by_role("button", name="Yes, delete it").tap()
    expect(status).to_contain_text("The changed copy was deleted from this tablet.")
    expect(refused).to_be_hidden()


# Every 3-second timer set while settledSummary runs, and whether it was cleared.
WATCH_TIMERS = """
window.__timers = {};
window.__watching = false;
const setT = window.setTimeout, clearT = window.clearTimeout;
window.setTimeout = function (fn, ms, ...rest) {
  const id = setT.call(this, fn, ms, ...rest);
  if (window.__watching && ms === 3000) window.__timers[id] = "running";
  return id;
};
window.clearTimeout = function (id) {
  if (id in window.__timers) window.__timers[id] = "cleared";
  return clearT.call(this, id);
};
"""


def test_a_quick_count_for_sign_out_leaves_no_wait_running(live_server, touch_page):
    page = touch_page
    page.add_init_script(WATCH_TIMERS)
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    wait_until_ready(page)
    timers = page.evaluate("""async () => {
      window.__watching = true;
      await window.FVStore.settledSummary();
      window.__watching = false;
      return Object.values(window.__timers);
    }""")
    assert timers and set(timers) == {"cleared"}, timers
