"""A pseudonym that is the member's real name, or part of it, is refused: the form says "Never
their real name", yet 'Priya Sharma' was saved as the pseudonym of Priya Sharma and would have
headed her quotes."""
from forum.access import Role
from forum.extensions import db
from forum.models import Member
from forum.services import members as service


def test_a_pseudonym_with_the_real_name_in_it_is_refused(auth):
    auth.login(Role.FACILITATOR)
    for pseudonym in ("Priya Sharma", "priya", "Sharma"):
        response = auth.client.post("/members/new", data={
            "pseudonym": pseudonym, "real_name": "Priya Sharma", "contact": "07700 900123"})
        page = response.get_data(as_text=True)
        assert response.status_code == 200, pseudonym
        assert "uses the member&#39;s real name" in page or "uses the member's real name" in page
    assert db.session.scalar(db.select(db.func.count(Member.id))) == 0


def test_editing_checks_the_pseudonym_kept_against_a_real_name_added(auth):
    auth.login(Role.FACILITATOR)
    member = service.save_member(Member(lived_experience=[]), "Kestrel")
    response = auth.client.post(f"/members/{member.id}/edit", data={
        "pseudonym": "", "real_name": "Kestrel Jones"})
    assert response.status_code == 200
    db.session.refresh(member)
    assert member.contact is None


def test_a_pseudonym_unlike_the_real_name_is_saved(auth):
    auth.login(Role.FACILITATOR)
    response = auth.client.post("/members/new", data={
        "pseudonym": "Wren", "real_name": "Priya Sharma"})
    assert response.status_code == 302
    assert db.session.scalar(db.select(Member)).pseudonym == "Wren"


def test_a_pseudonym_that_is_the_real_name_without_its_accents_is_refused(app):
    """'Zoe' for Zoë Okafor, 'Sian' for Siân Jones: the same name typed without its accent
    (as many keyboards and people do) still heads her quotes with her real name."""
    for pseudonym, real_name in (("Zoe", "Zoë Okafor"), ("Sian", "Siân Jones"),
                                 ("Jose", "José Ruiz"), ("Zoë", "Zoe Okafor")):
        try:
            service.save_member(Member(lived_experience=[]), pseudonym, real_name)
        except service.MemberError:
            continue
        raise AssertionError(f"{pseudonym!r} was saved for {real_name!r}")
    assert db.session.scalar(db.select(db.func.count(Member.id))) == 0


def test_a_title_shared_with_the_real_name_is_not_the_real_name(app):
    """'Mrs Robin' for Mrs Jean Smith shares only 'Mrs': no word of her name. Refusing it said
    the pseudonym 'uses the member's real name', which it does not."""
    for number, (pseudonym, real_name) in enumerate((("Mrs Robin", "Mrs Jean Smith"),
                                                     ("Dr Who", "Dr Amir Khan"),
                                                     ("Mr B", "Mr Tom Lee")), start=1):
        member = service.save_member(Member(lived_experience=[]), pseudonym, real_name)
        assert member.pseudonym == pseudonym, number
