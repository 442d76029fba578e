"""The old-cache fold-in race. A researcher page of the last release, still open in another tab
when a new release takes over, keeps the survey's files through cache handles its offline.js
opened before (into the cache named in the manifest it fetched). Each runner page opened folded
that cache into the new release's and deleted it: a file the old page kept after that went
into a deleted cache, was lost from the tablet with no word, and the page it was for was "not
saved on this tablet" offline. An older cache is now folded in (moved, not copied: no second
copy for look-ups to find) on every runner page, and deleted only once no runner page from
before the release is open."""
import pytest

from tests.browser.runner_helpers import (
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
    wait_until_ready,
)
from tests.browser.test_runner_release import SETTLED, release_b

pytestmark = pytest.mark.browser

OLD = "fv-runner-v1"
# The old page's offline.js: handles opened once, files put into them as they come.
OLD_PAGE_OPENS = f"""async () => {{ window.__old = await caches.open("{OLD}"); }}"""
OLD_PAGE_KEEPS = """async path => { await window.__old.put(path, new Response("kept " + path)); }"""

# Polled (wait_for_function does not wait for a promise): each poll starts a look, and
# answers with the last one's finding. args: [paths the new cache must hold, how many older
# caches are left (null: any)]
NEW_CACHE_HOLDS = """args => {
  (async () => {
    const names = (await caches.keys()).filter(name => name.startsWith("fv-runner-"));
    const current = await caches.open("fv-runner-releaseb");
    const held = await Promise.all(args[0].map(path => current.match(path)));
    window.__holds = held.every(Boolean) && (args[1] === null || names.length - 1 === args[1]);
  })();
  return window.__holds === true;
}"""

HOLDS = """async path => {
  const hit = await (await caches.open("fv-runner-releaseb")).match(path);
  return hit ? await hit.text() : null;
}"""


def test_a_file_an_old_page_keeps_after_the_fold_in_is_not_lost(
        app, live_server, touch_page, monkeypatch):
    old_page, context = touch_page, touch_page.context
    sign_in_as_peer(old_page, live_server)
    set_up_tablet(old_page, live_server)
    release_b(app, monkeypatch)
    # Another tab opens a runner page online: release B installs and takes over, while the
    # researcher page of the last release stays open.
    tab = context.new_page()
    tab.goto(f"{live_server}/run/1/start")
    wait_until_ready(tab, on="start")
    assert tab.evaluate(SETTLED) == ["fv-runner-releaseb"]
    old_page.evaluate(OLD_PAGE_OPENS)
    old_page.evaluate(OLD_PAGE_KEEPS, "/run/1/kept-first")
    # The next runner page opened folds the old page's cache in.
    tab.goto(f"{live_server}/run/1/start")
    wait_until_ready(tab, on="start")
    tab.wait_for_function(NEW_CACHE_HOLDS, arg=[["/run/1/kept-first"], None], polling=100,
                          timeout=15000)
    # The old page keeps its next file after that, through the handle it has.
    old_page.evaluate(OLD_PAGE_KEEPS, "/run/1/kept-second")
    tab.goto(f"{live_server}/run/1/start")
    wait_until_ready(tab, on="start")
    # The old page is closed; a runner page opened after that leaves one cache, holding both.
    old_page.close()
    tab.goto(f"{live_server}/run/1/start")
    wait_until_ready(tab, on="start")
    tab.wait_for_function(NEW_CACHE_HOLDS, arg=[["/run/1/kept-first"], 0], polling=100,
                          timeout=15000)
    assert tab.evaluate(HOLDS, "/run/1/kept-second") == "kept /run/1/kept-second"
