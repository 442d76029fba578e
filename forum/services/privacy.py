"""Personal data rights: erase a member, give a member their data, purge originals on time."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from typing import Callable, Optional

from sqlalchemy import delete, select

from forum.extensions import db
from forum.models import Member, Segment, Speaker, Transcript, TranscriptStatus, Turn, User
from forum.models.base import utcnow
from forum.models.sessions import session_members
from forum.services import audit
from forum.signals import consent_changed

EXPORT_HOOKS_KEY = "forum_member_export_hooks"
ERASE_HOOKS_KEY = "forum_member_erase_hooks"
ERASED_TEXT = "[removed at the member's request]"


def register_member_export(app, hook: Callable[[Member], dict]) -> None:
    """Let a package above forum add what it holds about a member to a subject access ZIP.

    Args:
        app: the Flask app.
        hook: callable taking a Member and returning {"name.json": data, "file.bin": bytes}.
    """
    app.extensions.setdefault(EXPORT_HOOKS_KEY, []).append(hook)


def register_erase_hook(app, hook: Callable[[list[str]], object]) -> None:
    """Let a package above forum delete what it derived from an erased member's segments.

    Args:
        app: the Flask app.
        hook: callable taking the text hashes of the segments just deleted (same transaction).
    """
    app.extensions.setdefault(ERASE_HOOKS_KEY, []).append(hook)


def erase_member(member: Member, by: Optional[User], ip: Optional[str] = None,
                 hooks=()) -> dict:
    """Delete everything held about a member; keep only a tombstone that it happened.

    The database cascades remove their consent records, contact details, segments
    and survey responses; erase hooks then delete what was derived from the segments'
    text (their embeddings). Their words in transcripts are blanked, originals
    included, so the conversation keeps its shape without them.

    Returns:
        Counts of what was removed.
    """
    member_id = member.id
    consent_changed.send(member, erased=True, by=by)
    speakers = list(db.session.scalars(select(Speaker).where(Speaker.member_id == member_id)))
    turns = [t for s in speakers for t in s.turns]
    for turn in turns:
        turn.original_text = turn.redacted_text = ERASED_TEXT
        turn.redactions = []
    for speaker in speakers:
        speaker.label, speaker.member_id = f"Erased member {speaker.id}", None
    segments = db.session.execute(select(Segment.id, Segment.text_hash)
                                  .where(Segment.member_id == member_id)).all()
    db.session.execute(delete(Segment).where(Segment.member_id == member_id))
    for hook in hooks:
        hook([s.text_hash for s in segments])
    db.session.execute(delete(session_members).where(session_members.c.member_id == member_id))
    db.session.delete(member)
    # The tombstone names no pseudonym or detail: only that an erasure happened, when, by whom.
    audit.record("member_erased", by, ip=ip, commit=False, member_id=member_id)
    db.session.commit()
    return {"turns blanked": len(turns), "segments deleted": len(segments)}


def member_data(member: Member, hooks=()) -> dict[str, object]:
    """Everything held about one member, as files for a subject access ZIP."""
    consent = [{"recorded_at": c.recorded_at.isoformat(), "take_part": c.take_part,
                "may_quote": c.may_quote, "may_quote_with_demographics": c.may_quote_with_demographics,
                "audio_recording": c.audio_recording, "withdrawn": c.withdrawn, "note": c.note,
                "recorded_by": c.recorded_by.name if c.recorded_by else None} for c in member.consents]
    sessions = db.session.execute(select(session_members.c.session_id).where(
        session_members.c.member_id == member.id)).scalars().all()
    turns = db.session.scalars(select(Turn).join(Speaker).where(Speaker.member_id == member.id)
                               .order_by(Turn.transcript_id, Turn.index))
    files: dict[str, object] = {
        "member.json": {"pseudonym": member.pseudonym, "age_band": member.age_band,
                        "gender": member.gender, "ethnicity_group": member.ethnicity_group,
                        "lived_experience": member.lived_experience_labels,
                        "real_name": member.contact.real_name if member.contact else None,
                        "contact": member.contact.contact if member.contact else None,
                        "created_at": member.created_at.isoformat()},
        "consent.json": consent,
        "focus_group_sessions.json": list(sessions),
        "transcript_turns.json": [{"transcript": t.transcript_id, "turn": t.index,
                                   "said": t.original_text, "redacted": t.redacted_text} for t in turns],
        "segments.json": [{"id": s.id, "text": s.text, "source": s.source_type.value,
                           "question": s.question.label if s.question else None}
                          for s in db.session.scalars(select(Segment).where(Segment.member_id == member.id))],
    }
    for hook in hooks:
        files.update(hook(member))
    return files


def member_zip(member: Member, hooks=()) -> bytes:
    """A subject access ZIP: JSON files plus any stored files, with a short README."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", f"Everything Forum Voice holds about {member.pseudonym}, "
                                       f"exported {utcnow():%-d %B %Y %H:%M} UTC.\n")
        for name, content in member_data(member, hooks).items():
            data = content if isinstance(content, bytes) else json.dumps(content, indent=2, ensure_ascii=False)
            archive.writestr(name, data)
    return buffer.getvalue()


def purge_due_originals(days: int, now=None) -> list[Transcript]:
    """Purge unredacted transcripts approved more than ``days`` days ago.

    Returns:
        The transcripts purged.
    """
    cutoff = (now or utcnow()) - timedelta(days=days)
    due = [t for t in db.session.scalars(select(Transcript).where(
        Transcript.status == TranscriptStatus.APPROVED, Transcript.purged_at.is_(None)))
        if t.approved_at and _aware(t.approved_at) <= cutoff]
    for transcript in due:
        purge_original(transcript)
    db.session.commit()
    return due


def purge_original(transcript: Transcript) -> None:
    """Drop the original words and the list of real names; redacted text stays."""
    transcript.original_text = transcript.known_names = None
    for turn in transcript.turns:
        turn.original_text = None
    transcript.purged_at = utcnow()


def _aware(moment):
    # SQLite returns naive datetimes for timezone-aware columns.
    from datetime import timezone
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
