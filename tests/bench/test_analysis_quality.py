"""The theme benchmark's 90% samples: draw 0 keeps the samples figures were measured on."""
from __future__ import annotations

import numpy as np

from bench.analysis_quality import SHARE, as_segments, theme_row
from tests.analysis.fakes import FakeEmbedder


def samples_of(draw: int) -> list[list[int]]:
    """Returns: the segment ids of each 90% sample theme_row runs on with this draw."""
    segments = as_segments([f"passage {i} on subject {i % 4}" for i in range(40)], "document:1")
    seen: list[list[int]] = []

    def method(segs, vectors, seed, embedder, cache):
        seen.append([s.id for s in segs])
        return np.zeros(len(segs), dtype=int)

    theme_row(method, segments, ["a"] * len(segments), FakeEmbedder(), None, samples=3, draw=draw)
    return seen[1:]  # the first run is on all segments


def test_draw_0_keeps_the_samples_and_another_draw_takes_others():
    rng = np.random.default_rng(7)  # what every figure before --draw was measured on
    before = [(np.sort(rng.choice(40, int(SHARE * 40), replace=False)) + 1).tolist()
              for _ in range(3)]
    assert samples_of(0) == before
    other = samples_of(1)
    assert other != before and all(len(sample) == 36 for sample in other)
    assert samples_of(1) == other  # a draw is the same every time
