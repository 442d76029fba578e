"""A transcript deleted (by hand, or by the retention period) took nothing with it from the focus
group's attendance: a member its speaker was matched to stayed 'attending' because of a
transcript that no longer exists. It goes as a corrected match does: unless another transcript
of the focus group still has a speaker matched to them, or the facilitator ticked them on the
focus group's form. Consent is not touched."""
from datetime import timedelta

from forum.access import Role
from forum.extensions import db
from forum.models import AuditEvent, Member, Transcript
from forum.models.base import utcnow
from forum.services.retention import purge_due
from tests.analysis.views.test_speakers_attendance import _match, _session_nobody_attended
from tests.analysis.views.test_speakers_corrected import STAFF, _attending, _members
from tests.analysis.views.test_transcript_deletion import _review_flags
from tests.analysis.views.test_transcripts import TRANSCRIPT, upload


def _upload(auth, session, text=TRANSCRIPT) -> Transcript:
    assert upload(auth, session, text.encode()).status_code == 302
    transcript = db.session.scalars(db.select(Transcript).order_by(Transcript.id.desc())).first()
    _review_flags(transcript)
    return transcript


def _delete(auth, transcript) -> str:
    response = auth.client.post(f"/transcripts/{transcript.id}/delete", follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_deleting_the_transcript_takes_back_the_attendance_its_match_added(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    consent_before = (kestrel.consent.id, kestrel.takes_part)
    auth.login(Role.FACILITATOR)
    transcript = _upload(auth, session)
    _match(auth, transcript, {**STAFF, "Dave": f"member-{kestrel.id}", "Marcia": "unmatched"})
    assert _attending(session.id) == ["Kestrel"]
    page = _delete(auth, transcript)
    assert _attending(session.id) == []
    assert ("has been deleted, with its speakers and redactions. Kestrel is no longer recorded "
            "as attending this focus group: no speaker is matched to them now.") in page
    event = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == "transcript_deleted"))
    assert event.detail["attending_removed"] == [kestrel.id]
    kestrel = db.session.get(Member, kestrel.id)
    assert (kestrel.consent.id, kestrel.takes_part) == consent_before


def test_a_member_another_transcript_still_matches_stays(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    auth.login(Role.FACILITATOR)
    first = _upload(auth, session)
    second = _upload(auth, session, TRANSCRIPT + "[00:01:30] Dave: Yes.\n")
    for transcript in (first, second):
        _match(auth, transcript, {**STAFF, "Dave": f"member-{kestrel.id}", "Marcia": "unmatched"})
    page = _delete(auth, first)
    assert _attending(session.id) == ["Kestrel"]
    assert "no longer recorded" not in page
    _delete(auth, second)
    assert _attending(session.id) == []


def test_attendance_ticked_on_the_focus_group_form_stays(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    auth.login(Role.FACILITATOR)
    assert auth.client.post(f"/sessions/{session.id}/edit", data={
        "title": "Group", "consultation_id": session.consultation_id,
        "held_on": [str(session.held_on.day), str(session.held_on.month),
                    str(session.held_on.year)], "area": "", "facilitator_id": 0,
        "member_ids": [kestrel.id]}).status_code == 302
    transcript = _upload(auth, session)
    _match(auth, transcript, {**STAFF, "Dave": f"member-{kestrel.id}", "Marcia": "unmatched"})
    _delete(auth, transcript)
    assert _attending(session.id) == ["Kestrel"]


def test_the_retention_period_deleting_it_does_the_same(app, auth, users):
    session = _session_nobody_attended(app)
    kestrel, = _members("Kestrel")
    auth.login(Role.FACILITATOR)
    # Untouched (no flag to review): never approved, it is deleted whole after the period.
    assert upload(auth, session, b"[00:00:05] Facilitator: Welcome.\n[00:00:20] Dave: Housing "
                  b"first would have changed everything, somewhere to live then the rest.\n"
                  ).status_code == 302
    transcript = db.session.scalar(db.select(Transcript))
    _match(auth, transcript, {**STAFF, "Dave": f"member-{kestrel.id}"})
    assert _attending(session.id) == ["Kestrel"]
    result = purge_due(30, now=utcnow() + timedelta(days=31))
    assert [deleted for deleted, _name in result.deleted] == [transcript.id]
    assert _attending(session.id) == []
