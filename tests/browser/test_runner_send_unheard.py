"""Sending is the same from the tablet's side however often it is tried: a response the
server stored while the tablet heard nothing back ("Send now" still running when the
researcher left the page) is sent, never shown refused, nor refused as a duplicate once an
answer is changed. Also: a reason holding "; " reaches the change page whole, and a response
queued in another tab is counted at once."""
import json

import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    queue,
    queued_response,
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
    wait_for_heading,
    wait_until_ready,
)

pytestmark = pytest.mark.browser

API = "**/api/v1/responses"
QUEUE_TWO_WORKERS = queued_response('{question_id: id(8), value: 2}',
                                    '{question_id: id(9), value: "More peer mentors."}')
# Refused by a rule the server has dropped since: sent again, it is stored.
OLD_PROBLEM = "answers[7].value (question 8) is 2. Type a number of 1 or more"
OLD_REASON = "The response was not stored: " + OLD_PROBLEM


def _refused_then_stored_unheard(page, base):
    """A refused response sent again with "Send now": the server stores it, and the tablet
    hears nothing back (as when the page is left first). Returns: the response's id."""
    page.route(API, lambda route: route.fulfill(status=422, content_type="application/json",
                                                body=json.dumps({"error": OLD_REASON,
                                                                 "problems": [OLD_PROBLEM]})))
    uuid = queue(page, QUEUE_TWO_WORKERS)  # the page sends it as it opens (no tap: a second
    # send still running when the refusal shows would reach the server once it is unrouted)
    status = page.locator("[data-sync-status]")
    expect(status).to_contain_text("1 response could not be sent", timeout=15000)
    page.unroute(API)

    def stored_unheard(route):
        route.fetch()  # the server stores it
        route.abort()  # and the tablet never hears so

    page.route(API, stored_unheard)
    with page.expect_event("requestfailed"):
        page.get_by_role("button", name="Send now").tap()
    page.unroute(API)
    return uuid


def _stored(uuid):
    from forum.extensions import db
    from surveys.models import SurveyResponse

    db.session.expire_all()
    return db.session.scalars(db.select(SurveyResponse).where(
        SurveyResponse.uuid == uuid)).all()


def test_a_response_stored_while_the_tablet_heard_nothing_is_sent_not_refused(
        live_server, touch_page):
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    uuid = _refused_then_stored_unheard(page, live_server)
    page.reload()  # the researcher comes back to the page
    wait_until_ready(page)
    status = page.locator("[data-sync-status]")
    expect(status).to_contain_text("All responses have been sent.", timeout=15000)
    expect(page.locator("[data-refused]")).to_be_hidden()
    assert len(_stored(uuid)) == 1


def test_an_answer_changed_after_the_server_stored_the_response_is_not_a_duplicate(
        live_server, touch_page):
    """Changed on a change page opened before (another tab), the response got the server's
    'A different response was already received with this id': the server holds the one this
    tablet sent, so it is sent."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    uuid = _refused_then_stored_unheard(page, live_server)
    left = page.evaluate("""async uuid => {
      const flow = JSON.parse(document.querySelector("main").dataset.flow);
      const id = flow.find(step => step.position === 8).id;
      return await window.FVStore.changeRefused(uuid, id, 8, 3, null);
    }""", uuid)
    assert left == []
    page.reload()
    wait_until_ready(page)
    expect(page.locator("[data-sync-status]")).to_contain_text("All responses have been sent.",
                                                                timeout=15000)
    # The change never reaches the server: the tablet says so, and keeps it to copy.
    expect(page.locator("[data-sync-status]")).to_contain_text("The change was not sent.")
    stored = _stored(uuid)
    assert len(stored) == 1
    assert sorted((a.question.position, a.value) for a in stored[0].answers)[0] == (8, 2)


CHOICE_PROBLEM = ("answers[0].value (question 1) must be one of “Yes; in the last year” or "
                  "“No”")


def test_a_reason_holding_a_semicolon_is_shown_whole_on_the_change_page(live_server,
                                                                         touch_page):
    """The tablet split the server's joined reasons at "; ", so a choice's label holding one
    cut the reason short: "must be one of “Yes." The server's list is used."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.route(API, lambda route: route.fulfill(status=422, content_type="application/json",
                                                body=json.dumps({
                                                    "error": "The response was not stored: "
                                                             + CHOICE_PROBLEM,
                                                    "problems": [CHOICE_PROBLEM]})))
    queue(page, queued_response('{question_id: id(1), value: "no"}',
                                '{question_id: id(9), value: "More peer mentors."}'))
    page.get_by_role("button", name="Send now").tap()
    page.get_by_role("link", name="Change the answer to question 1").tap(timeout=15000)
    wait_for_heading(page, "Have you been in prison?")
    expect(page.get_by_text("The server did not take this answer")).to_contain_text(
        "the answer to question 1 must be one of “Yes; in the last year” or “No”.")


def test_a_response_queued_in_another_tab_shows_send_now_at_once(live_server, touch_page,
                                                                  shots):
    """'Send now' stayed hidden until the page counted again (the 30-second send, which
    sent it first): the page now hears of the change from the other tab."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    status = page.locator("[data-sync-status]")
    # A fresh tablet has sent nothing yet (walk22's wording), and nothing is waiting.
    expect(status).to_contain_text("Nothing is waiting to send.")
    send = page.get_by_role("button", name="Send now")
    expect(send).to_be_hidden()
    other = page.context.new_page()
    other.goto(f"{live_server}/run/1/")
    wait_until_ready(other)
    other.evaluate(QUEUE_TWO_WORKERS)
    # Well before the 30-second send: the count follows the other tab's change.
    expect(send).to_be_visible(timeout=10000)
    expect(status).to_contain_text("1 response waiting to send.")
    page.screenshot(path=str(shots / "runner_queued_in_another_tab.png"))
    send.tap()
    expect(status).to_contain_text("All responses have been sent.", timeout=15000)
    expect(send).to_be_hidden()


def test_a_refused_response_sent_again_unheard_keeps_its_change_links_offline(
        live_server, touch_page, shots):
    """Sent again with no answer heard, a refused response counted as waiting to send until
    the server was asked about it again: offline, its change links were hidden until then."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.route(API, lambda route: route.fulfill(status=422, content_type="application/json",
                                                body=json.dumps({"error": OLD_REASON,
                                                                 "problems": [OLD_PROBLEM]})))
    queue(page, QUEUE_TWO_WORKERS)
    status = page.locator("[data-sync-status]")
    expect(status).to_contain_text("1 response could not be sent", timeout=15000)
    page.unroute(API)
    page.route(API, lambda route: route.abort())  # the connection drops: nothing heard
    with page.expect_event("requestfailed"):
        page.get_by_role("button", name="Send now").tap()
    page.context.set_offline(True)
    expect(status).to_contain_text("1 response waiting to send", timeout=15000)
    refused = page.locator("[data-refused]")
    expect(refused.get_by_role("link", name="Change the answer to question 8")).to_be_visible()
    expect(refused).to_contain_text("sent again with no answer heard")
    page.screenshot(path=str(shots / "runner_refused_unheard_offline.png"), full_page=True)
    page.context.set_offline(False)


def test_a_change_refused_after_an_unheard_send_is_shown_refused(live_server, touch_page):
    """Sent with no answer heard, then changed (its change link stays offered) and refused
    again: the unheard body was never asked about again, so the response counted as 'waiting
    to send' for good, 'rechecking', with deleting it never offered."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.route(API, lambda route: route.fulfill(status=422, content_type="application/json",
                                                body=json.dumps({"error": OLD_REASON,
                                                                 "problems": [OLD_PROBLEM]})))
    uuid = queue(page, QUEUE_TWO_WORKERS)
    status = page.locator("[data-sync-status]")
    expect(status).to_contain_text("1 response could not be sent", timeout=15000)
    page.unroute(API)
    page.route(API, lambda route: route.abort())  # the tablet hears nothing back
    with page.expect_event("requestfailed"):
        page.get_by_role("button", name="Send now").tap()
    page.unroute(API)
    left = page.evaluate("""async uuid => {
      const flow = JSON.parse(document.querySelector("main").dataset.flow);
      const id = flow.find(step => step.position === 8).id;
      return await window.FVStore.changeRefused(uuid, id, 8, 3, null);
    }""", uuid)
    assert left == []
    problem = "answers[7].value (question 8) is 3. Type a number of 4 or more"
    page.route(API, lambda route: route.fulfill(status=422, content_type="application/json",
                                                body=json.dumps({
                                                    "error": "The response was not stored: "
                                                             + problem,
                                                    "problems": [problem]})))
    page.reload()
    wait_until_ready(page)
    expect(status).to_contain_text("1 response could not be sent", timeout=15000)
    expect(page.get_by_role("link", name="Change the answer to question 8")).to_be_visible()
