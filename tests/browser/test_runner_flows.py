"""The tablet runner as a participant and researcher use it: read-aloud on every page with no
voice on the tablet, 'Skip this question?', a question that needs an answer, the picture beside
the answers in landscape, and signing out from the researcher page."""
import re

import pytest
from playwright.sync_api import expect

from forum.extensions import db
from surveys.models import Survey
from tests.browser.helpers import axe_violations
from tests.browser.runner_helpers import (
    FULL_RUN,
    VOICE_STUB,
    set_up_tablet,
    sign_in_as_peer,
    take_part,
    touch_page,  # noqa: F401 (a fixture, requested by name)
    wait_for_heading,
)

pytestmark = pytest.mark.browser
SKIP = "You haven\u2019t picked an answer. Skip this question?"


@pytest.fixture
def tablet(live_server, touch_page):
    sign_in_as_peer(touch_page, live_server)
    set_up_tablet(touch_page, live_server)
    return touch_page


def _play_works(page, name):
    play = page.get_by_role("button", name="Play")
    expect(play).to_be_visible()  # shown by the page's script once it has run
    expect(play).to_have_attribute("data-audio", re.compile("/run/speech/"))
    play.click()
    page.get_by_role("button", name="Stop", exact=True).wait_for()
    page.get_by_role("button", name="Stop", exact=True).click()
    assert axe_violations(page) == [], name


def test_read_aloud_on_every_participant_page_when_the_tablet_has_no_voice(live_server, tablet,
                                                                           shots):
    page = tablet
    page.add_init_script(VOICE_STUB % "[]")
    page.goto(f"{live_server}/run/1/start")
    _play_works(page, "start")
    page.screenshot(path=str(shots / "runner-start.png"), full_page=True)
    take_part(page)
    wait_for_heading(page, FULL_RUN[0][0])
    _play_works(page, "question")
    page.get_by_role("link", name="I want to stop").click()
    page.get_by_role("heading", name="Do you want to stop?").wait_for()
    _play_works(page, "stop")
    page.get_by_role("button", name="Stop now").click()
    page.get_by_role("heading", name="Thank you for your time").wait_for()
    _play_works(page, "stopped")
    assert page.evaluate("window.__spoken") == []


def test_next_with_nothing_chosen_asks_before_skipping(live_server, tablet, shots):
    page = tablet
    page.goto(f"{live_server}/run/1/start")
    take_part(page)
    wait_for_heading(page, "Have you been in prison?")
    page.get_by_role("button", name="Next").click()
    dialog = page.get_by_role("alertdialog", name=SKIP)
    dialog.wait_for()
    expect(page.get_by_role("button", name="Next")).to_be_hidden()
    for name in ("Yes, skip it", "No, I will answer it"):
        box = page.get_by_role("button", name=name).bounding_box()
        assert box["height"] >= 72 and box["width"] >= 250, (name, box)
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "runner-skip.png"), full_page=True)
    page.get_by_role("button", name="No, I will answer it").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Next")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/run/1/q/1$"))
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Yes, skip it").click()
    # No answer to Q1: its skip rules hide Q2 and Q3, but only after the person chose to skip.
    wait_for_heading(page, "Have you been on a community sentence?")


def test_a_question_that_needs_an_answer_asks_for_one(live_server, touch_page):
    version = db.session.get(Survey, 1).published_version
    version.questions[0].answer_required = True
    db.session.commit()
    page = touch_page
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    take_part(page)
    wait_for_heading(page, "Have you been in prison?")
    page.get_by_role("button", name="Next").click()
    page.get_by_text("Pick an answer to carry on").wait_for()
    expect(page.get_by_role("alertdialog")).to_be_hidden()  # none, or none shown
    expect(page).to_have_url(re.compile(r"/run/1/q/1$"))
    assert axe_violations(page) == []


def landscape_at_the_picture_question(browser, live_server):
    """A tablet held landscape, a participant on the question with a picture."""
    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    page = context.new_page()
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    take_part(page)
    wait_for_heading(page, "Have you been in prison?")
    page.get_by_label("Yes", exact=True).click()
    page.get_by_role("button", name="Next").click()
    wait_for_heading(page, "Where did you sleep on your first night out?")
    return page


def test_in_landscape_the_picture_sits_beside_the_answers(live_server, browser, shots):
    page = landscape_at_the_picture_question(browser, live_server)
    page.screenshot(path=str(shots / "runner-landscape-picture.png"))
    picture = page.get_by_role("img",
                               name="A house at night, with the moon in the sky").bounding_box()
    first = page.get_by_label("In my own home").locator("..").bounding_box()
    last = page.get_by_label("Prefer not to say").locator("..").bounding_box()
    assert picture["x"] + picture["width"] <= first["x"], (picture, first)
    assert last["y"] + last["height"] <= 768, "the answers are below the fold"
    assert axe_violations(page) == []
    page.context.close()


def test_the_researcher_signs_out_and_the_survey_still_runs(live_server, tablet, shots):
    page = tablet
    page.goto(f"{live_server}/run/1/")
    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("You have signed out. The survey still runs on this tablet.").wait_for()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "runner-researcher-signed-out.png"), full_page=True)
    assert page.request.get(f"{live_server}/", max_redirects=0).status == 302  # to sign in
    page.get_by_role("link", name="Start the survey").click()
    take_part(page)
    wait_for_heading(page, FULL_RUN[0][0])


def test_take_part_tapped_before_the_script_is_ready_still_starts(live_server, browser):
    # No service worker: the test holds back the start page's script itself.
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True,
                                  service_workers="block")
    page = context.new_page()
    sign_in_as_peer(page, live_server)
    held = {"on": True}
    page.route("**/runner/main.js", lambda route: route.abort() if held["on"]
               else route.continue_())
    page.goto(f"{live_server}/run/1/start")
    held["on"] = False  # the next page loads normally
    # The start page's script never ran; it was a button that did nothing until it had.
    assert page.locator("main").get_attribute("data-ready") is None
    page.get_by_role("button", name="Yes, I want to take part").tap()
    wait_for_heading(page, "Have you been in prison?")
    expect(page).to_have_url(re.compile(r"/run/1/q/1$"))  # "start=1" dropped: back won't restart
    page.get_by_label("Yes", exact=True).tap()
    page.get_by_role("button", name="Next").tap()
    wait_for_heading(page, "Where did you sleep on your first night out?")
    # Arriving by that link again is a new participant: the last person's answer is not shown.
    page.goto(f"{live_server}/run/1/q/1?start=1")
    wait_for_heading(page, "Have you been in prison?")
    expect(page.locator("input:checked")).to_have_count(0)
    context.close()


def test_signing_out_waits_for_the_tablet_to_be_set_up(live_server, touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/")
    page.get_by_text("This tablet is not set up yet.").wait_for()
    # It said "You can sign out now ... sends the responses" on a tablet that could send none.
    expect(page.get_by_text("Set up this tablet (above) before you sign out.")).to_be_visible()
    expect(page.get_by_text("You can sign out now.")).to_have_count(0)
    set_up_tablet(page, live_server)
    expect(page.get_by_text("You can sign out now.")).to_be_visible()


def test_in_landscape_take_part_is_on_the_screen_without_scrolling(live_server, browser, shots):
    context = browser.new_context(viewport={"width": 1024, "height": 768}, has_touch=True)
    page = context.new_page()
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    button = page.get_by_role("button", name="Yes, I want to take part")
    button.wait_for()
    page.screenshot(path=str(shots / "runner-start-landscape.png"))
    box = button.bounding_box()
    # It was below the fold: a participant who does not read well had to know to scroll.
    assert box["y"] + box["height"] <= 768, box
    assert axe_violations(page) == []
    context.close()


def test_in_landscape_skip_this_question_shows_its_buttons(live_server, browser):
    """Only the question 'Skip this question?' scrolled into view: its two buttons were below."""
    page = landscape_at_the_picture_question(browser, live_server)
    page.get_by_role("button", name="Next").click()
    for name in ("Yes, skip it", "No, I will answer it"):
        button = page.get_by_role("button", name=name)
        expect(button).to_be_visible()
        bottom = page.evaluate("b => b.getBoundingClientRect().bottom", button.element_handle())
        assert bottom <= 768, (name, bottom)
    expect(page.get_by_role("heading", name="Skip this question?")).to_be_focused()
    page.context.close()


def test_the_researcher_page_stops_saying_no_internet_once_the_tablet_is_back_online(
        live_server, tablet):
    """It kept saying 'No internet now' beside 'All responses have been sent.' once back online."""
    page, context = tablet, tablet.context
    context.set_offline(True)
    page.reload()
    no_internet = page.get_by_text("No internet now. The copy saved on this tablet will be used.")
    no_internet.wait_for()
    context.set_offline(False)
    page.get_by_text(re.compile(r"^Ready to use without internet\.")).wait_for(timeout=15000)
    expect(no_internet).to_have_count(0)


def test_a_double_tap_on_set_up_makes_one_tablet(live_server, touch_page):
    """Two taps sent two requests: admins then saw two tablets with one name, one of them
    never sending, like a lost tablet."""
    from surveys.models import SurveyDevice

    page = touch_page
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/")
    page.get_by_label("Name this tablet").fill("Hostel tablet 3")
    page.get_by_role("button", name="Set up this tablet").dblclick()
    page.get_by_text("This tablet is set up as ‘Hostel tablet 3’").wait_for()
    page.wait_for_load_state("networkidle")
    db.session.expire_all()
    named = db.select(SurveyDevice).filter_by(name="Hostel tablet 3")
    assert len(db.session.scalars(named).all()) == 1


def test_setting_up_without_a_name_asks_for_one(live_server, touch_page):
    """An empty name silently became 'Tablet 2': now the tablet asks for a name, in the
    server's words, under the box, and makes no tablet until it has one."""
    from surveys.models import SurveyDevice
    from surveys.services.devices import NAME_NEEDED

    page = touch_page
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/")
    before = len(db.session.scalars(db.select(SurveyDevice)).all())  # the demo's own tablet
    box = page.get_by_label("Name this tablet")
    box.fill("   ")
    page.get_by_role("button", name="Set up this tablet").tap()
    expect(page.locator("#device-name-error")).to_have_text(f"Error: {NAME_NEEDED}")
    expect(box).to_be_focused()
    assert axe_violations(page) == []
    db.session.expire_all()
    assert len(db.session.scalars(db.select(SurveyDevice)).all()) == before
    box.fill("Hostel tablet 4")
    page.get_by_role("button", name="Set up this tablet").tap()
    page.get_by_text("This tablet is set up as ‘Hostel tablet 4’").wait_for()
    expect(page.locator("#device-name-error")).to_be_hidden()
