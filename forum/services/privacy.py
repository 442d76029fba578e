"""Personal data rights: erase a member, give a member their data, purge originals on time."""
from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import delete, select

from forum.extensions import db
from forum.models import FocusGroupSession, Member, SafeguardingReview, Segment, Speaker, Turn, User
from forum.models.base import utcnow
from forum.models.sessions import session_members
from forum.services import audit
from forum.signals import consent_changed

EXPORT_HOOKS_KEY = "forum_member_export_hooks"
ERASE_HOOKS_KEY = "forum_member_erase_hooks"
# Member -> {"name.json": data, "file.bin": bytes}; text hashes of deleted segments -> anything.
ExportHook = Callable[[Member], dict[str, Any]]
EraseHook = Callable[[list[str]], object]
from forum.services.erasure import ERASED_TEXT  # noqa: E402  (one wording for erased words)


def register_member_export(app: Flask, hook: ExportHook) -> None:
    """Let a package above forum add what it holds about a member to a subject access ZIP.

    Args:
        app: the Flask app.
        hook: callable taking a Member and returning {"name.json": data, "file.bin": bytes}.
    """
    app.extensions.setdefault(EXPORT_HOOKS_KEY, []).append(hook)


def register_erase_hook(app: Flask, hook: EraseHook) -> None:
    """Let a package above forum delete what it derived from an erased member's segments.

    Args:
        app: the Flask app.
        hook: callable taking the text hashes of the segments just deleted (same transaction).
    """
    app.extensions.setdefault(ERASE_HOOKS_KEY, []).append(hook)


def erase_member(member: Member, by: User | None, ip: str | None = None,
                 hooks: Iterable[EraseHook] = (), data_dir: Path | None = None,
                 listed: bool = True) -> dict[str, int]:
    """Delete everything held about a member; keep only a tombstone that it happened.

    The database cascades remove their consent records, contact details, segments
    and survey responses; erase hooks then delete what was derived from the segments'
    text (their embeddings, theme counts), and receivers of ``consent_changed`` take
    their words out of draft versions and raw CSV imports. Their words in transcripts
    are blanked, in each turn and in the uploaded text, so the conversation keeps its
    shape without them; their name and speaker label leave the rest of the upload.

    Args:
        member: the member to erase.
        by: who erased them (None for the system, e.g. re-applying after a restore).
        ip: their address.
        hooks: erase hooks (see ``register_erase_hook``).
        data_dir: the data folder: the member goes on its erasure list, so restoring a
            backup erases them again (see ``forum.services.erasure``).
        listed: False when re-applying the list itself.

    Returns:
        Counts of what was removed.
    """
    from forum.services import erasure

    member_id = member.id
    if listed:
        erasure.add_to_list(data_dir, member)
    consent_changed.send(member, erased=True, by=by)
    speakers = list(db.session.scalars(select(Speaker).where(Speaker.member_id == member_id)))
    turns = [t for s in speakers for t in s.turns]
    erasure.scrub_transcript_originals(member, turns)
    for turn in turns:
        turn.original_text = turn.redacted_text = ERASED_TEXT
        turn.safeguarding_reviews = []  # the notes are about them
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


def staff_role(user: User | None) -> str | None:
    """Staff are named by role in a member's data: their names are not the member's data."""
    return user.role.label if user is not None else None


def safeguarding_reviews(member: Member) -> list[dict[str, Any]]:
    """Every safeguarding review of the member's turns and survey answers, oldest first.

    Args:
        member: the member.

    Returns:
        One dict per review: where, the words (redacted), why they were flagged, outcome,
        note, when, and who reviewed them (a role).
    """
    reviews = db.session.scalars(
        select(SafeguardingReview)
        .outerjoin(Turn, Turn.id == SafeguardingReview.turn_id)
        .outerjoin(Speaker, Speaker.id == Turn.speaker_id)
        .outerjoin(Segment, Segment.id == SafeguardingReview.segment_id)
        .where((Speaker.member_id == member.id) | (Segment.member_id == member.id))
        .order_by(SafeguardingReview.reviewed_at, SafeguardingReview.id))
    rows = []
    for review in reviews:
        turn = db.session.get(Turn, review.turn_id) if review.turn_id else None
        segment = db.session.get(Segment, review.segment_id) if review.segment_id else None
        if turn is not None:
            where = f"{turn.transcript.session.title}, turn {turn.index}"
            words, reason = turn.redacted_text, turn.risk_reason
        else:
            where, reason = "A survey answer", None
            words = segment.text if segment is not None else ""
        rows.append({"where": where, "words": words, "flagged_because": reason,
                     "outcome": review.outcome_label, "note": review.note,
                     "when": review.reviewed_at.isoformat(),
                     "reviewed_by": staff_role(review.reviewed_by)})
    return rows


def member_data(member: Member, hooks: Iterable[ExportHook] = ()) -> dict[str, object]:
    """Everything held about one member, as files for a subject access ZIP.

    Staff appear by role only (``staff_role``), in every file. Consent is oldest first, as
    the summary reads it ("the newest is at the bottom").
    """
    consent = [{"recorded_at": c.recorded_at.isoformat(), "take_part": c.take_part,
                "may_quote": c.may_quote,
                "may_quote_with_demographics": c.may_quote_with_demographics,
                "audio_recording": c.audio_recording, "withdrawn": c.withdrawn, "note": c.note,
                "recorded_by": staff_role(c.recorded_by)}
                for c in reversed(member.consents)]
    sessions = db.session.scalars(select(FocusGroupSession).join(
        session_members, session_members.c.session_id == FocusGroupSession.id)
        .where(session_members.c.member_id == member.id).order_by(FocusGroupSession.held_on))
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
        "focus_group_sessions.json": [
            {"title": s.title, "date": s.held_on.isoformat() if s.held_on else None}
                                      for s in sessions],
        # Only the redacted words: the originals name other people in the room.
        "transcript_turns.json": [{"focus_group": t.transcript.session.title, "turn": t.index,
                                   "said": t.redacted_text} for t in turns if t.redacted_text],
        "segments.json": [{"id": s.id, "text": s.text, "source": s.source_type.value,
                           "question": s.question.label if s.question else None}
                          for s in db.session.scalars(
                                  select(Segment).where(Segment.member_id == member.id))],
        "safeguarding_reviews.json": safeguarding_reviews(member),
    }
    for hook in hooks:
        files.update(hook(member))
    return files


README = """Everything Forum Voice holds about {pseudonym}, exported {when} UTC.

Open summary.html in a web browser first: it says it all in plain words.
The other files hold the same information as data (JSON), for other programs:

  member.json                 your details: forum name, your answers about yourself, contact details
  consent.json                every choice you made about taking part and being quoted, with dates
  focus_group_sessions.json   the focus groups you came to
  transcript_turns.json       what you said in focus groups
  segments.json               pieces of what you said that were used in analysis
  safeguarding_reviews.json   when staff checked on you after something you said, and what they did
  staff_memos.json            notes staff wrote about pieces of what you said
  survey_answers.json         your answers to surveys on a tablet
  csv_answers.json            your answers to surveys run by other tools
  draft_quotes.json           your words quoted in draft responses

Other people's names, addresses, phone numbers and similar details were taken out
of your words ([name], [place] and so on), because they are about someone else.
"""


def member_zip(member: Member, hooks: Iterable[ExportHook] = (),
               summary: Callable[[dict[str, object]], str] | None = None) -> bytes:
    """A subject access ZIP: a plain-English summary, the data files and a README.

    Args:
        member: the member asking.
        hooks: export hooks of the packages above forum (surveys, drafts).
        summary: renders the files into the HTML summary (the web layer passes a template).

    Returns:
        The ZIP's bytes.
    """
    files = member_data(member, hooks)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README.format(pseudonym=member.pseudonym,
                                                     when=f"{utcnow():%-d %B %Y %H:%M}"))
        if summary is not None:
            archive.writestr("summary.html", summary(files))
        for name, content in files.items():
            data = content if isinstance(content, bytes) else json.dumps(content, indent=2,
                                                                         ensure_ascii=False)
            archive.writestr(name, data)
    return buffer.getvalue()
