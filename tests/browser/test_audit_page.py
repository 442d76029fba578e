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
