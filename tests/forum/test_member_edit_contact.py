"""Editing a member keeps their contact details: the edit page filled the box with
'<MemberContact 1>' (the member's contact record, not its words), and saving the page
unchanged replaced the phone number with that."""
import re

from forum.access import Role
from forum.extensions import db
from forum.models import Member
from forum.services import members as service


def test_the_edit_page_shows_the_contact_details_and_saving_keeps_them(auth):
    auth.login(Role.FACILITATOR)
    member = service.save_member(Member(lived_experience=[]), "Wren", "Jane Realname",
                                 "07700 900123")
    page = auth.client.get(f"/members/{member.id}/edit").get_data(as_text=True)
    assert "MemberContact" not in page
    assert re.search(r'name="contact"[^>]*>\s*07700 900123</textarea>', page), page
    assert 'value="Jane Realname"' in page
    # Saved as a browser sends the page back, untouched.
    response = auth.client.post(f"/members/{member.id}/edit", data={
        "pseudonym": "Wren", "real_name": "Jane Realname", "contact": "07700 900123"})
    assert response.status_code == 302
    db.session.refresh(member)
    assert member.contact.contact == "07700 900123"
