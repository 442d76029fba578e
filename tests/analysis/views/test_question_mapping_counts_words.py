"""After confirming 2 examples 'to check' went 5, 4, 20, 23 under 'being updated from your
examples', with no word on why: the page now says what the app does with the examples."""
from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from forum.models import Segment

EXPLAINED = "so the number to check can go up for a while"


def test_confirming_says_why_the_number_to_check_can_go_up(auth, analysed, consultation):
    target = sorted(consultation.questions, key=lambda q: q.position)[-1]
    segment = db.session.scalars(select(Segment).where(Segment.consultation_id == consultation.id)
                                 .order_by(Segment.id)).first()
    auth.login(Role.POLICY_OFFICER)
    page = auth.client.post(f"/consultations/{consultation.id}/question-mapping/confirm",
                            data={"segment_id": segment.id, "question_id": target.id,
                                  "back": target.id}, follow_redirects=True
                            ).get_data(as_text=True)
    assert "The other segments are being checked again" in page and EXPLAINED in page
    index = auth.client.get(
        f"/consultations/{consultation.id}/question-mapping").get_data(as_text=True)
    assert EXPLAINED in index
