"""One wording for a member's consent: the session form said 'Member 8 (does not take part)'
where the members list said 'No consent recorded' of the same member."""
from forum.access import Role
from forum.extensions import db
from forum.models import Member


def test_the_session_form_names_a_members_consent_as_the_members_list_does(auth, demo):
    auth.login(Role.FACILITATOR)
    unrecorded = next(m for m in db.session.scalars(db.select(Member)) if m.consent is None)
    members = auth.client.get("/members/").get_data(as_text=True)
    assert "No consent recorded" in members
    form = auth.client.get("/sessions/new").get_data(as_text=True)
    assert f"{unrecorded.pseudonym} (no consent recorded)" in form
    assert "does not take part)" not in form
