"""'Play' on the stop page reads only what the page shows: tapped in the instant before the
page had checked for answers, it read "Keep my answers, or delete my answers" to someone who
had given none (and then saw "You have not answered any questions")."""
import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    VOICE_STUB,
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
    wait_until_ready,
)

pytestmark = pytest.mark.browser

# What Play read (the tablet's voice) or played (a clip), and the stop page's look for
# answers held until released: the instant before it has checked, made as long as needed.
RECORD_AND_HOLD = VOICE_STUB % "[{name: 'Local English', lang: 'en-GB', localService: true}]" + """
window.__played = [];
HTMLMediaElement.prototype.play = function () {
  window.__played.push(this.src); return Promise.resolve(); };
let kept;
Object.defineProperty(window, "FVStore", {configurable: true, get() { return kept; }, set(v) {
  kept = v;
  const currentDraft = v.currentDraft;
  v.currentDraft = (...args) => !location.pathname.endsWith("/stop") ? currentDraft(...args)
    : new Promise(resolve => {
        window.__checking = true;
        window.__releaseCheck = () => resolve(currentDraft(...args)); });
}});
"""


def test_play_on_the_stop_page_waits_until_the_page_knows_what_it_shows(live_server,
                                                                        touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.add_init_script(RECORD_AND_HOLD)
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    page.get_by_role("button", name="Yes, I want to take part").tap()
    wait_for_heading(page, "Have you been in prison?")
    page.get_by_role("link", name="I want to stop").tap()
    page.wait_for_function("() => window.__checking === true")
    play = page.locator("[data-play]")
    # Not yet known: nothing to hear, and no keep-or-delete choice to tap.
    expect(play).to_be_hidden()
    expect(page.get_by_label("Keep my answers")).to_be_hidden()
    play.evaluate("button => button.click()")  # nor does a tap that got through say anything
    assert page.evaluate("window.__spoken.concat(window.__played)") == []
    page.evaluate("window.__releaseCheck()")
    wait_until_ready(page, on="stop")
    expect(page.get_by_text("You have not answered any questions")).to_be_visible()
    expect(page.get_by_label("Keep my answers")).to_be_hidden()
    play.tap()
    heard = page.evaluate("window.__spoken.concat(window.__played)")
    assert len(heard) == 1, heard
    said_none, clip_none = play.evaluate("b => [b.dataset.sayNone, b.dataset.audioNone || null]")
    assert heard[0] == said_none or (clip_none and heard[0].endswith(clip_none)), heard


def test_the_stop_page_after_an_answer_offers_the_choice_and_play_reads_it(live_server,
                                                                          touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.add_init_script(VOICE_STUB % "[{name: 'Local English', lang: 'en-GB', "
                                      "localService: true}]")
    page.goto(f"{live_server}/run/1/start")
    wait_until_ready(page, on="start")
    page.get_by_role("button", name="Yes, I want to take part").tap()
    wait_for_heading(page, "Have you been in prison?")
    page.get_by_label("No", exact=True).tap()
    page.get_by_role("button", name="Next").tap()
    wait_for_heading(page, "Have you been on a community sentence?")
    page.get_by_role("link", name="I want to stop").tap()
    wait_until_ready(page, on="stop")
    expect(page.get_by_label("Keep my answers")).to_be_visible()
    expect(page.get_by_text("What shall we do with the answers you gave?")).to_be_visible()
    expect(page.locator("[data-play]")).to_be_visible()
    page.locator("[data-play]").tap()
    heard = page.evaluate("window.__spoken")
    audio = page.locator("[data-play]").get_attribute("data-audio")
    assert audio or heard and "Keep my answers" in heard[0], heard
