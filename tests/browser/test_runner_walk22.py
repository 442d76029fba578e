"""Walk-through 22 on the tablet: the researcher page of a fresh tablet, and stopping before
any answer is given."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    FULL_RUN,
    at_question,
    set_up_tablet,
    sign_in_as_peer,
    take_part,
    touch_page,  # noqa: F401 (a fixture, requested by name)
    wait_for_heading,
)

pytestmark = pytest.mark.browser


def test_a_fresh_tablet_says_nothing_was_sent_and_starts_at_the_top(live_server, touch_page,
                                                                   shots):
    """'All responses have been sent.' on a tablet that had taken none; and 'Start the
    survey' was the last thing on the page, below 'Sign out'."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    status = page.locator("[data-sync-status]")
    expect(status).to_have_text(
        "Nothing is waiting to send.")
    begin = page.get_by_role("link", name="Start the survey").bounding_box()
    assert begin is not None and begin["y"] + begin["height"] < 1024  # seen without scrolling
    page.screenshot(path=str(shots / "walk22-researcher.png"), full_page=True)


def test_stopping_before_any_answer_does_not_ask_what_to_do_with_them(live_server, touch_page,
                                                                     shots):
    """Stopping on question 1 asked 'What shall we do with the answers you gave?' of none."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    page.screenshot(path=str(shots / "walk22-start.png"), full_page=True)
    take_part(page)
    wait_for_heading(page, FULL_RUN[0][0])
    page.get_by_role("link", name="I want to stop").click()
    wait_for_heading(page, "Do you want to stop?")
    expect(page.get_by_text("You have not answered any questions, so nothing will be kept.")
           ).to_be_visible()
    expect(page.get_by_text("What shall we do with the answers you gave?")).to_be_hidden()
    expect(page.get_by_label("Keep my answers")).to_be_hidden()
    page.screenshot(path=str(shots / "walk22-stop.png"), full_page=True)
    page.get_by_role("button", name="Stop now").click()
    expect(page.get_by_text("You did not answer any questions, so nothing was kept.")
           ).to_be_visible()
    expect(page.get_by_text("We have deleted your answers.")).to_be_hidden()


def test_play_on_the_stop_page_before_any_answer_reads_only_what_it_shows(live_server,
                                                                        touch_page):
    """Play still said 'What shall we do with the answers you gave? Keep my answers, or
    delete my answers.' when the page had hidden that choice."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    take_part(page)
    wait_for_heading(page, FULL_RUN[0][0])
    page.get_by_role("link", name="I want to stop").click()
    wait_for_heading(page, "Do you want to stop?")
    expect(page.get_by_text("You have not answered any questions, so nothing will be kept.")
           ).to_be_visible()
    play = page.get_by_role("button", name="Play")
    expect(play).to_be_visible()
    expect(play).to_have_attribute("data-say", re.compile("nothing will be kept"))
    clip = play.get_attribute("data-audio-none")
    assert clip and clip.startswith("/run/speech/")
    expect(play).to_have_attribute("data-audio", clip)
    with page.expect_request(lambda request: request.url.endswith(clip)):
        play.click()


def test_play_on_the_stop_page_after_an_answer_still_asks_keep_or_delete(live_server,
                                                                       touch_page):
    page = touch_page
    at_question(page, live_server, FULL_RUN, 1)
    page.get_by_role("link", name="I want to stop").click()
    wait_for_heading(page, "Do you want to stop?")
    expect(page.get_by_label("Keep my answers")).to_be_visible()
    play = page.get_by_role("button", name="Play")
    expect(play).to_have_attribute("data-say", re.compile("Keep my answers, or delete my answers"))
    expect(play).not_to_have_attribute("data-audio", play.get_attribute("data-audio-none") or "")
