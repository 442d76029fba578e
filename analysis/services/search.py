"""Search a consultation's segments by keyword (the database's full-text index) and by meaning.

What is searched is ``searchable_segments``: members' usable segments (the consent rule)
and public document passages. Similarities come from the worker (``analysis.services.meaning``).
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute

from analysis.models import SegmentQuestionMap, Theme, ThemeSegment
from analysis.services.meaning import MIN_SIMILARITY
from analysis.services.query_words import keywords

__all__ = ["Filters", "Hit", "keyword_ids", "keyword_scores", "keywords", "search_segments"]
from forum.extensions import db
from forum.models import Segment, SegmentSource
from forum.models.segment_search import keyword_match
from forum.services.segments import searchable_segments

# For a segment saying every word of the query (less for part of it). Above any meaning
# similarity, so what says the words comes first: a long passage saying "breaching" is
# rarely as close in meaning as a short remark about recall, and at 0.25 it came third.
KEYWORD_BONUS = 1.0
LIMIT = 50
# Candidates are read best first, a page and a bit at first (most pass the consent rule and
# the filters), twice as many each time after, until a page of hits is found.
FIRST_CHUNK = 64
MAX_CHUNK = 1024
NOT_GROUPED = "none"


@dataclass
class Filters:
    """What the search form narrows by; empty strings mean "any"."""

    source: str = ""
    question: str = ""
    theme: str = ""
    group: str = ""


@dataclass
class Hit:
    """One result: the segment, its theme (None: not grouped) and why it matched."""

    segment: Segment
    theme: Theme | None
    score: float
    keyword: bool
    similarity: float | None
    reasons: list[str] = field(default_factory=list)


def keyword_ids(consultation_id: int, words: list[str]) -> set[int]:
    """Ids of the consultation's segments holding any of the words, in any form.

    The database stems both sides (SQLite FTS5 porter, PostgreSQL english), so "breach"
    finds "breached" and "breaching".

    Args:
        consultation_id: the consultation.
        words: from ``keywords``.

    Returns:
        Segment ids (not yet narrowed by consent or filters).
    """
    if not words:
        return set()
    return set(db.session.scalars(select(Segment.id).where(
        Segment.consultation_id == consultation_id,
        keyword_match(db.engine.dialect.name, words))))


def keyword_scores(consultation_id: int, words: list[str]) -> dict[int, float]:
    """How much of the query each segment says, weighting rare words over common ones.

    "somewhere to live when you get out": a segment saying "somewhere to live" outranks one
    that only says "out". Each word weighs its inverse document frequency in the
    consultation, so words most segments hold count for little; words none holds count
    for nothing.

    Args:
        consultation_id: the consultation.
        words: from ``keywords``.

    Returns:
        {segment id: share of the query's weight it holds, 0 to 1} for segments holding any
        of the words (not yet narrowed by consent or filters).
    """
    # A word no segment says cannot tell segments apart: it weighs nothing. (Words PostgreSQL
    # never finds, its stop words, are already out of ``keywords``.)
    found = {word: ids for word in words if (ids := keyword_ids(consultation_id, [word]))}
    if not found:
        return {}
    total = db.session.scalar(select(func.count(Segment.id)).where(
        Segment.consultation_id == consultation_id)) or 1
    weight = {word: math.log((total + 1) / (len(ids) + 1)) + 1 for word, ids in found.items()}
    whole = sum(weight.values())
    scores: dict[int, float] = {}
    for word, ids in found.items():
        for sid in ids:
            scores[sid] = scores.get(sid, 0.0) + weight[word] / whole
    return scores


def _only(column: InstrumentedAttribute[int],
          ids: set[int] | None) -> list[ColumnElement[bool]]:
    return [] if ids is None else [column.in_(list(ids))]


def _themes_of(consultation_id: int, ids: set[int] | None) -> dict[int, Theme]:
    return {link.segment_id: link.theme for link in db.session.scalars(
        select(ThemeSegment).join(Theme).where(Theme.consultation_id == consultation_id,
                                               *_only(ThemeSegment.segment_id, ids)))}


def _filtered(consultation_id: int, filters: Filters, theme_of: dict[int, Theme],
              ids: set[int] | None) -> Iterator[Segment]:
    mapped = dict(db.session.execute(select(SegmentQuestionMap.segment_id,
                                             SegmentQuestionMap.question_id)
                                      .where(*_only(SegmentQuestionMap.segment_id, ids))).all())
    key, _, value = filters.group.partition("=")
    from analysis.services.inputs import GROUP_FIELDS

    # The consent rule is searchable_segments'; only the candidates are read through it.
    for segment in searchable_segments(consultation_id, ids):
        if filters.source and segment.source_type.value != filters.source:
            continue
        # Themes group members' words; documents belong to none, not even "Not grouped".
        if filters.theme and segment.source_type == SegmentSource.DOCUMENT:
            continue
        question = segment.question_id or mapped.get(segment.id)
        if filters.question and str(question) != filters.question:
            continue
        theme = theme_of.get(segment.id)
        if filters.theme == NOT_GROUPED and theme is not None:
            continue
        if filters.theme not in ("", NOT_GROUPED) and (theme is None
                                                       or str(theme.id) != filters.theme):
            continue
        if key in GROUP_FIELDS and (segment.member is None
                                    or getattr(segment.member, GROUP_FIELDS[key]) != value):
            continue
        yield segment


def search_segments(consultation_id: int, query: str, filters: Filters,
                    similarity: dict[int, float] | None = None) -> list[Hit]:
    """Find segments about what was asked, by keyword and by meaning, best first.

    Without words, the segments the filters leave are listed in source order.

    Args:
        consultation_id: the consultation.
        query: plain words or a question.
        filters: source, question, theme and group to narrow by.
        similarity: {segment id: similarity} from ``ask_meaning`` (None: keyword search only).

    Returns:
        Up to 50 hits; a segment matches when it shares a keyword or its meaning is close.
    """
    similarity = similarity or {}
    if not query.strip():
        theme_of = _themes_of(consultation_id, None)
        rows = _filtered(consultation_id, filters, theme_of, None)
        return [Hit(s, theme_of.get(s.id), 0.0, False, None) for s in islice(rows, LIMIT)]
    said = keyword_scores(consultation_id, keywords(query))
    found_ids = set(said)
    score = {sid: KEYWORD_BONUS * share for sid, share in said.items()}
    for sid, close in similarity.items():
        if close >= MIN_SIMILARITY:
            score[sid] = score.get(sid, 0.0) + close
    # Rank the candidates first, then read them best first, a chunk at a time, through the
    # consent rule and the filters: over 50,000 segments only a few hundred rows are read.
    order = sorted(score, key=lambda sid: (-score[sid], sid))
    hits: list[Hit] = []
    start, size = 0, FIRST_CHUNK
    while start < len(order):
        chunk = set(order[start:start + size])
        start, size = start + size, min(2 * size, MAX_CHUNK)
        theme_of = _themes_of(consultation_id, chunk)
        for segment in _filtered(consultation_id, filters, theme_of, chunk):
            found = segment.id in found_ids
            near = similarity.get(segment.id)
            meaning = near is not None and near >= MIN_SIMILARITY
            hits.append(Hit(segment, theme_of.get(segment.id), score[segment.id], found,
                            near, ["keyword"] * found + ["meaning"] * meaning))
        if len(hits) >= LIMIT:
            break  # every later candidate ranks below these
    hits.sort(key=lambda h: (-h.score, h.segment.id))
    return hits[:LIMIT]
