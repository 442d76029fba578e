"""Issue #12 point 9: a tablet response naming an erased member is stored without a member."""
from forum.extensions import db
from forum.models import Member
from forum.services.privacy import erase_member
from surveys.models import SurveyResponse
from tests.surveys.conftest import make_payload


def test_point9_response_naming_an_erased_member_is_stored_without_a_member(
        client, version, questions, tablet):
    _, token = tablet
    member = Member(pseudonym="Member 40")
    db.session.add(member)
    db.session.commit()
    body = make_payload(version, questions, member_id=member.id)
    erase_member(member, None)  # erased while the tablet was offline
    db.session.add(Member(pseudonym="Member 41"))  # a newcomer must not be credited
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    response = client.post("/api/v1/responses", json=body, headers=headers)
    assert response.status_code == 201, response.data
    db.session.expire_all()
    stored = db.session.scalar(db.select(SurveyResponse).where(SurveyResponse.uuid == body["uuid"]))
    assert stored is not None and stored.member_id is None
    again = client.post("/api/v1/responses", json=body, headers=headers)
    assert again.status_code == 200, "a resend is recognised as the same response"
