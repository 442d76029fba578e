"""A new release brings the participant pages' new HTML too (carried over as they were, they
kept the last release's until the researcher page saved them again), and a cache an older
page's offline.js writes to after the new worker took over is folded in and deleted (it
stayed until the next release, and a look-up found its copies first)."""
import pytest
from flask import request

from tests.browser.runner_helpers import (
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
    wait_until_ready,
)
from tests.browser.test_runner_release import SETTLED, release_b

pytestmark = pytest.mark.browser

MARK = b'<meta name="fv-release" content="B">'


def pages_of_release_b(app):
    """Release B's runner pages carry a mark in their head."""
    def mark(response):
        if request.path.startswith("/run/1/") and response.mimetype == "text/html" \
                and not response.direct_passthrough:
            response.set_data(response.get_data().replace(b"</head>", MARK + b"</head>", 1))
        return response

    app.after_request_funcs.setdefault(None, []).append(mark)


def test_pages_kept_on_the_tablet_come_in_the_new_release_as_it_serves_them(
        app, live_server, touch_page, monkeypatch):
    page, context = touch_page, touch_page.context
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    release_b(app, monkeypatch)
    pages_of_release_b(app)
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    assert page.evaluate(SETTLED) == ["fv-runner-releaseb"]
    context.set_offline(True)
    page.goto(f"{live_server}/run/1/q/1?start=1")
    wait_for_heading(page, "Have you been in prison?")
    assert page.locator('meta[name="fv-release"]').count() == 1


OLD_PAGE_KEEPS = """async () => {
  const old = await caches.open("fv-runner-v1");
  await old.put("/run/1/kept-by-an-old-page", new Response("kept"));
}"""

# Polled (wait_for_function does not wait for a promise): each poll starts a look, and
# answers with the last one's finding.
ONLY_THE_NEW_CACHE = """() => {
  (async () => {
    const names = (await caches.keys()).filter(name => name.startsWith("fv-runner-"));
    window.__onlyNew = names.length === 1
      && !!(await (await caches.open(names[0])).match("/run/1/kept-by-an-old-page"));
  })();
  return window.__onlyNew === true;
}"""


def test_a_cache_an_old_page_writes_to_after_the_release_is_folded_in(
        app, live_server, touch_page, monkeypatch):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    release_b(app, monkeypatch)
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    assert page.evaluate(SETTLED) == ["fv-runner-releaseb"]
    # The researcher page of the last release, still open in another tab, keeps a page
    # into the cache it knows.
    page.evaluate(OLD_PAGE_KEEPS)
    # The next runner page opened: its copy is kept in this release's cache, the old one gone.
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    page.wait_for_function(ONLY_THE_NEW_CACHE, polling=100, timeout=15000)
