"""How themes spread over a consultation's questions, for the themes page and drafting.

Which question a segment answers is ``analysis.services.question_map.question_of``'s rule:
a person's link on the segment wins, otherwise the question the mapping suggested.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from analysis.models import Theme, ThemeSegment
from forum.extensions import db
from forum.models import Question, Segment
from forum.services.segments import usable_segments

# Up to this many segments, their questions are read for them alone (an IN list of ids).
NARROW_UP_TO = 500


def segment_questions(segments: Iterable[Segment]) -> dict[int, int | None]:
    """The question each segment answers, by ``question_map.question_of`` (people's links first).

    Args:
        segments: Segment rows (of any consultations).

    Returns:
        {segment id: question id, or None when it answers none known}.
    """
    from analysis.services.question_map import question_of

    segments = list(segments)
    links: dict[int, int | None] = {}
    for consultation_id in {s.consultation_id for s in segments}:
        ids = [s.id for s in segments if s.consultation_id == consultation_id]
        # A page's worth (search hits, a theme's examples) reads only its own rows; a whole
        # consultation is read in one query rather than named id by id.
        only = ids if len(ids) <= NARROW_UP_TO else None
        links.update({sid: link.question_id
                      for sid, link in question_of(consultation_id, only).items()})
    # Segments the mapping does not read (held ones, say) keep a person's link, if any.
    return {s.id: links.get(s.id, s.question_id) for s in segments}


def _placements(consultation_id: int) -> list[tuple[Segment, int | None, int | None]]:
    """(segment, question id, theme id) for every usable segment; ids may be None."""
    usable = usable_segments(consultation_id)
    question_of = segment_questions(usable)
    theme_of = dict(db.session.execute(
        select(ThemeSegment.segment_id, ThemeSegment.theme_id).join(Theme)
        .where(Theme.consultation_id == consultation_id)).all())
    return [(s, question_of[s.id], theme_of.get(s.id)) for s in usable]


def themes_by_question(consultation_id: int) -> dict[int | None, Counter[int | None]]:
    """How many usable segments of each theme answer each question.

    Args:
        consultation_id: the consultation.

    Returns:
        {question id: Counter({theme id: segments})}; theme id None counts "Not grouped".
    """
    counts: dict[int | None, Counter[int | None]] = defaultdict(Counter)
    for _, question_id, theme_id in _placements(consultation_id):
        counts[question_id][theme_id] += 1
    return counts


def members_by_question(consultation_id: int, question_id: int) -> dict[int | None, int]:
    """Args: consultation, question. Returns: {theme id (None: Not grouped): distinct members}."""
    members: dict[int | None, set[int]] = defaultdict(set)
    for segment, asked, theme_id in _placements(consultation_id):
        if asked == question_id and segment.member_id is not None:
            members[theme_id].add(segment.member_id)
    return {theme_id: len(ids) for theme_id, ids in members.items()}


def order_for_question(themes: list[Theme],
                       counts: Counter[int | None]) -> list[tuple[Theme, int]]:
    """Themes with segments answering the question first (most first), then the rest in order.

    Args:
        themes: themes in their usual order.
        counts: {theme id: segments answering the question} (from ``themes_by_question``).

    Returns:
        (theme, segments answering the question) pairs.
    """
    ranked = sorted(themes, key=lambda t: (-counts.get(t.id, 0), themes.index(t)))
    return [(t, counts.get(t.id, 0)) for t in ranked]


def question_view(consultation_id: int, question: Question,
                  themes: list[Theme]) -> dict[str, Any]:
    """Themes in answers to one question, most segments first, and its "Not grouped" count.

    Args:
        consultation_id: the consultation.
        question: one of its questions.
        themes: its themes, in their order.

    Returns:
        {"rows": [(theme, segments, members)], "not_grouped": n, "total": n}.
    """
    counts = themes_by_question(consultation_id).get(question.id, Counter())
    members = members_by_question(consultation_id, question.id)
    rows = [(t, n, members.get(t.id, 0)) for t, n in order_for_question(themes, counts) if n]
    return {"rows": rows, "not_grouped": counts.get(None, 0), "total": sum(counts.values())}
