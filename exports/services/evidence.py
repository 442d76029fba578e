"""Figures written from the data: who was heard, the methods paragraph, theme counts."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from flask_babel import ngettext
from sqlalchemy import select

from exports.document import ThemeFigure
from forum.extensions import db
from forum.models import FocusGroupSession, Member, Segment, SegmentSource, Transcript
from forum.services.segments import usable_segments

if TYPE_CHECKING:
    from analysis.models import Theme

QUOTES_LINE = "All quotes are from forum members unless stated otherwise."
# F1 and Cohen's kappa mean nothing to most readers of a response; both top out at 1.
AGREEMENT_SCALE = ("On both measures, 1 would mean the analyst and the software agreed on every "
                   "segment.")


@dataclass(frozen=True)
class Evidence:
    """What a consultation heard, counting only people who agree to take part."""

    members: list[Member]
    focus_group_dates: list[date]
    survey_responses: int
    segments: list[Segment]
    # The measured agreement with a blind analyst, as a sentence ("" when not measured).
    agreement: str = ""


def gather_evidence(consultation_id: int) -> Evidence:
    """Count members, focus groups and survey responses behind a consultation.

    Args:
        consultation_id: the consultation.

    Returns:
        Evidence built from usable segments only (``usable_segments``: checked, not held,
        from members who take part or anonymous survey answers), as the themes page counts.
    """
    segments = usable_segments(consultation_id)
    # One rule for who was heard, the themes page's (``refresh_stats``): members with a usable
    # segment. A survey answer still waiting for a check, or held, is not heard yet.
    member_ids = {s.member_id for s in segments if s.member_id is not None}
    transcript_ids = {s.source_id for s in segments if s.source_type == SegmentSource.TRANSCRIPT}
    responses = len({s.source_id for s in segments if s.source_type == SegmentSource.SURVEY})
    dates = sorted(set(db.session.scalars(
        select(FocusGroupSession.held_on).join(Transcript)
        .where(Transcript.id.in_(transcript_ids)))) if transcript_ids else [])
    members = list(db.session.scalars(select(Member).where(Member.id.in_(member_ids))
                                      .order_by(Member.id)))
    from analysis.services.agreement import agreement_sentence

    return Evidence(members, dates, responses, segments, agreement_sentence(consultation_id))


def _date_list(dates: list[date]) -> str:
    words = [f"{d.day} {d:%B %Y}" for d in dates]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def methods_paragraph(evidence: Evidence) -> str:
    """The methods paragraph, e.g. "This response draws on what 9 forum members told us ...".

    Args:
        evidence: from ``gather_evidence``.

    Returns:
        One paragraph, with the measured agreement with a blind analyst when there is one,
        ending with the line that all quotes are from forum members.
    """
    sources = []
    if evidence.focus_group_dates:
        sources.append(ngettext("%(num)d focus group", "%(num)d focus groups",
                                len(evidence.focus_group_dates))
                       + f" ({_date_list(evidence.focus_group_dates)})")
    if evidence.survey_responses:
        sources.append(ngettext("%(num)d survey response", "%(num)d survey responses",
                                evidence.survey_responses))
    if not sources:
        return f"This response does not yet draw on anything forum members told us. {QUOTES_LINE}"
    people = ngettext("%(num)d forum member", "%(num)d forum members", len(evidence.members))
    agreement = f" {evidence.agreement} {AGREEMENT_SCALE}" if evidence.agreement else ""
    return (f"This response draws on what {people} told us in {' and '.join(sources)}."
            f"{agreement} {QUOTES_LINE}")


def theme_figures(themes: Iterable[Theme], evidence: Evidence) -> tuple[ThemeFigure, ...]:
    """How many distinct members raised each theme, counted as the themes page counts them.

    Args:
        themes: Theme rows, in the order to print.
        evidence: from ``gather_evidence`` for the same consultation.

    Returns:
        One ThemeFigure per theme, out of every member the response draws on.
    """
    from analysis.services.theme_store import theme_members

    heard = theme_members(themes, evidence.segments)
    return tuple(ThemeFigure(t.label, len(heard[t.id]), len(evidence.members)) for t in themes)
