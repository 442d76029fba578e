"""Turn approved transcripts into segments, and keep segments in step with later decisions."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import (
    Member,
    Question,
    Segment,
    SegmentSource,
    SpeakerRole,
    Transcript,
    TranscriptStatus,
    Turn,
    User,
)
from forum.models.base import utcnow
from forum.services.segments import text_hash


class ApprovalError(ValueError):
    """The transcript cannot be approved yet, in plain English."""


@dataclass
class Rebuilt:
    """What building a transcript's segments again did."""

    made: int = 0  # new segments, from turns new or changed
    kept: int = 0  # segments whose text did not change, with people's decisions on them
    reset: list[str] = field(default_factory=list)  # plain-English lines of decisions lost

    @property
    def count(self) -> int:
        return self.made + self.kept


def approve_transcript(transcript: Transcript, user: User) -> Rebuilt:
    """Approve the redactions and build the segments of turns new or changed since.

    Args:
        transcript: a transcript whose redactions have been reviewed.
        user: the facilitator approving.

    Returns:
        The segments made and kept, and what people had decided about those replaced.

    Raises:
        ApprovalError: when redaction has not finished.
    """
    if transcript.status not in (TranscriptStatus.NEEDS_REVIEW, TranscriptStatus.APPROVED):
        raise ApprovalError("Redaction has not finished yet, so there is nothing to approve")
    from analysis.services.redaction_review import review_redactions

    rejected = {r.id for t in transcript.turns for r in t.redactions
                if r.status.value == "rejected"}
    # Proposals not rejected become accepted; the build below brings the segments in step.
    review_redactions(transcript, rejected, approving=True)
    transcript.status = TranscriptStatus.APPROVED
    transcript.approved_at = utcnow()
    transcript.approved_by_id = user.id
    rebuilt = build_segments(transcript)
    db.session.commit()
    from analysis.services.embeddings import queue_embedding

    queue_embedding(transcript.session.consultation_id)
    return rebuilt


def build_segments(transcript: Transcript, make: bool = True) -> Rebuilt:
    """Bring the transcript's segments in step with its redacted member turns.

    A segment whose text is still exactly a piece of its turn's redacted text, said by the
    same member, is kept with every decision people made about it (a re-approval after a
    tag or a new redaction wiped them all); the rest are replaced (``segment_resets``).
    Facilitators', observers' and unmatched speakers' turns and back-channel turns are
    left out; turns with an unreviewed safeguarding flag become held segments. With ``make``
    False (a transcript waiting to be approved again) only the segments that must go go:
    nothing unapproved becomes a segment. The caller commits.
    """
    from analysis.core.segmenting import split_into_segments
    from analysis.services.safeguarding import apply_turn_state
    from analysis.services.segment_resets import match_pieces, withdraw

    existing: dict[int | None, list[Segment]] = {}
    for segment in db.session.scalars(
            select(Segment).where(Segment.source_type == SegmentSource.TRANSCRIPT,
                                  Segment.source_id == transcript.id)
            .order_by(Segment.position, Segment.id)):
        existing.setdefault(segment.turn_id, []).append(segment)
    consultation_id = transcript.session.consultation_id
    rebuilt, gone = Rebuilt(), existing.pop(None, [])
    for turn in transcript.turns:
        mine = existing.pop(turn.id, [])
        speaker = turn.speaker
        if (turn.backchannel or speaker is None or speaker.role != SpeakerRole.MEMBER
                or speaker.member_id is None or not turn.redacted_text):
            gone += mine
            continue
        gone += [s for s in mine if s.member_id != speaker.member_id]
        pieces = split_into_segments(turn.redacted_text)
        kept, left = match_pieces([s for s in mine if s.member_id == speaker.member_id], pieces)
        gone += left
        for part, text in enumerate(pieces):
            found = kept.get(part)
            if found is None and not make:
                continue
            if found is None:
                segment = Segment(
                    consultation_id=consultation_id, source_type=SegmentSource.TRANSCRIPT,
                    source_id=transcript.id, turn_id=turn.id, member_id=speaker.member_id,
                    question_id=turn.question_id, text=text, text_hash=text_hash(text))
                db.session.add(segment)
                rebuilt.made += 1
            else:
                segment = found
                rebuilt.kept += 1
            segment.position = turn.index * 100 + part
            segment.start_seconds = turn.start_seconds
            apply_turn_state(segment, turn)
    for mine in existing.values():  # turns no longer in the transcript
        gone += mine
    rebuilt.reset = withdraw(gone)
    db.session.flush()
    return rebuilt


def left_out_members(transcript: Transcript) -> list[tuple[Member, int, int]]:
    """Members who said something here but do not take part now (withdrawn, or consent that
    does not cover taking part), said when approving: their segments are made, and the one
    consent rule (``forum.services.segments.usable_segments``) keeps them out of analysis,
    search, quotes and exports until new consent is recorded.

    Args:
        transcript: any transcript.

    Returns:
        (member, turns, segments made) for each such member, in order of first turn.
    """
    found: dict[int, Member] = {}
    turns: dict[int, int] = {}
    for turn in transcript.turns:
        speaker = turn.speaker
        member = speaker.member if speaker is not None else None
        if (turn.backchannel or speaker is None or member is None
                or speaker.role != SpeakerRole.MEMBER or member.takes_part):
            continue
        found.setdefault(member.id, member)
        turns[member.id] = turns.get(member.id, 0) + 1
    counts = dict(db.session.execute(
        select(Segment.member_id, func.count(Segment.id))
        .where(Segment.source_type == SegmentSource.TRANSCRIPT, Segment.source_id == transcript.id,
               Segment.member_id.in_(list(found))).group_by(Segment.member_id)).all())
    return [(member, turns[key], counts.get(key, 0)) for key, member in found.items()]


def tag_question(transcript: Transcript, first: int, last: int, question: Question | None) -> int:
    """Link a stretch of turns (by number, inclusive) to a consultation question.

    Returns:
        How many turns were tagged.
    """
    return tag_turns(transcript, set(range(first, last + 1)), question)


def tag_turns(transcript: Transcript, numbers: set[int], question: Question | None) -> int:
    """Link the turns with these numbers to a consultation question (None clears the link).

    Returns:
        How many turns were tagged.
    """
    tagged = 0
    for turn in transcript.turns:
        if turn.index in numbers:
            turn.question_id = question.id if question else None
            _sync_turn_segments(turn, commit=False, question=True)
            tagged += 1
    db.session.commit()
    return tagged


def _sync_turn_segments(turn: Turn, commit: bool = True, question: bool = False) -> None:
    from analysis.services.safeguarding import sync_turn_segments

    sync_turn_segments(turn, question=question)
    if commit:
        db.session.commit()
