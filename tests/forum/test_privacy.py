"""Erasure, subject access, retention purge, and backup/restore."""
import io
import json
import zipfile
from datetime import timedelta

import pytest

from forum.access import Role
from forum.extensions import db
from forum.models import (
    AuditEvent,
    ConsentRecord,
    FocusGroupSession,
    Member,
    MemberContact,
    Segment,
    SegmentSource,
    Speaker,
    SpeakerRole,
    Transcript,
    TranscriptStatus,
    Turn,
)
from forum.models.base import utcnow
from forum.services.members import record_consent, save_member
from forum.services.segments import text_hash


@pytest.fixture
def member_with_data(app, users, demo):
    member = save_member(Member(lived_experience=["prison"]), "", "Jane Realname", "07700 900001")
    record_consent(member, None, take_part=True, may_quote=True, may_quote_with_demographics=True,
                   audio_recording=False)
    session = db.session.get(FocusGroupSession, 1)
    session.members.append(member)
    transcript = Transcript(session=session, filename="t.txt", status=TranscriptStatus.APPROVED,
                            original_text="Jane: I was on licence.", approved_at=utcnow())
    speaker = Speaker(label="Jane", role=SpeakerRole.MEMBER, member=member)
    transcript.speakers.append(speaker)
    transcript.turns.append(
        Turn(index=0, speaker=speaker, original_text="I was on licence, Jane here.",
                                 redacted_text="I was on licence, [name] here."))
    db.session.add(transcript)
    db.session.flush()
    db.session.add(
        Segment(consultation_id=1, source_type=SegmentSource.TRANSCRIPT, source_id=transcript.id,
                           turn_id=transcript.turns[0].id, member_id=member.id,
                           text="I was on licence, [name] here.", text_hash=text_hash("x")))
    db.session.commit()
    return member


def test_erasing_needs_a_fresh_password(auth, member_with_data):
    auth.login(Role.FACILITATOR)
    with auth.client.session_transaction() as session:
        session["fresh_at"] = 0
    response = auth.client.post(f"/members/{member_with_data.id}/erase",
                                data={"confirm": member_with_data.pseudonym})
    assert "/account/confirm" in response.headers["Location"]
    assert db.session.get(Member, member_with_data.id) is not None


def test_erasing_removes_everything_and_leaves_a_tombstone(auth, member_with_data):
    member_id, pseudonym = member_with_data.id, member_with_data.pseudonym
    auth.login(Role.FACILITATOR)
    wrong = auth.client.post(f"/members/{member_id}/erase", data={"confirm": "someone else"})
    assert f"Type {pseudonym} exactly" in wrong.data.decode()
    response = auth.client.post(f"/members/{member_id}/erase", data={"confirm": pseudonym})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Member, member_id) is None
    for model in (ConsentRecord, MemberContact, Segment):
        assert db.session.scalar(
            db.select(db.func.count()).select_from(model).where(model.member_id == member_id)) == 0
    turn = db.session.scalar(db.select(Turn))
    assert "licence" not in turn.original_text and "licence" not in turn.redacted_text
    assert "Jane" not in db.session.scalar(db.select(Speaker)).label
    tombstone = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "member_erased"))
    assert tombstone.detail == {"member_id": member_id}
    assert pseudonym not in json.dumps(tombstone.detail) and tombstone.user_email


def test_subject_access_zip_has_all_their_data(auth, member_with_data):
    auth.login(Role.FACILITATOR)
    response = auth.client.get(f"/members/{member_with_data.id}/data.zip")
    assert response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert {"member.json", "consent.json", "segments.json",
            "transcript_turns.json"} <= set(archive.namelist())
    member = json.loads(archive.read("member.json"))
    assert member["real_name"] == "Jane Realname" and member["lived_experience"] == ["Prison"]
    assert json.loads(archive.read("segments.json"))[0]["text"].startswith("I was on licence")
    turns = archive.read("transcript_turns.json").decode()
    # only redacted words (issue 12 item 10)
    assert "[name] here" in turns and "Jane here" not in turns


def test_retention_purges_originals_after_the_set_days(runner, member_with_data):
    transcript = db.session.scalar(db.select(Transcript))
    transcript.approved_at = utcnow() - timedelta(days=31)
    db.session.commit()
    kept = runner.invoke(args=["retention", "purge", "--days", "60"])
    assert "Purged 0 original transcripts" in kept.output
    result = runner.invoke(args=["retention", "purge", "--days", "30"])
    purged = "Purged 1 original transcript approved more than 30 days ago"
    assert purged in result.output, result.output
    db.session.expire_all()
    transcript = db.session.get(Transcript, transcript.id)
    assert transcript.original_text is None and transcript.turns[0].original_text is None
    assert transcript.turns[0].redacted_text


def test_backup_and_restore(app, runner, member_with_data, tmp_path):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        result = runner.invoke(args=["backup", "create", "--out", str(tmp_path / "b.zip")])
        assert result.exit_code != 0 and "pg_dump" in result.output
        return
    upload = app.config["DATA_DIR"] / "uploads" / "picture.png"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_bytes(b"not really a png")
    out = tmp_path / "backup.zip"
    result = runner.invoke(args=["backup", "create", "--out", str(out)])
    assert result.exit_code == 0, result.output
    members_before = db.session.scalar(db.select(db.func.count(Member.id)))
    db.session.delete(member_with_data)
    db.session.commit()
    upload.unlink()
    db.session.remove()
    result = runner.invoke(args=["backup", "restore", str(out), "--yes"])
    assert result.exit_code == 0, result.output
    assert db.session.scalar(db.select(db.func.count(Member.id))) == members_before
    assert db.session.scalar(
        db.select(Member).where(Member.pseudonym == member_with_data.pseudonym))
    assert upload.read_bytes() == b"not really a png"


def test_restore_refuses_a_file_that_is_not_a_backup(app, runner, tmp_path):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("backups of PostgreSQL use pg_dump")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"hello")
    result = runner.invoke(args=["backup", "restore", str(bad), "--yes"])
    assert result.exit_code != 0 and "not a Forum Voice backup" in result.output


def test_an_erased_members_page_says_they_were_erased(auth, member_with_data):
    # The back button after "Erase for good" showed "Page not found ... check the address".
    member_id, pseudonym = member_with_data.id, member_with_data.pseudonym
    auth.login(Role.FACILITATOR)
    auth.client.post(f"/members/{member_id}/erase", data={"confirm": pseudonym})
    for url in (f"/members/{member_id}", f"/members/{member_id}/erase"):
        page = auth.client.get(url)
        assert page.status_code == 404 and "This member was erased" in page.data.decode()
        assert pseudonym not in page.data.decode()  # nothing of theirs, not even the pseudonym
    assert "This member was erased" not in auth.client.get("/members/999999").data.decode()
