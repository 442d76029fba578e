"""A member whose words are in a session's transcript attended it: matching them on the
speakers page left the session saying 'Members who attended: None recorded'. Attending is not
consenting: nobody's consent changes."""
from forum.access import Role
from forum.extensions import db
from forum.models import FocusGroupSession, Member, Transcript
from forum.services.members import record_consent, save_member
from tests.analysis.views.test_transcripts import TRANSCRIPT, upload


def _session_nobody_attended(app):
    from forum.models import Consultation
    from forum.services.consultations import save_consultation
    from forum.services.questions import parse_questions

    consultation = save_consultation(Consultation(title="Test", consulting_body="MoJ"),
                                     parse_questions("Q1. Housing?"))
    session = FocusGroupSession(consultation=consultation, title="Group",
                                held_on=consultation.created_at.date())
    db.session.add(session)
    db.session.commit()
    return session


def _match(auth, transcript, choices):
    return auth.client.post(
        f"/transcripts/{transcript.id}/speakers", follow_redirects=True,
        data={f"speaker-{s.id}": choices[s.label] for s in transcript.speakers}
    ).get_data(as_text=True)


def test_members_matched_to_speakers_are_recorded_as_attending(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel = save_member(Member(lived_experience=[]), "Kestrel")
    record_consent(kestrel, None, take_part=True, may_quote=True,
                   may_quote_with_demographics=False, audio_recording=False)
    unrecorded = save_member(Member(lived_experience=[]), "Wren")  # no consent recorded
    bystander = save_member(Member(lived_experience=[]), "Heron")
    auth.login(Role.FACILITATOR)
    assert upload(auth, session, TRANSCRIPT.encode()).status_code == 302
    transcript = db.session.scalar(db.select(Transcript))
    page = _match(auth, transcript, {"Dave": f"member-{kestrel.id}",
                                     "Marcia": f"member-{unrecorded.id}",
                                     "Facilitator": "facilitator", "Observer": "observer"})
    assert "Kestrel and Wren are now recorded as attending this focus group." in page
    db.session.expire_all()
    session = db.session.get(FocusGroupSession, session.id)
    assert [m.pseudonym for m in session.members] == ["Kestrel", "Wren"]
    shown = auth.client.get(f"/sessions/{session.id}").get_data(as_text=True)
    assert "None recorded" not in shown and "Kestrel, Wren" in shown
    # Attending is not consenting: Wren still has no consent and her words stay out.
    wren = db.session.get(Member, unrecorded.id)
    assert wren.consents == [] and not wren.takes_part
    assert bystander.id not in {m.id for m in session.members}


def test_saving_again_says_nothing_new_and_unmatching_takes_back_what_matching_added(
        app, auth, users):
    """Saving again says nothing new; a speaker unmatched takes back the attendance their
    match added (attendance ticked on the focus group's form stays: test_speakers_corrected)."""
    session = _session_nobody_attended(app)
    kestrel = save_member(Member(lived_experience=[]), "Kestrel")
    auth.login(Role.FACILITATOR)
    assert upload(auth, session, TRANSCRIPT.encode()).status_code == 302
    transcript = db.session.scalar(db.select(Transcript))
    choices = {"Dave": f"member-{kestrel.id}", "Marcia": "unmatched",
               "Facilitator": "facilitator", "Observer": "observer"}
    assert "Kestrel is now recorded as attending" in _match(auth, transcript, choices)
    assert "recorded as attending" not in _match(auth, transcript, choices)
    _match(auth, transcript, {**choices, "Dave": "unmatched"})
    db.session.expire_all()
    assert db.session.get(FocusGroupSession, session.id).members == []
