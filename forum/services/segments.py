"""The one gate between stored segments and anything that analyses or quotes them."""
from __future__ import annotations

import hashlib

from sqlalchemy import select

from forum.extensions import db
from forum.models import Member, Segment


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def usable_segments(consultation_id: int) -> list[Segment]:
    """Segments analysis may read: not held, and from members who agree to take part.

    Documents (no member) are public text and always usable. Segments only exist for
    approved redactions, and facilitators' and observers' words never become segments.

    Args:
        consultation_id: the consultation.

    Returns:
        Segments in source order.
    """
    rows = db.session.scalars(
        select(Segment).where(Segment.consultation_id == consultation_id, Segment.held.is_(False))
        .order_by(Segment.source_type, Segment.source_id, Segment.position))
    members = {m.id: m for m in db.session.scalars(select(Member))}
    return [s for s in rows if s.member_id is None or _takes_part(members.get(s.member_id))]


def quotable_segments(consultation_id: int) -> list[Segment]:
    """Usable segments whose member's current consent allows quoting (never documents)."""
    return [s for s in usable_segments(consultation_id) if s.member is not None and s.member.may_quote]


def _takes_part(member: Member | None) -> bool:
    consent = member.consent if member else None
    return bool(consent and consent.take_part and not consent.withdrawn)
