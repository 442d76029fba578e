"""Each theme's stability in a real browser at tablet width: found again, and "Check" below."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from analysis.core.themes.stability import RESAMPLES, STABLE_FROM
from analysis.models import Theme
from forum.extensions import db
from tests.analysis.theme_fixtures import analysed, consultation, forum_rows  # noqa: F401
from tests.browser.helpers import axe_violations, page_errors, sign_in

pytestmark = pytest.mark.browser


def test_themes_and_theme_page_show_stability(live_server, analysed, consultation, page, shots):
    errors = page_errors(page)
    sign_in(page, live_server, "policy_officer")
    stored = db.session.scalars(select(Theme).where(Theme.consultation_id == consultation.id)
                                .order_by(Theme.position)).all()
    shaky = stored[1]
    shaky.found_again = STABLE_FROM - 3
    db.session.commit()

    page.goto(f"{live_server}/consultations/{consultation.id}/themes")
    expect(page.get_by_role("columnheader", name="Found again")).to_be_visible()
    row = page.locator(".fv-themes-table tr", has_text=shaky.label)
    expect(row.get_by_text(f"Found again in {STABLE_FROM - 3} of {RESAMPLES} tries")
           ).to_be_visible()
    expect(row.locator(".govuk-tag--yellow", has_text="Check")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "themes-stability.png"), full_page=True)

    row.get_by_role("link", name=shaky.label).click()
    expect(page.locator("#stability")).to_contain_text(f"found this theme again only "
                                                        f"{STABLE_FROM - 3} times")
    expect(page.locator("#stability .govuk-tag--yellow")).to_have_text("Check")
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "theme-stability.png"), full_page=True)
    assert errors == []
