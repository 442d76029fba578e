"""People in charge: split, merge and move, as pure functions returning a new result.

Each takes the run's ``AnalysisResult`` and all its segments, and returns a new result;
themes nobody touched keep their id, label and keywords. Vectors come from the cache,
so nothing is embedded again.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from .cluster import ClusterSettings, SpectralWardClusterer, cluster_vectors
from .embed import embed_segments
from .pipeline import describe_themes
from .schema import AnalysisResult, SegmentInput, ThemeDraft, sort_segments
from .text_models import TextModels
from .vocabulary import SegmentWords
from .words import WordAnalyser, analyse_words

__all__ = ["match_previous_themes", "merge_themes", "move_segments", "recluster_theme",
           "split_count"]


MIN_SPLIT_SEGMENTS = 4  # fewer segments cannot make two parts worth keeping
MIN_PARTS = 2  # a split needs two parts, a merge two themes


def _prepare(segments: Sequence[SegmentInput], models: TextModels,
             ) -> tuple[list[SegmentInput], np.ndarray, WordAnalyser, list[SegmentWords]]:
    ordered = sort_segments(segments)
    vectors = embed_segments(ordered, models.embedder, models.cache)
    analyser = models.words
    return ordered, vectors, analyser, analyse_words([s.text for s in ordered], analyser)


def _drafts(result: AnalysisResult, row_of: dict[int, int]) -> list[ThemeDraft]:
    return [ThemeDraft(t.id, [row_of[s] for s in t.segment_ids if s in row_of], t.code,
                       t.is_new, t.label) for t in result.themes]


def _rebuild(result: AnalysisResult, drafts: list[ThemeDraft], touched: set[int],
             ordered: list[SegmentInput], vectors: np.ndarray, analyser: WordAnalyser,
             words: list[SegmentWords]) -> AnalysisResult:
    drafts = [d for d in drafts if d.rows]
    drafts.sort(key=lambda d: d.id)
    themes = describe_themes(drafts, ordered, vectors, words, analyser)
    old = {t.id: t for t in result.themes}
    # Untouched themes keep the keywords people have already seen.
    themes = [replace(t, keywords=old[t.id].keywords) if t.id in old and t.id not in touched
              else t for t in themes]
    theme_of = {sid: t.id for t in themes for sid in t.segment_ids}
    return AnalysisResult(themes=themes,
                          not_grouped=[s.id for s in ordered if s.id not in theme_of],
                          assignments={s.id: theme_of.get(s.id) for s in ordered},
                          questions=dict(result.questions), settings=result.settings)


def split_count(vectors: np.ndarray, seed: int = 0,
                choices: Iterable[int] = (2, 3, 4)) -> tuple[int, np.ndarray]:
    """Choose 2-4 sub-themes by silhouette (cosine) and return the best labels.

    Args:
        vectors: the theme's unit rows.
        seed: passed to the clusterer.
        choices: sub-theme counts to try.

    Returns:
        (count, labels); one sub-theme when there are fewer than 4 rows.
    """
    from sklearn.metrics import silhouette_score

    n = len(vectors)
    if n < MIN_SPLIT_SEGMENTS:
        return 1, np.zeros(n, dtype=int)
    best = (-2.0, 1, np.zeros(n, dtype=int))
    for k in choices:
        if k >= n:
            break
        settings = ClusterSettings(k, min(10, max(3, n // 4)), max(2, k), 2)
        labels = cluster_vectors(vectors, SpectralWardClusterer(), settings, seed)
        if len(set(labels.tolist())) < MIN_PARTS:
            continue
        score = float(silhouette_score(vectors, labels, metric="cosine"))
        if score > best[0] + 1e-9:  # ties keep fewer sub-themes
            best = (score, k, labels)
    return best[1], best[2]


def recluster_theme(result: AnalysisResult, theme_id: int, segments: Sequence[SegmentInput],
                    models: TextModels, *, n_subthemes: int | None = None,
                    seed: int = 0) -> AnalysisResult:
    """Split one theme into 2-4 sub-themes ("split" on the theme page).

    Sub-themes keep the theme's code and ``is_new``, get new ids after the largest id,
    and get labels from their own keywords.

    Args:
        result: the run's result.
        theme_id: the theme to split.
        segments: all segments of the run.
        models: the run's embedder (vectors come from its cache) and word analyser.
        n_subthemes: 2-4, or None to choose by silhouette.
        seed: passed to the clusterer.

    Returns:
        A new ``AnalysisResult``; the input is not changed.

    Raises:
        KeyError: when there is no such theme.
    """
    ordered, vectors, analyser, words_of = _prepare(segments, models)
    row_of = {s.id: i for i, s in enumerate(ordered)}
    drafts = _drafts(result, row_of)
    target = next((d for d in drafts if d.id == theme_id), None)
    if target is None:
        raise KeyError(theme_id)
    rows = np.array(target.rows)
    if n_subthemes is None:
        _, labels = split_count(vectors[rows], seed)
    else:
        k = max(2, min(4, n_subthemes, len(rows)))
        settings = ClusterSettings(k, min(10, max(3, len(rows) // 4)), k, 2)
        labels = cluster_vectors(vectors[rows], SpectralWardClusterer(), settings, seed)
    next_id = max(d.id for d in drafts) + 1
    subs = [ThemeDraft(next_id + k, rows[labels == k].tolist(), target.code, target.is_new)
            for k in sorted(set(labels.tolist()))]
    drafts = [d for d in drafts if d.id != theme_id] + subs
    return _rebuild(result, drafts, {d.id for d in subs}, ordered, vectors, analyser, words_of)


def merge_themes(result: AnalysisResult, theme_ids: Sequence[int],
                 segments: Sequence[SegmentInput], models: TextModels, *,
                 label: str | None = None) -> AnalysisResult:
    """Merge themes into the largest of them (a union of their segments).

    Args:
        result: the run's result.
        theme_ids: two or more theme ids.
        segments: all segments of the run.
        models: the run's embedder, its cache and word analyser.
        label: the merged theme's label, or None to keep the largest theme's.

    Returns:
        A new ``AnalysisResult``.
    """
    ordered, vectors, analyser, words_of = _prepare(segments, models)
    drafts = _drafts(result, {s.id: i for i, s in enumerate(ordered)})
    chosen = [d for d in drafts if d.id in set(theme_ids)]
    if len(chosen) < MIN_PARTS:
        return result
    keep = max(chosen, key=lambda d: (len(d.rows), -d.id))
    code = keep.code or next((d.code for d in chosen if d.code), None)
    merged = ThemeDraft(keep.id, sorted({r for d in chosen for r in d.rows}), code, code is None,
                        label or keep.label)
    drafts = [d for d in drafts if d not in chosen] + [merged]
    return _rebuild(result, drafts, {keep.id}, ordered, vectors, analyser, words_of)


def move_segments(result: AnalysisResult, segment_ids: Sequence[int], to_theme: int | None,
                  segments: Sequence[SegmentInput], models: TextModels) -> AnalysisResult:
    """Move segments to another theme, or to "Not grouped" with ``to_theme=None``.

    Args:
        result: the run's result.
        segment_ids: segments to move.
        to_theme: the destination theme id, or None.
        segments: all segments of the run.
        models: the run's embedder, its cache and word analyser.

    Returns:
        A new ``AnalysisResult``; a theme left empty disappears.
    """
    ordered, vectors, analyser, words_of = _prepare(segments, models)
    row_of = {s.id: i for i, s in enumerate(ordered)}
    moving = {row_of[s] for s in segment_ids if s in row_of}
    drafts = _drafts(result, row_of)
    touched = {d.id for d in drafts if moving & set(d.rows)}
    if to_theme is not None:
        touched.add(to_theme)
    for draft in drafts:
        draft.rows = [r for r in draft.rows if r not in moving]
        if draft.id == to_theme:
            draft.rows = sorted(set(draft.rows) | moving)
    return _rebuild(result, drafts, touched, ordered, vectors, analyser, words_of)


def match_previous_themes(previous: Mapping[int, Sequence[int]], result: AnalysisResult,
                          min_overlap: float = 0.5) -> dict[int, int]:
    """Pair a re-run's themes with the last run's, so people's decisions carry over.

    Pairs are made greedily from the largest overlap (Jaccard index of segment ids)
    down, each theme used once; ties go to the lower ids so the answer never varies.

    Args:
        previous: {old theme id: its segment ids} from the last run (after edits).
        result: the new run.
        min_overlap: least Jaccard index for two themes to count as the same.

    Returns:
        {new theme id: old theme id} for the themes that match.
    """
    pairs = []
    for theme in result.themes:
        new = set(theme.segment_ids)
        for old_id, old_ids in previous.items():
            old = set(old_ids)
            union = len(new | old)
            score = len(new & old) / union if union else 0.0
            if score >= min_overlap:
                pairs.append((-score, theme.id, old_id))
    matched: dict[int, int] = {}
    for _, new_id, old_id in sorted(pairs):
        if new_id not in matched and old_id not in matched.values():
            matched[new_id] = old_id
    return matched
