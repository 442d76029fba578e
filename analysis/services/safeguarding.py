"""One safeguarding rule for transcript turns and survey answers: review, then a choice to quote.

A flag holds the words out of analysis and quotes. A review records who looked, when,
what they did (spoke to the member, referred on, not a risk) and a note; the words are
then analysed. Quoting them is a separate, deliberate choice, recorded on its own, and
the machine never picks them as quotes (``forum.services.segments.may_auto_pin``).
"""
from __future__ import annotations

from sqlalchemy import select

from analysis.services.theme_store import refresh_themes_holding
from forum.extensions import db
from forum.models import SafeguardingReview, Segment, Turn, User
from forum.models.base import utcnow
from forum.models.safeguarding import OUTCOMES
from forum.services import audit

MAX_NOTE = 2000
Flagged = Turn | Segment


class SafeguardingError(ValueError):
    """A review that cannot be recorded, in plain English."""


def record_review(item: Flagged, user: User, outcome: str, note: str, ip: str | None = None,
                  commit: bool = True) -> SafeguardingReview:
    """Record a person's review of a flag and let analysis read the words.

    Args:
        item: a flagged transcript turn, or a held survey answer segment.
        user: the reviewer.
        outcome: a key of ``OUTCOMES``.
        note: what was done, in the reviewer's words (required).
        ip: the reviewer's address, for the audit log.
        commit: commit now (False when the caller commits with its own change).

    Returns:
        The stored review.

    Raises:
        SafeguardingError: when the outcome or note is missing or too long, or there is no flag.
    """
    note = (note or "").strip()
    if outcome not in OUTCOMES:
        raise SafeguardingError("Choose what was done about the concern")
    if not note:
        raise SafeguardingError("Write a note saying what was done, and by whom")
    if len(note) > MAX_NOTE:
        raise SafeguardingError(f"The note must be {MAX_NOTE:,} characters or fewer")
    if isinstance(item, Turn):
        if not item.risk_flagged:
            raise SafeguardingError("This turn has no safeguarding flag to review")
        item.risk_reviewed_at, item.risk_reviewed_by_id = utcnow(), user.id
        review = SafeguardingReview(turn_id=item.id, outcome=outcome, note=note,
                                    reviewed_by_id=user.id)
        sync_turn_segments(item)
    else:
        if not item.held:
            raise SafeguardingError("This answer is not held for safeguarding")
        item.held, item.risk_flagged = False, True
        review = SafeguardingReview(segment_id=item.id, outcome=outcome, note=note,
                                    reviewed_by_id=user.id)
        refresh_themes_holding([item.id])
    db.session.add(review)
    audit.record("safeguarding_reviewed", user, item, ip=ip, commit=False, outcome=outcome)
    if commit:
        db.session.commit()
    return review


def allow_quoting(item: Flagged, user: User, ip: str | None = None) -> None:
    """The separate, deliberate choice that reviewed, flagged words may be quoted.

    Args:
        item: a reviewed turn or survey answer segment.
        user: who chose.
        ip: their address, for the audit log.

    Raises:
        SafeguardingError: when the flag has not been reviewed yet.
    """
    if isinstance(item, Turn):
        if item.held or not item.risk_flagged:
            raise SafeguardingError(
                "Review the safeguarding flag before choosing to quote these words")
        item.quote_cleared_at, item.quote_cleared_by_id = utcnow(), user.id
        sync_turn_segments(item)
    else:
        if item.held or not item.risk_flagged:
            raise SafeguardingError(
                "Review the safeguarding flag before choosing to quote these words")
        item.quote_cleared = True
    audit.record("safeguarding_quote_allowed", user, item, ip=ip, commit=False)
    db.session.commit()


def flag_turn(turn: Turn, reason: str, user: User | None = None, ip: str | None = None) -> None:
    """A person's own safeguarding flag: hold the turn until someone reviews it."""
    turn.risk_flagged, turn.risk_reason = True, (reason.strip() or "Flagged by facilitator")[:200]
    turn.risk_reviewed_at = turn.risk_reviewed_by_id = None
    turn.quote_cleared_at = turn.quote_cleared_by_id = None
    sync_turn_segments(turn)
    audit.record("safeguarding_flagged", user, turn, ip=ip, commit=False)
    db.session.commit()


def sync_turn_segments(turn: Turn, *, question: bool = False) -> None:
    """Copy a turn's hold, flag and quoting choice (and, when tagging, its question) onto its
    segments.

    A flag or its review leaves the segments' questions alone: an officer may have confirmed
    another on the mapping page since the turn was tagged. When the hold changes, the themes
    holding the segments are recounted at once.
    """
    changed = []
    for segment in db.session.scalars(select(Segment).where(Segment.turn_id == turn.id)):
        if segment.held != turn.held:
            changed.append(segment.id)
        apply_turn_state(segment, turn)
        if question:
            segment.question_id = turn.question_id
            if turn.question_id is not None:  # the turn's question overrides "no question"
                segment.no_question = False
    refresh_themes_holding(changed)


def apply_turn_state(segment: Segment, turn: Turn) -> None:
    """Set one segment's safeguarding state from its turn."""
    segment.held = turn.held
    segment.risk_flagged = turn.risk_flagged
    segment.quote_cleared = turn.quote_cleared_at is not None


def latest_review(item: Flagged) -> SafeguardingReview | None:
    """The most recent review of a turn or answer segment, if any."""
    column = SafeguardingReview.turn_id if isinstance(item, Turn) else SafeguardingReview.segment_id
    return db.session.scalar(select(SafeguardingReview).where(column == item.id)
                             .order_by(SafeguardingReview.id.desc()).limit(1))
