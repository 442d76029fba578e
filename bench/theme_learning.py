"""Theme agreement with people's grouping when the officer teaches 0, 3, 5 or 10 examples a theme.

Corpora as in ``bench/analysis_quality.py``: the consultation-shaped development corpus
(the exemplar response's passages labelled by section), the policy briefing, the written
response (bench/heldout_corpus.py) and the human-labelled NHS comments.
Our analysis runs once per corpus with no codebook. The officer is simulated from the
human labels: for k examples, k segments of each label (at most all but one) are confirmed
into that label's theme, drawn at random, 5 draws. Then ``analysis.core.themes.learning``
does what a re-run does in the app: each taught theme claims the cluster holding most of its
examples (so it keeps its identity), people's segments stay, the classifier places the
segments it is sure of, the clustering the rest.

Columns: AMI over every segment (not grouped counts as one more cluster), AMI over the
segments nobody confirmed (the fair figure), the share the classifier placed, its accuracy
on those, and the share not grouped. Run: ``.venv/bin/python bench/theme_learning.py
[--corpus NAME] [--confident P] [--else-weight W]``.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from analysis_quality import CACHE_FILE, labels_of, theme_corpora  # noqa: E402

from analysis.core.themes import (  # noqa: E402
    Codebook,
    FileEmbeddingCache,
    MiniLMEmbedder,
    TextModels,
    context_vectors,
    embed_segments,
    run_analysis,
)
from analysis.core.themes.learning import (  # noqa: E402
    Examples,
    LearningOptions,
    claim_clusters,
    combine,
    learned_assignments,
)

SHOTS = (0, 3, 5, 10)
DRAWS = 5


def officer_examples(truth: list[str], k: int, seed: int, share: float = 1.0) -> Examples:
    """Args: labels, examples per label, seed, share of the labels taught (drawn at random).

    Returns: k confirmed rows per taught label."""
    rows: dict[str, list[int]] = {}
    for row, label in enumerate(truth):
        rows.setdefault(label, []).append(row)
    rng = random.Random(seed)
    labels = sorted(rows)
    labels = sorted(rng.sample(labels, max(1, round(len(labels) * share))))
    chosen = {}
    for label in labels:
        for row in rng.sample(rows[label], min(k, len(rows[label]) - 1)):
            chosen[row] = label
    return Examples(positive=chosen)


def taught_result(vectors, clusters: list, truth: list[str], k: int, seed: int,
                  options: LearningOptions, share: float = 1.0) -> dict:
    """One simulated officer: k examples per label, then the re-run's rule."""
    from sklearn.metrics import adjusted_mutual_info_score as ami

    examples = officer_examples(truth, k, seed, share)
    claimed = claim_clusters(examples, clusters, options.min_examples)
    in_themes = [claimed.get(c, c) for c in clusters]
    learned = learned_assignments(vectors, examples, in_themes, options)
    final = combine(examples, learned, in_themes)
    found = np.array([str(key) if key is not None else "-1" for key, _ in final])
    truth_arr = np.array(truth)
    free = np.array([row not in examples.positive for row in range(len(truth))])
    right = [learned[r][0] == truth[r] for r in learned]
    alone = np.array([str(c) if c is not None else "-1" for c in clusters])
    return {"ami": ami(truth_arr, found), "ami_free": ami(truth_arr[free], found[free]),
            "ami_free_alone": ami(truth_arr[free], alone[free]),
            "learned": len(learned) / len(truth),
            "learned_right": float(np.mean(right)) if right else float("nan"),
            "not_grouped": float(np.mean(found == "-1"))}


def corpus_rows(name, segments, truth, embedder, cache, options,
                shares=(1.0, 0.5)) -> list[dict]:
    """Args: a corpus. Returns: one row of means per number of examples."""
    # What the clustering grouped: each passage among its neighbours (segments are in id order).
    vectors = context_vectors(segments, embed_segments(segments, embedder, cache))
    started = time.perf_counter()
    result = run_analysis(segments, codebook=Codebook(),
                          models=TextModels(embedder=embedder, cache=cache))
    cluster_seconds = time.perf_counter() - started
    clusters = [None if c < 0 else int(c) for c in labels_of(result, segments)]
    rows = []
    for share in shares:
        for k in SHOTS if share == 1.0 else SHOTS[1:]:
            started = time.perf_counter()
            runs = [taught_result(vectors, clusters, truth, k, seed, options, share)
                    for seed in range(DRAWS if k else 1)]
            # A draw where the classifier placed nothing has no accuracy: left out of the mean.
            row = {key: float(np.mean([r[key] for r in runs if r[key] == r[key]] or [np.nan]))
                   for key in runs[0]}
            row.update(corpus=name, k=k, share=share, cluster_seconds=cluster_seconds,
                       seconds=(time.perf_counter() - started) / len(runs))
            rows.append(row)
    return rows


def print_rows(rows: list[dict], options: LearningOptions) -> None:
    """Print the table (means over draws)."""
    print(f"Theme agreement with k confirmed examples per theme (simulated officer, {DRAWS} "
          f"draws; classifier places at p >= {options.confident}, 'something else' weight "
          f"{options.else_weight})")
    print("'unconf.': only the segments nobody confirmed; 'clustering': the clustering alone on "
          "those same segments.")
    head = (f"{'corpus':20} {'taught':>6} {'k':>3} {'AMI all':>8} {'unconf.':>8} "
            f"{'clustering':>10} {'learned':>8} {'learned ok':>10} {'not grp':>8} {'s/teach':>8}")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['corpus']:20} {r['share']:>6.0%} {r['k']:>3} {r['ami']:>8.3f} "
              f"{r['ami_free']:>8.3f} {r['ami_free_alone']:>10.3f} {r['learned']:>8.1%} "
              f"{r['learned_right']:>10.1%} {r['not_grouped']:>8.1%} {r['seconds']:>8.2f}")
    for name in dict.fromkeys(r["corpus"] for r in rows):
        seconds = next(r["cluster_seconds"] for r in rows if r["corpus"] == name)
        print(f"{name}: the analysis run took {seconds:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="only the corpus whose name starts with this")
    parser.add_argument("--confident", type=float, default=LearningOptions.confident)
    parser.add_argument("--else-weight", type=float, default=LearningOptions.else_weight)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    options = LearningOptions(confident=args.confident, else_weight=args.else_weight)
    embedder, cache = MiniLMEmbedder(threads=2), FileEmbeddingCache(path=CACHE_FILE)
    rows = []
    for name, (segments, truth) in theme_corpora().items():
        if args.corpus and not name.startswith(args.corpus):
            continue
        rows += corpus_rows(name, segments, truth, embedder, cache, options)
    print_rows(rows, options)


if __name__ == "__main__":
    main()
