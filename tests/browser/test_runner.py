"""The tablet runner in Chromium at 768x1024: tapping through, offline and back, keyboard only."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from forum.extensions import db
from surveys.models import SurveyResponse
from tests.browser.helpers import axe_violations
from tests.browser.runner_helpers import (
    FULL_RUN,
    SHORT_RUN,
    set_up_tablet,
    sign_in_as_peer,
    take_part,
    tap_and_wait_saved,
    tap_through,
    touch_page,  # noqa: F401 (touch_page is a fixture)
    wait_for_heading,
    wait_until_ready,
)

pytestmark = pytest.mark.browser


def new_responses():
    db.session.expire_all()
    return list(db.session.scalars(select(SurveyResponse).where(
        SurveyResponse.device.has(name="Test tablet")).order_by(SurveyResponse.id)))


def test_complete_a_survey_by_tapping(live_server, touch_page, shots):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page)
    page.get_by_text("All responses have been sent.").wait_for(timeout=10000)
    saved = new_responses()
    assert len(saved) == 1 and saved[0].completed
    answers = {a.question.position: a for a in saved[0].answers}
    assert len(answers) == 9
    assert answers[2].value == "in-a-hostel"
    assert answers[5].value == ["money-for-travel", "my-health"]
    assert answers[6].text == "Seeing the same worker <b>every</b> time."
    assert answers[8].value == 3


def test_offline_two_surveys_then_online_each_arrives_exactly_once(live_server, touch_page, shots):
    page, context = touch_page, touch_page.context
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    context.set_offline(True)
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page)
    page.get_by_text("1 response waiting to send").wait_for()
    page.get_by_role("link", name="Start again with someone new").tap()
    # Half way through, the page is reloaded (or the battery dies): nothing is lost.
    tap_through(page, SHORT_RUN[:1], finish=False)
    wait_for_heading(page, SHORT_RUN[1][0])
    tap_and_wait_saved(page, "No")
    reloaded = page.reload()
    assert reloaded.from_service_worker, "offline pages must come from the service worker"
    wait_for_heading(page, SHORT_RUN[1][0])
    expect(page.get_by_label("No", exact=True)).to_be_checked()
    page.get_by_role("link", name="Back").tap()
    wait_for_heading(page, SHORT_RUN[0][0])
    expect(page.get_by_label("No", exact=True)).to_be_checked()
    page.get_by_role("button", name="Next").tap()
    tap_through(page, SHORT_RUN[1:], start=False)
    page.get_by_text("2 responses waiting to send").wait_for()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "runner_offline_waiting.png"), full_page=True)
    assert page.reload().from_service_worker
    page.get_by_text("2 responses waiting to send").wait_for()
    assert new_responses() == []

    context.set_offline(False)
    page.get_by_text("All responses have been sent.").wait_for(timeout=15000)
    saved = new_responses()
    assert len(saved) == 2
    assert len({r.uuid for r in saved}) == 2
    assert sorted(len(r.answers) for r in saved) == [5, 9]
    expect(page.get_by_role("button", name="Send now")).to_be_hidden()
    assert len(new_responses()) == 2


def test_send_now_is_shown_only_while_a_response_waits(live_server, touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    expect(page.locator("[data-sync-status]")).to_have_text("Nothing is waiting to send.")
    send = page.get_by_role("button", name="Send now")
    expect(send).to_be_hidden()
    page.route("**/api/v1/responses", lambda route: route.abort("internetdisconnected"))
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page, SHORT_RUN)
    # After the page's own try has failed (before it, unrouting could let that try through).
    page.get_by_text("1 response waiting to send. No internet now").wait_for()
    expect(send).to_be_visible()
    page.unroute("**/api/v1/responses")
    send.tap()
    page.get_by_text("All responses have been sent.").wait_for()
    expect(send).to_be_hidden()
    assert len(new_responses()) == 1


def test_a_response_whose_reply_is_lost_is_not_stored_twice(live_server, touch_page):
    """The server stores it but the tablet never hears back: the resend is 'already received'."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    replies = []

    def store_then_drop_reply(route):
        replies.append(route.fetch().status)
        route.abort("connectionreset")

    page.route("**/api/v1/responses", store_then_drop_reply)
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page, SHORT_RUN)
    page.get_by_text("1 response waiting to send. No internet now").wait_for()
    assert replies[0] == 201 and len(new_responses()) == 1
    page.unroute("**/api/v1/responses")
    page.get_by_role("button", name="Send now").tap()
    page.get_by_text("All responses have been sent.").wait_for()
    assert len(new_responses()) == 1


def tab_to(page, script, limit=60):
    """Press Tab until the focused element matches the JS predicate (given the element)."""
    for _ in range(limit):
        if page.evaluate(f"(el => {script})(document.activeElement)"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {script} with the Tab key")


def test_finish_a_survey_with_the_keyboard_alone(live_server, page):
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    tab_to(page, "el.textContent.trim() === 'Start the survey'")
    page.keyboard.press("Enter")
    # The button is in the HTML before the page's script has attached to it: an Enter before
    # that does nothing (CI on a busy machine once waited 20 s on the start page).
    wait_until_ready(page, on="start")
    tab_to(page, "el.textContent.trim() === 'Yes, I want to take part'")
    page.keyboard.press("Enter")
    for title, kind, value in SHORT_RUN:
        wait_for_heading(page, title)
        if kind == "choice":
            tab_to(page, "el.name === 'answer'")
            for _ in range(10):  # arrow keys move through a radio group and select
                if page.evaluate("document.activeElement.labels[0].innerText.trim()") == value:
                    break
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
        else:
            tab_to(page, "el.id === 'answer'")
            page.keyboard.type(value)
        tab_to(page, "el.textContent.trim() === 'Next'")
        page.keyboard.press("Enter")
    page.get_by_role("heading", name="Thank you. That was the last question.").wait_for()
    tab_to(page, "el.id === 'read-aloud'")
    page.keyboard.press("Space")
    tab_to(page, "el.textContent.trim() === 'Save and finish'")
    page.keyboard.press("Enter")
    page.get_by_text("All responses have been sent.").wait_for(timeout=10000)
    saved = new_responses()
    assert len(saved) == 1 and saved[0].read_aloud
    values = [a.value if a.text is None else a.text for a in saved[0].answers]
    assert values == ["no", "no", "A course near the hostel.", 1, "More peer mentors."]


def test_save_and_finish_tapped_before_the_page_script_runs_still_finishes(live_server, browser):
    """A tap on the end page before its script has run is held, then saved, never submitted
    the browser's own way (that reloaded the end page with the member's name in the address
    and saved nothing: CI's offline test waited 30 s on /run/1/end?read_aloud=…)."""
    # No service worker, so page.route sees the page's own requests and can hold its script.
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True,
                                  service_workers="block")
    page = context.new_page()
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/start")
    take_part(page)
    wait_for_heading(page, FULL_RUN[0][0])
    held, released = [], []

    def hold(route):
        route.continue_() if released else held.append(route)

    page.route("**/static/surveys/runner/main.js", hold)
    page.goto(f"{live_server}/run/1/end", wait_until="commit")
    page.get_by_role("heading", name="Thank you. That was the last question.").wait_for()
    page.get_by_label("Link these answers to a forum member").fill("Member 3")
    page.get_by_role("button", name="Save and finish").tap()
    released.append(True)
    for route in held:
        route.continue_()
    page.get_by_role("heading", name="Thank you for taking part").wait_for(timeout=10000)
    assert "Member" not in page.url
    wait_until_ready(page, on="done")  # window.FVStore is the page's script too
    queued = page.evaluate("FVStore.outbox()")
    context.close()
    assert len(queued) == 1 and '"member_ref": "Member 3"' in queued[0]["body"].replace(
        '":"', '": "')


def test_from_the_last_page_back_goes_to_the_last_question_to_change_it(live_server, touch_page):
    """'Thank you. That was the last question.' had no Back: in full screen a participant who
    wanted to change their last answer could not reach it."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page, SHORT_RUN, finish=False)
    page.get_by_role("heading", name="Thank you. That was the last question.").wait_for()
    wait_until_ready(page, on="end")
    page.get_by_role("link", name="Back").tap()
    last = SHORT_RUN[-1][0]
    wait_for_heading(page, last)
    box = page.get_by_label(last)
    expect(box).to_have_value(SHORT_RUN[-1][2])
    box.fill("Mentors who have been there.")
    page.get_by_role("button", name="Next").tap()
    page.get_by_role("button", name="Save and finish").tap()
    page.get_by_text("All responses have been sent.").wait_for(timeout=10000)
    saved = new_responses()
    assert len(saved) == 1
    assert {a.question.position: a.text for a in saved[0].answers}[9] == \
        "Mentors who have been there."
