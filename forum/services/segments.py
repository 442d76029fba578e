"""The one gate between stored segments and anything that analyses or quotes them."""
from __future__ import annotations

import hashlib

from sqlalchemy import select

from forum.extensions import db
from forum.models import Member, Segment, SegmentSource


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def usable_segments(consultation_id: int) -> list[Segment]:
    """What members said that analysis may read: checked, not held, from members who take part.

    Themes are about what members said, so public documents are left out here: they are
    for search and coding (``searchable_segments``, ``document_segments``), never for
    theme clustering. Segments only exist for approved redactions, and facilitators' and
    observers' words never become segments.

    Args:
        consultation_id: the consultation.

    Returns:
        Member segments in source order.
    """
    rows = db.session.scalars(
        select(Segment).where(Segment.consultation_id == consultation_id, Segment.held.is_(False),
                              Segment.needs_review.is_(False),
                              Segment.source_type != SegmentSource.DOCUMENT)
        .order_by(Segment.source_type, Segment.source_id, Segment.position))
    members = {m.id: m for m in db.session.scalars(select(Member))}
    # Anonymous survey answers have no member: the participant agreed on the tablet.
    return [s for s in rows if s.member_id is None or _takes_part(members.get(s.member_id))]


def quotable_segments(consultation_id: int) -> list[Segment]:
    """Usable segments whose member's current consent allows quoting (never documents)."""
    return [s for s in usable_segments(consultation_id)
            if s.source_type != SegmentSource.DOCUMENT and s.member is not None and s.member.may_quote]


def document_segments(consultation_id: int) -> list[Segment]:
    """Passages of the consultation's public documents (no member, no consent needed).

    Args:
        consultation_id: the consultation.

    Returns:
        Document segments, by document and then position.
    """
    return list(db.session.scalars(
        select(Segment).where(Segment.consultation_id == consultation_id,
                              Segment.source_type == SegmentSource.DOCUMENT)
        .order_by(Segment.source_id, Segment.position)))


def searchable_segments(consultation_id: int) -> list[Segment]:
    """What search and deductive coding read: usable member segments plus documents.

    Results from documents must be shown as documents, never as a member's words:
    check ``segment.source_type == SegmentSource.DOCUMENT`` (their ``member`` is None).

    Args:
        consultation_id: the consultation.

    Returns:
        Usable member segments, then document passages.
    """
    return usable_segments(consultation_id) + document_segments(consultation_id)


def _takes_part(member: Member | None) -> bool:
    consent = member.consent if member else None
    return bool(consent and consent.take_part and not consent.withdrawn)
