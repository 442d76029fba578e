"""Walk-through 23 on a tablet held upright (768x1024): under a picture and seven choices
"Next" was 300px below the screen and the list looked finished at "On the street", so a
participant who does not read well had no sign there was more. "Next" now stays at the
bottom of the screen on choice questions, without hiding a choice or the focused one."""
import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    FULL_RUN,
    at_question,
    set_up_tablet,
    sign_in_as_peer,
    wait_for_heading,
    wait_until_ready,
)

pytestmark = pytest.mark.browser

PORTRAIT = {"width": 768, "height": 1024}


def bar_top(page):
    return page.locator(".fv-button-row").bounding_box()["y"]


def test_next_stays_on_screen_under_a_picture_and_seven_choices(live_server, browser, shots):
    context = browser.new_context(viewport=PORTRAIT, has_touch=True)
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
    assert page.evaluate("window.scrollY") == 0
    # The page is longer than the screen, yet "Next" is on it without scrolling.
    assert page.evaluate("document.documentElement.scrollHeight") > PORTRAIT["height"]
    box = page.get_by_role("button", name="Next").bounding_box()
    assert box is not None and box["y"] + box["height"] <= PORTRAIT["height"], box
    page.screenshot(path=str(shots / "walk23-next-bar-portrait.png"))
    # A choice under the bar, reached by keyboard or switch, is scrolled clear of it.
    page.locator("#choice-6").focus()
    label = page.locator("label[for=choice-6]").bounding_box()
    assert label["y"] + label["height"] <= bar_top(page), (label, bar_top(page))
    # At the end of the page the bar covers nothing: the last choice is above it.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    last = page.locator(".govuk-radios__item").last.bounding_box()
    assert last["y"] + last["height"] <= bar_top(page), (last, bar_top(page))
    # "Next" with no answer still asks, and its two buttons are on the screen.
    page.get_by_role("button", name="Next").tap()
    expect(page.get_by_role("button", name="Yes, skip it")).to_be_in_viewport()
    expect(page.get_by_role("button", name="No, I will answer it")).to_be_in_viewport()
    page.screenshot(path=str(shots / "walk23-next-bar-skip.png"))
    context.close()


def test_next_does_not_float_over_the_keyboard_on_a_written_answer(live_server, browser):
    context = browser.new_context(viewport=PORTRAIT, has_touch=True)
    page = context.new_page()
    at_question(page, live_server, FULL_RUN, 5)
    # A written answer brings up the on-screen keyboard: a bar stuck above it would take
    # the rows the person is typing in, so "Next" stays where it is, under the box.
    position = page.locator(".fv-button-row").evaluate("row => getComputedStyle(row).position")
    assert position == "static"
    page.get_by_label(FULL_RUN[5][0]).focus()
    expect(page.get_by_role("button", name="Next")).to_be_in_viewport()
    context.close()
