"""Theme edits undone in a real browser: rename, merge, split, memos, themes by question (axe 0)."""
import re

import pytest
from playwright.sync_api import expect

from tests.analysis.theme_fixtures import analysed, consultation, forum_rows  # noqa: F401
from tests.browser.helpers import axe_violations, page_errors, sign_in

pytestmark = pytest.mark.browser


def _sizes(page):
    cells = page.locator(
        ".fv-themes-table tbody tr td.govuk-table__cell--numeric").all_inner_texts()
    return [int(n) for n in cells[:-1]]  # the last row is "Not grouped"


def _add_memos(page) -> None:
    """A memo on the theme and one on a segment: staff see them on the page."""
    page.get_by_label("Notes on this theme for the team").fill(
        "Ask the housing lead before we quote this.")
    page.get_by_role("button", name="Save memo", exact=True).click()
    expect(page.get_by_text("Memo saved. Only staff see it; it is never exported.")).to_be_visible()
    segment = page.locator(".fv-evidence").first
    segment.get_by_text("Add a memo").click()
    segment.get_by_label("Memo on this segment (staff only, never exported)").fill(
        "Said twice in the group.")
    segment.get_by_role("button", name=re.compile("^Save memo on segment")).click()
    expect(page.locator(".fv-evidence").first.get_by_label(
        re.compile("Memo on this segment"))).to_have_value("Said twice in the group.")


def test_an_officer_undoes_a_rename_a_merge_and_a_split(live_server, analysed, consultation, page,
                                                        shots):
    errors = page_errors(page)
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/{consultation.id}/themes")
    first_name = page.locator(".fv-themes-table a.govuk-link").first.inner_text()
    second_name = page.locator(".fv-themes-table a.govuk-link").nth(1).inner_text()

    # Rename, then undo it from the "Last change" box on the theme page.
    page.locator(".fv-themes-table a.govuk-link").first.click()
    page.get_by_label("Theme name").fill("Nowhere to live after prison")
    page.get_by_role("button", name="Rename").click()
    expect(page.locator("#last-change")).to_contain_text(
        f"Renamed “{first_name}” to “Nowhere to live after prison”")
    page.locator("#last-change").get_by_role("button", name=re.compile("^Undo")).click()
    expect(page.get_by_text(f"Undone: Renamed “{first_name}”")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(first_name)

    _add_memos(page)

    # Merge the second theme in, look at the history, and undo the merge there.
    page.get_by_label("Merge with").select_option(label=second_name)
    page.get_by_role("button", name="Merge into this theme").click()
    expect(page.get_by_text(f"Merged “{second_name}” into “{first_name}”.")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "theme-memo-undo.png"), full_page=True)
    page.locator("#last-change").get_by_role("link", name="All changes to the themes").click()
    expect(page.get_by_role("heading", name="Changes to the themes")).to_be_visible()
    expect(page.get_by_role("cell",
        name=re.compile(f"^Merged “{re.escape(second_name)}” into"))).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "theme-history.png"), full_page=True)
    page.get_by_role("button",
                     name=re.compile(rf"Undo\s*: Merged “{re.escape(second_name)}”")).click()
    expect(page.get_by_text(f"Undone: Merged “{second_name}”")).to_be_visible()
    page.goto(f"{live_server}/consultations/{consultation.id}/themes")
    expect(page.locator(".fv-themes-table").get_by_role("link", name=second_name)).to_be_visible()

    # Split the largest theme: the list is largest first again afterwards.
    page.locator(".fv-themes-table a.govuk-link").first.click()
    page.get_by_role("link", name="Preview a split").click()
    page.get_by_role("button", name="Split the theme").click()
    expect(page.get_by_text(re.compile(r"Theme split into \d themes\."))).to_be_visible()
    sizes = _sizes(page)
    assert sizes == sorted(sizes, reverse=True), sizes
    expect(page.locator("#last-change")).to_contain_text(f"Split “{first_name}” into")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "themes-after-split.png"), full_page=True)
    page.locator("#last-change").get_by_role("button", name=re.compile("^Undo")).click()
    expect(page.get_by_text(f"Undone: Split “{first_name}”")).to_be_visible()
    expect(page.locator(".fv-themes-table").get_by_role("link", name=first_name)).to_be_visible()

    # Themes by question: choose a question and see only the themes heard in answers to it.
    page.get_by_label("Show themes in answers to").select_option(index=1)
    page.get_by_role("button", name="Show", exact=True).first.click()
    expect(page.get_by_role("heading", name=re.compile("^Themes in answers to Q"))).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "themes-by-question.png"), full_page=True)
    assert errors == []
