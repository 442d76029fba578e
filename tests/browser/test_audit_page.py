"""The audit log page at tablet width: long emails and details wrap instead of widening it."""
import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from analysis.models import AgreementSample
from forum.extensions import db
from forum.models import Consultation, User
from forum.services import audit
from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser


def test_the_audit_log_fits_a_768_pixel_screen(live_server, page, shots):
    policy = db.session.scalars(select(User).where(User.email.like("policy@%"))).one()
    facilitator = db.session.scalars(select(User).where(User.email.like("facilitator@%"))).one()
    audit.record("speakers_mapped", facilitator, facilitator, changes={"15": ["facilitator", None]})
    audit.record("theme_split", policy, policy, split="Probation officers who listen",
                 into=["Probation officer", "Bus fare", "Mixed comments"])
    audit.record("export", policy, policy, format="easyread", what="consultation response")
    sample = AgreementSample(consultation_id=1, seed=1, created_by_id=policy.id)
    db.session.add(sample)
    db.session.flush()
    audit.record("agreement_sample_drawn", policy, sample, size=30)
    consultation = db.session.get(Consultation, 1)
    audit.record("consultation_changed", policy, consultation, questions=8)
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/admin/audit")
    expect(page.get_by_role("cell", name="policy@forumvoice.example").first).to_be_visible()
    expect(page.get_by_role("cell", name=f"{consultation.title} consultation 1")).to_be_visible()
    expect(page.locator("html")).to_have_js_property("scrollWidth", 768)
    page.screenshot(path=str(shots / "audit.png"), full_page=True)


def test_the_audit_log_reads_well_at_768_pixels(live_server, page, shots):
    """The admin's seven links once put "Audit log" on a row of its own; emails broke after
    any letter ("polic / y@f / oru"); a long email in the details widened the page to 863."""
    audit.record("login_failed", None, None, ip="127.0.0.1",
                 email="someone.with.a.very.long.address@example-charity.org.uk")
    policy = db.session.scalars(select(User).where(User.email.like("policy@%"))).one()
    audit.record("consultation_changed", policy, db.session.get(Consultation, 1), questions=8)
    sign_in(page, live_server, "admin")
    page.goto(f"{live_server}/admin/audit")
    page.screenshot(path=str(shots / "audit-768.png"), full_page=True)
    expect(page.locator("html")).to_have_js_property("scrollWidth", 768)
    tops = page.locator(".govuk-service-navigation__item").evaluate_all(
        "items => items.map(item => item.getBoundingClientRect().top)")
    assert len(tops) == 7 and len(set(tops)) == 1, tops
    who = page.locator(".fv-audit__who").filter(has_text="policy@").first
    expect(who).to_have_text(f"{policy.name} policy@forumvoice.example")
    # The email takes two lines under the name, broken after its @ (it took six).
    email = who.locator(".fv-audit__note")
    lines = email.evaluate("e => e.offsetHeight / parseFloat(getComputedStyle(e).lineHeight)")
    assert lines == 2
