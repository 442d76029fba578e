"""Per-theme stability: found again in k of R subsamples (Hennig's clusterwise Jaccard)."""
from __future__ import annotations

import numpy as np

from analysis.core.themes.embed import normalise_rows
from analysis.core.themes.schema import SegmentInput
from analysis.core.themes.stability import (
    RESAMPLES,
    found_again,
    is_stable,
    run_stability,
    theme_stability,
)


def three_groups_and_a_blob(seed: int = 5):
    """Three tight, separate groups of 30 and one wide blob of 60 (rows 90-149)."""
    rng = np.random.default_rng(seed)
    middles = rng.normal(size=(4, 16)) * 2
    spreads, sizes = (0.15, 0.15, 0.15, 0.6), (30, 30, 30, 60)
    points = np.concatenate([m + s * rng.normal(size=(n, 16))
                             for m, s, n in zip(middles, spreads, sizes, strict=True)])
    return normalise_rows(points)


def themes_with_a_random_split(seed: int = 5):
    blob = np.random.default_rng(seed).permutation(np.arange(90, 150))
    return [list(range(0, 30)), list(range(30, 60)), list(range(60, 90)),
            sorted(blob[:30].tolist()), sorted(blob[30:].tolist())]


def test_separate_groups_are_found_in_every_resample_and_a_random_split_is_not():
    found = theme_stability(three_groups_and_a_blob(), themes_with_a_random_split())
    assert found.resamples == RESAMPLES == 10
    assert found.found[:3] == [10, 10, 10]
    assert max(found.found[3:]) < 5
    assert not any(is_stable(k, found.resamples) for k in found.found[3:])
    assert all(is_stable(k, found.resamples) for k in found.found[:3])


def test_the_same_input_gives_the_same_counts():
    vectors, themes = three_groups_and_a_blob(), themes_with_a_random_split()
    assert theme_stability(vectors, themes) == theme_stability(vectors, themes)


def test_found_again_needs_more_than_half_jaccard():
    sample = np.arange(10)
    labels = np.array([0] * 5 + [1] * 5)
    assert found_again([0, 1, 2, 3, 4], sample, labels)
    assert found_again([0, 1, 2, 3], sample, labels)  # 4 of 5: Jaccard 0.8
    assert not found_again(list(range(10)), sample, labels)  # Jaccard 0.5: dissolved
    assert not found_again([0, 1, 5, 6], sample, labels)
    assert not found_again([20, 21], sample, labels)  # not in this subsample


def test_one_theme_and_large_runs():
    vectors = three_groups_and_a_blob()
    assert theme_stability(vectors, [list(range(150))]).found == [10]
    many = [SegmentInput(id=i, text="x", text_hash=str(i)) for i in range(3001)]
    assert run_stability(many, np.zeros((3001, 16)), [[0]]) is None
