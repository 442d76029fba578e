"""Search a consultation's usable segments by meaning (cached embeddings) and by keyword."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
from sqlalchemy import select

from forum.extensions import db
from forum.models import Segment
from forum.services.segments import usable_segments

from analysis.models import CodebookEntry, SegmentQuestionMap, Theme, ThemeSegment

# Words of a question that say nothing about its subject.
ASKING = frozenset("""what whats did does do say said says tell told think thought member members
people person about anyone someone anybody everyone how why when where who which were was is are
the a an of on in to for and or with any there their they them our we us me my i you your it its
this that these those have has had feel felt talk talked talking mention mentioned""".split())
MIN_SIMILARITY = 0.3
# A code's centre (description and examples) sits closer to everything on its subject than a
# short query does, so its similarities count for less: 0.55 to a code ~ 0.3 to the query.
CODE_OFFSET = 0.25
KEYWORD_BONUS = 0.25
LIMIT = 50
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
    theme: Optional[Theme]
    score: float
    keyword: bool
    similarity: Optional[float]
    reasons: list[str] = field(default_factory=list)


def keywords(query: str) -> list[str]:
    """The words of a query worth matching ("what did members say about breach?" -> breach).

    Args:
        query: what was typed.

    Returns:
        Lower-case words, in order, without asking words.
    """
    words = re.findall(r"[a-z0-9]+(?:'[a-z]+)?", query.lower())
    return [w for w in dict.fromkeys(words) if w not in ASKING and len(w) > 1]


def _keyword_pattern(words: list[str]):
    if not words:
        return None
    # Stems cover breach/breached/breaches/breaching and house/housing.
    stems = [re.escape(w[:-1] if w.endswith("e") and len(w) > 4 else w) for w in words]
    return re.compile(r"\b(?:" + "|".join(stems) + r")[a-z]*", re.IGNORECASE)


def _filtered(consultation_id: int, filters: Filters, theme_of: dict[int, Theme]):
    mapped = dict(db.session.execute(select(SegmentQuestionMap.segment_id,
                                             SegmentQuestionMap.question_id)).all())
    key, _, value = filters.group.partition("=")
    from analysis.services.themes import GROUP_FIELDS

    for segment in usable_segments(consultation_id):
        if filters.source and segment.source_type.value != filters.source:
            continue
        question = segment.question_id or mapped.get(segment.id)
        if filters.question and str(question) != filters.question:
            continue
        theme = theme_of.get(segment.id)
        if filters.theme == NOT_GROUPED and theme is not None:
            continue
        if filters.theme not in ("", NOT_GROUPED) and (theme is None or str(theme.id) != filters.theme):
            continue
        if key in GROUP_FIELDS and (segment.member is None
                                    or getattr(segment.member, GROUP_FIELDS[key]) != value):
            continue
        yield segment


def search_segments(consultation_id: int, query: str, filters: Filters, embedder=None) -> list[Hit]:
    """Find segments about what was asked, by meaning and by keyword, best first.

    Args:
        consultation_id: the consultation.
        query: plain words or a question.
        filters: source, question, theme and group to narrow by.
        embedder: embeds the query (None: keyword search only).

    Returns:
        Up to 50 hits; a segment matches when it shares a keyword or its meaning is close.
    """
    theme_of = {link.segment_id: link.theme for link in db.session.scalars(
        select(ThemeSegment).join(Theme).where(Theme.consultation_id == consultation_id))}
    rows = list(_filtered(consultation_id, filters, theme_of))
    pattern = _keyword_pattern(keywords(query))
    similarity = (_similarities(rows, query, _matching_codes(consultation_id, pattern), embedder)
                  if embedder is not None and rows and query.strip() else {})
    hits = []
    for segment in rows:
        found = bool(pattern and pattern.search(segment.text))
        close = similarity.get(segment.id)
        if not found and (close is None or close < MIN_SIMILARITY):
            continue
        reasons = (["keyword"] if found else []) + (
            ["meaning"] if close is not None and close >= MIN_SIMILARITY else [])
        hits.append(Hit(segment, theme_of.get(segment.id), (close or 0.0) + KEYWORD_BONUS * found,
                        found, close, reasons))
    hits.sort(key=lambda h: (-h.score, h.segment.id))
    return hits[:LIMIT]


def _matching_codes(consultation_id: int, pattern) -> list[CodebookEntry]:
    """Codebook entries whose name or search terms share a word with the query."""
    if pattern is None:
        return []
    entries = db.session.scalars(select(CodebookEntry).where(
        CodebookEntry.consultation_id == consultation_id))
    return [e for e in entries if pattern.search(" ".join([e.name, *(e.search_terms or [])]))]


def _similarities(rows: list[Segment], query: str, codes, embedder) -> dict[int, float]:
    """Cosine similarity of each segment to the query, or to a code the query names.

    "breach" alone sits far from "I was recalled for missing curfew", but the codebook's
    breach code (its description and examples) sits close, so a query naming a code also
    finds what was said about the code in other words.
    """
    from analysis.services.embeddings import DbEmbeddingCache
    from analysis.themes import embed_texts
    from analysis.themes.embed import normalise_rows
    from analysis.themes.guide import embed_free_texts

    cache = DbEmbeddingCache()
    stored = cache.get_many([s.text_hash for s in rows], embedder.name)
    if not stored:
        return {}
    targets = [(embed_texts([query], embedder)[0], 0.0)]
    for code in codes:
        anchors = embed_free_texts([code.description, *(code.examples or [])], embedder, cache)
        targets.append((normalise_rows(anchors.mean(axis=0, keepdims=True))[0], CODE_OFFSET))
    db.session.commit()  # keep any anchor vectors just embedded, so the next search is quick
    out = {}
    for segment in rows:
        found = stored.get(segment.text_hash)
        if found is None or found.shape != targets[0][0].shape:
            continue
        found = found / (float(np.linalg.norm(found)) or 1.0)
        out[segment.id] = max(float(found @ vector) - offset for vector, offset in targets)
    return out
