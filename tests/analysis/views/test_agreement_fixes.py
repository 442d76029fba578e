"""Taking the coder's choice for a disagreement fixes the data, never the figures reported."""
from __future__ import annotations

from analysis.services.agreement import app_coding
from exports.services.evidence import gather_evidence, methods_paragraph
from forum.access import Role
from tests.analysis.views.test_agreement import code_all, draw


def test_fixing_the_disagreements_leaves_the_softwares_agreement_as_measured(auth, analysed,
                                                                            consultation):
    auth.login(Role.POLICY_OFFICER)
    sample = draw(auth, consultation)
    ids = [i.segment_id for i in sample.items]
    before = app_coding(consultation.id, ids)
    # The coder gives every segment a question the app did not give it.
    others = sorted({q for _, q in before.values() if q is not None})
    choice = {s: next(q for q in others if q != before[s][1]) for s in ids}
    code_all(auth, consultation, sample, lambda s, app: (app[0], str(choice[s])))
    url = f"/consultations/{consultation.id}/agreement/{sample.id}"
    measured = methods_paragraph(gather_evidence(consultation.id))
    assert "for questions, F1 0.00" in measured
    for segment_id in ids:  # take the coder's question for every disagreement
        response = auth.client.post(f"{url}/fix", data={"segment_id": segment_id,
                                                        "what": "question"})
        assert response.status_code == 302
    assert all(q == choice[s] for s, (_, q) in app_coding(consultation.id, ids).items())
    # The response still states how far the software agreed before anyone corrected it.
    assert methods_paragraph(gather_evidence(consultation.id)) == measured
    html = auth.client.get(url).get_data(as_text=True)
    assert "Disagreements to fix" not in html or "Disagreements to fix (0)" in html
