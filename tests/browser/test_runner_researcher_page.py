"""The researcher page (home.js): unfinished surveys kept on the tablet, and signing out."""
import pytest
from playwright.sync_api import expect

from tests.browser.runner_helpers import (
    set_up_tablet,
    sign_in_as_peer,
    touch_page,  # noqa: F401 (fixture)
)

pytestmark = pytest.mark.browser

# A participant who answered two questions and walked away; the screen was cleared.
SET_ASIDE = """async () => {
  const flow = JSON.parse(document.querySelector("main").dataset.flow);
  const id = position => flow.find(step => step.position === position).id;
  const draft = await window.FVStore.newDraft(1);
  await window.FVStore.saveAnswer(draft.uuid, id(1), "no");
  await window.FVStore.saveAnswer(draft.uuid, id(7), "A course near the hostel.");
  await window.FVStore.setAside();
  return draft.uuid;
}"""


def test_deleting_an_unfinished_survey_asks_first(live_server, touch_page):
    """'Delete it' deleted a participant's answers at one tap, beside 'Carry on with it': a
    slip of the finger lost them for good. It now asks, and 'No, keep them' keeps them."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    uuid = page.evaluate(SET_ASIDE)
    page.reload()
    unfinished = page.locator("[data-unfinished]")
    expect(unfinished).to_contain_text("2 answers")
    unfinished.get_by_role("button", name="Delete it").tap()
    expect(unfinished).to_contain_text("Delete these 2 answers? They cannot be got back.")
    unfinished.get_by_role("button", name="No, keep them").tap()
    expect(unfinished).to_contain_text("2 answers")
    kept = "async (uuid) => (await window.FVStore.unfinished()).some(d => d.uuid === uuid)"
    assert page.evaluate(kept, uuid)

    unfinished.get_by_role("button", name="Delete it").tap()
    unfinished.get_by_role("button", name="Yes, delete them").tap()
    expect(unfinished).to_be_hidden()
    assert not page.evaluate(kept, uuid)


# A participant who answered one question and walked away.
SET_ASIDE_ONE = """async () => {
  const flow = JSON.parse(document.querySelector("main").dataset.flow);
  const draft = await window.FVStore.newDraft(1);
  await window.FVStore.saveAnswer(draft.uuid, flow.find(step => step.position === 1).id, "no");
  await window.FVStore.setAside();
}"""


def test_deleting_one_answer_asks_of_it_not_them(live_server, touch_page):
    """One answer asked 'Delete this answer? They cannot be got back.': 'they' of one answer
    reads wrong to a researcher (and to anyone reading slowly). It says 'It'."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.evaluate(SET_ASIDE_ONE)
    page.reload()
    unfinished = page.locator("[data-unfinished]")
    unfinished.get_by_role("button", name="Delete it").tap()
    expect(unfinished).to_contain_text("Delete this answer? It cannot be got back.")


def test_signing_out_with_no_internet_stays_on_the_researcher_page(live_server, touch_page):
    """'Sign out' with no internet left the survey for the browser's own 'No internet' page
    (the page fell back to sending the form itself): the researcher was still signed in and
    had to find the survey again. It now says so and stays."""
    page = touch_page
    sign_in_as_peer(page, live_server)
    set_up_tablet(page, live_server)
    page.context.set_offline(True)
    page.get_by_role("button", name="Sign out").tap()
    expect(page.locator("[data-sign-out-status]")).to_contain_text(
        "No internet now, so you are still signed in. Sign out again when the tablet is back "
        "online.")
    assert page.url == f"{live_server}/run/1/"
    page.context.set_offline(False)
    page.get_by_role("button", name="Sign out").tap()
    expect(page.locator("[data-sign-out-status]")).to_contain_text("You have signed out.")
