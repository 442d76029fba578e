"""Figures written from the data: who was heard, the methods paragraph, theme counts."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from flask_babel import ngettext
from sqlalchemy import select

from analysis.core.redact import LABELS, placeholder
from analysis.core.word_list import word_list
from exports.document import Quote, ThemeFigure
from forum.extensions import db
from forum.models import FocusGroupSession, Member, Segment, SegmentSource, Transcript
from forum.services.segments import usable_segments

if TYPE_CHECKING:
    from analysis.models import Theme

QUOTES_LINE = "All quotes are from forum members unless stated otherwise."
# F1 and Cohen's kappa mean nothing to most readers of a response; both top out at 1.
AGREEMENT_SCALE = ("On both measures, 1 would mean the analyst and the software agreed on every "
                   "segment.")
# The redaction placeholders ("[name]", "[prison]"), not a transcriber's "[laughs]" or "[sic]".
PLACEHOLDER = re.compile("|".join(re.escape(placeholder(label)) for label in LABELS),
                         re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    """What a consultation heard, counting only people who agree to take part."""

    members: list[Member]
    # One date per focus group heard (two held the same day give the day twice), in order.
    focus_group_dates: list[date]
    survey_responses: int
    segments: list[Segment]
    # The measured agreement with a blind analyst, as a sentence ("" when not measured).
    agreement: str = ""
    # Why no agreement is stated though a sample was coded ("" when that is not so).
    agreement_shortfall: str = ""


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
    # One date per focus group, not per day: two held the same day were counted as one.
    dates = sorted(held_on for _id, held_on in db.session.execute(
        select(FocusGroupSession.id, FocusGroupSession.held_on).distinct().join(Transcript)
        .where(Transcript.id.in_(transcript_ids)))) if transcript_ids else []
    members = list(db.session.scalars(select(Member).where(Member.id.in_(member_ids))
                                      .order_by(Member.id)))
    from analysis.services.agreement_report import agreement_sentence, agreement_shortfall

    return Evidence(members, dates, responses, segments, agreement_sentence(consultation_id),
                    agreement_shortfall(consultation_id))


def placeholders_in(quotes: Iterable[Quote]) -> tuple[str, ...]:
    """The redaction placeholders the printed quotes hold.

    Args:
        quotes: the quotes the response prints.

    Returns:
        Each placeholder once ("[name]", "[prison]"), sorted; empty when there are none.
    """
    return tuple(sorted({m.group() for q in quotes for m in PLACEHOLDER.finditer(q.text)}))


def methods_paragraph(evidence: Evidence, placeholders: Sequence[str] = ()) -> str:
    """The methods paragraph, e.g. "This response draws on what 9 forum members told us ...".

    Args:
        evidence: from ``gather_evidence``.
        placeholders: redaction placeholders in the printed quotes (``placeholders_in``),
            which the paragraph then explains.

    Returns:
        One paragraph, with the measured agreement with a blind analyst when there is one,
        what any placeholders stand for, ending with the line that all quotes are from forum
        members.
    """
    sources = []
    # GOV.UK style writes 'one' in running text, other counts in figures ("3 focus groups").
    dates = evidence.focus_group_dates
    if dates:
        sources.append(ngettext("one focus group", "%(num)d focus groups", len(dates))
                       + f" ({_days(dates)})")
    if evidence.survey_responses:
        sources.append(ngettext("one survey response", "%(num)d survey responses",
                                evidence.survey_responses))
    if not sources:
        return f"This response does not yet draw on anything forum members told us. {QUOTES_LINE}"
    people = ngettext("one forum member", "%(num)d forum members", len(evidence.members))
    agreement = f" {evidence.agreement} {AGREEMENT_SCALE}" if evidence.agreement else ""
    if evidence.agreement_shortfall and not evidence.agreement:
        agreement = f" {evidence.agreement_shortfall}"
    brackets = ""
    if placeholders:
        brackets = (f" Words in square brackets, such as {word_list(placeholders, 'or')}, stand "
                    "in for details that could identify someone.")
    return (f"This response draws on what {people} told us in {' and '.join(sources)}."
            f"{agreement}{brackets} {QUOTES_LINE}")


PAIR = 2  # two focus groups on one day are "both on" it, more "all on" it


def _days(dates: Sequence[date]) -> str:
    """The days of the focus groups, each once: "3 March 2026 and 10 March 2026", "both on 3
    March 2026", "2 on 3 March 2026 and one on 10 March 2026"."""
    held = Counter(dates)
    days = {day: f"{day.day} {day:%B %Y}" for day in held}
    if len(held) == len(dates):
        return word_list([days[day] for day in sorted(held)])
    if len(held) == 1:
        return ("both on " if len(dates) == PAIR else "all on ") + days[dates[0]]
    return word_list([ngettext("one on %(day)s", "%(num)d on %(day)s", held[day], day=days[day])
                      for day in sorted(held)])


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
