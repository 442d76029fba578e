"""Deleting a copy of a transcript that was never approved (a bad or duplicate upload)."""
import re

from forum.access import Role
from forum.extensions import db
from forum.models import AuditEvent, Redaction, Segment, Transcript, Turn
from forum.models.base import utcnow
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    uploaded,
)


def _review_flags(transcript: Transcript) -> None:
    for turn in transcript.turns:
        if turn.held:
            turn.risk_reviewed_at = utcnow()
    db.session.commit()


def test_an_unapproved_copy_is_deleted_after_asking(auth, uploaded):
    # A bad or duplicate upload stayed "Needs review" until the retention purge, 30 days on.
    transcript, _dave, _marcia = uploaded
    _review_flags(transcript)
    transcript_id, session_id = transcript.id, transcript.session_id
    uploaded_at = transcript.uploaded_at
    page = auth.client.get(f"/transcripts/{transcript_id}").get_data(as_text=True)
    assert re.search(rf'href="/transcripts/{transcript_id}/delete">Delete this copy</a>', page)
    ask = auth.client.get(f"/transcripts/{transcript_id}/delete").get_data(as_text=True)
    assert "This cannot be undone" in ask and ">Keep it</a>" in ask
    assert db.session.get(Transcript, transcript_id) is not None  # asking deleted nothing
    response = auth.client.post(f"/transcripts/{transcript_id}/delete")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/sessions/{session_id}")
    db.session.expire_all()
    assert db.session.get(Transcript, transcript_id) is None
    assert db.session.scalar(db.select(db.func.count(Turn.id))) == 0
    assert db.session.scalar(db.select(db.func.count(Redaction.id))) == 0
    assert db.session.scalar(db.select(db.func.count(Segment.id))) == 0
    event = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == "transcript_deleted"))
    assert event is not None and event.object_id == transcript_id and event.user_id
    session_page = auth.client.get(f"/sessions/{session_id}").get_data(as_text=True)
    # Copies often share a file name: the time says which one went.
    assert (f"This copy of the transcript (\u2018group.txt\u2019, uploaded "
            f"{uploaded_at:%-d %b %Y, %H:%M}) has been deleted") in session_page


def test_an_unreviewed_safeguarding_flag_must_be_reviewed_first(auth, uploaded):
    transcript, _dave, _marcia = uploaded  # Marcia's turn is flagged and not reviewed
    ask = auth.client.get(f"/transcripts/{transcript.id}/delete").get_data(as_text=True)
    assert "safeguarding flag" in ask and "Delete this copy</button>" not in ask
    auth.client.post(f"/transcripts/{transcript.id}/delete")
    db.session.expire_all()
    assert db.session.get(Transcript, transcript.id) is not None


def test_an_approved_transcript_cannot_be_deleted_this_way(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    _review_flags(transcript)
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"approve": "1"})
    page = auth.client.get(f"/transcripts/{transcript.id}").get_data(as_text=True)
    assert "Delete this copy" not in page
    auth.client.post(f"/transcripts/{transcript.id}/delete")
    db.session.expire_all()
    assert db.session.get(Transcript, transcript.id) is not None
    assert db.session.scalar(db.select(db.func.count(Segment.id)))


def test_only_facilitators_and_admins_may_delete(auth, uploaded):
    transcript, _dave, _marcia = uploaded
    _review_flags(transcript)
    auth.logout()
    for role in (Role.POLICY_OFFICER, Role.PEER_RESEARCHER):
        auth.login(role)
        assert auth.client.post(f"/transcripts/{transcript.id}/delete").status_code == 403
        auth.logout()
    db.session.expire_all()
    assert db.session.get(Transcript, transcript.id) is not None


def test_deleting_needs_the_form_token(app, auth, uploaded):
    transcript, _dave, _marcia = uploaded
    _review_flags(transcript)
    app.config["WTF_CSRF_ENABLED"] = True
    auth.client.post(f"/transcripts/{transcript.id}/delete")
    db.session.expire_all()
    assert db.session.get(Transcript, transcript.id) is not None
