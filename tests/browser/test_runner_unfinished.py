"""Unfinished surveys kept on the tablet, listed on the researcher page (home.js)."""
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
