"""Ways out for a response the server refused that the walk of the peer researcher found
missing: a tablet whose clock was wrong, two pages changing the same refused answer, and
signing out with refused responses on the tablet."""
import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    queue,
    queued_response,
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.browser

# A tablet whose clock had reset (a flat battery) when the participant answered: the server
# refuses the times, not the answers, and the refusal names no answer to change.
QUEUE_WRONG_CLOCK = queued_response('{question_id: id(1), value: "no"}',
                                    '{question_id: id(9), value: "More peer mentors."}',
                                    started="1980-01-01T00:00:00Z",
                                    finished="1980-01-01T00:09:00Z")


def test_a_response_refused_for_the_tablets_clock_is_sent_without_the_times(
        live_server, touch_page, shots):
    """Refused for its times alone, a response said 'This cannot be changed on the tablet ...
    tell whoever runs the survey', who could not change it either: it stayed for ever. The
    researcher is told the tablet's clock was wrong and can send the answers without times."""
    from forum.extensions import db
    from surveys.models import SurveyResponse

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    uuid = queue(page, QUEUE_WRONG_CLOCK)
    page.get_by_role("button", name="Send now").tap()
    refused = page.locator("[data-refused]")
    expect(refused).to_contain_text("The tablet’s clock was wrong", timeout=15000)
    # Never the API's field names.
    expect(page.locator("main")).not_to_contain_text("started_at")
    page.screenshot(path=str(shots / "runner_refused_clock.png"))
    page.get_by_role("button", name="Send it without the times").tap()

    expect(page.locator("[data-sync-status]")).to_contain_text("All responses have been sent.",
                                                                timeout=15000)
    db.session.expire_all()
    stored = db.session.scalars(db.select(SurveyResponse).where(
        SurveyResponse.uuid == uuid)).one()
    assert (stored.started_at, stored.finished_at) == (None, None)
    assert sorted((a.question.position, a.value, a.text) for a in stored.answers) == [
        (1, "no", None), (9, None, "More peer mentors.")]


# Counts had to be whole: 1.5 workers (question 8) is refused, and can be changed.
QUEUE_HALF_A_WORKER = queued_response('{question_id: id(8), value: 1.5}',
                                      '{question_id: id(9), value: "More peer mentors."}')


def test_a_refused_answer_changed_in_two_tabs_says_the_second_was_not_saved(
        live_server, touch_page):
    """Two tabs open on the same refused answer: the first change was sent and the second tab
    went back to the researcher page as if its change was saved too, so the researcher never
    knew which number the server got. The second now says its change was not saved."""
    from forum.extensions import db
    from surveys.models import SurveyResponse

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    uuid = queue(page, QUEUE_HALF_A_WORKER)
    page.get_by_role("button", name="Send now").tap()
    change = page.get_by_role("link", name="Change the answer to question 8")
    change.wait_for(timeout=15000)
    other = page.context.new_page()
    other.goto(live_server + change.get_attribute("href"))
    change.tap()
    for tab in (page, other):
        expect(tab.get_by_text("The server did not take this answer")).to_be_visible()
    page.get_by_label("How many workers help you now?").fill("2")
    page.get_by_role("button", name="Save and send").tap()
    expect(page.locator("[data-sync-status]")).to_contain_text("All responses have been sent.",
                                                                timeout=15000)

    other.get_by_label("How many workers help you now?").fill("4")
    other.get_by_role("button", name="Save and send").tap()
    expect(other.locator("[data-error]")).to_contain_text(
        "This answer was changed in another tab already, so this change was not saved.")
    assert "fix=" in other.url
    db.session.expire_all()
    stored = db.session.scalars(db.select(SurveyResponse).where(
        SurveyResponse.uuid == uuid)).one()
    assert [(a.question.position, a.value) for a in stored.answers][0] == (8, 2)


def test_signing_out_with_a_refused_response_warns_first(live_server, touch_page):
    """The researcher page said 'You can sign out now ... sends the responses when it is back
    online' with a refused response on the tablet, which never sends by itself and is changed
    only from the researcher page, which needs a sign-in. Sign out now warns once."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    queue(page, QUEUE_HALF_A_WORKER)
    page.get_by_role("button", name="Send now").tap()
    page.get_by_role("link", name="Change the answer to question 8").wait_for(timeout=15000)
    page.get_by_role("button", name="Sign out").tap()
    status = page.locator("[data-sign-out-status]")
    expect(status).to_contain_text("1 response the server did not take is still on this tablet")
    expect(page.get_by_role("button", name="Sign out anyway")).to_be_visible()
    assert page.request.get(f"{live_server}/run/1/offline.json", max_redirects=0).ok  # signed in
    page.get_by_role("button", name="Sign out anyway").tap()
    expect(status).to_contain_text("You have signed out.")


QUEUE_BEEN_IN_PRISON = queued_response(
    '{question_id: id(1), value: "yes"}', '{question_id: id(2), value: "in-a-hostel"}',
    '{question_id: id(3), value: "4"}', '{question_id: id(9), value: "More peer mentors."}')
REFUSED_Q1 = ("The response was not stored: answers[0].value (question 1) must be one of "
              "“Yes”, “No” or “Prefer not to say”")


def test_a_changed_refused_answer_drops_the_answers_its_skip_logic_now_hides(
        live_server, touch_page):
    """Changing a refused answer to 'Have you been in prison?' from Yes to No sent the answers
    to the two questions only shown after Yes as well, which the participant's own pages never
    send: the results counted a night in a hostel for someone never in prison."""
    import json

    from forum.extensions import db
    from surveys.models import SurveyResponse

    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)

    def refuse_while_yes(route):
        # Refused while it says Yes (the answers only Yes shows are still in it).
        if '"in-a-hostel"' not in (route.request.post_data or ""):
            route.continue_()
            return
        route.fulfill(status=422, content_type="application/json",
                      body=json.dumps({"error": REFUSED_Q1}))

    page.route("**/api/v1/responses", refuse_while_yes)
    uuid = queue(page, QUEUE_BEEN_IN_PRISON)
    page.get_by_role("button", name="Send now").tap()
    change = page.get_by_role("link", name="Change the answer to question 1")
    change.wait_for(timeout=15000)
    page.goto(live_server + change.get_attribute("href"))
    page.get_by_text("The server did not take this answer").wait_for()
    page.get_by_label("No", exact=True).tap()
    page.get_by_role("button", name="Save and send").tap()
    expect(page.locator("[data-sync-status]")).to_contain_text("All responses have been sent.",
                                                                timeout=15000)
    db.session.expire_all()
    stored = db.session.scalars(db.select(SurveyResponse).where(
        SurveyResponse.uuid == uuid)).one()
    assert sorted((a.question.position, a.value, a.text) for a in stored.answers) == [
        (1, "no", None), (9, None, "More peer mentors.")]
