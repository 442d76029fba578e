"""'Sign out' in a staff page's header (the Tablets page, say) on a tablet with a response
still waiting to send: it signed out with no word, where the researcher page's own 'Sign out'
warns first. It now warns the same way (the same rule and words), checking the tablet's queue
only when it is pressed; with nothing waiting, or without script, it signs out at once."""
import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    queue,
    queued_response,
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.browser

API = "**/api/v1/responses"
QUEUE_ONE = queued_response('{question_id: id(1), value: "no"}',
                            '{question_id: id(9), value: "More peer mentors."}')
WARNING = "1 response is still waiting to send."
# The tablet's queue read straight from IndexedDB (a signed-out page loads no store script).
OUTBOX = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("forum-voice-runner");
  open.onerror = reject;
  open.onsuccess = () => {
    const all = open.result.transaction("outbox").objectStore("outbox").getAll();
    all.onsuccess = () => resolve(all.result.map(i => i.uuid));
  };
})"""


def signed_in(page, live_server):
    return page.request.get(f"{live_server}/", max_redirects=0).status == 200


def header_sign_out(page):
    return page.get_by_role("banner").get_by_role("button", name="Sign out", exact=True)


def test_header_sign_out_warns_while_a_response_waits(live_server, touch_page, shots):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.context.route(API, lambda route: route.fulfill(status=503))
    uuid = queue(page, QUEUE_ONE)
    page.goto(f"{live_server}/surveys/devices")
    header_sign_out(page).click()
    warning = page.locator("[data-sign-out-warning]")
    expect(warning).to_contain_text(WARNING)
    expect(warning).to_be_focused()
    expect(page.get_by_role("button", name="Send it now")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out anyway")).to_be_visible()
    assert signed_in(page, live_server)
    page.screenshot(path=str(shots / "header-sign-out-warning.png"))
    # Staying: the warning goes, still signed in.
    page.get_by_role("button", name="Stay signed in").click()
    expect(warning).to_be_hidden()
    assert signed_in(page, live_server)
    # Sent now while the server is busy: still waiting, the warning says so again.
    header_sign_out(page).click()
    page.get_by_role("button", name="Send it now").click()
    expect(warning).to_contain_text(WARNING)
    # Signed out anyway: signed out, the response still on the tablet.
    page.get_by_role("button", name="Sign out anyway").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    assert not signed_in(page, live_server)
    assert page.evaluate(OUTBOX) == [uuid]


def test_header_sign_out_sends_from_the_warning_then_signs_out_plainly(live_server, touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.context.route(API, lambda route: route.fulfill(status=503))
    queue(page, QUEUE_ONE)
    page.goto(f"{live_server}/surveys/devices")
    header_sign_out(page).click()
    warning = page.locator("[data-sign-out-warning]")
    expect(warning).to_contain_text(WARNING)
    page.context.unroute(API)
    page.get_by_role("button", name="Send it now").click()
    expect(warning).to_contain_text("Nothing is waiting to send", timeout=15000)
    expect(page.get_by_role("button", name="Sign out anyway")).to_be_hidden()
    header_sign_out(page).click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()


def test_header_sign_out_with_nothing_waiting_signs_out_at_once(live_server, page):
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/surveys/devices")
    header_sign_out(page).click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    assert not signed_in(page, live_server)
    # A staff browser that never ran a survey gets no tablet database from it.
    names = page.evaluate("async () => (await indexedDB.databases()).map(d => d.name)")
    assert "forum-voice-runner" not in names


def test_header_sign_out_without_script(live_server, browser):
    context = browser.new_context(viewport={"width": 1024, "height": 768},
                                  java_script_enabled=False)
    page = context.new_page()
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/surveys/devices")
    header_sign_out(page).click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    assert not signed_in(page, live_server)
    context.close()
