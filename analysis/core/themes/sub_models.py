"""Our clusterers as BERTopic sub-models, and UMAP + HDBSCAN for large runs.

Up to ``HDBSCAN_ABOVE`` segments BERTopic's ``hdbscan_model`` is ours (spectral + Ward, or
document runs: ``clustering_view``) and its dimensionality reduction is a pass-through;
above that, UMAP + HDBSCAN sized to the corpus, whose memory grows linearly.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from .cluster import Clusterer, ClusterSettings, SpectralWardClusterer, choose_settings, for_rows
from .embed import normalise_rows

__all__ = ["HDBSCAN_ABOVE", "OurClusterer", "rows_left", "sub_models"]

HDBSCAN_ABOVE = 3000


class OurClusterer:
    """Our clusterer (spectral+Ward or document runs) in the shape BERTopic expects of
    ``hdbscan_model``."""

    def __init__(self, clusterer: Clusterer, n_clusters: int | None, seed: int,
                 vectors: np.ndarray) -> None:
        self.clusterer, self.n_clusters, self.seed = clusterer, n_clusters, seed
        self.vectors = vectors  # all rows fitted, to find which ones zero-shot codes left
        self.labels_ = np.zeros(0, dtype=int)
        self.centres_ = np.zeros((0, 0))

    def fit(self, X: np.ndarray, y: object = None) -> OurClusterer:  # noqa: N803 - sklearn's
        clusterer = self.clusterer
        if len(X) < len(self.vectors) and hasattr(clusterer, "subset"):
            # Zero-shot codes took some segments first: a document's rest keep their order
            # (or, were they ever not found again, are clustered freely). A clusterer that
            # ignores order needs no rows.
            rows = rows_left(np.asarray(X), self.vectors)
            clusterer = SpectralWardClusterer() if rows is None else for_rows(clusterer, rows)
        X = normalise_rows(np.asarray(X))
        # Sized to what is left to cluster: zero-shot codes may have taken most segments.
        settings = choose_settings(len(X), self.n_clusters)
        self.labels_ = clusterer.fit_predict(X, settings, self.seed)
        found = sorted(set(self.labels_.tolist()))
        self.centres_ = normalise_rows(np.stack([X[self.labels_ == c].mean(axis=0)
                                                 for c in found]))
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:  # noqa: N803
        nearest: np.ndarray = np.argmax(normalise_rows(np.asarray(X)) @ self.centres_.T, axis=1)
        return nearest


def rows_left(left: np.ndarray, vectors: np.ndarray) -> np.ndarray | None:
    """Args: the rows BERTopic left to cluster (in order, copied from ``vectors``), all rows.
    Returns: their indexes into ``vectors``, or None when one is not found."""
    out, start = [], 0
    for row in left:
        while start < len(vectors) and not np.array_equal(vectors[start], row):
            start += 1
        if start == len(vectors):
            return None
        out.append(start)
        start += 1
    return np.array(out, dtype=int)


def sub_models(vectors: np.ndarray, settings: ClusterSettings, seed: int,
                n_clusters: int | None, ours: Clusterer) -> tuple[Any, Any, str]:
    """Returns: (dimensionality reducer, clusterer, method name) for BERTopic."""
    from bertopic.dimensionality import BaseDimensionalityReduction

    n = len(vectors)
    if n <= HDBSCAN_ABOVE:
        # Our clusterers build their own neighbour graph or chain from the full vectors.
        return (BaseDimensionalityReduction(), OurClusterer(ours, n_clusters, seed, vectors),
                f"bertopic:{ours.name}")
    import hdbscan
    import umap

    reducer = umap.UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine",
                        random_state=seed, low_memory=True, n_jobs=1)
    # About 1% of segments (at least the smallest theme allowed) per cluster.
    size = max(settings.min_theme_size, int(round(0.01 * n)))
    clusterer = hdbscan.HDBSCAN(min_cluster_size=size, min_samples=max(5, size // 4),
                                metric="euclidean", cluster_selection_method="eom",
                                prediction_data=True)
    return reducer, clusterer, "bertopic:umap-hdbscan"
