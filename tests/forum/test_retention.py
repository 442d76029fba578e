"""Issue 12 item 11: the retention purge leaves nothing behind, and purged pages still work."""
from datetime import timedelta

from forum.access import Role
from forum.extensions import db
from forum.models import (
    AuditEvent,
    FocusGroupSession,
    Redaction,
    RedactionStatus,
    Speaker,
    SpeakerRole,
    Transcript,
    TranscriptStatus,
    Turn,
)
from forum.models.base import utcnow
from tests.forum.test_privacy import member_with_data  # noqa: F401


def _unapproved(days_old: int, text: str) -> Transcript:
    session = db.session.get(FocusGroupSession, 1)
    transcript = Transcript(session=session, filename=f"old-{days_old}.txt",
                            status=TranscriptStatus.NEEDS_REVIEW,
                            original_text=f"Bernadette Okoye: {text}",
                            uploaded_at=utcnow() - timedelta(days=days_old))
    speaker = Speaker(label="Bernadette Okoye", role=SpeakerRole.UNMATCHED)
    transcript.speakers.append(speaker)
    transcript.turns.append(Turn(index=0, speaker=speaker, original_text=text, redacted_text=text))
    db.session.add(transcript)
    db.session.commit()
    return transcript


def test_issue12_item11_purge_removes_speaker_labels(runner, member_with_data):
    transcript = db.session.scalar(db.select(Transcript).where(Transcript.filename == "t.txt"))
    transcript.approved_at = utcnow() - timedelta(days=31)
    transcript.speakers.append(Speaker(label="Dave", role=SpeakerRole.FACILITATOR))
    db.session.commit()
    result = runner.invoke(args=["retention", "purge", "--days", "30"])
    assert "Purged 1 original transcript" in result.output, result.output
    assert "t.txt" not in result.output  # a file name may name someone; logs keep this output
    db.session.expire_all()
    labels = [s.label for s in db.session.get(Transcript, transcript.id).speakers]
    assert "Jane" not in labels and "Dave" not in labels and labels == ["Speaker 1", "Speaker 2"]
    speakers = db.session.get(Transcript, transcript.id).speakers
    assert speakers[0].member_id == member_with_data.id
    assert speakers[1].role == SpeakerRole.FACILITATOR


def test_issue12_item11_purge_deletes_transcripts_never_approved(runner, demo):
    stale, recent = _unapproved(45, "ring me on 07700 900555"), _unapproved(3,
                                                                            "still being checked")
    stale_id, recent_id = stale.id, recent.id
    result = runner.invoke(args=["retention", "purge", "--days", "30"])
    deleted = "Deleted 1 unapproved transcript uploaded more than 30 days ago"
    assert deleted in result.output, result.output
    db.session.expire_all()
    assert db.session.get(Transcript, stale_id) is None
    assert not db.session.scalar(db.select(Turn).where(Turn.original_text.contains("07700 900555")))
    assert not db.session.scalar(db.select(Speaker).where(Speaker.transcript_id == stale_id))
    assert db.session.get(Transcript, recent_id).original_text
    event = db.session.scalar(
        db.select(AuditEvent).where(AuditEvent.action == "transcript_deleted"))
    assert event.detail["transcript_id"] == stale_id


def test_issue12_item11_review_page_of_a_purged_transcript_with_redactions(auth, member_with_data):
    transcript = db.session.scalar(db.select(Transcript).where(Transcript.filename == "t.txt"))
    turn = transcript.turns[0]
    turn.redactions.append(
        Redaction(start=18, end=22, label="name", status=RedactionStatus.ACCEPTED))
    db.session.commit()
    auth.login(Role.FACILITATOR)
    assert auth.client.post(f"/transcripts/{transcript.id}/purge").status_code == 302
    response = auth.client.get(f"/transcripts/{transcript.id}/review")
    assert response.status_code == 200, response.status_code
    page = response.get_data(as_text=True)
    assert "were purged" in page and "I was on licence, [name] here." in page
    auth.client.post(f"/transcripts/{transcript.id}/review", data={"seen": [1], "approve": "1"})
    db.session.expire_all()
    assert db.session.get(Turn, turn.id).redacted_text == "I was on licence, [name] here."


def test_retention_keeps_transcripts_under_review_and_tells_admins(
        runner, auth, member_with_data):  # noqa: F811
    flagged = _unapproved(45, "some nights I want to end it")
    flagged.turns[0].risk_flagged, flagged.turns[0].risk_reason = True, "self-harm"
    started = _unapproved(45, "my worker Sam Jones")
    started.turns[0].redactions.append(Redaction(start=10, end=19, label="name",
                                                 status=RedactionStatus.ACCEPTED))
    untouched = _unapproved(45, "nobody looked at this one")
    reopened = db.session.scalar(db.select(Transcript).where(Transcript.filename == "t.txt"))
    reopened.approved_at = utcnow() - timedelta(days=31)
    reopened.status = TranscriptStatus.NEEDS_REVIEW  # a redaction added after approval
    db.session.commit()
    kept_ids = [flagged.id, started.id, reopened.id]
    untouched_id = untouched.id

    result = runner.invoke(args=["retention", "purge", "--days", "30"])
    assert "Deleted 1 unapproved transcript" in result.output, result.output
    assert "Purged 0 original transcripts" in result.output, result.output
    assert "Kept 3 transcripts past 30 days because their review is not finished" in result.output
    db.session.expire_all()
    assert db.session.get(Transcript, untouched_id) is None
    for transcript_id in kept_ids:
        transcript = db.session.get(Transcript, transcript_id)
        assert transcript.original_text and transcript.purged_at is None, transcript_id
        assert f"Kept transcript {transcript_id}: " in result.output

    auth.login(Role.ADMIN)
    page = auth.client.get("/admin/audit").get_data(as_text=True)
    assert "kept past the retention period" in page
    assert "a safeguarding flag is not reviewed" in page
    assert "the redaction review is not finished" in page
    for transcript_id in kept_ids:
        assert f"/transcripts/{transcript_id}\"" in page


def test_the_purge_button_waits_for_an_unreviewed_safeguarding_flag(auth, member_with_data):
    transcript = db.session.scalar(db.select(Transcript).where(Transcript.filename == "t.txt"))
    assert transcript.status == TranscriptStatus.APPROVED
    transcript.turns[0].risk_flagged = True  # and nobody has reviewed the flag yet
    db.session.commit()
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/transcripts/{transcript.id}/purge", follow_redirects=True)
    assert "a safeguarding flag is not reviewed" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Transcript, transcript.id).original_text
