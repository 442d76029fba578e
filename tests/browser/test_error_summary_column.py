"""The error summary ran the whole width of the page above a form in the two-thirds column
(base.html put it before the column): it now sits at the top of the column, as wide as the form."""
import pytest

from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser


def _box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("url", ["/sessions/new", "/members/new"])
def test_the_error_summary_is_as_wide_as_the_form_column(live_server, page, shots, url):
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}{url}")
    page.locator("main form button[type=submit], main form input[type=submit]").last.click()
    summary = _box(page, ".govuk-error-summary")
    heading = _box(page, "main h1")
    assert summary is not None and heading is not None
    assert summary["y"] < heading["y"]  # at the top of the column
    column = _box(page, "main form")
    assert abs(summary["x"] - column["x"]) <= 1
    assert abs(summary["width"] - column["width"]) <= 1  # not the page's whole width
    page.screenshot(path=str(shots / f"error-summary{url.replace('/', '-')}.png"), full_page=True)
