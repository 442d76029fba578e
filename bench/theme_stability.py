"""Why two runs on different 90% samples disagree: stability of our themes, pair by pair.

``bench/analysis_quality.py`` measures ARI on ONE pair of 90% samples. This prints, per
corpus, the spread over several pairs (mean, min, max), so a change can be told from
noise, and the same for our clusterer alone (no BERTopic, no theme-set rules) at a range
of theme counts, so the cause can be told apart:

- ``clusterer k=..``: the run's clusterer (``clustering_view``: a documents-only corpus is
  cut into runs, anything else is spectral + Ward) on each sample's vectors, blended
  within the sample as ``run_analysis`` does, with the number of clusters fixed;
- ``ours (run_analysis)``: the whole pipeline, as in the quality table (``--pipeline``);
- per theme (``--per-theme``): one ``run_analysis``, each theme's "found again in k of 10"
  (``stability.run_stability``, what the themes page shows), its purity (share of its
  segments under its most common human label) and best F1 against any one human label,
  then how well found-again separates themes that match a label from those that don't,
  and the seconds the stability check adds to the run.

ARI is taken on the segments both samples hold, as in the quality table. AMI is against
the human labels, on all segments.
Run: ``.venv/bin/python bench/theme_stability.py [--corpus dev] [--pairs 4] [--pipeline]
[--per-theme]``.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from analysis_quality import (  # noqa: E402
    CACHE_FILE,
    FileEmbeddingCache,
    MiniLMEmbedder,
    embed_segments,
    ours_labels,
    theme_corpora,
)

from analysis.core.themes import (  # noqa: E402
    TextModels,
    choose_settings,
    run_analysis,
)
from analysis.core.themes.engine import clustering_view  # noqa: E402

SHARE = 0.9


def sample_pairs(n: int, pairs: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Returns: ``pairs`` pairs of sorted 90% samples of range(n), fixed per pair number."""
    out = []
    for number in range(pairs):
        rng = np.random.default_rng(100 + number)
        out.append(tuple(np.sort(rng.choice(n, int(SHARE * n), replace=False))
                         for _ in range(2)))
    return out


def overlap_ari(first: dict[int, int], second: dict[int, int]) -> float:
    """Returns: ARI of two row -> label maps on the rows both hold."""
    from sklearn.metrics import adjusted_rand_score

    both = sorted(set(first) & set(second))
    return float(adjusted_rand_score([first[i] for i in both], [second[i] for i in both]))


def clusterer_labels(segments, vectors, k: int) -> np.ndarray:
    """Returns: the run's clusterer's labels with k clusters (``clustering_view``: document
    runs for documents, else spectral + Ward), vectors blended within ``segments``."""
    view, clusterer = clustering_view(segments, vectors)
    return clusterer.fit_predict(view, choose_settings(len(segments), k), 0)


def spread(segments, vectors, label, pairs: int) -> list[float]:
    """Returns: ARI per pair of samples for ``label(segments, vectors, seed)``."""
    found = []
    for first, second in sample_pairs(len(segments), pairs):
        runs = []
        for seed, pick in ((1, first), (2, second)):
            labels = label([segments[i] for i in pick], vectors[pick], seed)
            runs.append(dict(zip(pick.tolist(), np.asarray(labels).tolist(), strict=True)))
        found.append(overlap_ari(*runs))
    return found


def report(name: str, aris: list[float], ami: float, themes: int) -> None:
    """Print one line of the table."""
    print(f"  {name:24s} ARI mean {np.mean(aris):.3f}  min {np.min(aris):.3f}  "
          f"max {np.max(aris):.3f}   AMI {ami:.3f}  themes {themes}", flush=True)


def theme_match(rows: list[int], truth: list[str]) -> tuple[float, float, str]:
    """Returns: (purity, best F1 against one human label, that label) of a theme's rows."""
    from collections import Counter

    totals = Counter(truth)
    best_f1, best_label = 0.0, ""
    counts = Counter(truth[r] for r in rows)
    for label, shared in counts.items():
        f1 = 2 * shared / (len(rows) + totals[label])
        if f1 > best_f1:
            best_f1, best_label = f1, label
    return counts.most_common(1)[0][1] / len(rows), best_f1, best_label


def per_theme(segments, truth, embedder, cache, **run) -> None:
    """Print each theme's found-again count against how well it matches a human label.

    ``truth`` None (the demo): only the counts and the seconds. ``run``: more arguments of
    ``run_analysis`` (the demo's questions and codebook, as the app runs it).
    """
    import time

    from scipy.stats import spearmanr

    from analysis.core.themes.stability import STABLE_FROM, run_stability

    started = time.perf_counter()
    result = run_analysis(segments, models=TextModels(embedder=embedder, cache=cache), **run)
    total = time.perf_counter() - started
    ordered = sorted(segments, key=lambda s: s.id)  # the run's row order
    row_of = {s.id: i for i, s in enumerate(ordered)}
    themes = [[row_of[i] for i in t.segment_ids] for t in result.themes]
    vectors = embed_segments(ordered, embedder, cache)
    started = time.perf_counter()
    again = run_stability(ordered, vectors, themes)
    cost = time.perf_counter() - started
    assert again is not None
    assert again.found == [t.found_again for t in result.themes]  # the same input, the same counts
    print(f"  run_analysis {total:.1f} s in all; the stability check in it takes {cost:.1f} s "
          f"(R={result.settings.resamples}, timed again alone)")
    found = np.array([t.found_again if t.found_again is not None else -1
                      for t in result.themes])
    if truth is None:
        print(f"  {len(found)} themes, found again: {sorted(found.tolist(), reverse=True)}; "
              f"below {STABLE_FROM}: {(found < STABLE_FROM).sum()}")
        return
    label_of = dict(zip((s.id for s in segments), truth, strict=True))
    matches = [theme_match(rows, [label_of[s.id] for s in ordered]) for rows in themes]
    purity = np.array([m[0] for m in matches])
    f1 = np.array([m[1] for m in matches])
    sizes = np.array([len(r) for r in themes])
    print("  found  size  purity  bestF1  label -> best human label")
    for theme, k, size, match in sorted(zip(result.themes, found, sizes, matches, strict=True),
                                        key=lambda x: -x[1]):
        print(f"  {k:5d} {size:5d}  {match[0]:.2f}    {match[1]:.2f}   "
              f"{theme.label[:34]:34s} -> {match[2][:30]}")
    if len(set(found.tolist())) > 1:
        print(f"  Spearman(found, purity) {spearmanr(found, purity)[0]:.2f}  "
              f"Spearman(found, bestF1) {spearmanr(found, f1)[0]:.2f}")
        print("  " + separation(found, purity, sizes))
    for line in range(4, 11):
        ok = found >= line
        if ok.all() or not ok.any():
            continue
        print(f"  found >= {line:2d}{' (STABLE_FROM)' if line == STABLE_FROM else ''}: "
              f"{ok.sum():2d} themes purity {purity[ok].mean():.2f} F1 {f1[ok].mean():.2f} "
              f"({sizes[ok].sum()} segs) | below: {(~ok).sum():2d} themes purity "
              f"{purity[~ok].mean():.2f} F1 {f1[~ok].mean():.2f} ({sizes[~ok].sum()} segs)")


def separation(found: np.ndarray, purity: np.ndarray, sizes: np.ndarray) -> str:
    """Returns: how well found-again picks out themes under 0.5 purity (AUC, split at the line)."""
    from sklearn.metrics import roc_auc_score

    from analysis.core.themes.stability import STABLE_FROM

    pure, flagged = purity >= 0.5, found < STABLE_FROM
    auc = roc_auc_score(pure, found) if 0 < pure.sum() < len(pure) else float("nan")
    def weighted(rows):
        return (purity[rows] * sizes[rows]).sum() / max(1, sizes[rows].sum())
    return (f"AUC(found -> purity>=0.5) {auc:.2f}; below {STABLE_FROM}: {flagged.sum()} themes, "
            f"{(~pure[flagged]).sum()} impure, purity {weighted(flagged):.2f} | kept: "
            f"{(~flagged).sum()} themes, {(~pure[~flagged]).sum()} impure, "
            f"purity {weighted(~flagged):.2f} (segment-weighted)")


def clusterer_per_theme(segments, vectors, truth, k: int) -> str:
    """Returns: ``separation`` for the run's clusterer's k clusters of all segments (no
    pipeline)."""
    from analysis.core.themes.stability import theme_stability

    blended, clusterer = clustering_view(segments, vectors)
    labels = clusterer.fit_predict(blended, choose_settings(len(segments), k), 0)
    groups = [np.flatnonzero(labels == c).tolist() for c in range(labels.max() + 1)]
    groups = [g for g in groups if g]
    found = np.array(theme_stability(blended, groups, clusterer=clusterer).found)
    purity = np.array([theme_match(g, truth)[0] for g in groups])
    return separation(found, purity, np.array([len(g) for g in groups]))


def main() -> None:
    from sklearn.metrics import adjusted_mutual_info_score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="only the corpus whose name starts with this")
    parser.add_argument("--pairs", type=int, default=4, help="pairs of 90%% samples")
    parser.add_argument("--ks", default="", help="theme counts, e.g. 4,8,12 (default: scaled)")
    parser.add_argument("--pipeline", action="store_true", help="also the whole run_analysis")
    parser.add_argument("--per-theme", action="store_true",
                        help="only each theme's found-again count against the human labels")
    args = parser.parse_args()
    embedder, cache = MiniLMEmbedder(threads=2), FileEmbeddingCache(path=CACHE_FILE)
    if args.per_theme and (not args.corpus or "demo".startswith(args.corpus.lower())):
        from demo_corpus import demo_inputs

        from analysis.core.themes import load_codebook

        segments, questions = demo_inputs()
        print(f"demo: {len(segments)} segments, per theme (default codebook, as the app runs)")
        per_theme(segments, None, embedder, cache, questions=questions, codebook=load_codebook())
    for corpus, (segments, truth) in theme_corpora().items():
        if args.corpus and not corpus.lower().startswith(args.corpus.lower()):
            continue
        vectors = embed_segments(segments, embedder, cache)
        scaled = choose_settings(len(segments)).n_clusters
        ks = [int(k) for k in args.ks.split(",") if k] or sorted(
            {max(2, scaled // 4), max(2, scaled // 2), scaled, scaled + scaled // 2})
        if args.per_theme:
            print(f"{corpus}: {len(segments)} segments, per theme")
            per_theme(segments, truth, embedder, cache)
            vectors = embed_segments(segments, embedder, cache)
            scaled = choose_settings(len(segments)).n_clusters
            for k in sorted({max(2, scaled // 2), scaled, scaled + scaled // 2}):
                print(f"  clusterer alone, k={k}: "
                      + clusterer_per_theme(segments, vectors, truth, k))
            continue
        print(f"{corpus}: {len(segments)} segments, {args.pairs} pairs of 90% samples")
        for k in ks:
            aris = spread(segments, vectors,
                          lambda s, v, seed, k=k: clusterer_labels(s, v, k), args.pairs)
            full = clusterer_labels(segments, vectors, k)
            report(f"clusterer k={k}", aris, adjusted_mutual_info_score(truth, full), k)
        if args.pipeline:
            def ours(s, v, seed):
                return ours_labels(s, v, seed, embedder, cache)
            aris = spread(segments, vectors, ours, args.pairs)
            full = ours(segments, vectors, 0)
            report("ours (run_analysis)", aris, adjusted_mutual_info_score(truth, full),
                   len(set(full[full >= 0].tolist())))


if __name__ == "__main__":
    main()
