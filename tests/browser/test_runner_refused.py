"""A response the server refuses stays on the tablet, and the researcher is told so in plain
words and what to do: before, they read only the server's reason ('answers[7].value ... is
not a believable number') and nothing said the answers were safe or who could help."""
import json

import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    SHORT_RUN,
    set_up_tablet,
    sign_in_as_peer,
    tap_through,
    touch_page,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.browser

REASON = "The response was not stored: answers[7].value (question 8) is not a believable number"


def test_a_refused_response_is_said_to_be_kept_and_who_can_help(live_server, touch_page, shots):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.route("**/api/v1/responses", lambda route: route.fulfill(
        status=422, content_type="application/json", body=json.dumps({"error": REASON})))
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page, SHORT_RUN)
    status = page.locator("[data-sync-status]")
    expect(status).to_contain_text("1 response could not be sent", timeout=15000)
    # The API's words for developers ('answers[7].value') said in the researcher's.
    expect(status).to_contain_text(
        "could not be sent: The response was not stored: the answer to question 8 is not a "
        "believable number.")
    expect(status).to_contain_text("Its answers are kept on this tablet")
    expect(status).to_contain_text("tell whoever runs the survey")
    expect(page.get_by_role("button", name="Send now")).to_be_visible()
    page.screenshot(path=str(shots / "runner_refused.png"))
