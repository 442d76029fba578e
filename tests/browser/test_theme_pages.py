"""Theme pages in a real browser: rename a theme, move a segment, search; no axe violations."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from analysis.models import Theme
from forum.extensions import db
from tests.analysis.theme_fixtures import analysed, consultation, forum_rows  # noqa: F401
from tests.browser.helpers import axe_violations, page_errors, sign_in

pytestmark = pytest.mark.browser


def test_rename_move_and_search(live_server, analysed, consultation, page, shots):
    errors = page_errors(page)
    sign_in(page, live_server, "policy_officer")
    stored = db.session.scalars(select(Theme).where(Theme.consultation_id == consultation.id)
                                .order_by(Theme.position)).all()
    if not any(t.broader for t in stored):
        # The fixture's topics are far apart, so the run may name no group (a group is named
        # only where a heading holds for all its themes: test_hierarchy); give two one.
        stored[0].broader = stored[1].broader = "Support after release"
        db.session.commit()

    page.goto(f"{live_server}/consultations/{consultation.id}/themes")
    expect(page.get_by_role("heading", name="Themes", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Not grouped")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "themes.png"), full_page=True)
    broader = page.get_by_role("columnheader", name="Broader theme")
    expect(broader).to_be_visible()
    broader.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "themes-broader.png"))

    page.locator(".fv-themes-table a.govuk-link").first.click()
    page.get_by_label("Theme name").fill("Nowhere to live after prison")
    page.get_by_role("button", name="Rename").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nowhere to live after prison")

    first = page.locator(".fv-evidence-list .fv-evidence").first
    text = first.locator(".fv-evidence__text").inner_text()
    target = first.locator("select option").first.inner_text()
    first.locator("select").select_option(index=0)
    first.get_by_role("button", name="Move").click()
    expect(page.get_by_text(f"Segment moved to {target}.")).to_be_visible()
    expect(page.locator(".fv-evidence__text", has_text=text)).to_have_count(0)
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "theme.png"), full_page=True)

    page.goto(f"{live_server}/consultations/{consultation.id}/search")
    page.get_by_label("What are you looking for?").fill("what did members say about breach?")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="things members said")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    assert errors == []
