"""Pseudonymous forum members, their private contact details and consent history."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from forum.extensions import Model
from forum.models.base import utcnow

if TYPE_CHECKING:
    from forum.models.accounts import User

PREFER_NOT = "Prefer not to say"
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65 or over", PREFER_NOT]
GENDERS = ["Woman", "Man", "Non-binary", "Another way", PREFER_NOT]
ETHNICITY_GROUPS = [
    "Asian or Asian British", "Black, Black British, Caribbean or African",
    "Mixed or multiple ethnic groups", "White", "Other ethnic group", PREFER_NOT]
LIVED_EXPERIENCE = {
    "prison": "Prison",
    "probation": "Probation",
    "mental_health": "Mental health",
    "drugs_alcohol": "Drugs or alcohol",
    "homelessness": "Homelessness",
    "care": "Care experience",
    "prefer_not": PREFER_NOT,
}
PSEUDONYM_MAX = 60


class Member(Model):
    __tablename__ = "members"
    # SQLite would otherwise give a new member an erased member's id
    # (migration 0009_security_member_ids).
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(PSEUDONYM_MAX), unique=True)
    pseudonym_chosen: Mapped[bool] = mapped_column(default=False)
    age_band: Mapped[str | None] = mapped_column(String(30))
    gender: Mapped[str | None] = mapped_column(String(30))
    ethnicity_group: Mapped[str | None] = mapped_column(String(60))
    lived_experience: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    consents: Mapped[list[ConsentRecord]] = relationship(
        back_populates="member", order_by="ConsentRecord.id.desc()",
        cascade="all, delete-orphan")
    contact: Mapped[MemberContact | None] = relationship(
        back_populates="member", uselist=False, cascade="all, delete-orphan")

    @property
    def consent(self) -> ConsentRecord | None:
        """The member's current consent: the newest record, or None if never recorded."""
        return self.consents[0] if self.consents else None

    # The one place consent is read: every page, analysis and export asks these.
    @property
    def takes_part(self) -> bool:
        """Their current consent lets us use what they say (and they have not withdrawn)."""
        c = self.consent
        return bool(c and c.take_part and not c.withdrawn)

    @property
    def may_quote(self) -> bool:
        """They take part and agreed to be quoted in their own words."""
        c = self.consent
        return self.takes_part and c is not None and bool(c.may_quote)

    @property
    def may_quote_with_demographics(self) -> bool:
        """They may be quoted, with their age and gender printed under the quote."""
        c = self.consent
        return self.may_quote and c is not None and bool(c.may_quote_with_demographics)

    @property
    def consent_state(self) -> str:
        """A key of CONSENT_WORDS: what their current consent allows, in one word."""
        c = self.consent
        if c is None:
            return "none"
        if c.withdrawn or not c.take_part:
            return "withdrawn" if c.withdrawn else "not_taking_part"
        if self.may_quote_with_demographics:
            return "quote_details"
        return "quote" if self.may_quote else "no_quotes"

    @property
    def consent_words(self) -> str:
        """What every page calls their consent ('No consent recorded', 'Withdrawn', ...)."""
        return CONSENT_WORDS[self.consent_state]

    @property
    def lived_experience_labels(self) -> list[str]:
        return [LIVED_EXPERIENCE[k] for k in self.lived_experience or [] if k in LIVED_EXPERIENCE]


# One wording for each state, so the members list, session form and speaker list agree.
CONSENT_WORDS = {"none": "No consent recorded", "withdrawn": "Withdrawn",
                 "not_taking_part": "Not taking part",
                 "quote_details": "May be quoted with details", "quote": "May be quoted",
                 "no_quotes": "Takes part, not quoted"}


class MemberContact(Model):
    """Real name and contact details: facilitators and admins only, never exported."""

    __tablename__ = "member_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), unique=True)
    real_name: Mapped[str | None] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(Text)

    member: Mapped[Member] = relationship(back_populates="contact")


class ConsentRecord(Model):
    """One consent decision; records are only ever added, so history is kept."""

    __tablename__ = "consent_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    take_part: Mapped[bool] = mapped_column(default=False)
    may_quote: Mapped[bool] = mapped_column(default=False)
    may_quote_with_demographics: Mapped[bool] = mapped_column(default=False)
    audio_recording: Mapped[bool] = mapped_column(default=False)
    withdrawn: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))

    member: Mapped[Member] = relationship(back_populates="consents")
    recorded_by: Mapped[User | None] = relationship()

    def summary(self) -> str:
        if self.withdrawn:
            return "Withdrawn"
        if not self.take_part:
            return "Does not take part"
        parts = ["Takes part"]
        if self.may_quote_with_demographics:
            parts.append("may be quoted with demographic details")
        elif self.may_quote:
            parts.append("may be quoted")
        else:
            parts.append("not to be quoted")
        if self.audio_recording:
            parts.append("audio may be recorded")
        return ", ".join(parts).capitalize()
