"""Search a consultation's segments by keyword (the database's full-text index) and by meaning.

What is searched is ``searchable_segments``: members' usable segments (the consent rule)
and public document passages. Similarities come from the worker (``analysis.services.meaning``).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute

from analysis.models import SegmentQuestionMap, Theme, ThemeSegment
from analysis.services.meaning import MIN_SIMILARITY
from analysis.services.query_words import keywords
from analysis.services.question_map import decided_by_person

__all__ = ["Filters", "Hit", "Results", "keyword_ids", "keyword_scores", "keywords",
           "search_results", "search_segments", "sources"]
from forum.extensions import db
from forum.models import Segment, SegmentSource
from forum.models.segment_search import keyword_match
from forum.services.segments import searchable_segments

LIMIT = 50
# What says the words is listed first, apart from what is only close in meaning: a long
# passage saying "breaching" is rarely as close in meaning as a short remark about recall.
# A common word is said by hundreds of segments, and filled the whole page with them: they
# take at most this many places while some segments are close in meaning only.
KEYWORD_PLACES = 35
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


@dataclass
class Results:
    """A search's hits in groups: segments saying the query's words, best first, then
    segments only close in meaning, closest first (filters alone: all in ``said``).

    Over every source, when members' words are among the hits, documents' passages are a
    third group after both: what members said, even only close in meaning, comes first."""

    said: list[Hit]
    near: list[Hit]
    more_said: bool = False  # more segments say the words than ``said`` shows
    grouped: bool = True  # False when only filters were given: one list in source order
    documents: list[Hit] = field(default_factory=list)  # saying the words first, then close
    more_documents: bool = False  # passages left out for want of places

    @property
    def hits(self) -> list[Hit]:
        """Args: none. Returns: every hit, members' groups first, then documents."""
        return self.said + self.near + self.documents


def keyword_ids(consultation_id: int, words: list[str]) -> set[int]:
    """Ids of the consultation's segments holding any of the terms, in any form.

    The database stems both sides (SQLite FTS5 porter, PostgreSQL english), so "breach"
    finds "breached" and "breaching"; its own prefix and phrase queries find "hous*" and
    "missed appointment", and a phrase mixing both ("keep evicti*") has its prefixes' words
    put in (``phrase_forms``).

    Args:
        consultation_id: the consultation.
        words: terms from ``keywords`` (words, prefixes, phrases).

    Returns:
        Segment ids (not yet narrowed by consent or filters).
    """
    if not words:
        return set()
    from analysis.services.prefix_phrases import phrase_forms, stop_prefixed

    # "keep evicti*": the prefix's words put in ("keep evicting"), found in any form.
    words = words + [form for term in words for form in phrase_forms(consultation_id, term)]
    written = stop_prefixed(words)  # "keep a*": PostgreSQL's stemmed query reads "keep"
    return set(db.session.scalars(select(Segment.id).where(
        Segment.consultation_id == consultation_id,
        keyword_match(db.engine.dialect.name, [w for w in words if w not in written],
                      written))))


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


def sources(consultation_id: int) -> set[str]:
    """Args: a consultation id. Returns: the kinds of source its segments come from."""
    return {kind.value for kind in db.session.scalars(
        select(Segment.source_type).where(Segment.consultation_id == consultation_id).distinct())}


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
        question = segment.question_id if decided_by_person(segment) else mapped.get(segment.id)
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


def _best(consultation_id: int, filters: Filters, order: list[int], want: int,
          make: Callable[[Segment, Theme | None], Hit]) -> list[Hit]:
    """The first ``want`` candidates of ``order`` (best first) the consent rule and the
    filters leave, read a chunk at a time: over 50,000 segments only a few hundred rows."""
    rank = {sid: place for place, sid in enumerate(order)}
    hits: list[Hit] = []
    start, size = 0, FIRST_CHUNK
    while start < len(order) and len(hits) < want:
        chunk = set(order[start:start + size])
        start, size = start + size, min(2 * size, MAX_CHUNK)
        theme_of = _themes_of(consultation_id, chunk)
        hits += [make(s, theme_of.get(s.id)) for s in _filtered(consultation_id, filters,
                                                                  theme_of, chunk)]
    hits.sort(key=lambda h: rank[h.segment.id])
    return hits[:want]


def search_results(consultation_id: int, query: str, filters: Filters,
                   similarity: dict[int, float] | None = None) -> Results:
    """Find segments about what was asked: those saying its words, then those close in meaning.

    Without words, the segments the filters leave are listed in source order.

    Args:
        consultation_id: the consultation.
        query: plain words or a question.
        filters: source, question, theme and group to narrow by.
        similarity: {segment id: similarity} from ``ask_meaning`` (None: keyword search only).

    Returns:
        ``Results`` of up to 50 hits in all; segments saying the words take at most
        ``KEYWORD_PLACES`` of them while others are close in meaning only.
    """
    similarity = similarity or {}
    if not query.strip():
        theme_of = _themes_of(consultation_id, None)
        rows = _filtered(consultation_id, filters, theme_of, None)
        return Results([Hit(s, theme_of.get(s.id), 0.0, False, None)
                        for s in islice(rows, LIMIT)], [], grouped=False)
    close = {sid: near for sid, near in similarity.items() if near >= MIN_SIMILARITY}
    said = keyword_scores(consultation_id, keywords(query))
    score = {sid: share + close.get(sid, 0.0) for sid, share in said.items()}
    only_near = [sid for sid in close if sid not in said]

    def hit(segment: Segment, theme: Theme | None) -> Hit:
        found = segment.id in said
        meaning = segment.id in close
        return Hit(segment, theme, score[segment.id] if found else close[segment.id], found,
                   similarity.get(segment.id), ["keyword"] * found + ["meaning"] * meaning)

    # Over every source, members' words come first: the page is "Search what members said",
    # and a police plan saying "breach" (long, close in meaning) led it. Documents follow
    # both of members' groups, in the places left.
    documents = _document_ids(consultation_id) if not filters.source else set()
    saying = _best(consultation_id, filters,
                   sorted(score, key=lambda s: (s in documents, -score[s], s)), LIMIT + 1, hit)
    near = _best(consultation_id, filters,
                 sorted(only_near, key=lambda s: (s in documents, -close[s], s)), LIMIT, hit)
    members_said = [h for h in saying if h.segment.id not in documents]
    members_near = [h for h in near if h.segment.id not in documents]
    passages = [h for h in saying + near if h.segment.id in documents]
    # Members' words filling the places read no passage at all: one more look says if any match.
    read = {h.segment.id for h in passages}
    unread = [s for s in [*score, *only_near] if s in documents and s not in read]
    if not members_said and not members_near:  # documents alone: grouped as members' words
        members_said, members_near, passages, unread = saying, near, [], []
    shown = members_said[:max(KEYWORD_PLACES, LIMIT - len(members_near))]
    members_near = members_near[:LIMIT - len(shown)]
    room = LIMIT - len(shown) - len(members_near)
    more = len(passages) > room or bool(unread and _best(consultation_id, filters, unread, 1, hit))
    return Results(shown, members_near, more_said=len(members_said) > len(shown),
                   documents=passages[:room], more_documents=more)


def _document_ids(consultation_id: int) -> set[int]:
    return set(db.session.scalars(select(Segment.id).where(
        Segment.consultation_id == consultation_id,
        Segment.source_type == SegmentSource.DOCUMENT)))


def search_segments(consultation_id: int, query: str, filters: Filters,
                    similarity: dict[int, float] | None = None) -> list[Hit]:
    """Find segments about what was asked, by keyword and by meaning (``search_results``).

    Args:
        consultation_id: the consultation.
        query: plain words or a question.
        filters: source, question, theme and group to narrow by.
        similarity: {segment id: similarity} from ``ask_meaning`` (None: keyword search only).

    Returns:
        Up to 50 hits: those saying the words first, then those only close in meaning.
    """
    return search_results(consultation_id, query, filters, similarity).hits
