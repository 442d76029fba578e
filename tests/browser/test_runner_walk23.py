"""Walk-through 23 on the tablet, turned on its side (1024x768): the question with a picture
had "Next" half below the screen, under seven choices."""
import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    FULL_RUN,
    set_up_tablet,
    sign_in_as_peer,
    wait_for_heading,
    wait_until_ready,
)

pytestmark = pytest.mark.browser


def test_next_is_on_screen_beside_a_picture_in_landscape(live_server, browser, shots):
    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    page = context.new_page()
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    page.get_by_role("button", name="Yes, I want to take part").tap()
    wait_for_heading(page, FULL_RUN[0][0])
    page.get_by_label("Yes", exact=True).tap()
    page.get_by_role("button", name="Next").tap()
    wait_for_heading(page, FULL_RUN[1][0])
    expect(page.locator(".fv-picture")).to_be_visible()
    assert page.evaluate("window.scrollY") == 0
    box = page.get_by_role("button", name="Next").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 768, box
    # Every choice is still a 44px target.
    heights = page.evaluate("[...document.querySelectorAll('.govuk-radios__label')]"
                            ".map(label => label.getBoundingClientRect().height)")
    assert len(heights) == 7 and min(heights) >= 44, heights
    page.screenshot(path=str(shots / "walk23-picture-landscape.png"))
    context.close()
