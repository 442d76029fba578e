"""store.js is three scripts now (store.js, store-outbox.js, store-refused.js). A tablet keeps
its pages until the survey's rules change, but fetches newer scripts sooner: a page kept before
the split names store.js alone, and must still count and send what is waiting."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import sign_in_as_peer, wait_until_ready

pytestmark = pytest.mark.browser


def test_a_page_kept_before_the_store_was_split_still_loads_the_rest(live_server, browser):
    # No service worker, so the page below is the one routed here (as a kept copy would be).
    context = browser.new_context(viewport={"width": 768, "height": 1024},
                                  service_workers="block")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in_as_peer(page, live_server)

    def as_kept_before(route):
        html = route.fetch().text()
        html = re.sub(r'<script src="[^"]*/store-(outbox|refused)\.js" defer></script>', "", html)
        assert "store-outbox.js" not in html
        route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    page.route(f"{live_server}/run/1/done", as_kept_before)
    page.goto(f"{live_server}/run/1/done")
    wait_until_ready(page, on="done")
    expect(page.locator("[data-sync-status]")).to_have_text(
        "Nothing is waiting to send.")
    assert page.evaluate("typeof window.FVStore.sendAll + typeof window.FVStore.discardRefused") \
        == "functionfunction"
    assert errors == []
    context.close()
