"""A speaker matched to the wrong member, then corrected: the attendance the wrong match added
went with it (the member stayed 'attending' a focus group they were never at, and their name
kept being redacted there), unless the facilitator had recorded them as attending on the focus
group's own form. And a speakers form with one row that cannot be saved stores nothing."""
from forum.access import Role
from forum.extensions import db
from forum.models import FocusGroupSession, Member, Speaker, SpeakerRole, Transcript
from forum.services.members import record_consent, save_member
from tests.analysis.views.test_speakers_attendance import _match, _session_nobody_attended
from tests.analysis.views.test_transcripts import TRANSCRIPT, upload

STAFF = {"Facilitator": "facilitator", "Observer": "observer"}


def _uploaded(auth, session):
    auth.login(Role.FACILITATOR)
    assert upload(auth, session, TRANSCRIPT.encode()).status_code == 302
    return db.session.scalar(db.select(Transcript))


def _attending(session_id) -> list[str]:
    db.session.expire_all()
    return [m.pseudonym for m in db.session.get(FocusGroupSession, session_id).members]


def _members(*names):
    made = []
    for name in names:
        member = save_member(Member(lived_experience=[]), name)
        record_consent(member, None, take_part=True, may_quote=True,
                       may_quote_with_demographics=False, audio_recording=False)
        made.append(member)
    return made


def test_a_corrected_match_takes_back_the_attendance_it_added(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, wren = _members("Kestrel", "Wren")
    consent_before = (kestrel.consent.id, kestrel.takes_part)
    transcript = _uploaded(auth, session)
    _match(auth, transcript, {**STAFF, "Dave": f"member-{kestrel.id}", "Marcia": "unmatched"})
    assert _attending(session.id) == ["Kestrel"]
    page = _match(auth, transcript, {**STAFF, "Dave": f"member-{wren.id}", "Marcia": "unmatched"})
    assert _attending(session.id) == ["Wren"]
    assert ("Kestrel is no longer recorded as attending this focus group: no speaker is "
            "matched to them now.") in page
    assert "Wren is now recorded as attending this focus group." in page
    _match(auth, transcript, {**STAFF, "Dave": "unmatched", "Marcia": "unmatched"})
    assert _attending(session.id) == []
    # Attendance only: consent is as it was.
    kestrel = db.session.get(Member, kestrel.id)
    assert (kestrel.consent.id, kestrel.takes_part) == consent_before


def test_attendance_recorded_on_the_focus_group_form_stays(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    auth.login(Role.FACILITATOR)
    form = auth.client.get(f"/sessions/{session.id}/edit")
    assert form.status_code == 200
    assert auth.client.post(f"/sessions/{session.id}/edit", data={
        "title": "Group", "consultation_id": session.consultation_id,
        "held_on": [str(session.held_on.day), str(session.held_on.month),
                    str(session.held_on.year)], "area": "", "facilitator_id": 0,
        "member_ids": [kestrel.id]}).status_code == 302
    transcript = _uploaded(auth, session)
    _match(auth, transcript, {**STAFF, "Dave": f"member-{kestrel.id}", "Marcia": "unmatched"})
    page = _match(auth, transcript, {**STAFF, "Dave": "unmatched", "Marcia": "unmatched"})
    assert _attending(session.id) == ["Kestrel"]
    assert "no longer recorded" not in page


def test_a_member_still_matched_to_another_speaker_stays(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    transcript = _uploaded(auth, session)
    both = {**STAFF, "Dave": f"member-{kestrel.id}", "Marcia": f"member-{kestrel.id}"}
    _match(auth, transcript, both)
    _match(auth, transcript, {**both, "Marcia": "unmatched"})
    assert _attending(session.id) == ["Kestrel"]
    _match(auth, transcript, {**both, "Marcia": "unmatched", "Dave": "facilitator"})
    assert _attending(session.id) == []


def test_one_row_that_cannot_be_saved_stores_nothing_and_keeps_the_choices(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    transcript = _uploaded(auth, session)
    speakers = {s.label: s.id for s in transcript.speakers}
    data = {f"speaker-{speakers['Dave']}": f"member-{kestrel.id}",
            f"speaker-{speakers['Marcia']}": "member-99999",  # a member since erased
            f"speaker-{speakers['Facilitator']}": "facilitator",
            f"speaker-{speakers['Observer']}": "observer"}
    response = auth.client.post(f"/transcripts/{transcript.id}/speakers", data=data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "There is a problem" in page
    assert f'href="#speaker-{speakers["Marcia"]}"' in page
    assert "Choose who Marcia is again" in page
    # What was chosen on the rows that were fine is still chosen.
    assert f'<option value="member-{kestrel.id}" selected>' in page
    db.session.expire_all()
    stored = {s.label: (s.role, s.member_id) for s in db.session.scalars(db.select(Speaker))}
    assert stored["Dave"] == (SpeakerRole.UNMATCHED, None)
    assert stored["Facilitator"] == (SpeakerRole.FACILITATOR, None)  # named so in the file
    assert stored["Observer"] == (SpeakerRole.OBSERVER, None)
    assert _attending(session.id) == []
