"""Question mapping and blind coding in a real browser: confirm a mapping, code a sample, agree,
delete a sample after being asked."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from analysis.models import AgreementSample
from forum.extensions import db
from tests.analysis.theme_fixtures import analysed, consultation, forum_rows  # noqa: F401
from tests.browser.helpers import axe_violations, page_errors, sign_in

pytestmark = pytest.mark.browser


def check(page, shots, name, errors):
    assert axe_violations(page) == [], name
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    assert errors == [], name


def test_confirm_a_mapping_then_code_a_sample_blind(live_server, analysed, consultation, page,
                                                    shots):
    errors = page_errors(page)
    sign_in(page, live_server, "policy_officer")
    base = f"{live_server}/consultations/{consultation.id}"

    page.goto(base)
    page.get_by_role("link", name="Which question each segment answers").click()
    expect(page.get_by_role("heading", name="Question mapping")).to_be_visible()
    check(page, shots, "question-mapping", errors)

    page.locator("table a.govuk-link").first.click()
    first = page.locator(".fv-passage").first
    expect(first).to_contain_text("% sure")
    first.get_by_role("button", name="Confirm question for segment 1").click()
    expect(page.get_by_text(
        "The other segments are being checked again")).to_be_visible()
    expect(page.get_by_text("You have confirmed 1 example for this question")).to_be_visible()
    check(page, shots, "question-mapping-question", errors)

    page.goto(f"{base}/agreement")
    check(page, shots, "agreement-start", errors)
    page.get_by_role("button", name="Draw a new sample of 30").click()
    for number in range(1, 31):
        expect(page.get_by_role("heading", level=1)).to_have_text(f"Passage {number} of 30")
        if number == 1:
            check(page, shots, "agreement-code", errors)
        if number % 3:
            page.locator(".govuk-checkboxes__input").nth(number % 2).check()
            page.locator(".govuk-radios__input").nth(number % 4).check()
        else:
            page.get_by_label("None of these").check()
        page.get_by_role("button", name="Save and next").click()
    expect(page.get_by_role("heading", name="How often the app agreed with you")).to_be_visible()
    expect(page.get_by_text("You coded 30 randomly chosen segments")).to_be_visible()
    expect(page.get_by_role("heading", name="Disagreements to fix")).to_be_visible()
    page.get_by_text("What do these numbers mean?").click()
    expect(page.get_by_role("heading", name="Cohen's kappa")).to_be_visible()
    check(page, shots, "agreement", errors)


def test_deleting_a_sample_asks_on_its_own_page_first(live_server, analysed, consultation, page,
                                                      shots):
    errors = page_errors(page)
    sign_in(page, live_server, "policy_officer")
    page.goto(f"{live_server}/consultations/{consultation.id}/agreement")
    page.get_by_role("button", name="Draw a new sample of 30").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Passage 1 of 30")
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Save and next").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Passage 2 of 30")
    sample_id = db.session.scalar(select(AgreementSample.id))

    page.goto(f"{live_server}/consultations/{consultation.id}/agreement")
    page.get_by_role("link", name=f"Delete sample {sample_id} and its coding").click()
    expect(page.get_by_role("heading", name=f"Delete sample {sample_id} and its coding?")
           ).to_be_visible()
    expect(page.get_by_text("This cannot be undone")).to_be_visible()
    # Nothing is deleted by opening the page.
    db.session.expire_all()
    assert db.session.get(AgreementSample, sample_id) is not None
    check(page, shots, "agreement-delete", errors)

    page.get_by_role("button", name=f"Delete sample {sample_id}").click()
    expect(page.get_by_role("heading", name="Check the themes yourself")).to_be_visible()
    expect(page.get_by_text(f"Sample {sample_id} and its coding are deleted")).to_be_visible()
    expect(page.get_by_role("link", name=f"Delete sample {sample_id} and its coding")
           ).to_have_count(0)
    db.session.expire_all()
    assert db.session.get(AgreementSample, sample_id) is None
    assert errors == []
