"""Figures written from the data: who was heard, the methods paragraph, theme counts."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from forum.extensions import db
from forum.models import FocusGroupSession, Member, Segment, SegmentSource, Transcript
from forum.services.segments import usable_segments
from exports.document import ThemeFigure

QUOTES_LINE = "All quotes are from forum members unless stated otherwise."


@dataclass(frozen=True)
class Evidence:
    """What a consultation heard, counting only people who agree to take part."""

    members: list[Member]
    focus_group_dates: list[date]
    survey_responses: int
    segments: list[Segment]


def gather_evidence(consultation_id: int) -> Evidence:
    """Count members, focus groups and survey responses behind a consultation.

    Args:
        consultation_id: the consultation.

    Returns:
        Evidence built from usable segments (consent to take part, not held) and survey
        responses from members who take part or answered anonymously.
    """
    from surveys.models import Survey, SurveyResponse, SurveyVersion

    segments = usable_segments(consultation_id)
    member_ids = {s.member_id for s in segments if s.member_id is not None}
    transcript_ids = {s.source_id for s in segments if s.source_type == SegmentSource.TRANSCRIPT}
    dates = sorted(set(db.session.scalars(
        select(FocusGroupSession.held_on).join(Transcript)
        .where(Transcript.id.in_(transcript_ids)))) if transcript_ids else [])
    responses = db.session.execute(
        select(SurveyResponse.id, SurveyResponse.member_id)
        .join(SurveyVersion, SurveyVersion.id == SurveyResponse.version_id)
        .join(Survey, Survey.id == SurveyVersion.survey_id)
        .where(Survey.consultation_id == consultation_id)).all()
    everyone = {m.id: m for m in db.session.scalars(select(Member))}
    kept = 0
    for _, member_id in responses:
        member = everyone.get(member_id)
        if member_id is None:
            kept += 1
        elif member is not None and _takes_part(member):
            kept += 1
            member_ids.add(member_id)
    members = [everyone[i] for i in sorted(member_ids) if i in everyone]
    return Evidence(members, dates, kept, segments)


def _takes_part(member: Member) -> bool:
    consent = member.consent
    return bool(consent and consent.take_part and not consent.withdrawn)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _date_list(dates: list[date]) -> str:
    words = [f"{d.day} {d:%B %Y}" for d in dates]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def methods_paragraph(evidence: Evidence) -> str:
    """The methods paragraph, e.g. "This response draws on what 9 forum members told us ...".

    Args:
        evidence: from ``gather_evidence``.

    Returns:
        One paragraph ending with the line that all quotes are from forum members.
    """
    sources = []
    if evidence.focus_group_dates:
        sources.append(f"{_plural(len(evidence.focus_group_dates), 'focus group')} "
                       f"({_date_list(evidence.focus_group_dates)})")
    if evidence.survey_responses:
        sources.append(_plural(evidence.survey_responses, "survey response"))
    if not sources:
        return f"This response does not yet draw on anything forum members told us. {QUOTES_LINE}"
    people = _plural(len(evidence.members), "forum member")
    return f"This response draws on what {people} told us in {' and '.join(sources)}. {QUOTES_LINE}"


def theme_figures(themes, evidence: Evidence) -> tuple[ThemeFigure, ...]:
    """How many distinct members raised each theme, counting only usable segments.

    Args:
        themes: Theme rows, in the order to print.
        evidence: from ``gather_evidence`` for the same consultation.

    Returns:
        One ThemeFigure per theme.
    """
    usable = {s.id: s.member_id for s in evidence.segments}
    total = len(evidence.members)
    figures = []
    for theme in themes:
        members = {usable[link.segment_id] for link in theme.links
                   if usable.get(link.segment_id) is not None}
        figures.append(ThemeFigure(theme.label, len(members), total))
    return tuple(figures)
