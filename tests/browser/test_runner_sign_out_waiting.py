"""'Sign out' on the researcher page with a response still waiting to send (a change to a
refused one, say, while the server is busy): it signed out at once with no word, and a change
the server then refused again could be put right only after signing in. It now warns first,
with how many are waiting, 'Send it now', 'Stay signed in' and 'Sign out anyway'; signing out
anyway leaves the response on the tablet, which sends it by itself (once) later."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from forum.extensions import db
from surveys.models import SurveyResponse
from tests.browser.runner_helpers import (
    queue,
    queued_response,
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.browser

API = "**/api/v1/responses"
QUEUE_ONE = queued_response('{question_id: id(1), value: "no"}',
                            '{question_id: id(9), value: "More peer mentors."}')
WARNING = "1 response is still waiting to send."
OUTBOX = "async () => (await window.FVStore.outbox()).map(i => i.uuid)"


def busy_with_one_waiting(page, live_server):
    """Signed in, the tablet set up, one response waiting: the server answers 503 for now."""
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.context.route(API, lambda route: route.fulfill(status=503))
    uuid = queue(page, QUEUE_ONE)
    expect(page.locator("[data-sync-status]")).to_contain_text("1 response waiting to send.")
    return uuid


def signed_in(page, live_server):
    return page.request.get(f"{live_server}/", max_redirects=0).status == 200


def test_sign_out_warns_while_a_response_waits_and_signing_out_anyway_keeps_it(
        live_server, touch_page, shots):
    page = touch_page
    uuid = busy_with_one_waiting(page, live_server)
    status = page.locator("[data-sign-out-status]")
    page.get_by_role("button", name="Sign out", exact=True).tap()
    expect(status).to_contain_text(WARNING)
    expect(page.get_by_role("button", name="Send it now")).to_be_visible()
    expect(page.get_by_role("button", name="Stay signed in")).to_be_visible()
    expect(page.get_by_role("button", name="Sign out anyway")).to_be_visible()
    assert signed_in(page, live_server)
    status.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "sign-out-warning.png"))
    # Staying: still signed in, and "Sign out" as it was.
    page.get_by_role("button", name="Stay signed in").tap()
    expect(status).to_contain_text("You are still signed in.")
    expect(page.get_by_role("button", name="Sign out", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Stay signed in")).to_be_hidden()
    assert signed_in(page, live_server)
    # Sent now while the server is still busy: the warning stays, with the count.
    page.get_by_role("button", name="Sign out", exact=True).tap()
    page.get_by_role("button", name="Send it now").tap()
    expect(status).to_contain_text(WARNING)
    expect(page.get_by_role("button", name="Sign out anyway")).to_be_visible()
    # Signed out anyway: the response stays on the tablet ...
    page.get_by_role("button", name="Sign out anyway").tap()
    expect(status).to_contain_text("You have signed out.")
    assert not signed_in(page, live_server)
    assert page.evaluate(OUTBOX) == [uuid]
    # ... and the tablet sends it with its own key once the server is back, once.
    page.context.unroute(API)
    page.get_by_role("button", name="Send now").tap()
    expect(page.locator("[data-sync-status]")).to_contain_text("All responses have been sent.",
                                                                timeout=15000)
    assert page.evaluate(OUTBOX) == []
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse)
                             .where(SurveyResponse.uuid == uuid)) == 1


def test_sending_from_the_warning_lets_the_researcher_sign_out_plainly(live_server, touch_page):
    page = touch_page
    busy_with_one_waiting(page, live_server)
    status = page.locator("[data-sign-out-status]")
    page.get_by_role("button", name="Sign out", exact=True).tap()
    expect(status).to_contain_text(WARNING)
    page.context.unroute(API)
    page.get_by_role("button", name="Send it now").tap()
    expect(status).to_have_text("Nothing is waiting to send, so you can sign out now. The "
                                "survey keeps working on this tablet without internet.",
                                timeout=15000)
    expect(page.get_by_role("button", name="Sign out anyway")).to_have_count(0)
    page.get_by_role("button", name="Sign out", exact=True).tap()
    expect(status).to_contain_text("You have signed out.")
