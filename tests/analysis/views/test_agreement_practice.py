"""Practice samples: the response states only a sample meant to count, and says which."""
from __future__ import annotations

from analysis.models import AgreementSample
from exports.services.evidence import gather_evidence, methods_paragraph
from forum.access import Role
from forum.extensions import db
from tests.analysis.views.test_agreement import code_all, draw


def _stated(auth, consultation):
    html = auth.client.get(f"/consultations/{consultation.id}/agreement").get_data(as_text=True)
    return " ".join(html.split("The exported response")[1].split("</p>")[0].split())


def test_a_practice_sample_is_never_reported_and_the_page_says_which_is(auth, analysed,
                                                                        consultation):
    auth.login(Role.POLICY_OFFICER)
    counted = draw(auth, consultation)
    code_all(auth, consultation, counted, lambda segment_id, app: (app[0], str(app[1] or "none")))
    stated = methods_paragraph(gather_evidence(consultation.id))
    assert "coded a random sample" in stated
    assert f"sample {counted.id}" in _stated(auth, consultation).lower()
    # A practice sample, drawn as one and coded later, does not replace it.
    response = auth.client.post(f"/consultations/{consultation.id}/agreement",
                                data={"practice": "1"})
    assert response.status_code == 302
    practice = db.session.scalars(db.select(AgreementSample)
                                  .order_by(AgreementSample.id.desc())).first()
    assert practice.id != counted.id and practice.practice
    code_all(auth, consultation, practice, lambda segment_id, app: (set(), "none"))
    assert methods_paragraph(gather_evidence(consultation.id)) == stated
    assert f"sample {counted.id}" in _stated(auth, consultation).lower()
    # Marked as practice afterwards, the first is no longer stated either.
    url = f"/consultations/{consultation.id}/agreement/{counted.id}/practice"
    assert auth.client.post(url, data={"practice": "1"}).status_code == 302
    assert "coded a random sample" not in methods_paragraph(gather_evidence(consultation.id))
    assert "states no agreement" in _stated(auth, consultation)
    # And counted again, it is.
    auth.client.post(url, data={"practice": "0"})
    assert methods_paragraph(gather_evidence(consultation.id)) == stated


def test_only_the_analysing_roles_may_mark_a_practice_sample(auth, analysed, consultation):
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    for role in (Role.FACILITATOR, Role.PEER_RESEARCHER):
        auth.logout()
        auth.login(role)
        assert auth.client.post(f"/consultations/{consultation.id}/agreement/{sample.id}/practice",
                                data={"practice": "1"}).status_code == 403
    db.session.expire_all()
    assert not db.session.get(AgreementSample, sample.id).practice
