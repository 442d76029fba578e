"""Free clustering of segment vectors, sized for focus groups and surveys alike.

Default: a k-nearest-neighbour graph of the unit vectors, its spectral embedding, then
Ward clustering, with a k-means pass started from the Ward centroids. On the NHS
benchmark this beats both k-means and BERTopic's defaults (bench/analysis_quality.py),
it works from a few dozen segments up, and up to ``WARD_LIMIT`` segments it has no
random step at all, so the same segments always give the same themes whatever the seed.
Above that, Ward runs on a sample drawn with the seed (Ward needs n^2 memory) and the
rest are placed by the k-means pass.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

from .embed import normalise_rows

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

__all__ = [
    "ClusterSettings",
    "Clusterer",
    "SpectralWardClusterer",
    "choose_settings",
    "cluster_vectors",
    "for_rows",
    "knn_graph",
]

WARD_LIMIT = 4000
DENSE_LIMIT = 1500
MAX_CLUSTERS = 40


MIN_TO_CLUSTER = 2  # two vectors or fewer make one cluster; spectral clustering needs more


@dataclass(frozen=True)
class ClusterSettings:
    """How many clusters, neighbours and spectral dimensions, and the smallest theme."""

    n_clusters: int
    n_neighbors: int
    n_components: int
    min_theme_size: int


def choose_settings(n: int, n_clusters: int | None = None) -> ClusterSettings:
    """Scale settings with the number of segments to cluster.

    About 0.75 * sqrt(n) clusters (8 for 100 segments, 24 for 1,000, capped at 40) keeps
    focus-group themes few enough to read and survey themes specific enough to use.

    Args:
        n: segments to cluster.
        n_clusters: a fixed number of clusters instead of the scaled one.

    Returns:
        ``ClusterSettings``.
    """
    k = n_clusters or int(min(MAX_CLUSTERS, max(2, round(0.75 * math.sqrt(max(n, 1))))))
    k = max(1, min(k, n))
    return ClusterSettings(
        n_clusters=k,
        n_neighbors=int(min(15, max(5, round(math.sqrt(max(n, 1)) / 2)))),
        n_components=int(min(20, max(2, k))),
        min_theme_size=int(min(25, max(3, round(0.01 * n)))),
    )


@runtime_checkable
class Clusterer(Protocol):
    """Anything that labels unit vectors 0..k-1 (or -1 for "no cluster")."""

    name: str

    def fit_predict(self, vectors: np.ndarray, settings: ClusterSettings,
                    seed: int) -> np.ndarray:
        """Return one integer label per row."""


def knn_graph(vectors: np.ndarray, k: int, block: int = 2048) -> csr_matrix:
    """Symmetric k-nearest-neighbour graph weighted by cosine similarity.

    Works in row blocks so 10,000 segments never need a 10,000 x 10,000 matrix.

    Args:
        vectors: (n, d) unit rows.
        k: neighbours per row.
        block: rows per block.

    Returns:
        A scipy CSR matrix (n, n).
    """
    from scipy import sparse

    n = len(vectors)
    k = max(1, min(k, n - 1))
    rows, cols, vals = [], [], []
    for start in range(0, n, block):
        sims = vectors[start:start + block] @ vectors.T
        local = np.arange(sims.shape[0])
        sims[local, start + local] = -np.inf  # a segment is not its own neighbour
        # Partition finds the k best without sorting whole rows (10x faster at 10,000);
        # then those k are ordered by similarity and column, so ties between duplicate
        # texts always resolve the same way.
        idx = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        order = np.lexsort((idx, -np.take_along_axis(sims, idx, axis=1)), axis=1)
        idx = np.take_along_axis(idx, order, axis=1)
        rows.append(np.repeat(start + local, k))
        cols.append(idx.ravel())
        vals.append(np.maximum(np.take_along_axis(sims, idx, axis=1).ravel(), 1e-3))
    graph: csr_matrix = sparse.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n))
    return graph.maximum(graph.T)


def _spectral_embedding(graph: csr_matrix, dim: int) -> np.ndarray:
    from scipy import sparse
    from scipy.linalg import eigh
    from scipy.sparse.linalg import eigsh

    n = graph.shape[0]
    degree = np.asarray(graph.sum(axis=1)).ravel()
    scale = sparse.diags(1.0 / np.sqrt(np.maximum(degree, 1e-12)))
    matrix = scale @ graph @ scale
    dim = min(dim, n - 2)
    if dim < 1:
        return np.zeros((n, 1))
    if n <= DENSE_LIMIT:
        # LAPACK's dense solver has no random start: the same graph, the same vectors.
        values, vectors = eigh(matrix.toarray(), subset_by_index=[n - dim - 1, n - 1])
    else:
        # A fixed start vector (not the run's seed) keeps large runs repeatable too.
        start = np.random.default_rng(0).random(n) + 0.5
        values, vectors = eigsh(matrix, k=dim + 1, which="LA", v0=start, tol=1e-8,
                                maxiter=n * 50)
    order = np.argsort(-values, kind="stable")
    # The top vector is kept: it is constant only on a connected graph, and when the
    # graph falls apart (well-separated groups) it tells the pieces apart. Signs are
    # fixed so runs compare equal.
    embedding = scale @ vectors[:, order]
    signs = np.sign(embedding[np.abs(embedding).argmax(axis=0), np.arange(embedding.shape[1])])
    signed: np.ndarray = embedding * np.where(signs == 0, 1, signs)
    return signed


def _ward_centroids(points: np.ndarray, k: int) -> np.ndarray:
    from scipy.cluster.hierarchy import fcluster, linkage

    labels = fcluster(linkage(points, "ward"), k, "maxclust") - 1
    return np.stack([points[labels == c].mean(axis=0) for c in np.unique(labels)])


class SpectralWardClusterer:
    """kNN graph -> spectral embedding -> Ward -> k-means refinement (deterministic)."""

    name = "spectral-ward"

    def fit_predict(self, vectors: np.ndarray, settings: ClusterSettings,
                    seed: int) -> np.ndarray:
        """Args: vectors (n, d) unit rows, settings, seed. Returns: labels 0..k-1."""
        from sklearn.cluster import KMeans

        n = len(vectors)
        k = min(settings.n_clusters, n)
        if n <= MIN_TO_CLUSTER or k <= 1:
            return np.zeros(n, dtype=int)
        if n <= settings.n_neighbors + 2:
            points = np.asarray(vectors, dtype=np.float64)  # too few for a graph
        else:
            graph = knn_graph(vectors, settings.n_neighbors)
            points = normalise_rows(_spectral_embedding(graph, settings.n_components))
            points = np.asarray(points, dtype=np.float64)
        sample = points
        if n > WARD_LIMIT:
            pick = np.sort(np.random.default_rng(seed).choice(n, WARD_LIMIT, replace=False))
            sample = points[pick]
        centroids = _ward_centroids(sample, k)
        kmeans = KMeans(n_clusters=len(centroids), init=centroids, n_init=1, max_iter=100)
        labels: np.ndarray = kmeans.fit_predict(points)
        return labels


def for_rows(clusterer: Clusterer, rows: np.ndarray) -> Clusterer:
    """Args: a clusterer, the rows (in order) it will be given. Returns: the clusterer for
    those rows (one that follows reading order has a ``subset``; others are unchanged)."""
    subset = getattr(clusterer, "subset", None)
    picked: Clusterer = subset(rows) if subset is not None else clusterer
    return picked


def cluster_vectors(vectors: np.ndarray, clusterer: Clusterer, settings: ClusterSettings,
                    seed: int = 0) -> np.ndarray:
    """Cluster unit vectors and renumber clusters by size (largest 0) for stable ids.

    Args:
        vectors: (n, d) unit rows in a stable order.
        clusterer: any ``Clusterer``.
        settings: from ``choose_settings``.
        seed: passed to the clusterer.

    Returns:
        Labels 0..k-1, or -1 where the clusterer left a row out.
    """
    n = len(vectors)
    if n == 0:
        return np.zeros(0, dtype=int)
    raw = np.asarray(clusterer.fit_predict(vectors, settings, seed), dtype=int)
    found = [c for c in np.unique(raw) if c >= 0]
    # Size, then first member's position: equal-sized clusters keep a fixed order.
    first = {c: int(np.flatnonzero(raw == c)[0]) for c in found}
    order = sorted(found, key=lambda c: (-int((raw == c).sum()), first[c]))
    mapping = {c: i for i, c in enumerate(order)}
    return np.array([mapping.get(c, -1) for c in raw], dtype=int)
