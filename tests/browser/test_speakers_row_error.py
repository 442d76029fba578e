"""A speakers form with one row that cannot be saved (a member erased while it was open) is
sent back whole: nothing stored, every row as chosen, the error beside its row and in the
summary at the top of the column."""
import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_a_row_that_cannot_be_saved_is_marked_and_the_rest_kept(live_server, page, shots):
    from analysis.services.transcripts import import_transcript
    from forum.extensions import db
    from forum.models import FocusGroupSession

    # Tests leave the demo's transcripts out: one of its own, with three speakers.
    transcript = import_transcript(
        db.session.get(FocusGroupSession, 1), "group.txt",
        b"Facilitator: What happened when you got out?\nDee: Nowhere to go, that first "
        b"night.\nSam: The hostel was full, so I slept at the station.\n", None)
    sign_in(page, live_server, "facilitator")
    page.goto(f"{live_server}/transcripts/{transcript.id}/speakers")
    rows = page.locator("main select")
    first, last = rows.first, rows.last
    first.select_option(label="Facilitator (not analysed)")
    kept = first.input_value()
    # The member picked on the last row is erased meanwhile: its choice names no one now.
    last.evaluate("s => { s.add(new Option('Gone', 'member-99999')); s.value = 'member-99999'; }")
    page.get_by_role("button", name="Save speakers").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("is again: the member chosen is no longer on the list")
    assert page.locator(".govuk-error-message").count() == 1
    assert page.locator("main select").first.input_value() == kept
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "speakers-row-error.png"), full_page=True)
