"""Teach themes by example: people's decisions about segments become a consultation's classifier.

What counts as a person's decision about a segment's theme, read from where it is already
recorded: a segment placed by a person (moved, merged in, "Right theme", an agreement fix:
``ThemeSegment.placed_by``), "Not grouped" (``UngroupedSegment``), a theme a person moved
it out of (the theme history), and a confirmed or rejected codebook match on the coding
page (for the theme of that code). ``rerun_placements`` is the re-run's hook: it runs
``analysis.core.themes.learning`` (person, then classifier, then clustering) in the worker.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np
from sqlalchemy import select

from analysis.models import (
    BY_JOINED,
    BY_LEARNED,
    BY_MODEL,
    BY_PERSON,
    CodebookEntry,
    CodingDecision,
    Decision,
    Theme,
    ThemeEdit,
    UngroupedSegment,
)
from forum.extensions import db

MOVES = ("move",)
SOURCE_TEXT = {BY_PERSON: "Confirmed by a person", BY_LEARNED: "Learned from examples",
               BY_JOINED: "Joined after the analysis", BY_MODEL: "Grouped by the analysis"}

__all__ = ["MOVES", "SOURCE_TEXT", "ThemePair", "carry_decisions", "min_examples",
           "people_decisions", "placement_counts", "placements", "rerun_placements"]


if TYPE_CHECKING:
    from analysis.core.themes.schema import AnalysisResult, FoundTheme, SegmentInput

# (theme before the run or None, the run's theme or None, the segment ids it ends with)
ThemePair = tuple[Theme | None, "FoundTheme | None", set[int]]


class HashedSegment(Protocol):
    """A segment row or a ``SegmentInput``: all the decisions read of it."""

    @property
    def id(self) -> int: ...

    @property
    def text_hash(self) -> str: ...


def min_examples() -> int:
    """Returns: confirmed segments a theme needs before the classifier learns it."""
    from analysis.core.themes.learning import LearningOptions

    return LearningOptions.min_examples


def _moved_out(consultation_id: int, segment_ids: set[int]) -> dict[int, set[int]]:
    """{segment id: themes a person moved it out of} from edits not undone."""
    out: dict[int, set[int]] = {}
    edits = db.session.scalars(select(ThemeEdit).where(
        ThemeEdit.consultation_id == consultation_id, ThemeEdit.kind.in_(MOVES),
        ThemeEdit.undone_at.is_(None)).order_by(ThemeEdit.id))
    for edit in edits:
        after = edit.after.get("themes", {})
        for key, data in edit.before.get("themes", {}).items():
            if key not in after:
                continue
            kept = {link[0] for link in after[key]["links"]}
            for segment_id, *_ in data["links"]:
                if segment_id not in kept and segment_id in segment_ids:
                    out.setdefault(segment_id, set()).add(int(key))
    return out


def _coding_verdicts(consultation_id: int, themes: Sequence[Theme],
                     segments: Sequence[HashedSegment],
                     ) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """({segment id: themes confirmed on the coding page}, {segment id: themes rejected there})
    for themes that came from a codebook code."""
    by_code: dict[str, int] = {}
    for theme in themes:
        if theme.code:
            by_code.setdefault(theme.code, theme.id)
    rows = db.session.execute(select(CodingDecision.text_hash, CodingDecision.decision,
                                     CodebookEntry.name)
                              .join(CodebookEntry, CodebookEntry.id == CodingDecision.entry_id)
                              .where(CodebookEntry.consultation_id == consultation_id))
    by_hash: dict[str, list[int]] = {}
    for s in segments:
        by_hash.setdefault(s.text_hash, []).append(s.id)
    confirmed: dict[int, set[int]] = {}
    rejected: dict[int, set[int]] = {}
    for text_hash, decision, name in rows:
        if name not in by_code:
            continue
        target = confirmed if decision == Decision.CONFIRMED else rejected
        for segment_id in by_hash.get(text_hash, ()):
            target.setdefault(segment_id, set()).add(by_code[name])
    return confirmed, rejected


def people_decisions(consultation_id: int, themes: Sequence[Theme],
                     segments: Sequence[HashedSegment],
                     ) -> tuple[dict[int, int | None], dict[int, set[int]]]:
    """What people decided about each segment's theme.

    Args:
        consultation_id: the consultation.
        themes: its current themes (with their links).
        segments: its usable segments (rows or ``SegmentInput``; ``id`` and ``text_hash``).

    Returns:
        (positive, negative): {segment id: theme id, or None for "Not grouped"} and
        {segment id: theme ids a person said it is not in}. A placement wins over a code
        confirmed on the coding page; a code confirmed for two themes decides nothing.
    """
    usable = {s.id for s in segments}
    positive: dict[int, int | None] = {link.segment_id: t.id for t in themes for link in t.links
                                       if link.placed_by == BY_PERSON and link.segment_id in usable}
    for segment_id in db.session.scalars(select(UngroupedSegment.segment_id).where(
            UngroupedSegment.consultation_id == consultation_id)):
        if segment_id in usable:
            positive.setdefault(segment_id, None)
    confirmed, rejected = _coding_verdicts(consultation_id, themes, segments)
    for segment_id, theme_ids in confirmed.items():
        if segment_id not in positive and len(theme_ids) == 1:
            positive[segment_id] = next(iter(theme_ids))
    negative: dict[int, set[int]] = {}
    for source in (_moved_out(consultation_id, usable), rejected):
        for segment_id, theme_ids in source.items():
            negative.setdefault(segment_id, set()).update(theme_ids)
    # A later decision for the same theme (moved back, confirmed) wins over an earlier "not".
    negative = {s: left for s, ids in negative.items() if (left := ids - {positive.get(s)})}
    return positive, negative


def rerun_placements(old: Sequence[Theme], result: AnalysisResult,
                     segments: Sequence[SegmentInput], matched: dict[int, int],
                     ) -> tuple[dict[int, tuple[Hashable | None, str, float | None]],
                                dict[int, int]]:
    """Where each segment goes on a re-run: a person's decision, else the classifier's theme
    when it is sure, else the clustering's (``analysis.core.themes.learning``).

    Args:
        old: the consultation's themes before the run (with their links).
        result: the run's ``AnalysisResult``.
        segments: the ``SegmentInput`` rows it analysed.
        matched: {new theme id: old theme id} paired by overlap.

    Returns:
        (final, matched): final is {segment id: (key, source, confidence)} where key is
        ("old", theme id), ("new", result theme id) or None (not grouped), source is
        person, learned or model, and confidence the classifier's probability for a
        learned placement (None for the others); matched adds the pairs taught themes
        claimed.
    """
    from analysis.core.themes import learning
    from analysis.core.themes.learning import (
        Examples,
        LearningOptions,
        claim_clusters,
        combine,
        learned_assignments,
        taught,
    )

    source_of = {learning.PERSON: BY_PERSON, learning.LEARNED: BY_LEARNED,
                 learning.CLUSTERED: BY_MODEL}

    ordered = sorted(segments, key=lambda s: s.id)
    row_of = {s.id: row for row, s in enumerate(ordered)}
    key_of: dict[int, Hashable] = {
        t.id: ("old", matched[t.id]) if t.id in matched else ("new", t.id) for t in result.themes}
    clustered: list[Hashable | None] = [None] * len(ordered)
    for theme in result.themes:
        for segment_id in theme.segment_ids:
            if segment_id in row_of:
                clustered[row_of[segment_id]] = key_of[theme.id]
    positive, negative = (people_decisions(old[0].consultation_id, old, ordered) if old
                          else ({}, {}))
    examples = Examples(
        positive={row_of[s]: ("old", t) if t is not None else None for s, t in positive.items()},
        negative={row_of[s]: frozenset(("old", t) for t in ids) for s, ids in negative.items()})
    options = LearningOptions()
    claimed = claim_clusters(examples, clustered, options.min_examples)
    for new_id, key in key_of.items():
        old_key = claimed.get(key)
        if isinstance(old_key, tuple):  # ("old", theme id), as the examples' keys are
            matched = {**matched, new_id: old_key[1]}
    clustered = [claimed.get(k, k) for k in clustered]
    # Vectors only when a theme is taught: with none, a re-run needs no classifier at all.
    learned = (learned_assignments(_vectors(ordered), examples, clustered, options)
               if taught(examples, options.min_examples) else {})
    # A learned placement keeps how sure the classifier was, for the theme pages.
    final = {ordered[row].id: (key, source_of[source],
                               learned[row][1] if source == learning.LEARNED else None)
             for row, (key, source) in enumerate(combine(examples, learned, clustered))}
    return final, matched


def _vectors(ordered: Sequence[SegmentInput]) -> np.ndarray:
    """The rows the clustering grouped: each segment among its neighbours (cached vectors)."""
    from analysis.core.themes import context_vectors, embed_segments
    from analysis.services.embeddings import DbEmbeddingCache, current_embedder

    cache = DbEmbeddingCache(segments=frozenset(s.text_hash for s in ordered))
    return context_vectors(ordered, embed_segments(ordered, current_embedder(), cache))


def placements(consultation_id: int, themes: Sequence[Theme]) -> dict[int, dict[int, str]]:
    """Who placed each segment of each theme, for the theme pages.

    Args:
        consultation_id: the consultation.
        themes: its themes (with their links).

    Returns:
        {theme id: {segment id: BY_PERSON (a confirmed example: the classifier's training
        data), BY_LEARNED (placed by the classifier), BY_JOINED (joined the saved model's
        theme after the run) or BY_MODEL (by the clustering)}}.
    """
    from forum.services.segments import usable_segments

    positive, _ = people_decisions(consultation_id, themes, usable_segments(consultation_id))
    return {theme.id: {link.segment_id: BY_PERSON if positive.get(link.segment_id) == theme.id
                       else (link.placed_by if link.placed_by in (BY_LEARNED, BY_JOINED)
                             else BY_MODEL)
                       for link in theme.links} for theme in themes}


def placement_counts(placed: dict[int, dict[int, str]]) -> dict[int, Counter[str]]:
    """Args: ``placements`` output. Returns: {theme id: Counter of person/learned/model/joined}."""
    return {theme_id: Counter(by.values()) for theme_id, by in placed.items()}


def carry_decisions(old: list[Theme], result: AnalysisResult, segments: Sequence[SegmentInput],
                    ) -> tuple[list[ThemePair], dict[int, tuple[str, float | None]]]:
    """Work out each theme's final segments: people's decisions, then the classifier taught by
    them where it is sure, then the clustering.

    Args:
        old: the consultation's themes before the run.
        result: the run's result.
        segments: the segments the run analysed.

    Returns:
        (pairs, placed_by): pairs is a list of (old Theme or None, new result Theme or None,
        segment ids); placed_by maps segment id -> (BY_PERSON, BY_LEARNED or BY_MODEL, the
        classifier's confidence for BY_LEARNED, else None).
    """
    from analysis.core.themes import match_previous_themes

    previous = {t.id: [link.segment_id for link in t.links] for t in old}
    matched = match_previous_themes(previous, result) if old else {}
    final, matched = rerun_placements(old, result, segments, matched)
    members: dict[Hashable, set[int]] = {}
    for segment_id, (key, _, _) in final.items():
        if key is not None:
            members.setdefault(key, set()).add(segment_id)
    old_by_id = {t.id: t for t in old}
    pairs: list[ThemePair] = [
        (old_by_id[matched[t.id]], t, members.get(("old", matched[t.id]), set()))
        if t.id in matched else (None, t, members.get(("new", t.id), set()))
        for t in result.themes]
    kept = set(matched.values())
    # A theme the model no longer finds survives while it holds segments people placed there.
    pairs += [(t, None, members[("old", t.id)]) for t in old
              if t.id not in kept and members.get(("old", t.id))]
    # A cluster the classifier emptied (its segments went to taught themes) is no theme.
    pairs = [pair for pair in pairs if pair[2]]
    return pairs, {segment_id: (source, sure) for segment_id, (_, source, sure) in final.items()}
