"""Focus-group sessions."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import FocusGroupSession, Member, Transcript, Turn, User
from forum.services import attendance


def list_sessions() -> list[FocusGroupSession]:
    return list(db.session.scalars(
        select(FocusGroupSession).order_by(FocusGroupSession.held_on.desc())))


def facilitator_choices(keep: User | None = None) -> list[tuple[int, str]]:
    """Who may be chosen as a session's facilitator (User.can_facilitate), plus ``keep``.

    ``keep`` is the session's recorded facilitator: someone who has since left stays chosen
    when the session is edited, rather than the form refusing its own value.
    """
    staff = db.session.scalars(select(User).order_by(User.name))
    return [(0, "Not recorded")] + [(u.id, facilitator_name(u)) for u in staff
                                    if u.can_facilitate or u == keep]


def member_choices() -> list[tuple[int, str]]:
    # Attendance is still recorded for someone who does not take part (their words are
    # kept out of analysis by the consent rule), but the facilitator should see it.
    rows = db.session.scalars(select(Member).order_by(Member.id))
    return [(m.id, m.pseudonym if m.takes_part else f"{m.pseudonym} ({m.consent_words.lower()})")
            for m in rows]


def same_session(consultation_id: int, title: str, held_on: date,
                 other_than: int | None = None) -> FocusGroupSession | None:
    """A session of the consultation with this name (any case) on this day, but not ``other_than``.

    Two such sessions cannot be told apart in the consultation's Sources or anywhere a
    session is named, so the form refuses a second one.
    """
    query = select(FocusGroupSession).where(
        FocusGroupSession.consultation_id == consultation_id,
        FocusGroupSession.held_on == held_on,
        func.lower(FocusGroupSession.title) == title.strip().lower())
    if other_than is not None:
        query = query.where(FocusGroupSession.id != other_than)
    return db.session.scalars(query.order_by(FocusGroupSession.id)).first()


def keeps_name_and_date(session: FocusGroupSession, consultation_id: int, title: str,
                        held_on: date) -> bool:
    """True when a stored session keeps its consultation, name (any case) and day.

    Two sessions stored as duplicates before the form refused them must stay editable:
    the clash is judged only when one of these changes.
    """
    return session.id is not None and (
        session.consultation_id, (session.title or "").strip().lower(), session.held_on) == (
        consultation_id, title.strip().lower(), held_on)


def facilitator_name(user: User) -> str:
    """A session's facilitator by name, marked "(left)" once their account is disabled."""
    return user.name if user.is_active else f"{user.name} (left)"


def save_session(session: FocusGroupSession, *, title: str, consultation_id: int, held_on: date,
                 area: str, facilitator_id: int, attending: attendance.Ticked,
                 ) -> FocusGroupSession:
    """Store the focus group's form: its details and who attended.

    Args:
        session: the focus group (new or stored).
        title, consultation_id, held_on, area, facilitator_id: as on the form.
        attending: the members whose boxes are ticked, and which of them the form showed
            ticked because matching a speaker added them. Left ticked, those stay added by
            matching (a corrected match takes them off); any other ticked box is the
            facilitator's own record (``attendance.keep_ticked``).

    Returns:
        The focus group, committed.
    """
    session.title = title.strip()
    session.consultation_id = consultation_id
    session.held_on = held_on
    session.area = area.strip() or None
    session.facilitator_id = facilitator_id or None
    session.members = list(db.session.scalars(
        select(Member).where(Member.id.in_(attending.member_ids))))
    db.session.add(session)
    attendance.keep_ticked(session, set(attending.member_ids) - set(attending.shown_matched))
    db.session.commit()
    return session


def delete_session(session: FocusGroupSession) -> None:
    """Delete a session that has no transcripts (one added by mistake); the caller audits.

    A session with transcripts stays: their turns, speakers and segments hang on it, and each
    copy is deleted (or, once approved, kept) on its own terms.
    """
    if session.transcripts:
        raise ValueError("A session with transcripts is not deleted")
    db.session.delete(session)
    db.session.commit()


def transcripts_with_held_turns(session: FocusGroupSession) -> set[int]:
    """Ids of the session's transcripts with a turn flagged for safeguarding that nobody has
    reviewed (``Turn.held``), in one query: loading every turn of every transcript took
    seconds on long transcripts."""
    return set(db.session.scalars(
        select(Turn.transcript_id).distinct()
        .join(Transcript, Transcript.id == Turn.transcript_id)
        .where(Transcript.session_id == session.id, Turn.held)))
