"""A new release of the runner's scripts reaches a tablet whole: one visit online to any
runner page installs a worker with a new cache holding every new script, and the survey
still works offline after, with the responses waiting to send kept (they are in IndexedDB,
never in the cache). Before, one cache name served every release and each script was
refreshed only when a page asked for it: the researcher page ran offline on the last
release's home.js long after the participant pages had the new one."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

import surveys.views.runner as runner_views
from forum.access import public
from forum.extensions import db
from surveys.models import SurveyResponse
from tests.browser.runner_helpers import (
    queued_response,
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
    wait_until_ready,
)

pytestmark = pytest.mark.browser

API = "**/api/v1/responses"
QUEUE_ONE = queued_response('{question_id: id(1), value: "no"}',
                            '{question_id: id(9), value: "More peer mentors."}')
# Each names the release it came from: home.js only the researcher page loads.
MARKED = {"runner/home.js": b"\nwindow.__homeRelease = 'B';\n",
          "runner/context.js": b"\nwindow.__contextRelease = 'B';\n"}

# Until the worker that runner pages' register() found (if any) has taken over; then the caches
# a look-up can find something in. An older cache is emptied into the new one as it takes over,
# but deleted only once no page from before is open (one may still keep files into it).
SETTLED = """async () => {
  const registration = await navigator.serviceWorker.getRegistration("/run/");
  await registration.update();
  while (registration.installing || registration.waiting
         || registration.active.state !== "activated") {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  const names = (await caches.keys()).filter(name => name.startsWith("fv-runner-"));
  const sizes = await Promise.all(
    names.map(async name => (await (await caches.open(name)).keys()).length));
  return names.filter((name, i) => sizes[i] > 0);
}"""


def release_b(app, monkeypatch):
    """The server now has release B: home.js and context.js changed (and so their hash)."""
    original = app.view_functions["surveys_assets.static"]

    def released(filename):
        response = original(filename=filename)
        if filename not in MARKED:
            return response
        response.direct_passthrough = False
        return app.response_class(response.get_data() + MARKED[filename],
                                  mimetype="text/javascript")

    # Declared public as the static view it stands in for is: only a blueprint's own static
    # files view is public by its name (forum.access).
    app.view_functions["surveys_assets.static"] = public(released)
    monkeypatch.setattr(runner_views, "assets_stamp", lambda app_static: "releaseb",
                        raising=False)


def test_one_visit_online_after_a_release_brings_every_new_script_and_keeps_responses(
        app, live_server, touch_page, monkeypatch, shots):
    page, context = touch_page, touch_page.context
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    # A finished response waits on the tablet: the server is busy for now.
    context.route(API, lambda route: route.fulfill(status=503))
    uuid = page.evaluate(QUEUE_ONE)
    release_b(app, monkeypatch)
    # One participant page opened online, as between two participants.
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    assert page.evaluate(SETTLED) == ["fv-runner-releaseb"]
    context.set_offline(True)
    page.goto(f"{live_server}/run/1/")
    wait_until_ready(page)
    assert page.evaluate("[window.__homeRelease, window.__contextRelease]") == ["B", "B"]
    assert page.evaluate("async () => (await window.FVStore.outbox()).map(i => i.uuid)") \
        == [uuid]
    page.screenshot(path=str(shots / "runner_after_release_offline.png"), full_page=True)
    # The kept pages came over too: a participant can still answer with no network.
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    page.get_by_role("button", name="Yes, I want to take part").tap()
    wait_for_heading(page, "Have you been in prison?")
    # Back online, the response kept through the release is sent (the page sends on opening),
    # once.
    context.set_offline(False)
    context.unroute(API)
    page.goto(f"{live_server}/run/1/")
    expect(page.locator("[data-sync-status]")).to_contain_text(
        "All responses have been sent.", timeout=15000)
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse)
                             .where(SurveyResponse.uuid == uuid)) == 1


def test_a_release_whose_script_the_server_could_not_give_keeps_the_last_release_whole(
        app, live_server, touch_page, monkeypatch):
    # A deploy's moment of 503s: the new worker took the 503 for "the release dropped this
    # file", installed without home.js and deleted the last release's cache, so the
    # researcher page had no home.js offline. It must fail to install and try again later.
    page, context = touch_page, touch_page.context
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    before = page.evaluate(SETTLED)
    release_b(app, monkeypatch)
    released = app.view_functions["surveys_assets.static"]

    def busy(filename):
        if filename == "runner/home.js":
            return app.response_class("Busy", status=503)
        return released(filename)

    app.view_functions["surveys_assets.static"] = busy
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    assert set(before) <= set(page.evaluate(SETTLED))
    context.set_offline(True)
    page.goto(f"{live_server}/run/1/")
    wait_until_ready(page)
