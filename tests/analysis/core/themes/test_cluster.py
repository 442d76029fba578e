"""Free clustering: settings scale, small corpora work, results are deterministic."""
from __future__ import annotations

import numpy as np

from analysis.core.themes import SpectralWardClusterer, choose_settings, cluster_vectors
from analysis.core.themes.cluster import knn_graph
from analysis.core.themes.embed import normalise_rows


def blobs(n_per: int, centres: int, dims: int = 16, spread: float = 0.15, seed: int = 3):
    rng = np.random.default_rng(seed)
    middles = rng.normal(size=(centres, dims))
    points = np.concatenate([m + spread * rng.normal(size=(n_per, dims)) for m in middles])
    return normalise_rows(points), np.repeat(np.arange(centres), n_per)


def test_settings_scale_with_corpus_size():
    small, mid, large, huge = (choose_settings(n) for n in (100, 1000, 10_000, 100_000))
    assert small.n_clusters < mid.n_clusters <= large.n_clusters == huge.n_clusters == 40
    assert small.min_theme_size == 3 and large.min_theme_size == 25
    assert choose_settings(3).n_clusters <= 3


def test_separate_groups_are_found_in_a_small_corpus():
    from sklearn.metrics import adjusted_rand_score

    vectors, truth = blobs(12, 5)
    labels = cluster_vectors(vectors, SpectralWardClusterer(), choose_settings(60, 5))
    assert adjusted_rand_score(truth, labels) > 0.95


def test_same_input_and_any_seed_give_the_same_clusters():
    vectors, _ = blobs(20, 4, spread=0.6)
    first = cluster_vectors(vectors, SpectralWardClusterer(), choose_settings(80), seed=0)
    again = cluster_vectors(vectors, SpectralWardClusterer(), choose_settings(80), seed=0)
    other_seed = cluster_vectors(vectors, SpectralWardClusterer(), choose_settings(80), seed=9)
    assert np.array_equal(first, again)
    assert np.array_equal(first, other_seed)


def test_clusters_are_numbered_by_size():
    vectors, _ = blobs(10, 3)
    vectors = np.concatenate([vectors, blobs(25, 1, seed=8)[0]])
    labels = cluster_vectors(vectors, SpectralWardClusterer(), choose_settings(55, 4))
    sizes = np.bincount(labels)
    assert list(sizes) == sorted(sizes, reverse=True)


def test_tiny_inputs_do_not_fail():
    for n in (1, 2, 3, 5):
        vectors, _ = blobs(n, 1)
        labels = cluster_vectors(vectors, SpectralWardClusterer(), choose_settings(n))
        assert len(labels) == n and (labels >= 0).all()


def test_knn_graph_is_symmetric():
    vectors, _ = blobs(10, 3)
    graph = knn_graph(vectors, 4, block=7)  # blocks smaller than n on purpose
    assert (abs(graph - graph.T) > 1e-6).nnz == 0


def test_two_different_samples_of_separate_groups_agree_on_their_overlap():
    # The stability the quality bench measures (ARI between runs on two different 90%
    # samples): where the data hold separate groups, the clusterer must find them again.
    from sklearn.metrics import adjusted_rand_score

    vectors, _ = blobs(30, 6, spread=0.35)
    rng = np.random.default_rng(5)
    picks = [np.sort(rng.choice(len(vectors), 162, replace=False)) for _ in range(2)]
    runs = [dict(zip(pick.tolist(), cluster_vectors(
        vectors[pick], SpectralWardClusterer(), choose_settings(len(pick), 6), seed=seed).tolist(),
        strict=True)) for seed, pick in zip((1, 2), picks, strict=True)]
    both = sorted(set(runs[0]) & set(runs[1]))
    assert adjusted_rand_score([runs[0][i] for i in both], [runs[1][i] for i in both]) > 0.95
