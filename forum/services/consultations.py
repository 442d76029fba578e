"""Consultations: save with their questions, and the figures shown on their page."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from flask import Flask
from sqlalchemy import func, select

from forum.extensions import db
from forum.models import Consultation, FocusGroupSession, Segment, SegmentSource
from forum.models.consultations import STILL_OPEN
from forum.models.sessions import session_members
from forum.services.consultation_questions import replace_questions
from forum.services.questions import ParsedQuestion
from forum.services.segments import usable_segment_facts


def save_consultation(consultation: Consultation, parsed: list[ParsedQuestion]) -> Consultation:
    """Save a consultation with its questions and sections from a parsed list."""
    replace_questions(consultation, parsed)
    db.session.add(consultation)
    db.session.commit()
    return consultation


def list_consultations() -> list[Consultation]:
    return list(db.session.scalars(
        select(Consultation).order_by(Consultation.deadline.is_(None), Consultation.deadline)))


def consultation_choices() -> list[tuple[int, str]]:
    """(id, title) for a "Consultation" select: those still open first, soonest deadline
    first, so the first (the one a new form starts on) is the one most likely meant; a
    consultation already submitted or closed says so after its title."""
    def still_open_first(c: Consultation) -> tuple[bool, bool, date, str]:
        return (c.status not in STILL_OPEN, c.deadline is None, c.deadline or date.max, c.title)

    return [(c.id, c.title if c.status in STILL_OPEN else f"{c.title} ({c.status.label.lower()})")
            for c in sorted(db.session.scalars(select(Consultation)), key=still_open_first)]


@dataclass(frozen=True)
class ConsultationFigures:
    members: int
    segments: int
    days_left: int | None
    # What the analysis may use (``usable_segment_facts``, the one consent and review rule).
    usable_members: int = 0
    usable_segments: int = 0


def consultation_figures(consultation: Consultation, today: date) -> ConsultationFigures:
    """Counts for the consultation page: members heard from and segments, all and usable."""
    segment_members = select(Segment.member_id).distinct().where(
        Segment.consultation_id == consultation.id, Segment.member_id.is_not(None))
    session_ids = select(FocusGroupSession.id).where(
        FocusGroupSession.consultation_id == consultation.id)
    attending = select(session_members.c.member_id).distinct().where(
        session_members.c.session_id.in_(session_ids))
    member_ids = set(db.session.scalars(segment_members)) | set(db.session.scalars(attending))
    segments = db.session.scalar(
        select(func.count(Segment.id)).where(Segment.consultation_id == consultation.id))
    usable, _ = usable_segment_facts(consultation.id)
    return ConsultationFigures(members=len(member_ids), segments=segments or 0,
                               days_left=consultation.days_to_deadline(today),
                               usable_members=len({r.member_id for r in usable if r.member_id}),
                               usable_segments=len(usable))


@dataclass(frozen=True)
class Source:
    """One place evidence for a consultation comes from, as listed on its page."""

    kind: str
    title: str
    url: str
    detail: str


SOURCE_PROVIDERS_KEY = "forum_source_providers"


def register_source_provider(app: Flask,
                             provider: Callable[[Consultation], list[Source]]) -> None:
    """Let a package above forum (surveys, analysis) list its sources on the page.

    Args:
        app: the Flask app.
        provider: callable taking a Consultation and returning a list of Source.
    """
    app.extensions.setdefault(SOURCE_PROVIDERS_KEY, []).append(provider)


def consultation_sources(consultation: Consultation,
                         providers: Iterable[Callable[[Consultation], list[Source]]],
                         ) -> list[Source]:
    """Focus groups and every registered provider's sources for one consultation."""
    from flask import url_for

    sources = [Source(SegmentSource.TRANSCRIPT.label, s.title,
                      url_for("sessions.show", session_id=s.id),
                      f"{s.held_on:%-d %B %Y}, {len(s.members)} members")
               for s in sessions_for(consultation)]
    for provider in providers:
        sources.extend(provider(consultation))
    return sources


def sessions_for(consultation: Consultation) -> list[FocusGroupSession]:
    return list(db.session.scalars(
        select(FocusGroupSession).where(FocusGroupSession.consultation_id == consultation.id)
        .order_by(FocusGroupSession.held_on)))
