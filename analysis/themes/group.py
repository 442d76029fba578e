"""Grouping stage: codebook assignment, free clustering, then outliers settled.

Returns plain row groups; describing them (keywords, quotes, counts) is another stage.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cluster import ClusterSettings, Clusterer, choose_settings, cluster_vectors
from .embed import normalise_rows
from .guide import CodeVectors, assign_codes, match_clusters_to_codes
from .schema import ThemeOptions

__all__ = ["Grouping", "group_segments", "neighbour_similarity", "settle_outliers"]


@dataclass
class Grouping:
    """Theme index per row (-1 = not grouped) and each theme's code index (or None)."""

    labels: np.ndarray
    codes: list[int | None]
    settings: ClusterSettings


def _centres(vectors: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    centres = np.zeros((count, vectors.shape[1]), dtype=np.float32)
    for theme in range(count):
        rows = labels == theme
        if rows.any():
            centres[theme] = vectors[rows].mean(axis=0)
    return normalise_rows(centres)


def neighbour_similarity(vectors: np.ndarray, k: int = 3, block: int = 2048) -> np.ndarray:
    """Mean similarity of each row to its k nearest other rows (how isolated it is).

    Args:
        vectors: (n, d) unit rows.
        k: neighbours.
        block: rows per block, to bound memory.

    Returns:
        (n,) similarities; 0 when there is no other row.
    """
    n = len(vectors)
    k = min(k, n - 1)
    if k < 1:
        return np.zeros(n)
    out = np.empty(n)
    for start in range(0, n, block):
        sims = vectors[start:start + block] @ vectors.T
        local = np.arange(sims.shape[0])
        sims[local, start + local] = -np.inf
        nearest = -np.partition(-sims, k - 1, axis=1)[:, :k]  # the k largest, any order
        out[start:start + block] = nearest.mean(axis=1)
    return out


def settle_outliers(vectors: np.ndarray, labels: np.ndarray, keep: np.ndarray,
                    threshold: float, max_share: float, movable: np.ndarray | None = None,
                    iterations: int = 2) -> np.ndarray:
    """Dissolve small themes, move rows to their nearest theme, cap "Not grouped".

    A few k-means steps over the surviving themes tidy clusters that mixed two topics;
    rows marked not ``movable`` (direct codebook matches) stay where they are.

    Args:
        vectors: (n, d) unit rows.
        labels: theme index per row, -1 for none.
        keep: per theme, True if it survives (big enough, or a codebook code).
        threshold: least similarity to a theme's centre to stay in or join it.
        max_share: most of all rows that may stay not grouped; the closest of the rest
            are placed in their nearest theme even below ``threshold``.
        movable: per row, False to pin it to its theme.
        iterations: re-centring steps.

    Returns:
        New labels; -1 rows are "Not grouped".
    """
    n, count = len(labels), len(keep)
    movable = np.ones(n, dtype=bool) if movable is None else movable
    out = np.where((labels >= 0) & keep[np.maximum(labels, 0)], labels, -1)
    if not (out >= 0).any():
        return out
    for _ in range(max(1, iterations)):
        centres = _centres(vectors, out, count)
        alive = np.array([(out == t).any() for t in range(count)])
        sims = vectors @ centres.T
        sims[:, ~alive] = -np.inf
        nearest = np.argmax(sims, axis=1)
        best = sims[np.arange(n), nearest]
        moved = np.where(best >= threshold, nearest, -1)
        moved[~movable] = out[~movable]
        if np.array_equal(moved, out):
            break
        out = moved
    allowed = int(np.floor(max_share * n))
    left = np.flatnonzero(out < 0)
    if len(left) > allowed:
        # Closest first; a stable sort keeps equal cases in row order.
        order = left[np.argsort(-best[left], kind="stable")]
        take = order[: len(left) - allowed]
        out[take] = nearest[take]
    return out


def group_segments(vectors: np.ndarray, codes: CodeVectors, clusterer: Clusterer,
                   options: ThemeOptions, seed: int = 0) -> Grouping:
    """Put every row into a code, a new theme, or "Not grouped".

    Args:
        vectors: (n, d) unit rows, in a stable order.
        codes: the embedded codebook (may be empty).
        clusterer: any ``Clusterer`` for the rows no code claims.
        options: thresholds.
        seed: passed to the clusterer.

    Returns:
        A ``Grouping``; themes 0..len(codes)-1 are codes, the rest new.
    """
    n = len(vectors)
    n_codes = len(codes.codebook.codes)
    code_of, _ = assign_codes(vectors, codes, options.code_threshold, options.code_margin)
    sizes = np.bincount(code_of[code_of >= 0], minlength=n_codes) if n_codes else np.zeros(0, int)
    # A code that claims only one segment has not really shown up: let it be clustered.
    weak = np.flatnonzero(sizes < options.min_code_size)
    code_of[np.isin(code_of, weak)] = -1
    # Isolated remarks ("Yeah.", "Can we have a break?") would only blur the clusters:
    # they sit out, and join a theme later only if close enough to its centre.
    isolated = neighbour_similarity(vectors) < options.isolation_threshold
    free = np.flatnonzero((code_of < 0) & ~isolated)
    settings = choose_settings(len(free) if len(free) else n, options.n_clusters)
    clusters = (cluster_vectors(vectors[free], clusterer, settings, seed) if len(free)
                else np.zeros(0, dtype=int))
    n_clusters = int(clusters.max()) + 1 if len(clusters) and clusters.max() >= 0 else 0

    labels = code_of.copy()
    labels[free] = np.where(clusters >= 0, clusters + n_codes, -1)
    code_centres = _centres(vectors, labels, n_codes)
    for c in range(n_codes):
        if not (labels == c).any():
            code_centres[c] = codes.centres[c]  # no segment yet: compare with the anchors
    cluster_centres = _centres(vectors[free], clusters, n_clusters)
    to_code = match_clusters_to_codes(cluster_centres, code_centres, options.merge_threshold)
    for cluster, code in enumerate(to_code):
        if code >= 0:
            labels[free[clusters == cluster]] = code

    count = n_codes + n_clusters
    sizes = np.bincount(labels[labels >= 0], minlength=count)
    keep = np.array([sizes[t] >= (options.min_code_size if t < n_codes else settings.min_theme_size)
                     for t in range(count)], dtype=bool)
    if not keep.any():
        # Too few to split: one new theme holds everything.
        return Grouping(np.zeros(n, dtype=int), [None], settings)
    labels = settle_outliers(vectors, labels, keep, options.reassign_threshold,
                             options.max_not_grouped, movable=code_of < 0)
    codes_of_theme = [c if c < n_codes else None for c in range(count)]
    return Grouping(labels, codes_of_theme, settings)
