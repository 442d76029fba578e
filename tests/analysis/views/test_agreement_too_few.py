"""A blind sample coded in full, then shrunk by withdrawals, still gave the methods paragraph
its figures: only its size when drawn was checked against MIN_SAMPLE, so agreement could rest
on a handful of segments. The figure now rests on at least MIN_SAMPLE usable coded segments
(``live_items``, the one ``usable_segments`` rule); with fewer, the paragraph and the agreement
page say plainly that too few remain and that a new sample is needed."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import AgreementSample
from analysis.services.agreement import MIN_SAMPLE, draw_sample, live_items
from analysis.services.agreement_report import reported_sample
from exports.services.evidence import gather_evidence, methods_paragraph
from forum.access import Role
from forum.extensions import db
from forum.models import Member, Segment, User
from forum.services.members import withdraw_consent
from forum.services.segments import usable_segments
from tests.analysis.views.test_agreement import code_all, draw
from tests.conftest import ROLE_EMAILS


def _first_member(sample: AgreementSample) -> Member:
    return db.session.get(Member, db.session.get(Segment, sample.items[0].segment_id).member_id)


def test_a_sample_shrunk_below_the_minimum_states_no_agreement_and_asks_for_a_new_one(
        auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    code_all(auth, consultation, sample, lambda _segment, app: (app[0], "none"))
    assert "Cohen's kappa" in methods_paragraph(gather_evidence(consultation.id))
    withdraw_consent(_first_member(sample), None)
    sample = db.session.scalar(select(AgreementSample).where(AgreementSample.id == sample.id))
    left = len(live_items(sample))
    assert left < MIN_SAMPLE
    assert reported_sample(consultation.id) is None
    paragraph = methods_paragraph(gather_evidence(consultation.id))
    assert "Cohen's kappa" not in paragraph and "both measures" not in paragraph
    assert (f"only {left} of its coded segments remain, fewer than the {MIN_SAMPLE}"
            in paragraph), paragraph
    assert "a new sample is needed" in paragraph
    html = auth.client.get(f"/consultations/{consultation.id}/agreement").get_data(as_text=True)
    assert f"only {left} of its coded segments remain" in html
    assert "a new sample is needed" in html and "Stated</strong>" not in html


def test_a_larger_sample_with_enough_left_after_a_withdrawal_is_still_stated(
        auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    officer = db.session.scalar(select(User).where(User.email == ROLE_EMAILS[Role.POLICY_OFFICER]))
    usable = usable_segments(consultation.id)
    # Big enough that the first member's words leave at least MIN_SAMPLE behind.
    sample = draw_sample(consultation.id, officer, size=len(usable))
    member = _first_member(sample)
    theirs = sum(1 for s in usable if s.member_id == member.id)
    assert len(usable) - theirs >= MIN_SAMPLE, "the fixture is too small for this test"
    code_all(auth, consultation, sample, lambda _segment, app: (app[0], "none"))
    withdraw_consent(member, None)
    sample = db.session.scalar(select(AgreementSample).where(AgreementSample.id == sample.id))
    left = len(live_items(sample))
    assert reported_sample(consultation.id) == (sample, officer.id)
    paragraph = methods_paragraph(gather_evidence(consultation.id))
    assert f"coded a random sample of {left} segments" in paragraph and "Cohen's kappa" in paragraph
