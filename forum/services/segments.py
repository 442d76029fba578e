"""The one gate between stored segments and anything that analyses or quotes them."""
from __future__ import annotations

import hashlib
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, select

from forum.extensions import db
from forum.models import Member, Segment, SegmentSource


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _only(ids: Collection[int] | None) -> list[ColumnElement[bool]]:
    # Narrowing to known candidates (search hits) keeps the rule the same and the load small.
    return [] if ids is None else [Segment.id.in_(list(ids))]


def usable_segments(consultation_id: int, ids: Collection[int] | None = None) -> list[Segment]:
    """What members said that analysis may read: checked, not held, from members who take part.

    Themes are about what members said, so public documents are left out here: they are
    for search and coding (``searchable_segments``, ``document_segments``), never for
    theme clustering. Segments only exist for approved redactions, and facilitators' and
    observers' words never become segments.

    Args:
        consultation_id: the consultation.
        ids: only these segments (None: all of the consultation's).

    Returns:
        Member segments in source order.
    """
    rows = db.session.scalars(select(Segment).where(*_usable(consultation_id, ids))
                              .order_by(Segment.source_type, Segment.source_id, Segment.position))
    members = {m.id: m for m in db.session.scalars(select(Member))}
    # Anonymous survey answers have no member: the participant agreed on the tablet.
    return [s for s in rows if s.member_id is None or _takes_part(members.get(s.member_id))]


def usable_segment_facts(consultation_id: int) -> tuple[list[Any], dict[int, Member]]:
    """``usable_segments`` without their text, as plain rows: what counting needs.

    Loading 50,000 segments as ORM objects cost a second of CPU, in the very request that
    flags words for safeguarding (``theme_store.refresh_stats``).

    Returns:
        Rows of (id, member_id, source_type, source_id, question_id), the same segments as
        ``usable_segments`` in the same order, and the members who take part, by id.
    """
    rows = db.session.execute(
        select(Segment.id, Segment.member_id, Segment.source_type, Segment.source_id,
               Segment.question_id).where(*_usable(consultation_id, None))
        .order_by(Segment.source_type, Segment.source_id, Segment.position)).all()
    members = {m.id: m for m in db.session.scalars(select(Member)) if _takes_part(m)}
    return [r for r in rows if r.member_id is None or r.member_id in members], members


def _usable(consultation_id: int, ids: Collection[int] | None) -> list[ColumnElement[bool]]:
    return [Segment.consultation_id == consultation_id, Segment.held.is_(False),
            Segment.needs_review.is_(False), Segment.source_type != SegmentSource.DOCUMENT,
            *_only(ids)]


def quotable_segments(consultation_id: int) -> list[Segment]:
    """Usable segments whose member's current consent allows quoting (never documents).

    Words flagged for safeguarding pass only after the separate choice to quote them
    (``quote_needs_choice``).
    """
    return [s for s in usable_segments(consultation_id)
            if s.source_type != SegmentSource.DOCUMENT and s.member is not None
            and s.member.may_quote
            and not quote_needs_choice(s)]


def quote_needs_choice(segment: Segment) -> bool:
    """Say whether flagged words still wait for a person's deliberate choice to quote them.

    Args:
        segment: any segment.

    Returns:
        True while a safeguarding-flagged segment has not been cleared for quoting.
    """
    return bool(segment.risk_flagged and not segment.quote_cleared)


def may_auto_pin(segment: Segment) -> bool:
    """Say whether the machine may pick this segment as a quote (a theme's quotes, samples).

    Words ever flagged for safeguarding are never picked by machine, even when cleared:
    only a person who chose to quote them may place them.

    Args:
        segment: a quotable segment.

    Returns:
        False for any segment that was flagged for safeguarding.
    """
    return not segment.risk_flagged


def auto_quotable_segments(consultation_id: int) -> list[Segment]:
    """Quotable segments the machine may pick as quotes by itself (``may_auto_pin``)."""
    return [s for s in quotable_segments(consultation_id) if may_auto_pin(s)]


def safeguarding_warning(segment: Segment) -> str | None:
    """The warning a draft shows beside a quote whose words were flagged for safeguarding.

    Args:
        segment: a quoted segment.

    Returns:
        A plain-English warning, or None when the words were never flagged.
    """
    if not segment.risk_flagged:
        return None
    return ("These words were flagged for safeguarding. They were reviewed and a person chose to "
            "allow quoting; check the member is still happy to be quoted before this is published.")


def document_segments(consultation_id: int, ids: Collection[int] | None = None) -> list[Segment]:
    """Passages of the consultation's public documents (no member, no consent needed).

    Args:
        consultation_id: the consultation.
        ids: only these segments (None: all of the consultation's).

    Returns:
        Document segments, by document and then position.
    """
    return list(db.session.scalars(
        select(Segment).where(Segment.consultation_id == consultation_id,
                              Segment.source_type == SegmentSource.DOCUMENT, *_only(ids))
        .order_by(Segment.source_id, Segment.position)))


def searchable_segments(consultation_id: int, ids: Collection[int] | None = None) -> list[Segment]:
    """What search and deductive coding read: usable member segments plus documents.

    Results from documents must be shown as documents, never as a member's words:
    check ``segment.source_type == SegmentSource.DOCUMENT`` (their ``member`` is None).

    Args:
        consultation_id: the consultation.
        ids: only these segments (None: all of the consultation's).

    Returns:
        Usable member segments, then document passages.
    """
    return usable_segments(consultation_id, ids) + document_segments(consultation_id, ids)


def _takes_part(member: Member | None) -> bool:
    return member is not None and member.takes_part
