"""Keep unredacted words no longer than needed: purge originals, drop stale unapproved uploads.

One rule decides what is due (``retention_plan``): the ``flask retention purge`` job applies
it, and the admins' audit log page lists what it had to keep because a review is unfinished.
Packages above forum add what they hold to the same job (``register_retention_hook``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from flask import Flask, current_app
from sqlalchemy import delete, select

from forum.extensions import db
from forum.models import (
    Member,
    RedactionStatus,
    Segment,
    SegmentSource,
    Transcript,
    TranscriptStatus,
)
from forum.models.base import utcnow
from forum.services import attendance

SAFEGUARDING_UNREVIEWED = "a safeguarding flag is not reviewed"
REDACTION_UNFINISHED = "the redaction review is not finished"
RETENTION_HOOKS_KEY = "forum_retention_hooks"
# (days, cutoff) -> a sentence for the job's output saying what it deleted, or None.
RetentionHook = Callable[[int, datetime], str | None]
APPROVED_BEFORE = ("its redactions have been approved, so members' words from it may be in "
                   "themes and drafts")


@dataclass
class PurgeResult:
    """What a retention run did: originals purged, unapproved uploads deleted, and kept ones.

    ``kept`` holds transcripts past the period whose review is unfinished, with the reason.
    """

    purged: list[Transcript] = field(default_factory=list)
    deleted: list[tuple[int, str]] = field(default_factory=list)
    kept: list[tuple[Transcript, str]] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # what registered hooks deleted, said


def register_retention_hook(app: Flask, hook: RetentionHook) -> None:
    """Let a package above forum delete what it keeps past the retention period, in the job.

    Args:
        app: the Flask app.
        hook: callable taking the period in days and the cutoff time; it deletes what is
            older (the job commits) and returns a sentence saying so, or None.
    """
    app.extensions.setdefault(RETENTION_HOOKS_KEY, []).append(hook)


def purge_original(transcript: Transcript) -> None:
    """Drop the original words, the list of real names and the speaker labels; redacted text stays.

    Speaker labels are as written in the file ("Dave", "Bernadette Okoye"), so they go too;
    each speaker keeps its role and member link under a neutral label.
    """
    transcript.original_text = transcript.known_names = None
    for turn in transcript.turns:
        turn.original_text = None
    for number, speaker in enumerate(transcript.speakers, start=1):
        speaker.label = f"Speaker {number}"
    transcript.purged_at = utcnow()


def unfinished_review(transcript: Transcript) -> str | None:
    """Why the transcript's review is unfinished, so retention must wait; None when it may go.

    An unreviewed safeguarding flag always waits: deleting or purging it would lose a
    disclosure nobody has acted on. A redaction review waits once a person has started it
    (a redaction decided or added, a turn tagged or a flag reviewed) or when an approved
    transcript was re-opened; an upload nobody touched is not work in progress.

    Args:
        transcript: a transcript whose originals are still held.

    Returns:
        ``SAFEGUARDING_UNREVIEWED``, ``REDACTION_UNFINISHED`` or None.
    """
    turns = transcript.turns
    if any(turn.held for turn in turns):
        return SAFEGUARDING_UNREVIEWED
    if transcript.status != TranscriptStatus.NEEDS_REVIEW:
        return None
    started = transcript.approved_at is not None or any(
        turn.question_id is not None or turn.risk_reviewed_at is not None
        or any(r.status != RedactionStatus.PROPOSED or r.added_by_person for r in turn.redactions)
        for turn in turns)
    return REDACTION_UNFINISHED if started else None


def why_not_deletable(transcript: Transcript) -> str | None:
    """Why a facilitator may not delete this copy of a transcript now; None when they may.

    Only a copy never approved goes (a bad or duplicate upload): once approved, even if
    re-opened, its segments may be quoted. An unreviewed safeguarding flag waits, as it does
    for the retention period.

    Args:
        transcript: the transcript a facilitator asked to delete.

    Returns:
        ``APPROVED_BEFORE``, ``SAFEGUARDING_UNREVIEWED`` or None.
    """
    if approved_before(transcript):
        return APPROVED_BEFORE
    if unfinished_review(transcript) == SAFEGUARDING_UNREVIEWED:
        return SAFEGUARDING_UNREVIEWED
    return None


def offers_delete(transcript: Transcript, flagged: bool | None = None) -> bool:
    """Whether a facilitator is shown "Delete" for this copy (the session and transcript pages).

    Only where it will work: a copy never approved, with no safeguarding flag waiting. A
    waiting copy's "Delete" once led to a page that refused; ``delete_waits`` says why instead.

    Args:
        transcript: a copy of a transcript.
        flagged: whether it holds an unreviewed safeguarding flag, when the caller knows (the
            session page asks one query for all its copies); None reads its turns.
    """
    return not approved_before(transcript) and not _flag_waits(transcript, flagged)


def delete_waits(transcript: Transcript, flagged: bool | None = None) -> bool:
    """Whether a copy never approved can be deleted only once its safeguarding flag is reviewed
    (said where "Delete" would be); ``flagged`` as for ``offers_delete``."""
    return not approved_before(transcript) and _flag_waits(transcript, flagged)


def _flag_waits(transcript: Transcript, flagged: bool | None) -> bool:
    if flagged is not None:
        return flagged
    return unfinished_review(transcript) == SAFEGUARDING_UNREVIEWED


def approved_before(transcript: Transcript) -> bool:
    """Approved now, or approved once and re-opened: its segments may be quoted."""
    return transcript.status == TranscriptStatus.APPROVED or transcript.approved_at is not None


def delete_transcript(transcript: Transcript) -> list[Member]:
    """Delete a transcript with its speakers, turns, redactions and any segments made from it.

    Attendance its speakers' matches added goes as a corrected match's does
    (``attendance.drop_unmatched``): a member no speaker of the focus group's other
    transcripts is matched to stops attending it, unless ticked on its form. The caller
    commits (and audits).

    Args:
        transcript: the transcript to delete.

    Returns:
        The members no longer recorded as attending its focus group.
    """
    session = transcript.session
    matched = {s.member_id for s in transcript.speakers if s.member_id is not None}
    # Segments name their transcript by id only: the turn's cascade would miss any without one.
    db.session.execute(delete(Segment).where(Segment.source_type == SegmentSource.TRANSCRIPT,
                                             Segment.source_id == transcript.id))
    db.session.delete(transcript)
    return attendance.drop_unmatched(session, matched)


def retention_plan(days: int, now: datetime | None = None,
                   ) -> Iterator[tuple[Transcript, str, str | None]]:
    """What the retention period asks of each transcript still holding its originals.

    Approved transcripts (or ones approved before and re-opened) lose their originals
    ``days`` after approval. Transcripts never approved within ``days`` of upload were
    never analysed or quoted: they are deleted whole, so their originals cannot stay forever.
    Either waits while the transcript's review is unfinished (``unfinished_review``).

    Args:
        days: the retention period in days.
        now: the current time (tests pass one).

    Yields:
        (transcript, "purge" or "delete", the reason it must wait or None) for each one due.
    """
    cutoff = (now or utcnow()) - timedelta(days=days)
    for transcript in db.session.scalars(select(Transcript).where(Transcript.purged_at.is_(None))
                                         .order_by(Transcript.id)):
        if transcript.approved_at is not None:
            action = "purge" if _aware(transcript.approved_at) <= cutoff else None
        elif transcript.status != TranscriptStatus.APPROVED:
            action = "delete" if _aware(transcript.uploaded_at) <= cutoff else None
        else:
            action = None
        if action:
            yield transcript, action, unfinished_review(transcript)


def purge_due(days: int, now: datetime | None = None) -> PurgeResult:
    """Apply the retention period to every transcript (``retention_plan``) and commit.

    Args:
        days: the retention period in days.
        now: the current time (tests pass one).

    Returns:
        A ``PurgeResult``; the caller audits and reports it.
    """
    result = PurgeResult()
    for transcript, action, waiting in list(retention_plan(days, now)):
        if waiting:
            result.kept.append((transcript, waiting))
        elif action == "purge":
            purge_original(transcript)
            result.purged.append(transcript)
        else:
            result.deleted.append((transcript.id, transcript.filename))
            delete_transcript(transcript)
    cutoff = (now or utcnow()) - timedelta(days=days)
    for hook in current_app.extensions.get(RETENTION_HOOKS_KEY, []):
        said = hook(days, cutoff)
        if said:
            result.others.append(said)
    db.session.commit()
    return result


def kept_for_review(days: int, now: datetime | None = None) -> list[tuple[Transcript, str]]:
    """Transcripts past the retention period, kept because their review is unfinished.

    Args:
        days: the retention period in days.
        now: the current time (tests pass one).

    Returns:
        (transcript, reason) pairs in upload order, for the admins' page.
    """
    return [(transcript, waiting) for transcript, _action, waiting in retention_plan(days, now)
            if waiting]


def _aware(moment: datetime) -> datetime:
    # SQLite returns naive datetimes for timezone-aware columns.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
