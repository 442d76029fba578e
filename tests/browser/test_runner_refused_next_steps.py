"""What a researcher can do with a response the server refused for a reason no answer on the
tablet can put right, found missing by a new researcher's walk: it said only that it could not
be changed, and stayed for ever. Also: a changed answer that now shows more questions, the
refused answer's box above the question, and the sign-out words once it is sent."""
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations
from tests.browser.runner_helpers import (
    queue,
    queued_response,
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
)

pytestmark = pytest.mark.browser

QUEUE_ONE = queued_response('{question_id: id(1), value: "no"}',
                            '{question_id: id(9), value: "More peer mentors."}')
CONFLICT = "A different response was already received with this id. It has not been changed."
UNKNOWN_VERSION = ("The response was not stored: Survey version 1 does not exist or is not "
                   "published")


def refuse_with(page, status, error):
    page.route("**/api/v1/responses", lambda route: route.fulfill(
        status=status, content_type="application/json", body=json.dumps({"error": error})))


def test_a_refused_duplicate_says_why_and_can_be_copied_or_deleted_once_confirmed(
        live_server, touch_page, shots):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    refuse_with(page, 409, CONFLICT)
    uuid = queue(page, QUEUE_ONE)
    page.get_by_role("button", name="Send now").tap()
    refused = page.locator("[data-refused]")
    expect(refused).to_contain_text("The server already has a different response with the same "
                                    "id", timeout=15000)
    expect(refused).to_contain_text("Keep it on this tablet and show it to a facilitator or "
                                    "admin")
    page.screenshot(path=str(shots / "runner_refused_next_steps.png"), full_page=True)

    with page.expect_download() as download:
        refused.get_by_role("button", name="Save a copy").tap()
    copy = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert copy["uuid"] == uuid
    assert copy["answers"][1]["value"] == "More peer mentors."
    assert copy["refused_because"] == CONFLICT

    refused.get_by_role("button", name="Delete it from this tablet").tap()
    expect(refused).to_contain_text("Delete this response? Its answers cannot be got back.")
    refused.get_by_role("button", name="No, keep it").tap()
    assert len(page.evaluate("window.FVStore.outbox()")) == 1
    refused.get_by_role("button", name="Delete it from this tablet").tap()
    refused.get_by_role("button", name="Yes, delete it").tap()
    expect(page.locator("[data-sync-status]")).to_contain_text(
        "The response was deleted from this tablet.")
    expect(refused).to_be_hidden()
    assert page.evaluate("window.FVStore.outbox()") == []


def test_a_response_for_a_survey_version_the_server_lacks_says_so_in_plain_words(
        live_server, touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    refuse_with(page, 422, UNKNOWN_VERSION)
    queue(page, QUEUE_ONE)
    page.get_by_role("button", name="Send now").tap()
    refused = page.locator("[data-refused]")
    expect(refused).to_contain_text("The version of the survey these answers were given in is "
                                    "not on the server", timeout=15000)
    expect(refused.get_by_role("button", name="Save a copy")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("This cannot be changed on the tablet")


QUEUE_NOT_IN_PRISON = queued_response(
    '{question_id: id(1), value: "no"}', '{question_id: id(4), value: "no"}',
    '{question_id: id(9), value: "More peer mentors."}')
REFUSED_Q1 = ("The response was not stored: answers[0].value (question 1) must be one of "
              "“Yes”, “No” or “Prefer not to say”")


def test_a_refused_answer_changed_from_no_to_yes_asks_the_questions_yes_shows(
        live_server, touch_page):
    """Changing 'Have you been in prison?' from No to Yes sent the response at once, without
    the two questions only Yes shows: the person's first night out was never asked."""
    from forum.extensions import db
    from surveys.models import SurveyResponse

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)

    def refuse_until_asked(route):
        # Refused every time it is sent before the question Yes shows is answered: a "Send
        # now" still under way as the researcher leaves the page must not store it.
        if '"in-a-hostel"' in (route.request.post_data or ""):
            route.continue_()
            return
        route.fulfill(status=422, content_type="application/json",
                      body=json.dumps({"error": REFUSED_Q1}))

    page.route("**/api/v1/responses", refuse_until_asked)
    uuid = queue(page, QUEUE_NOT_IN_PRISON)
    page.get_by_role("button", name="Send now").tap()
    page.get_by_role("link", name="Change the answer to question 1").tap(timeout=15000)
    wait_for_heading(page, "Have you been in prison?")
    # The server's reason names the choices as the participant saw them, and is shown as sent.
    expect(page.locator("[data-fix]")).to_contain_text(
        "must be one of “Yes”, “No” or “Prefer not to say”.")
    page.get_by_label("Yes", exact=True).tap()
    page.get_by_role("button", name="Save and send").tap()

    wait_for_heading(page, "Where did you sleep on your first night out?")
    expect(page.locator("[data-fix]")).to_contain_text("This question now applies")
    page.get_by_label("In a hostel", exact=True).tap()
    page.get_by_role("button", name="Save and send").tap()
    wait_for_heading(page, "How was the help with housing when you got out?")
    page.get_by_role("button", name="Save and send").tap()
    page.get_by_role("button", name="Yes, skip it").tap()

    expect(page.locator("[data-sync-status]")).to_contain_text("All responses have been sent.",
                                                                timeout=15000)
    db.session.expire_all()
    stored = db.session.scalars(db.select(SurveyResponse).where(
        SurveyResponse.uuid == uuid)).one()
    assert sorted((a.question.position, a.value, a.text) for a in stored.answers) == [
        (1, "yes", None), (2, "in-a-hostel", None), (4, "no", None),
        (9, None, "More peer mentors.")]


QUEUE_HALF_A_WORKER = queued_response('{question_id: id(8), value: 1.5}',
                                      '{question_id: id(9), value: "More peer mentors."}')


def test_the_refused_answers_box_comes_after_the_question_heading(live_server, touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    queue(page, QUEUE_HALF_A_WORKER)
    page.get_by_role("button", name="Send now").tap()
    page.get_by_role("link", name="Change the answer to question 8").tap(timeout=15000)
    wait_for_heading(page, "How many workers help you now?")
    expect(page.locator("[data-fix]")).to_be_visible()
    levels = page.evaluate(
        "[...document.querySelectorAll('main h1, main h2, main h3')]"
        ".filter(h => h.offsetParent !== null).map(h => h.tagName)")
    assert levels[0] == "H1", levels
    assert axe_violations(page) == []


QUEUE_WRONG_CLOCK = queued_response('{question_id: id(1), value: "no"}',
                                    started="1980-01-01T00:00:00Z",
                                    finished="1980-01-01T00:09:00Z")


def test_the_sign_out_words_follow_the_responses_once_they_are_sent(live_server, touch_page):
    """Warned that a refused response was still on the tablet, the researcher sent it: the
    warning and 'Sign out anyway' stayed, and before that 'sends the responses when it is back
    online' was said with nothing to send."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    status = page.locator("[data-sign-out-status]")
    expect(page.locator("[data-sync-status]")).to_contain_text("Nothing is waiting to send.")
    expect(status).to_have_text("Nothing is waiting to send, so you can sign out now. The "
                                "survey keeps working on this tablet without internet.")
    queue(page, QUEUE_WRONG_CLOCK)
    page.get_by_role("button", name="Send now").tap()
    page.get_by_role("button", name="Send it without the times").wait_for(timeout=15000)
    page.get_by_role("button", name="Sign out").tap()
    expect(status).to_contain_text("1 response the server did not take is still on this tablet")
    page.get_by_role("button", name="Send it without the times").tap()
    expect(page.locator("[data-sync-status]")).to_contain_text("All responses have been sent.",
                                                                timeout=15000)
    expect(status).to_have_text("Nothing is waiting to send, so you can sign out now. The "
                                "survey keeps working on this tablet without internet.")
    expect(page.get_by_role("button", name="Sign out", exact=True)).to_be_visible()


def test_sign_out_tapped_while_a_refused_response_is_sent_again_still_warns(
        live_server, touch_page):
    """While a refused response was sent again it counted as waiting, so "Sign out" tapped in
    that instant signed out with no word of it (then the server refused it again). Found as
    a CI failure of the test above, which taps in that instant by chance: here the server's
    answer is held until after the tap."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    queue(page, QUEUE_WRONG_CLOCK)
    page.get_by_role("button", name="Send it without the times").wait_for(timeout=15000)
    held = []

    def hold(route):  # Playwright takes a Python function here, not a bound builtin
        held.append(route)

    page.route("**/api/v1/responses", hold)
    page.get_by_role("button", name="Send now").tap()
    while not held:
        page.wait_for_timeout(50)
    page.get_by_role("button", name="Sign out").tap()
    page.wait_for_timeout(500)  # time enough to sign out, with nothing in its way
    held[0].continue_()
    status = page.locator("[data-sign-out-status]")
    expect(status).to_contain_text("1 response the server did not take is still on this tablet",
                                   timeout=15000)
    expect(page.get_by_role("button", name="Sign out anyway")).to_be_visible()


def test_sign_out_does_not_wait_for_ever_on_a_send_that_never_answers(live_server, touch_page):
    """Sign out waited for the send under way, with no limit: on a connection that hangs it
    did nothing at all. It now says what is on the tablet after a few seconds."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    queue(page, QUEUE_WRONG_CLOCK)
    page.get_by_role("button", name="Send it without the times").wait_for(timeout=15000)
    held = []

    def hang(route):  # never answered, as on a connection that hangs
        held.append(route)

    page.route("**/api/v1/responses", hang)
    page.get_by_role("button", name="Send now").tap()
    while not held:
        page.wait_for_timeout(50)
    page.get_by_role("button", name="Sign out").tap()
    expect(page.locator("[data-sign-out-status]")).to_contain_text(
        "1 response the server did not take is still on this tablet", timeout=15000)


def test_the_researcher_page_links_to_the_staff_pages_a_researcher_may_use(
        live_server, touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    page.goto(f"{live_server}/run/1/")
    links = page.get_by_role("navigation", name="Staff pages")
    expect(links.get_by_role("link", name="Tablets")).to_have_attribute("href", "/surveys/devices")
    expect(links.get_by_role("link", name="This survey’s page")).to_have_attribute(
        "href", "/surveys/1")
    links.get_by_role("link", name="Tablets").tap()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tablets")
