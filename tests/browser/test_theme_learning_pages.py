"""Teaching a theme in a real browser: "Right theme", then a re-run places segments like them."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from analysis.models import Theme
from analysis.services import theme_edits as edits
from analysis.services.themes import start_run
from forum.access import Role
from forum.extensions import db
from forum.models import Segment
from tests.analysis.theme_fixtures import analysed, consultation, forum_rows  # noqa: F401
from tests.browser.helpers import axe_violations, sign_in

pytestmark = pytest.mark.browser


def test_right_theme_then_a_rerun_learns(live_server, analysed, consultation, users, page,
                                         shots):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "policy_officer")
    breach = next(t for t in db.session.scalars(select(Theme)) if t.code and "reach" in t.code)
    page.goto(f"{live_server}/themes/{breach.id}")
    expect(page.get_by_text("0 confirmed examples.")).to_be_visible()
    first = page.locator(".fv-evidence-list .fv-evidence").first
    first.get_by_role("button", name="Right theme").click()
    expect(page.get_by_text("Confirmed: this segment belongs in")).to_be_visible()
    expect(page.get_by_text("1 confirmed example.")).to_be_visible()
    expect(page.locator(".fv-evidence-list .govuk-tag", has_text="Confirmed by a person")
           ).to_have_count(1)
    assert axe_violations(page) == []

    # The officer files bus fares under this theme: three moves teach it, a re-run does the rest.
    travel = [s.id for s in db.session.scalars(select(Segment).order_by(Segment.id))
              if "bus" in s.text.lower()]
    for segment_id in travel[:3]:
        edits.move_segment(consultation.id, segment_id, breach, users[Role.POLICY_OFFICER])
    start_run(consultation.id, None)
    page.goto(f"{live_server}/themes/{breach.id}")
    expect(page.get_by_text("4 confirmed examples.")).to_be_visible()
    expect(page.get_by_text("The analysis has learned this theme")).to_be_visible()
    expect(page.locator(".fv-evidence-list .govuk-tag", has_text="Learned from examples")
           ).not_to_have_count(0)
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "theme-learning.png"), full_page=True)
    page.goto(f"{live_server}/consultations/{consultation.id}/themes")
    expect(page.get_by_role("columnheader", name="Placed by")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(shots / "themes-learning.png"), full_page=True)
    assert errors == []
