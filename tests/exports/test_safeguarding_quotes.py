"""Issue 12 item 1: a draft warns about quotes whose words were flagged for safeguarding."""
import pytest

from forum.access import Role
from forum.extensions import db


@pytest.fixture
def cleared_quote(forum, facilitator):
    from analysis.services.safeguarding import allow_quoting, record_review

    segment = forum.segments["Amber"]
    segment.held, segment.risk_flagged = True, True
    db.session.commit()
    record_review(segment, facilitator, "not_a_risk", "Checked with Amber")
    allow_quoting(segment, facilitator)
    return segment


@pytest.fixture
def facilitator(users):
    return users[Role.FACILITATOR]


def test_issue12_item1_the_draft_warns_about_flagged_quotes(forum, auth, cleared_quote, users):
    from exports.services.draft_quotes import add_quote
    from exports.services.drafts import current_draft

    draft = current_draft(forum.consultation.id)
    q2 = next(s for s in draft.sections if s.question.number == "2")
    add_quote(q2, cleared_quote.id, users[Role.POLICY_OFFICER])
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.get(f"/consultations/{forum.consultation.id}/draft").get_data(as_text=True)
    assert "flagged for safeguarding" in page
    picker = auth.client.get(
        f"/consultations/{forum.consultation.id}/draft/questions/{q2.question_id}/quotes"
                             f"?q=nowhere").get_data(as_text=True)
    assert "flagged for safeguarding" in picker
