"""The runner on a tablet whose browser has JavaScript turned off: it cannot keep answers
(IndexedDB and the service worker need script), so it must say so and never put an answer in
the address, where it would reach the server's logs and the browser's history."""
import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import sign_in_as_peer

pytestmark = pytest.mark.browser


def test_without_javascript_an_answer_never_goes_into_the_address(live_server, browser, shots):
    context = browser.new_context(viewport={"width": 768, "height": 1024},
                                  java_script_enabled=False)
    page = context.new_page()
    sent = []
    page.on("request", lambda request: sent.append(request.url))
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    page.get_by_role("button", name="Yes, I want to take part").click()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_text("Nothing was saved")).to_be_visible()
    page.screenshot(path=str(shots / "runner-without-script.png"), full_page=True)
    assert not [url for url in sent if "answer=" in url]
    context.close()
