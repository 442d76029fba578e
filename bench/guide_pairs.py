"""Where the "+ its questions" rows lose ARI between 90% samples: which cuts differ, and why.

For one response and draw, runs the question mapping and the cut (``guide_stability``'s
method) on the whole response and on each 90% sample, and for every pair of samples
compares their cuts over the passages both hold. Each cut one sample makes and the other
does not is put in one class:

- ``moved``: the other sample cuts within two shared passages of it (the same change, placed
  differently);
- ``edge``: it falls between two of the analyst's sections (the other sample merges two
  answers, or cuts the answer elsewhere);
- ``inside``: it falls inside one section (a sub-split of one answer the other does not make).

The ARI a class costs is measured by repairing only that class (a moved cut put where the
other sample has it, an edge cut added to the other sample, an inside cut dropped) and
taking the pair's ARI again. The passages whose best question (argmax of the mapping's
probabilities) differs between samples are counted too, and how many of them sit next to a
differing cut. ``--grid`` prints each passage's section, best question and run in every
sample (never for a sealed response: the fourth and fifth, heldout4/heldout5, give counts
only).

Measured (issue #11; draws 0 / 1, ten samples = 45 pairs, mean ARI as guide_stability's):
- second response 0.900 / 0.885. Runs: whole 18, samples 16-18 (the count from its
  questions varies 15-17 and the clear-change count 15-18), but pairs with the same number
  of runs agree only a little better (0.910 / 0.893 vs 0.897 / 0.882): the count costs
  about 0.01. Per pair 12.0 / 14.2 passages sit in another theme: near a section edge (two
  passages before to one after it; 43% of all passages are) 53% / 55%, mapped to another
  best question 34% / 23%, inside one answer and mapped alike 26% / 28%; in a section of
  under 5 passages 8% / 19% (9% of all passages). Repairing only one class of differing cut
  (per pair: moved 5.5 / 4.6 cut ends, edge 1.6 / 1.4, inside 1.6 / 1.9) gains ARI
  +0.033 / +0.031, +0.030 / +0.026, +0.015 / +0.038. The grid shows where: the preamble
  (About us, Introduction, Summary: no headings in the bench's passages, mapped to Q2 and
  Q3 at 0.8-0.97), whose Q2->Q3 change at one Introduction passage flips when a strong
  neighbour is left out, moving the cut by 2-5 passages (that passage differs in all 45
  pairs); the Q5/Q6 edge, where three passages are torn (0.68/0.31, 0.51/0.48, 0.63/0.36)
  and the cut follows the flip; Q11, mapped a passage or two early and late, cut at any of
  five places; Q14, whose 15 passages are torn 0.35-0.55 between Q13-Q16 in every sample,
  so its cut and best questions differ almost pair by pair; Q7 (5 passages) joined to Q6
  when a sample has 16 runs (draw 1: short sections hold 19% of the moved passages). So
  mostly not sub-splits: cuts at question edges placed 1-5
  passages apart where the mapping is torn, and a little the count.
- fourth response (sealed: counts only) 0.898 / 0.905. The count is steady (16 runs in 9
  of 10 samples; same-count pairs 0.891 / 0.898, the others 0.927 / 0.931): not the cause.
  Per pair 13.3 / 11.6 passages in another theme: near an edge 59% / 60% (41% of all
  passages), mapped elsewhere 25% / 20%, inside one answer 30% / 31%; in a section of under
  5 passages 21% / 23% (eight such of 24 sections; 9% of all passages): short answers, too short
  for a run (the least run is 5), are joined to the answer before or after, and which one
  flips between samples. Repairs: moved +0.035 / +0.039, edge +0.021 / +0.023, inside
  +0.022 / -0.003.

Tried on that, not kept (``--short-join S --rows``: ``join_short``, then guide_stability's rows,
draws 0 / 1):
- a short answer's guide column added to the neighbouring question's whose passages'
  centre is closer ("similar"), so the guide asks for one cut beside it, not two: mean ARI
  written 0.960 / 0.936 -> 0.925 / 0.912, second 0.900 / 0.885 -> 0.911 / 0.879, third
  0.963 / 0.969 -> 0.959 / 0.933, fourth 0.898 / 0.905 -> 0.917 / 0.907, fifth 0.943 /
  0.934 -> 0.925 / 0.912, sixth 0.931 / 0.931 -> 0.930 / 0.917; AMI written 0.938 ->
  0.925, second 0.889 -> 0.869, fourth 0.901 -> 0.878 (others level): the fourth gains,
  but the written, third and fifth lose 0.02-0.04 and three AMIs fall 0.013-0.023;
- the same column always added to the next question answered ("next"): written 0.950 /
  0.933, second 0.915 / 0.877, third 0.946 / 0.935, fourth 0.911 / 0.886, fifth 0.919 /
  0.911, sixth 0.940 / 0.917; AMI second 0.889 -> 0.877, fourth 0.901 -> 0.875. Up on
  draw 0 for the second and fourth, down on draw 1, and lower for the other four.
Neither reaches the bar (mean ARI up over the six, AMI within 0.005).
What predicts a passage changing theme best is the mapping being torn over it in the whole
run (best question's probability under ``TORN``): fourth 68% / 56% of the passages in
another theme against 25% of all passages, second 38% / 33% against 21%. So the next
remedy to try is in the mapping (fewer torn passages at question edges), not in the cut.

Run: ``.venv/bin/python bench/guide_pairs.py --corpus second [--draw 0] [--grid]
[--short-join similar|next [--rows]]`` (``--rows`` with no ``--corpus``: all six).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
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
    corpus_questions,
    embed_segments,
    theme_corpora,
)

from analysis.core.themes import FileEmbeddingCache, MiniLMEmbedder  # noqa: E402

SEALED = ("fourth", "fifth")  # heldout4 and heldout5: totals and counts only
CLASSES = ("moved", "edge", "inside")
SHORT = 5  # passages: a section shorter than a theme's least size (rules.MIN_THEME_SEGMENTS)


class _Last:
    top = np.zeros(0)


cut = _Last()
TORN = 0.7  # a passage whose best question's probability is below this is torn


def cut_with_questions(segments, vectors, questions, embedder, cache):
    """Returns: (run per segment, best question place per segment or -1), segments in order."""
    from analysis.core.themes.cluster import choose_settings
    from analysis.core.themes.engine import clustering_view
    from analysis.core.themes.guide import embed_free_texts
    from analysis.core.themes.pipeline import _fit_rows
    from analysis.core.themes.questions import answer_guide, map_questions
    from analysis.core.themes.schema import ThemeOptions

    options = ThemeOptions()
    links, probabilities = map_questions(
        segments, vectors, questions, lambda texts: embed_free_texts(texts, embedder, cache),
        options.question_min_similarity)
    answers = answer_guide(segments, links, questions)
    grouping, clusterer = clustering_view(segments, vectors, answers, probabilities)
    fit = _fit_rows(segments, vectors, grouping, options.isolation_threshold)
    found = np.full(len(segments), -1)
    found[fit] = clusterer.subset(fit).fit_predict(grouping[fit], choose_settings(len(fit)), 0)
    best = np.where(probabilities.sum(axis=1) > 0, probabilities.argmax(axis=1), -1)
    cut.top = probabilities.max(axis=1, initial=0.0)  # the last call's top probabilities
    return found, best


def boundaries(labels: list[int]) -> set[int]:
    """Returns: positions p (1..) where labels[p] starts a new run."""
    return {p for p in range(1, len(labels)) if labels[p] != labels[p - 1]}


def as_labels(cuts: set[int], n: int) -> np.ndarray:
    """Returns: run numbers of n rows cut at ``cuts``."""
    out = np.zeros(n, dtype=int)
    for p in sorted(cuts):
        out[p:] += 1
    return out


def classify(mine: set[int], theirs: set[int], sections: list[str]) -> dict[int, str]:
    """Returns: {position: class} for each cut in ``mine`` and not in ``theirs``."""
    out = {}
    for p in sorted(mine - theirs):
        if any(q in theirs - mine for q in range(p - 2, p + 3)):
            out[p] = "moved"
        elif sections[p] != sections[p - 1]:
            out[p] = "edge"
        else:
            out[p] = "inside"
    return out


def repaired(a: set[int], b: set[int], sections: list[str], kind: str) -> tuple[set, set]:
    """Returns: the two samples' cuts with only the differences of class ``kind`` agreeing."""
    a2, b2 = set(a), set(b)
    if kind == "moved":  # the second sample's nearby cut put where the first has it
        for p, found in classify(a, b, sections).items():
            if found == "moved":
                b2.discard(min((q for q in b - a if abs(q - p) <= 2), key=lambda q: abs(q - p)))
                b2.add(p)
        return a2, b2
    for mine, theirs, other in ((a, b, b2), (b, a, a2)):
        for p, found in classify(mine, theirs, sections).items():
            if found == kind == "edge":
                other.add(p)
            elif found == kind == "inside":
                (a2 if mine is a else b2).discard(p)
    return a2, b2


def changed(la: list[int], lb: list[int], both: list[int]) -> list[int]:
    """Returns: the passages (ids in ``both``) outside the run of the second sample matched to
    their run of the first (runs matched one to one by overlap)."""
    from scipy.optimize import linear_sum_assignment

    table = np.zeros((max(la) + 2, max(lb) + 2), dtype=int)
    for x, y in zip(la, lb, strict=True):
        table[x + 1, y + 1] += 1
    rows, cols = linear_sum_assignment(-table)
    match = dict(zip(rows.tolist(), cols.tolist(), strict=True))
    return [i for i, x, y in zip(both, la, lb, strict=True) if match.get(x + 1) != y + 1]


def diagnose(corpus: str, labelled, questions, models, *, draw: int, samples: int,
             grid: bool) -> None:
    """Print the classes of differing cuts and what each costs in ARI, for one draw."""
    from sklearn.metrics import adjusted_rand_score as ari

    (segments, truth), (embedder, cache) = labelled, models
    vectors = embed_segments(segments, embedder, cache)
    full, full_best = cut_with_questions(segments, vectors, questions, embedder, cache)
    full_top = cut.top
    rng = np.random.default_rng(7 if not draw else [7, draw])
    picks = [np.sort(rng.choice(len(segments), int(SHARE * len(segments)), replace=False))
             for _ in range(samples)]
    runs, bests = [], []
    for pick in picks:
        labels, best = cut_with_questions([segments[i] for i in pick], vectors[pick],
                                          questions, embedder, cache)
        runs.append(dict(zip(pick.tolist(), labels.tolist(), strict=True)))
        bests.append(dict(zip(pick.tolist(), best.tolist(), strict=True)))
    count: Counter[str] = Counter()
    gain: Counter[str] = Counter()
    where: Counter[int] = Counter()
    base = []
    edges = [i for i in range(1, len(truth)) if truth[i] != truth[i - 1]]
    near_edge = {i for e in edges for i in range(e - 2, e + 2)}
    moved: Counter[tuple[bool, bool]] = Counter()  # (near an edge, mapped elsewhere)
    sizes = Counter(truth)
    groups = {f"in a section of under {SHORT} passages":
              {i for i, section in enumerate(truth) if sizes[section] < SHORT},
              f"torn in the whole run (best question under {TORN})":
              set(np.flatnonzero(full_top < TORN).tolist())}
    among: Counter[str] = Counter()
    by_count: dict[bool, list[float]] = {True: [], False: []}
    for a, b in combinations(range(samples), 2):
        both = sorted(set(runs[a]) & set(runs[b]))
        la, lb = [runs[a][i] for i in both], [runs[b][i] for i in both]
        sections = [truth[i] for i in both]
        score = ari(la, lb)
        base.append(score)
        by_count[max(runs[a].values()) == max(runs[b].values())].append(score)
        ca, cb = boundaries(la), boundaries(lb)
        for mine, theirs in ((ca, cb), (cb, ca)):
            for p, kind in classify(mine, theirs, sections).items():
                count[kind] += 1
                where[both[p]] += 1
        for i in changed(la, lb, both):
            moved[i in near_edge, bests[a][i] != bests[b][i]] += 1
            among.update(name for name, rows in groups.items() if i in rows)
        for kind in CLASSES:
            ra, rb = repaired(ca, cb, sections, kind)
            gain[kind] += ari(as_labels(ra, len(both)), as_labels(rb, len(both))) - score
    pairs = len(base)
    flips = [i for i in range(len(segments))
             if len({bests[s][i] for s in range(samples) if i in bests[s]}) > 1]
    near = [i for i in flips if any(where[j] for j in range(i - 1, i + 2))]
    print(f"{corpus} draw {draw}: mean ARI {np.mean(base):.3f}; runs full {full.max() + 1}, "
          f"samples {sorted(Counter(max(r.values()) + 1 for r in runs).items())}, sections "
          f"{len(set(truth))}")
    print("  differing cuts per pair: " + ", ".join(
        f"{k} {count[k] / pairs:.2f} (ARI +{gain[k] / pairs:.3f} if repaired)" for k in CLASSES))
    print(f"  passages whose best question differs between samples: {len(flips)} of "
          f"{len(segments)}, {len(near)} of them at or next to a differing cut; passages at "
          f"a differing cut: {len(where)} ({sum(where.values())} times)")
    total = sum(moved.values())
    print(f"  passages in another theme per pair: {total / pairs:.1f}; of them near a section "
          f"edge (2 before to 1 after) and mapped to another question "
          f"{moved[True, True] / total:.0%}, near an edge only {moved[True, False] / total:.0%}, "
          f"mapped elsewhere only {moved[False, True] / total:.0%}, neither (inside one "
          f"answer) {moved[False, False] / total:.0%}; sections of under 5 passages: "
          f"{sum(1 for n in sizes.values() if n < SHORT)}")
    for name, rows in groups.items():
        print(f"  {name}: {among[name] / total:.0%} of passages in another theme, "
              f"{len(rows) / len(truth):.0%} of all passages")
    print(f"  near an edge: {len(near_edge) / len(truth):.0%} of all passages")
    print("  mean ARI of pairs with the same number of runs " + ", different: ".join(
        f"{np.mean(by_count[same]):.3f} ({len(by_count[same])} pairs)" if by_count[same] else "-"
        for same in (True, False)))
    if grid:
        for i, segment in enumerate(segments):
            cells = " ".join(f"{runs[s][i]:2d}/{bests[s][i]:2d}" if i in runs[s] else "  .  "
                             for s in range(samples))
            print(f"  {i:3d} {truth[i]:>8.8s} full {full[i]:2d}/{full_best[i]:2d} | {cells} "
                  f"{'*' * min(where[i], 20):20s} {segment.text[:50]}")


def join_short(into: str) -> None:
    """Patch the cut's guide (the variant measured and not kept, see the module): a question
    answered in fewer than a theme's least size of passages has its probability column added
    to a neighbouring question's, "similar": the one before or after whose passages' centre
    is closer to its own; "next": the next question answered (the last: the one before)."""
    from analysis.core.themes import runs
    from analysis.core.themes.embed import normalise_rows
    from analysis.core.themes.rules import min_theme_size

    plain = runs.DocumentRunsClusterer._guided

    def guided(self, rows, vectors, wanted):
        cut_by, wanted = plain(self, rows, vectors, wanted)
        answers = [self.answers[r] for r in rows]
        asked = sorted({a for a in answers if a is not None})
        if not asked:
            return cut_by, wanted
        guide = cut_by[:, vectors.shape[1]:].copy()
        said, smallest = Counter(answers), min_theme_size(len(self.sources))
        centre = {q: normalise_rows(vectors[[a == q for a in answers]].mean(axis=0,
                                                                           keepdims=True))[0]
                  for q in asked}
        for k in range(len(asked) - 1, -1, -1):
            near = [j for j in (k - 1, k + 1) if 0 <= j < len(asked)]
            if said[asked[k]] >= smallest or not near:
                continue
            j = (max(near, key=lambda j: float(centre[asked[j]] @ centre[asked[k]]))
                 if into == "similar" else near[-1])
            guide[:, j] += guide[:, k]
            guide[:, k] = 0
        return np.hstack([vectors, guide]), wanted

    runs.DocumentRunsClusterer._guided = guided  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="", help="the response whose name starts so")
    parser.add_argument("--draw", type=int, action="append")
    parser.add_argument("--samples", type=int, default=10)
    parser.add_argument("--grid", action="store_true", help="each passage (not when sealed)")
    parser.add_argument("--short-join", choices=("similar", "next"),
                        help="the short-answer variant (join_short) on the diagnosis")
    parser.add_argument("--rows", action="store_true",
                        help="guide_stability's rows (AMI, ARI) instead of the diagnosis")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    if args.short_join:
        join_short(args.short_join)
    if args.rows:
        import guide_stability

        sys.argv = [sys.argv[0], "--corpus", args.corpus] + [
            f"--draw={d}" for d in args.draw or [0, 1]]
        guide_stability.main()
        return
    embedder, cache = MiniLMEmbedder(threads=2), FileEmbeddingCache(path=CACHE_FILE)
    asked = corpus_questions()
    for corpus, (segments, truth) in theme_corpora().items():
        if corpus not in asked or not corpus.startswith(args.corpus):
            continue
        for draw in args.draw or [0]:
            diagnose(corpus, (segments, truth), asked[corpus], (embedder, cache), draw=draw,
                     samples=args.samples, grid=args.grid and not corpus.startswith(SEALED))


if __name__ == "__main__":
    main()
