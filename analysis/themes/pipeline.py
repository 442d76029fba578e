"""``run_analysis``: segments in, themes out, every stage swappable.

Stages: sort -> embed (cached) -> words -> group (codes, clusters, outliers) ->
describe (keywords, labels, quotes, counts) -> map questions. Heavy models load lazily
inside the default stage objects, so importing this module is cheap.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from .cluster import ClusterSettings, Clusterer, SpectralWardClusterer
from .describe import (breakdown_groups, co_occurrence, dominance, member_groups,
                       pick_representatives)
from .embed import Embedder, EmbeddingCache, embed_segments
from .group import group_segments
from .guide import embed_codebook, embed_free_texts
from .keywords import extract_keywords, make_labels
from .questions import map_questions
from .schema import (AnalysisResult, AnalysisSettings, Codebook, QuestionInput, SegmentInput,
                     Theme, ThemeOptions)
from .words import SegmentWords, WordAnalyser, analyse_words, default_word_analyser

__all__ = ["Progress", "ThemeDraft", "describe_themes", "run_analysis", "sort_segments"]

Progress = Callable[[str, int], None]


@dataclass
class ThemeDraft:
    """A theme before description: its rows, code, and a label to keep (None: make one)."""

    id: int
    rows: list[int]
    code: str | None
    is_new: bool
    label: str | None = None


def sort_segments(segments: Sequence[SegmentInput]) -> list[SegmentInput]:
    """Order segments by id so the same set always gives the same themes.

    Args:
        segments: in any order.

    Returns:
        A new list sorted by id.

    Raises:
        ValueError: when two segments share an id.
    """
    ordered = sorted(segments, key=lambda s: s.id)
    if len({s.id for s in ordered}) != len(ordered):
        raise ValueError("segment ids must be unique")
    return ordered


def describe_themes(drafts: Sequence[ThemeDraft], segments: Sequence[SegmentInput],
                    vectors: np.ndarray, words: Sequence[SegmentWords],
                    analyser: WordAnalyser, quotes: int = 5) -> list[Theme]:
    """Turn row groups into ``Theme`` records (keywords, label, quotes, counts, groups).

    Args:
        drafts: the themes; rows index into ``segments``.
        segments: all segments of the run (totals are counted over these).
        vectors: row-aligned unit vectors.
        words: row-aligned ``SegmentWords``.
        analyser: shows terms in display case.
        quotes: representative quotes wanted per theme.

    Returns:
        Themes in the order of ``drafts``.
    """
    grouped = {r for d in drafts for r in d.rows}
    rest = [r for r in range(len(segments)) if r not in grouped]
    # "Not grouped" is a class for c-TF-IDF too, so its words do not look rare.
    keywords = extract_keywords([d.rows for d in drafts] + [rest], words)[: len(drafts)]
    phrases = [[p for r in d.rows for p in words[r].phrases] for d in drafts]
    labels = make_labels(keywords, phrases, analyser.display,
                         fixed=[d.label for d in drafts])
    groups = member_groups(segments)
    member_total = len({s.member_id for s in segments if s.member_id is not None})
    source_total = len({s.source_key for s in segments})
    overlaps = co_occurrence({d.id: d.rows for d in drafts}, segments)
    themes = []
    for draft, words_of, label in zip(drafts, keywords, labels):
        members = {segments[r].member_id for r in draft.rows} - {None}
        flag, share = dominance(draft.rows, segments)
        themes.append(Theme(
            id=draft.id, label=label, code=draft.code, is_new=draft.is_new,
            keywords=[analyser.display(t) for t, _ in words_of],
            segment_ids=sorted(segments[r].id for r in draft.rows),
            representative_ids=pick_representatives(draft.rows, vectors, segments, quotes),
            segment_count=len(draft.rows), member_count=len(members), member_total=member_total,
            source_count=len({segments[r].source_key for r in draft.rows}),
            source_total=source_total, breakdown=breakdown_groups(members, groups),
            co_occurrence=overlaps[draft.id], dominated_by_one_member=flag,
            top_member_share=share))
    return themes


def _no_progress(stage: str, percent: int) -> None:
    return None


def run_analysis(segments: Sequence[SegmentInput], questions: Sequence[QuestionInput],
                 codebook: Codebook | None, embedder: Embedder, cache: EmbeddingCache | None,
                 *, seed: int = 0, progress: Progress | None = None,
                 words: WordAnalyser | None = None, clusterer: Clusterer | None = None,
                 options: ThemeOptions | None = None) -> AnalysisResult:
    """Find themes in segments, guided by a codebook, and map segments to questions.

    Args:
        segments: the consultation's usable segments (any order; ids unique).
        questions: the consultation's questions (may be empty).
        codebook: seed codes, or None/empty to discover themes freely.
        embedder: any ``Embedder`` (``MiniLMEmbedder()`` in production, a fake in tests).
        cache: any ``EmbeddingCache``; unchanged text is never embedded again.
        seed: recorded and passed to the clusterer.
        progress: callback(stage, percent) for the jobs page.
        words: a ``WordAnalyser``; defaults to the per-process spaCy one.
        clusterer: a ``Clusterer``; defaults to ``SpectralWardClusterer``.
        options: thresholds; defaults suit all-MiniLM-L6-v2.

    Returns:
        An ``AnalysisResult``: themes largest first (ids 0..), the ids not grouped,
        assignments for every segment, question links and the settings used.
    """
    progress = progress or _no_progress
    options = options or ThemeOptions()
    codebook = codebook or Codebook()
    words = words or default_word_analyser()
    clusterer = clusterer or SpectralWardClusterer()
    ordered = sort_segments(segments)

    progress("Embedding new segments", 5)
    vectors = embed_segments(ordered, embedder, cache)
    progress("Finding words and phrases", 35)
    segment_words = analyse_words([s.text for s in ordered], words)
    progress("Grouping into themes", 55)
    code_vectors = embed_codebook(codebook, embedder, cache)
    grouping = group_segments(vectors, code_vectors, clusterer, options, seed) if ordered else None

    drafts = []
    if grouping is not None:
        names = codebook.names()
        found = [t for t in range(len(grouping.codes)) if (grouping.labels == t).any()]
        # Largest first; a code before a new theme of the same size, then first row.
        found.sort(key=lambda t: (-int((grouping.labels == t).sum()), grouping.codes[t] is None,
                                  int(np.flatnonzero(grouping.labels == t)[0])))
        for new_id, t in enumerate(found):
            code = grouping.codes[t]
            name = names[code] if code is not None else None
            # A code's theme is labelled with the code's name; new themes get made labels.
            drafts.append(ThemeDraft(new_id, np.flatnonzero(grouping.labels == t).tolist(),
                                     name, code is None, label=name))
    progress("Describing themes", 75)
    themes = describe_themes(drafts, ordered, vectors, segment_words, words, options.quotes)

    progress("Matching to questions", 90)
    question_vectors = embed_free_texts([q.text for q in questions], embedder, cache)
    links = map_questions(ordered, vectors, questions, question_vectors,
                          options.question_min_similarity)
    theme_of = {sid: t.id for t in themes for sid in t.segment_ids}
    not_grouped = [s.id for s in ordered if s.id not in theme_of]
    used = grouping.settings if grouping else ClusterSettings(0, 0, 0, 0)
    settings = AnalysisSettings(
        n_segments=len(ordered), method=clusterer.name, n_clusters=used.n_clusters,
        n_neighbors=used.n_neighbors, n_components=used.n_components,
        min_theme_size=used.min_theme_size, code_threshold=options.code_threshold,
        code_margin=options.code_margin, merge_threshold=options.merge_threshold,
        reassign_threshold=options.reassign_threshold,
        isolation_threshold=options.isolation_threshold,
        max_not_grouped=options.max_not_grouped, seed=seed, embedder=embedder.name,
        words=words.name)
    progress("Done", 100)
    return AnalysisResult(themes=themes, not_grouped=not_grouped,
                          assignments={s.id: theme_of.get(s.id) for s in ordered},
                          questions=links, settings=settings)
