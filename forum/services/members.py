"""Forum members: pseudonyms, demographics, private contacts and consent."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from forum.extensions import db
from forum.models import ConsentRecord, Member, MemberContact, Segment, User
from forum.signals import consent_changed

_GENERATED = re.compile(r"^Member (\d+)$")


class MemberError(ValueError):
    """A member change that cannot be made, in plain English."""


def next_pseudonym() -> str:
    """The next free 'Member N', one above the highest used so numbers are never reused."""
    names = db.session.scalars(select(Member.pseudonym).where(Member.pseudonym.like("Member %")))
    highest = max((int(m.group(1)) for n in names if (m := _GENERATED.match(n))), default=0)
    return f"Member {highest + 1}"


def pseudonym_taken(pseudonym: str, except_id: int | None = None) -> bool:
    query = select(Member.id).where(func.lower(Member.pseudonym) == pseudonym.strip().lower())
    if except_id is not None:
        query = query.where(Member.id != except_id)
    return db.session.scalar(query) is not None


def save_member(member: Member, pseudonym: str, real_name: str = "", contact: str = "") -> Member:
    """Save a member; a blank pseudonym gets the next 'Member N'.

    Raises:
        MemberError: when another member already has the pseudonym.
    """
    pseudonym = pseudonym.strip()
    if pseudonym and pseudonym_taken(pseudonym, member.id):
        raise MemberError("Another member already uses that pseudonym")
    if _shares_a_name(pseudonym or member.pseudonym or "", real_name):
        # The pseudonym heads their quotes; the real name must never leave Forum Voice.
        raise MemberError("This pseudonym uses the member's real name. Use a name the member "
                          "chose that is not their own, or leave it blank for the next number")
    if pseudonym:
        member.pseudonym_chosen = not _GENERATED.match(pseudonym)
        member.pseudonym = pseudonym
    elif not member.pseudonym:
        member.pseudonym = next_pseudonym()
        member.pseudonym_chosen = False
    set_contact(member, real_name, contact)
    db.session.add(member)
    db.session.commit()
    return member


# Titles come before a name but are nobody's name: "Mrs Robin" for Mrs Jean Smith is fine.
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"})


def _shares_a_name(pseudonym: str, real_name: str) -> bool:
    """True when a word of the pseudonym is a word of the real name ("Priya" of Priya Sharma),
    accents aside ("Zoe" of Zoë Okafor); titles ("Mrs", "Dr") are not names."""
    return bool(_name_words(real_name) & _name_words(pseudonym))


def _name_words(text: str) -> set[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", (text or "").casefold())
                    if not unicodedata.combining(c))
    return set(re.findall(r"[^\W\d_]{2,}", plain)) - TITLES


def set_contact(member: Member, real_name: str, contact: str) -> None:
    real_name, contact = (real_name or "").strip(), (contact or "").strip()
    if not real_name and not contact:
        member.contact = None
        return
    member.contact = member.contact or MemberContact()
    member.contact.real_name = real_name or None
    member.contact.contact = contact or None


@dataclass(frozen=True)
class ConsentChange:
    """A consent decision recorded, and how much of what the member said it took out."""

    record: ConsentRecord
    segments: int  # passages of theirs that analysis and quotes no longer read (0 if none left)
    quotes_removed: int  # quotes of theirs taken out of draft responses


def record_consent(member: Member, recorded_by: User | None, *, take_part: bool,
                   may_quote: bool, may_quote_with_demographics: bool,
                   audio_recording: bool, note: str = "") -> ConsentChange:
    """Add a consent decision; quoting needs taking part, demographics need quoting."""
    may_quote = take_part and may_quote
    return _counted_change(member, recorded_by, dict(
        take_part=take_part, may_quote=may_quote,
        may_quote_with_demographics=may_quote and may_quote_with_demographics,
        audio_recording=take_part and audio_recording, withdrawn=False,
        note=note.strip() or None))


def withdraw_consent(member: Member, recorded_by: User | None, note: str = "") -> ConsentChange:
    """Withdraw everything; only a new consent record can undo it."""
    return _counted_change(member, recorded_by, dict(
        take_part=False, may_quote=False, may_quote_with_demographics=False,
        audio_recording=False, withdrawn=True, note=note.strip() or None))


def _counted_change(member: Member, recorded_by: User | None,
                    decision: dict[str, Any]) -> ConsentChange:
    """Record the decision and count what it took out of the analysis and the drafts."""
    # Read before the record exists: made first, it sat in member.consents outside the
    # session, and this read's autoflush warned ("ConsentRecord not in session").
    took_part = member.takes_part
    record = ConsentRecord(member=member, recorded_by=recorded_by, **decision)
    replies = _send_consent(member, record, recorded_by)
    # Receivers that take quotes out of drafts answer with how many (``forum.signals``).
    removed = sum(r for r in replies if isinstance(r, int) and not isinstance(r, bool))
    # A withdrawal counts as its confirmation page did (``segment_count``), whatever came before.
    leaving = segment_count(member) if record.withdrawn or (
        took_part and not member.takes_part) else 0
    return ConsentChange(record, leaving, removed)


def segment_count(member: Member) -> int:
    """How many segments (approved, redacted passages) hold what the member said."""
    return db.session.scalar(select(func.count(Segment.id))
                             .where(Segment.member_id == member.id)) or 0


def _send_consent(member: Member, record: ConsentRecord, recorded_by: User | None) -> list[Any]:
    """Store the record, tell the packages above, and return what each receiver answered."""
    db.session.add(record)
    db.session.commit()
    # After the commit, so receivers read the new consent; their changes commit here.
    replies = [reply for _receiver, reply in consent_changed.send(member, erased=False,
                                                                    by=recorded_by)]
    db.session.commit()
    return replies


def list_members() -> list[Member]:
    return list(db.session.scalars(select(Member).order_by(Member.id)))


def quotable_member_ids() -> set[int]:
    """Ids of members whose current consent allows quoting (used by analysis and exports)."""
    return {m.id for m in list_members() if m.may_quote}
