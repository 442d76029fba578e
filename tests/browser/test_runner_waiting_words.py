"""The researcher's words for what waits to send agree with the count."""
import pytest

from tests.browser.runner_helpers import (
    SHORT_RUN,
    set_up_tablet,
    sign_in_as_peer,
    tap_through,
    touch_page,  # noqa: F401 (touch_page is a fixture)
)

pytestmark = pytest.mark.browser


def test_one_response_waiting_offline_is_an_it(live_server, touch_page):  # noqa: F811
    # It read "1 response waiting to send. No internet now: they will send when ...".
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.route("**/api/v1/responses", lambda route: route.abort("internetdisconnected"))
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page, SHORT_RUN)
    page.get_by_text("1 response waiting to send. No internet now: it will send when the tablet "
                     "is back online.").wait_for(timeout=15000)
