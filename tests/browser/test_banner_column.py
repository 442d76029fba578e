"""A success banner ran the whole width of the page above a form in the two-thirds column: it
now sits in the column, as wide as the form; on a page using the whole width it still does."""
import pytest

from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser
BANNER = ".govuk-notification-banner--success"


def _box(page, selector):
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def test_the_banner_is_as_wide_as_the_form_column(live_server, page, shots):
    sign_in(page, live_server, "facilitator")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server}/login")
    banner, form, heading = _box(page, BANNER), _box(page, "main form"), _box(page, "main h1")
    assert banner["y"] < heading["y"]  # before the h1
    assert abs(banner["x"] - form["x"]) <= 1
    assert abs(banner["width"] - form["width"]) <= 1
    page.screenshot(path=str(shots / "banner-two-thirds.png"), full_page=True)


def test_on_a_whole_width_page_the_banner_is_as_wide_as_the_page(live_server, page, shots):
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/sessions/1/edit")
    page.get_by_role("button", name="Save focus group").click()
    page.wait_for_url(f"{live_server}/sessions/1")
    banner, main = _box(page, BANNER), _box(page, "main")
    assert abs(banner["width"] - main["width"]) <= 1
    page.screenshot(path=str(shots / "banner-whole-width.png"), full_page=True)
