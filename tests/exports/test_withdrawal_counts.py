"""Withdrawing a member says how much of what they said it takes out: segments and quotes."""
from forum.access import Role
from forum.extensions import db
from forum.models import Segment


def _segments(member) -> int:
    return db.session.scalar(db.select(db.func.count(Segment.id))
                             .where(Segment.member_id == member.id))


def test_the_withdrawal_pages_count_the_segments_and_the_quotes_taken_out(forum, auth, officer):
    from exports.services.draft_quotes import add_quote
    from exports.services.drafts import current_draft

    quitter = forum.members["Quitter"]
    held = _segments(quitter)
    assert held == 1
    draft = current_draft(forum.consultation.id)
    assert "added" in add_quote(next(s for s in draft.sections if s.question.number == "2"),
              forum.segments["Quitter"].id, officer)
    db.session.commit()
    auth.login(Role.FACILITATOR)
    page = auth.client.get(f"/members/{quitter.id}/withdraw").get_data(as_text=True)
    assert f"What {quitter.pseudonym} said in 1 passage will no longer be analysed" in page
    page = auth.client.post(f"/members/{quitter.id}/withdraw", data={"note": ""},
                            follow_redirects=True).get_data(as_text=True)
    assert (f"{quitter.pseudonym} has withdrawn. What they said in 1 passage will no longer be "
            "analysed or quoted, and 1 quote was taken out of draft responses.") in page


def test_a_member_with_nothing_analysed_yet_is_told_so(forum, auth):
    from forum.models import Member
    from forum.services.members import record_consent, save_member

    member = save_member(Member(lived_experience=[]), "")
    record_consent(member, None, take_part=True, may_quote=True,
                   may_quote_with_demographics=False, audio_recording=False)
    auth.login(Role.FACILITATOR)
    page = auth.client.post(f"/members/{member.id}/withdraw", data={"note": ""},
                            follow_redirects=True).get_data(as_text=True)
    assert (f"{member.pseudonym} has withdrawn. Nothing they said is in the analysis yet; "
            "transcripts approved from now on leave their words out.") in page


def _record(auth, member, **boxes) -> str:
    """Post the consent form with these boxes ticked, confirmed, and return the page shown."""
    current = member.consent
    taken = [name for name in ("take_part", "may_quote", "may_quote_with_demographics",
                               "audio_recording")
             if getattr(current, name) and not boxes.get(name)]
    data = {name: "y" for name, ticked in boxes.items() if ticked}
    if not data:  # nothing agreed to is said with "None of these", never with no box ticked
        data = {"declines": "y"}
    return auth.client.post(f"/members/{member.id}/consent",
                            data={**data, "confirmed": ",".join(taken)},
                            follow_redirects=True).get_data(as_text=True)


def _quoted(forum, officer, member) -> None:
    from exports.services.draft_quotes import add_quote
    from exports.services.drafts import current_draft

    draft = current_draft(forum.consultation.id)
    assert "added" in add_quote(next(s for s in draft.sections if s.question.number == "2"),
                                forum.segments["Quitter"].id, officer)
    db.session.commit()


def test_consent_that_stops_quoting_says_how_many_quotes_left_drafts(forum, auth, officer):
    """Unticking "may be quoted" took quotes out of drafts but only said "Consent recorded"."""
    quitter = forum.members["Quitter"]
    _quoted(forum, officer, quitter)
    auth.login(Role.FACILITATOR)
    page = _record(auth, quitter, take_part=True)
    assert (f"Consent recorded for {quitter.pseudonym}. 1 quote was taken out of draft "
            "responses; what they said is still analysed.") in page


def test_consent_that_stops_taking_part_says_how_many_segments_leave(forum, auth, officer):
    quitter = forum.members["Quitter"]
    _quoted(forum, officer, quitter)
    auth.login(Role.FACILITATOR)
    page = _record(auth, quitter)
    assert (f"Consent recorded for {quitter.pseudonym}. What they said in 1 passage will no "
            "longer be analysed or quoted, and 1 quote was taken out of draft responses.") in page
