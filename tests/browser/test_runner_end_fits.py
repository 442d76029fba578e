"""The last page ("Thank you. That was the last question.") on a tablet on its side (1024x768)
and upright (768x1024): "Save and finish" is on the screen without scrolling, with the
heading, the "Play" button and the researcher's questions still there and large. At 1024x768
the button was below the screen: the researcher had to scroll to find the way to finish."""
import pytest

from tests.browser.runner_helpers import (
    SHORT_RUN,
    VOICE_STUB,
    set_up_tablet,
    sign_in_as_peer,
    tap_through,
    wait_for_heading,
    wait_until_ready,
)

pytestmark = pytest.mark.browser

END = "Thank you. That was the last question."
SIZES = {"landscape": {"width": 1024, "height": 768}, "portrait": {"width": 768, "height": 1024}}


def on_screen(locator, viewport):
    """The whole of it inside the screen as the page opens (nothing scrolled)."""
    box = locator.bounding_box()
    assert box is not None, locator
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (locator, box)
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (locator, box)
    return box


def px(locator, prop):
    return float(locator.evaluate(f"e => getComputedStyle(e)['{prop}']").rstrip("px"))


@pytest.mark.parametrize("size", list(SIZES))
def test_save_and_finish_is_on_the_screen_without_scrolling(live_server, browser, shots, size):
    viewport = SIZES[size]
    context = browser.new_context(viewport=viewport, has_touch=True)
    page = context.new_page()
    # The tablet speaks: "Play" shows (hidden where no voice can read).
    page.add_init_script(VOICE_STUB % "[{name: 'English', lang: 'en-GB', localService: true}]")
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    tap_through(page, SHORT_RUN, finish=False)
    wait_for_heading(page, END)
    page.reload()
    wait_until_ready(page, on="end")
    assert page.evaluate("window.scrollY") == 0
    page.screenshot(path=str(shots / f"end-page-{size}.png"))
    finish = on_screen(page.get_by_role("button", name="Save and finish"), viewport)
    assert finish["height"] >= 56, finish
    heading = page.get_by_role("heading", name=END)
    on_screen(heading, viewport)
    assert px(heading, "fontSize") >= 32
    play = on_screen(page.get_by_role("button", name="Play"), viewport)
    assert play["height"] >= 48, play
    on_screen(page.get_by_text("Please give the tablet back to the researcher."), viewport)
    # The researcher's two questions are there, on the screen, their controls big to tap.
    on_screen(page.get_by_label("I read the questions aloud"), viewport)
    member = on_screen(page.get_by_label("Link these answers to a forum member"), viewport)
    assert member["height"] >= 44, member
    context.close()
