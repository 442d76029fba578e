"""A response the server refuses stays on the tablet, and the researcher is told so in plain
words and what to do: before, they read only the server's reason ('answers[7].value ... is
not a believable number') and nothing said the answers were safe or who could help."""
import json

import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    SHORT_RUN,
    queue,
    queued_response,
    set_up_tablet,
    sign_in_as_peer,
    tap_through,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
)

pytestmark = pytest.mark.browser

REASON = "The response was not stored: answers[7].value (question 8) is not a believable number"


def test_a_refused_response_is_said_to_be_kept_and_who_can_help(live_server, touch_page, shots):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.route("**/api/v1/responses", lambda route: route.fulfill(
        status=422, content_type="application/json", body=json.dumps({"error": REASON})))
    page.get_by_role("link", name="Start the survey").tap()
    tap_through(page, SHORT_RUN)
    status = page.locator("[data-sync-status]")
    expect(status).to_contain_text("1 response could not be sent", timeout=15000)
    # The API's words for developers ('answers[7].value') said in the researcher's.
    expect(status).to_contain_text(
        "could not be sent: The response was not stored: the answer to question 8 is not a "
        "believable number.")
    expect(status).to_contain_text("Its answers are kept on this tablet")
    expect(status).to_contain_text("tell whoever runs the survey")
    expect(page.get_by_role("button", name="Send now")).to_be_visible()
    page.screenshot(path=str(shots / "runner_refused.png"))


# A response kept on a tablet before counts had to be whole: 1.5 workers (question 8), and the
# participant's last answer. The server refuses the whole response for the one answer.
QUEUE_OLD_RESPONSE = queued_response('{question_id: id(8), value: 1.5}',
                                     '{question_id: id(9), value: "More peer mentors."}')


def test_a_refused_answer_is_changed_on_the_tablet_and_the_response_sent_once(
        live_server, touch_page, shots):
    """A refused response stayed on the tablet with no way out: the researcher can now open the
    answer the server refused, change it (the tablet checks it by the server's rule) and send
    the response again, with every other answer as it was, stored once."""
    from forum.extensions import db
    from surveys.models import SurveyResponse

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    uuid = queue(page, QUEUE_OLD_RESPONSE)
    page.get_by_role("button", name="Send now").tap()
    status = page.locator("[data-sync-status]")
    expect(status).to_contain_text("1 response could not be sent", timeout=15000)
    expect(status).to_contain_text(
        "the answer to question 8 is not a whole number. Type a whole number, like 3.")
    change = page.get_by_role("link", name="Change the answer to question 8")
    expect(change).to_be_visible()
    page.screenshot(path=str(shots / "runner_refused_change.png"))
    change.tap()

    wait_for_heading(page, "How many workers help you now?")
    expect(page.get_by_text("The server did not take this answer: the answer to question 8 is "
                            "not a whole number. Type a whole number, like 3.")).to_be_visible()
    box = page.get_by_label("How many workers help you now?")
    assert box.input_value() == "1.5"
    expect(page.get_by_role("link", name="I want to stop")).to_be_hidden()
    page.get_by_role("button", name="Save and send").tap()
    expect(page.locator("[data-error]")).to_contain_text("Type a whole number, like 3")
    page.screenshot(path=str(shots / "runner_refused_fix.png"))
    box.fill("2")
    page.get_by_role("button", name="Save and send").tap()

    expect(status).to_contain_text("All responses have been sent.", timeout=15000)
    expect(page.get_by_role("link", name="Change the answer to question 8")).to_have_count(0)
    db.session.expire_all()
    stored = db.session.scalars(db.select(SurveyResponse).where(
        SurveyResponse.uuid == uuid)).all()
    assert len(stored) == 1
    answers = sorted((a.question.position, a.value, a.text) for a in stored[0].answers)
    assert answers == [(8, 2, None), (9, None, "More peer mentors.")]


def test_a_refusal_naming_no_answer_says_why_and_stays(live_server, touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    conflict = "A different response was already received with this id. It has not been changed."
    page.route("**/api/v1/responses", lambda route: route.fulfill(
        status=409, content_type="application/json", body=json.dumps({"error": conflict})))
    queue(page, QUEUE_OLD_RESPONSE)
    page.get_by_role("button", name="Send now").tap()
    refused = page.locator("[data-refused]")
    # What to do is said (tests/browser/test_runner_refused_next_steps.py has the rest).
    expect(refused).to_contain_text("Changing an answer on this tablet cannot put this right. "
                                    "Keep it on this tablet", timeout=15000)
    expect(page.locator("[data-sync-status]")).to_contain_text(
        "The list below says why and what to do.")
    expect(refused.get_by_role("link")).to_have_count(0)


def test_a_refused_answer_left_empty_sends_the_rest_without_it(live_server, touch_page):
    from forum.extensions import db
    from surveys.models import SurveyResponse

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    uuid = queue(page, QUEUE_OLD_RESPONSE)
    page.get_by_role("button", name="Send now").tap()
    page.get_by_role("link", name="Change the answer to question 8").tap(timeout=15000)
    wait_for_heading(page, "How many workers help you now?")
    page.get_by_label("How many workers help you now?").fill("")
    page.get_by_role("button", name="Save and send").tap()
    page.get_by_role("button", name="Yes, skip it").tap()
    expect(page.locator("[data-sync-status]")).to_contain_text("All responses have been sent.",
                                                                timeout=15000)
    db.session.expire_all()
    stored = db.session.scalars(db.select(SurveyResponse).where(
        SurveyResponse.uuid == uuid)).one()
    assert [(a.question.position, a.text) for a in stored.answers] == [(9, "More peer mentors.")]
