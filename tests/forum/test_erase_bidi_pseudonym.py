"""A pseudonym stored with a bidi control before they were dropped on the way in: its page
shows it without (``text_direction``), and what is typed to confirm erasing loses any
(``TypedRequest``), so the typed pseudonym never matched and the member could not be erased."""
from forum.access import Role
from forum.extensions import db
from forum.models import Member
from tests.forum.test_privacy import member_with_data  # noqa: F401


def test_a_member_whose_pseudonym_holds_a_bidi_control_can_be_erased(auth, member_with_data):  # noqa: F811
    member_id = member_with_data.id
    member_with_data.pseudonym = "Kes\u202etrel"
    db.session.commit()
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/members/{member_id}/erase", data={"confirm": "Kestrel"})
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    db.session.expire_all()
    assert db.session.get(Member, member_id) is None
