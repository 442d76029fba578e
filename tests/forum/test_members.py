"""Members: pseudonyms, demographics, private contacts, consent history and withdrawal."""
from forum.access import Role
from forum.extensions import db
from forum.models import Member
from forum.services import members as service


def test_pseudonyms_are_numbered_and_never_reused(app, users):
    first = service.save_member(Member(lived_experience=[]), "")
    second = service.save_member(Member(lived_experience=[]), "")
    assert (first.pseudonym, second.pseudonym) == ("Member 1", "Member 2")
    db.session.delete(second)
    db.session.commit()
    service.save_member(Member(lived_experience=[]), "Member 7")
    assert service.next_pseudonym() == "Member 8"


def test_a_chosen_pseudonym_is_marked_and_must_be_unique(app):
    chosen = service.save_member(Member(lived_experience=[]), "Kestrel")
    assert chosen.pseudonym_chosen
    try:
        service.save_member(Member(lived_experience=[]), "kestrel")
    except service.MemberError as error:
        assert "already uses that pseudonym" in str(error)
    else:
        raise AssertionError("duplicate pseudonym accepted")


def test_facilitator_adds_a_member_with_demographics(auth):
    auth.login(Role.FACILITATOR)
    response = auth.client.post("/members/new", data={
        "pseudonym": "", "age_band": "25-34", "gender": "Prefer not to say",
        "ethnicity_group": "White", "lived_experience": ["prison", "homelessness"],
        "real_name": "Jane Realname", "contact": "07700 900001"})
    assert response.status_code == 302
    member = db.session.scalar(db.select(Member))
    assert member.pseudonym == "Member 1"
    assert member.gender == "Prefer not to say"
    assert member.lived_experience == ["prison", "homelessness"]
    assert member.contact.real_name == "Jane Realname"


def test_prefer_not_to_say_cannot_be_mixed_and_input_is_kept(auth):
    auth.login(Role.FACILITATOR)
    response = auth.client.post("/members/new", data={
        "pseudonym": "Typed Name", "lived_experience": ["prison", "prefer_not"]})
    html = response.data.decode()
    assert "on its own" in html
    assert 'value="Typed Name"' in html
    assert db.session.scalar(db.select(db.func.count(Member.id))) == 0


def test_an_empty_add_a_member_form_is_refused_in_plain_english(auth):
    # Pressing "Save member" on the empty form added "Member 1" with nothing else.
    auth.login(Role.FACILITATOR)
    response = auth.client.post("/members/new", data={
        "pseudonym": "   ", "real_name": " ", "contact": "\n"})
    html = response.data.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert ("Enter a pseudonym or at least one detail about the member. For a member who wants "
            "to share nothing, type ‘Member 1’ as the pseudonym") in html
    assert 'value="   "' in html  # what was typed stays in the box
    assert db.session.scalar(db.select(db.func.count(Member.id))) == 0
    response = auth.client.post("/members/new", data={"pseudonym": "Member 1"})
    assert response.status_code == 302  # a pseudonym alone is enough
    response = auth.client.post("/members/new", data={"pseudonym": "", "age_band": "25-34"})
    assert response.status_code == 302  # so is one detail, with the next number
    assert [m.pseudonym for m in db.session.scalars(db.select(Member).order_by(Member.id))] == [
        "Member 1", "Member 2"]


def test_the_pseudonym_hint_says_what_a_blank_box_does(auth):
    # It said "Leave blank to use the next number", and a wholly blank form was refused.
    auth.login(Role.FACILITATOR)
    service.save_member(Member(lived_experience=[]), "Member 4")
    html = " ".join(auth.client.get("/members/new").data.decode().split())
    assert ("Leave blank to use the next number, ‘Member 5’, as long as you fill in something "
            "else on this page.") in html
    member = db.session.scalar(db.select(Member))
    html = " ".join(auth.client.get(f"/members/{member.id}/edit").data.decode().split())
    assert "Leave blank" not in html and "Never their real name" in html


def test_a_refused_member_form_keeps_every_answer(auth):
    auth.login(Role.FACILITATOR)
    service.save_member(Member(lived_experience=[]), "Kestrel")
    response = auth.client.post("/members/new", data={
        "pseudonym": "kestrel", "age_band": "25-34", "lived_experience": ["prison"],
        "real_name": "Jane Realname", "contact": "07700 900001"})
    html = response.data.decode()
    assert "Another member already uses that pseudonym" in html
    assert 'value="kestrel"' in html and 'value="Jane Realname"' in html
    assert ">07700 900001</textarea>" in html
    assert 'value="25-34" checked' in html and 'value="prison" checked' in html
    assert db.session.scalar(db.select(db.func.count(Member.id))) == 1


def test_real_names_are_hidden_from_policy_officers(auth):
    member = service.save_member(Member(lived_experience=[]), "", "Jane Realname",
                                 "jane@example.org")
    auth.login(Role.POLICY_OFFICER)
    html = auth.client.get(f"/members/{member.id}").data.decode()
    assert member.pseudonym in html
    assert "Jane Realname" not in html and "jane@example.org" not in html
    auth.logout()
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/members/{member.id}").data.decode()
    assert "Jane Realname" in html and "jane@example.org" in html


def test_real_names_never_appear_in_lists(auth):
    service.save_member(Member(lived_experience=[]), "", "Jane Realname", "")
    auth.login(Role.FACILITATOR)
    assert b"Jane Realname" not in auth.client.get("/members/").data


def test_consent_is_recorded_with_who_and_when_and_history_kept(auth, users):
    member = service.save_member(Member(lived_experience=[]), "")
    auth.login(Role.FACILITATOR)
    auth.client.post(f"/members/{member.id}/consent", data={
        "take_part": "y", "may_quote": "y", "note": "Signed form"})
    auth.client.post(f"/members/{member.id}/consent", data={
        "take_part": "y", "may_quote": "y", "may_quote_with_demographics": "y",
        "audio_recording": "y"})
    db.session.expire_all()
    member = db.session.get(Member, member.id)
    assert len(member.consents) == 2
    current, earlier = member.consents
    assert current.may_quote_with_demographics and current.audio_recording
    assert not earlier.may_quote_with_demographics and earlier.note == "Signed form"
    assert current.recorded_by_id == users[Role.FACILITATOR].id
    assert current.recorded_at is not None
    html = auth.client.get(f"/members/{member.id}").data.decode()
    assert "Signed form" in html and "Test Forum facilitator" in html


def test_quoting_needs_taking_part(auth):
    member = service.save_member(Member(lived_experience=[]), "")
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/members/{member.id}/consent", data={"may_quote": "y"})
    assert b"can only be quoted if they agree to take part" in response.data
    # ... and says what to do about it.
    assert "Tick \u2018Take part in forum research\u2019 as well, or untick quoting".encode() \
        in response.data
    response = auth.client.post(f"/members/{member.id}/consent", data={
        "take_part": "y", "may_quote_with_demographics": "y"})
    assert b"Tick" in response.data
    assert db.session.get(Member, member.id).consents == []


def test_withdrawal_is_recorded_and_only_new_consent_undoes_it(auth):
    member = service.save_member(Member(lived_experience=[]), "")
    service.record_consent(member, None, take_part=True, may_quote=True,
                           may_quote_with_demographics=True, audio_recording=True)
    assert member.may_quote
    auth.login(Role.FACILITATOR)
    auth.client.post(f"/members/{member.id}/withdraw", data={"note": "Changed their mind"})
    db.session.expire_all()
    member = db.session.get(Member, member.id)
    assert member.consent.withdrawn and not member.may_quote
    assert len(member.consents) == 2
    assert member.id not in service.quotable_member_ids()
    service.record_consent(member, None, take_part=True, may_quote=True,
                           may_quote_with_demographics=False, audio_recording=False)
    assert member.may_quote and member.id in service.quotable_member_ids()


def test_service_never_stores_quote_without_take_part(app):
    member = service.save_member(Member(lived_experience=[]), "")
    record = service.record_consent(member, None, take_part=False, may_quote=True,
                                    may_quote_with_demographics=True, audio_recording=True).record
    assert not (record.may_quote or record.may_quote_with_demographics or record.audio_recording)


def test_peer_researchers_cannot_see_members(auth):
    auth.login(Role.PEER_RESEARCHER)
    assert auth.client.get("/members/").status_code == 403


def test_the_consent_form_does_not_fill_in_the_last_note_again(auth):
    member = service.save_member(Member(lived_experience=[]), "")
    auth.login(Role.FACILITATOR)
    auth.client.post(f"/members/{member.id}/consent", data={
        "take_part": "y", "may_quote": "y", "note": "Agreed at the March meeting"})
    html = auth.client.get(f"/members/{member.id}/consent").data.decode()
    assert "Agreed at the March meeting" not in html.split('name="note"',
                                                           1)[1].split("</textarea>")[0]
    assert 'checked' in html  # the decisions themselves are still filled in


def test_one_consent_rule_a_withdrawn_record_allows_nothing(app):
    from forum.models import ConsentRecord

    member = service.save_member(Member(lived_experience=[]), "")
    db.session.add(ConsentRecord(member=member, take_part=True, may_quote=True,
                                 may_quote_with_demographics=True, withdrawn=True))
    db.session.commit()
    assert not member.takes_part
    assert not member.may_quote  # before: True, as may_quote never looked at withdrawal
    assert not member.may_quote_with_demographics


def test_the_consent_choices_read_as_one_sentence(auth):
    # "The member agrees that" over "Agrees to take part..." and "Audio may be recorded"
    # read as two subjects; each choice now finishes the legend.
    import re

    member = service.save_member(Member(lived_experience=[]), "")
    auth.login(Role.FACILITATOR)
    html = auth.client.get(f"/members/{member.id}/consent").data.decode()
    legend = re.search(r"<legend[^>]*>(.*?)</legend>", html, re.S).group(1).strip()
    labels = [re.sub(r"\s+", " ", label).strip() for label in
              re.findall(r'<label class="govuk-label govuk-checkboxes__label"[^>]*>(.*?)</label>',
                         html, re.S)]
    assert [f"{legend} {label[0].lower()}{label[1:]}" for label in labels] == [
        "The member agrees to take part in forum research",
        "The member agrees to be quoted (by pseudonym, never by name)",
        "The member agrees to be quoted with demographic details, like ‘a woman in her 30s’",
        "The member agrees to have their voice recorded (audio)",
        "The member agrees to none of these: they do not take part"]


def test_taking_consent_away_is_asked_again_before_it_is_recorded(auth):
    """Unticking every box recorded "Does not take part" at once: the member's quotes left every
    draft on one press of "Record consent"."""
    member = service.save_member(Member(lived_experience=[]), "")
    service.record_consent(member, None, take_part=True, may_quote=True,
                           may_quote_with_demographics=False, audio_recording=True)
    auth.login(Role.FACILITATOR)
    url = f"/members/{member.id}/consent"
    response = auth.client.post(url, data={"take_part": "y", "audio_recording": "y"})
    html = response.data.decode()
    assert response.status_code == 200
    assert "This takes away" in html and "Be quoted (by pseudonym, never by name)" in html
    assert 'name="confirmed" type="hidden" value="may_quote"' in html
    db.session.expire_all()
    assert len(db.session.get(Member, member.id).consents) == 1  # nothing recorded yet
    response = auth.client.post(url, data={"take_part": "y", "audio_recording": "y",
                                           "confirmed": "may_quote"})
    assert response.status_code == 302
    db.session.expire_all()
    member = db.session.get(Member, member.id)
    assert len(member.consents) == 2 and not member.may_quote and member.takes_part


def test_the_demographics_error_names_the_box_as_it_is_labelled(auth):
    member = service.save_member(Member(lived_experience=[]), "")
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/members/{member.id}/consent", data={
        "take_part": "y", "may_quote_with_demographics": "y"})
    assert "Tick ‘Be quoted’ too" in response.data.decode()


def test_consent_tags_say_what_the_member_agreed_to(auth):
    """The tags said 'Quote' and 'Take part, no quotes' where the history says 'may be quoted'."""
    quoted, details, unquoted = (service.save_member(Member(lived_experience=[]), name)
                                 for name in ("Wren", "Heron", "Finch"))
    auth.login(Role.FACILITATOR)
    for member, extra in ((quoted, {"may_quote": "y"}),
                          (details, {"may_quote": "y", "may_quote_with_demographics": "y"}),
                          (unquoted, {})):
        auth.client.post(f"/members/{member.id}/consent", data={"take_part": "y", **extra})
    html = auth.client.get("/members/").get_data(as_text=True)
    assert ">May be quoted</strong>" in html
    assert ">May be quoted with details</strong>" in html
    assert ">Takes part, not quoted</strong>" in html
