"""Who attended a focus group: ticked on its form, or added by matching a speaker to them.

Attendance is one row of ``session_members``. A row ticked on the focus group's form is the
facilitator's own record and only that form changes it. A row added because a speaker of one
of the focus group's transcripts was matched to the member is marked ``by_matching``: when no
speaker there is matched to them any more (the match was corrected), the row goes again.
Attending is not consenting: nothing here reads or changes consent.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update

from forum.extensions import db
from forum.models import FocusGroupSession, Member, Speaker, SpeakerRole, Transcript
from forum.models.sessions import session_members


def add_by_matching(session: FocusGroupSession, member: Member) -> bool:
    """Record a member matched to a speaker of the focus group's transcript as attending it.

    Args:
        session: the focus group the transcript belongs to.
        member: the member a speaker was matched to.

    Returns:
        True when they were not recorded as attending before (the row is marked as added by
        matching); False when they were, however it was recorded (left as it is).
    """
    if member in session.members:
        return False
    session.members.append(member)
    db.session.flush()
    db.session.execute(update(session_members).where(
        session_members.c.session_id == session.id,
        session_members.c.member_id == member.id).values(by_matching=True))
    return True


def drop_unmatched(session: FocusGroupSession, member_ids: Iterable[int]) -> list[Member]:
    """Take back the attendance matching added for members no speaker is matched to now.

    Args:
        session: the focus group whose speakers were changed.
        member_ids: the members some speaker was matched to before the change.

    Returns:
        The members no longer recorded as attending. Attendance ticked on the focus group's
        form, or of a member still matched to a speaker of any of its transcripts, stays.
    """
    ids = set(member_ids)
    if not ids:
        return []
    db.session.flush()
    still = set(db.session.scalars(
        select(Speaker.member_id).join(Transcript, Transcript.id == Speaker.transcript_id)
        .where(Transcript.session_id == session.id, Speaker.role == SpeakerRole.MEMBER,
               Speaker.member_id.in_(ids))))
    by_matching = set(db.session.scalars(select(session_members.c.member_id).where(
        session_members.c.session_id == session.id, session_members.c.by_matching,
        session_members.c.member_id.in_(ids))))
    gone = [m for m in session.members if m.id in by_matching - still]
    for member in gone:
        session.members.remove(member)
    return gone
