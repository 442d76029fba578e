"""A blind-coding sample drawn before a member withdrew kept their words: the coding page
still asked for them to be coded and the result page listed them among the disagreements.
Withdrawal takes a member's words out of analysis at once, samples too: the sample's
segments that are no longer usable are neither shown nor counted, and a sample coded in
full before the withdrawal stays reported on the segments left, when at least MIN_SAMPLE are
(test_agreement_too_few: with fewer the paragraph says a new sample is needed)."""
from __future__ import annotations

from sqlalchemy import select

from analysis.models import AgreementSample
from exports.services.evidence import gather_evidence, methods_paragraph
from forum.access import Role
from forum.extensions import db
from forum.models import Member, Segment
from forum.services.members import withdraw_consent
from tests.analysis.views.test_agreement import code_all, draw


def _member_of(sample: AgreementSample) -> tuple[Member, list[str]]:
    """The member of the sample's first segment, and all the sample's words they said."""
    first = db.session.get(Segment, sample.items[0].segment_id)
    member = db.session.get(Member, first.member_id)
    words = [db.session.get(Segment, i.segment_id).text for i in sample.items]
    return member, [w for w, i in zip(words, sample.items, strict=True)
                    if db.session.get(Segment, i.segment_id).member_id == member.id]


def test_a_sample_drawn_before_a_withdrawal_no_longer_shows_their_words(auth, analysed,
                                                                      consultation):
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    member, said = _member_of(sample)
    withdraw_consent(member, None)
    url = f"/consultations/{consultation.id}/agreement/{sample.id}/code"
    for _ in range(len(sample.items)):
        response = auth.client.get(url)
        if response.status_code == 302:
            break
        html = response.get_data(as_text=True)
        assert not any(words in html for words in said), "a withdrawn member's words to code"
        segment_id = int(html.split('name="segment_id" value="')[1].split('"')[0])
        auth.client.post(url, data={"segment_id": segment_id, "question": "none"})
    result = auth.client.get(f"/consultations/{consultation.id}/agreement/{sample.id}")
    assert result.status_code == 200
    html = result.get_data(as_text=True)
    assert not any(words in html for words in said)


def test_a_sample_coded_before_a_withdrawal_leaves_their_words_out_of_the_result(
        auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    code_all(auth, consultation, sample, lambda _segment, _app: (set(), "none"))
    member, said = _member_of(sample)
    withdraw_consent(member, None)
    sample = db.session.scalar(select(AgreementSample).where(AgreementSample.id == sample.id))
    left = sum(1 for i in sample.items
               if db.session.get(Segment, i.segment_id).member_id != member.id)
    html = auth.client.get(
        f"/consultations/{consultation.id}/agreement/{sample.id}").get_data(as_text=True)
    assert not any(words in html for words in said), "a withdrawn member's words as a disagreement"
    paragraph = methods_paragraph(gather_evidence(consultation.id))
    assert f"only {left} of its coded segments remain" in paragraph
