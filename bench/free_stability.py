"""Why free clustering (the NHS comments row) is unstable between 90% samples, stage by stage.

Reproduces the "NHS comments" row of bench/analysis_quality.py (the same samples, seeds and
ARI over every pair, ``--draw N`` as there) from the clustering step alone, and measures ARI
after each stage, so the stage that causes the disagreement can be told apart:

- ``cluster``: spectral + Ward (``cluster.SpectralWardClusterer``) on the rows
  ``pipeline._fit_rows`` keeps, sized as ``sub_models.OurClusterer`` sizes it; rows left out
  of fitting count as one more cluster (-1), as "not grouped" does in the bench;
- ``settled``: then the theme-set rules of ``rules.settle_topics`` (small themes dissolved,
  outliers joined by ``reduce_outliers``' embeddings strategy, overlapping themes merged,
  "not grouped" capped), with BERTopic's topic vectors taken as the segments' centroids
  exactly as ``refresh_model`` sets them;
- ``pipeline`` (``--pipeline``, slow): ``run_analysis`` itself, as the bench runs it.

``--k N`` fixes the number of clusters (an oracle: e.g. every sample given the full run's k).

Measured with it (session 33, issue #11; 2,650 comments, 10 samples = 45 pairs unless said):
- the clusterer alone gives the bench's figures: draw 0 AMI 0.267, mean ARI 0.718 (bench
  0.717 / 0.267); draw 11 0.267, 0.714 (min 0.667), settled the same. No comment is left out of
  fitting (not grouped 0%), and ``settle_topics`` changes no figure (no theme under 5
  segments, no outlier, no overlap merge): all the disagreement is the clusterer's own;
- the number of themes is not the cause: samples get 37 clusters, the full run 39; every
  sample given 39 (the oracle, ``--k 39``): mean ARI draw 0 0.718 -> 0.708, draw 11 0.714
  -> 0.711, no better;
- tried on the clusterer (draw 0, 6 samples = 15 pairs; unchanged: AMI 0.267, ARI 0.714),
  none adopted, none near 0.9, each that gains ARI loses AMI: k 25 0.266 / 0.661, k 15
  0.254 / 0.750; 30 graph neighbours (now 15) 0.264 / 0.731, 60: 0.256 / 0.734, 100: 0.249
  / 0.743; 10 spectral dimensions (now 20) 0.258 / 0.655, 39: 0.255 / 0.667; Ward without
  the k-means pass 0.262 / 0.597 (so the pass already steadies it); Ward + k-means fitted on
  the densest 80% (mean similarity to 10 neighbours), the rest by nearest centre 0.259 /
  0.697; spherical k-means in the embedding space started from the clusters (1 or 20
  passes) 0.265 / 0.703, 0.264 / 0.712; k-means with 10 seeded k-means++ starts instead of
  Ward's centroids 0.266 / 0.692; consensus of 8 80% bags (co-association graph -> the same
  spectral + Ward) 0.261 / 0.691 at 6x the time.
So on these comments (labels about how care felt, AMI 0.27: no clear groups to find) the
partition into ~40 groups is flat: many about equally good ones exist, and which one a
sample lands on moves with the sample, whatever the k or the assignment step. ARI 0.9
looks out of reach without giving up the specific themes; the next thing worth measuring
is fewer, broader themes shown with their sub-themes (ARI of the broader level).
Run: ``.venv/bin/python bench/free_stability.py [--draw 0] [--samples 10] [--k 38]
[--pipeline]``.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
from analysis_quality import (  # noqa: E402
    CACHE_FILE,
    SHARE,
    as_segments,
    labelled_comments,
    ours_labels,
)

from analysis.core.themes import (  # noqa: E402
    FileEmbeddingCache,
    MiniLMEmbedder,
    ThemeOptions,
    embed_segments,
    rules,
)
from analysis.core.themes.cluster import SpectralWardClusterer, choose_settings  # noqa: E402
from analysis.core.themes.embed import normalise_rows  # noqa: E402
from analysis.core.themes.pipeline import _fit_rows  # noqa: E402


class CentroidModel:
    """Stands in for the fitted BERTopic in ``settle_topics``: topic vectors are centroids."""

    def __init__(self) -> None:
        self.centres = np.zeros((0, 0))

    def refresh(self, model, texts, topics, vectors, representation=None) -> None:
        """``rules.refresh_model`` as far as ``reduce_outliers`` reads it."""
        self.centres = np.stack([vectors[topics == t].mean(axis=0)
                                 for t in range(int(topics.max()) + 1)])

    def reduce_outliers(self, texts, topics, strategy, embeddings, threshold):
        """BERTopic's ``reduce_outliers(strategy="embeddings")``."""
        topics = np.array(topics)
        out = np.flatnonzero(topics == -1)
        sims = normalise_rows(np.asarray(embeddings)[out]) @ normalise_rows(self.centres).T
        sims[sims < threshold] = 0
        topics[out] = np.where(sims.sum(axis=1) > 0, sims.argmax(axis=1), -1)
        return topics.tolist()


def cluster_stage(vectors: np.ndarray, k: int | None, clusterer=None) -> np.ndarray:
    """Returns: the clusterer's label per row, -1 for rows left out of fitting."""
    segments = as_segments([""] * len(vectors), "csv_import")
    fit_rows = _fit_rows(segments, vectors, vectors, ThemeOptions().isolation_threshold)
    settings = choose_settings(len(fit_rows), k)
    labels = np.full(len(vectors), -1)
    labels[fit_rows] = (clusterer or SpectralWardClusterer()).fit_predict(
        normalise_rows(vectors[fit_rows]), settings, 0)
    return labels


def settle_stage(vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Returns: ``rules.settle_topics`` applied to the clusterer's labels."""
    model = CentroidModel()
    kept = rules.refresh_model
    rules.refresh_model = model.refresh  # type: ignore[assignment]
    try:
        settled = rules.settle_topics(model, [""] * len(vectors),
                                      rules.Settled(labels.copy(), {}, []), vectors,
                                      options=ThemeOptions(), own=vectors)
    finally:
        rules.refresh_model = kept
    return settled.topics


def pair_aris(runs: list[dict[int, int]]) -> list[float]:
    """Returns: ARI over the overlap of every pair of runs."""
    from sklearn.metrics import adjusted_rand_score as ari

    out = []
    for a, b in combinations(runs, 2):
        both = sorted(set(a) & set(b))
        out.append(float(ari([a[i] for i in both], [b[i] for i in both])))
    return out


def main() -> None:
    from sklearn.metrics import adjusted_mutual_info_score as ami

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", type=int, default=0)
    parser.add_argument("--samples", type=int, default=10)
    parser.add_argument("--k", type=int, default=None, help="fixed number of clusters")
    parser.add_argument("--pipeline", action="store_true", help="also run_analysis (slow)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    embedder, cache = MiniLMEmbedder(threads=2), FileEmbeddingCache(path=CACHE_FILE)
    texts, truth = labelled_comments()
    segments = as_segments(texts, "csv_import")
    vectors = embed_segments(segments, embedder, cache)
    rng = np.random.default_rng(7 if not args.draw else [7, args.draw])
    picks = [np.sort(rng.choice(len(segments), int(SHARE * len(segments)), replace=False))
             for _ in range(args.samples)]
    stages = {"cluster": lambda v: cluster_stage(v, args.k),
              "settled": lambda v: settle_stage(v, cluster_stage(v, args.k))}
    if args.pipeline:
        stages["pipeline"] = None  # type: ignore[assignment]
    for name, stage in stages.items():
        started = time.perf_counter()
        if stage is None:
            full = ours_labels(segments, vectors, 0, embedder, cache)
            parts = [ours_labels([segments[i] for i in p], vectors[p], s, embedder, cache)
                     for s, p in enumerate(picks, start=1)]
        else:
            full, parts = stage(vectors), [stage(vectors[p]) for p in picks]
        runs = [dict(zip(p.tolist(), lab.tolist(), strict=True)) for p, lab in zip(picks, parts,
                                                                                 strict=True)]
        aris = pair_aris(runs)
        ks = [len(set(lab.tolist()) - {-1}) for lab in parts]
        print(f"{name:9s} AMI {ami(np.array(truth), full):.3f}  themes {len(set(full) - {-1})} "
              f"(samples {min(ks)}-{max(ks)})  not grouped {np.mean(full < 0):.1%}  "
              f"ARI mean {np.mean(aris):.3f} min {np.min(aris):.3f}  "
              f"({time.perf_counter() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
