"""Where "Check" belongs: held-out accuracy by confidence, for question mappings and for
segments the theme classifier placed, after an officer confirmed 3, 5 or 10 examples.

Question mapping: the development corpus (the exemplar response's passages, each labelled
by the question it answers; bench/question_accuracy.py). Themes: both corpora of
bench/analysis_quality.py clustered by ``run_analysis`` (no codebook), the officer
simulated from people's labels as in bench/theme_learning.py, every placement kept
whatever its probability. Accuracy is over the segments nobody confirmed (5 draws).
Joined: segments placed after a run by its saved model's ``transform``, held out 10% at a
time from the development corpus, the NHS comments and the demo (bench/join_calibration.py),
their confidence the calibrated similarity; "right" is where the full run puts them, and
for the corpora people labelled, also agreement with people's grouping.
``CHECK_BELOW`` is the lowest confidence from which every band is right at least
``TARGET`` of the time.

    HF_HUB_OFFLINE=1 PYTHONPATH=. python bench/check_calibration.py [--joined-only]
"""
from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import asdict, replace

import numpy as np
from analysis_quality import CACHE_FILE, labels_of, theme_corpora
from demo_corpus import demo_inputs
from join_calibration import Joined, brier_by_held_corpus, fit_platt, join_folds, print_floor
from question_accuracy import EXAMPLE, _draw, _Question, labelled_passages
from theme_learning import officer_examples

from analysis.core.questions import MappingOptions, Passage, map_passages
from analysis.core.themes import (
    Codebook,
    FileEmbeddingCache,
    MiniLMEmbedder,
    SegmentInput,
    TextModels,
    ThemeOptions,
    context_vectors,
    embed_segments,
    run_analysis,
)
from analysis.core.themes.guide import embed_free_texts
from analysis.core.themes.join_confidence import join_confidence
from analysis.core.themes.learning import LearningOptions, claim_clusters, learned_assignments

SHOTS, DRAWS, TARGET = (3, 5, 10), 5, 0.8
BANDS = np.round(np.arange(0.0, 1.0, 0.1), 1)


def question_pairs(embedder, cache) -> list[tuple[float, bool]]:
    """(confidence, right) of every learned question mapping of an unconfirmed passage."""
    texts, labels, names = labelled_passages(EXAMPLE)
    segments = [SegmentInput(id=i, text=t, text_hash=hashlib.sha256(t.encode()).hexdigest())
                for i, t in enumerate(texts)]
    vectors = embed_segments(segments, embedder, cache)
    questions = [_Question(i, name) for i, name in enumerate(names)]
    truth = [names.index(x) for x in labels]
    base = [Passage(id=i, text=t, sequence="doc", position=i) for i, t in enumerate(texts)]
    pairs = []
    for k in SHOTS:
        for draw in range(DRAWS):
            confirmed = _draw(labels, k, np.random.default_rng(draw))
            passages = [replace(p, question_id=truth[p.id]) if p.id in confirmed else p
                        for p in base]
            found = map_passages(passages, vectors, questions,
                                 lambda items: embed_free_texts(items, embedder, cache),
                                 MappingOptions())
            pairs += [(found[i].confidence, found[i].question_id == truth[i])
                      for i in range(len(texts))
                      if i not in confirmed and found[i].question_id is not None]
    return pairs


def theme_pairs(segments, truth, embedder, cache) -> list[tuple[float, bool]]:
    """(probability, right) of every segment the theme classifier places."""
    vectors = context_vectors(segments, embed_segments(segments, embedder, cache))
    result = run_analysis(segments, codebook=Codebook(),
                          models=TextModels(embedder=embedder, cache=cache))
    clusters = [None if c < 0 else int(c) for c in labels_of(result, segments)]
    pairs = []
    for k in SHOTS:
        for seed in range(DRAWS):
            examples = officer_examples(truth, k, seed)
            claimed = claim_clusters(examples, clusters, LearningOptions().min_examples)
            placed = learned_assignments(vectors, examples, [claimed.get(c, c) for c in clusters],
                                         LearningOptions(confident=0.0))
            pairs += [(p, key == truth[row]) for row, (key, p) in placed.items()]
    return pairs


def print_bands(name: str, pairs: list[tuple[float, bool]], every: bool = False) -> float:
    """Print accuracy per confidence band (down to the first under ``TARGET``, or ``every``
    band). Returns: the lowest confidence from which every band with 10 or more is right
    at least ``TARGET`` of the time."""
    sure = np.array([p for p, _ in pairs])
    right = np.array([r for _, r in pairs], dtype=float)
    print(f"{name}: {len(pairs)} placements, {right.mean():.1%} right")
    threshold, failed = 1.0, False
    for low in BANDS[::-1]:
        band = (sure >= low) & (sure < low + 0.1)
        if band.sum() and (every or not failed):
            print(f"  {low:.1f}-{low + 0.1:.1f} {int(band.sum()):6d} {right[band].mean():7.1%}")
        failed = failed or bool(band.sum() >= 10 and right[band].mean() < TARGET)  # noqa: PLR2004
        if failed and not every:
            break
        if not failed:
            threshold = float(low)
    print(f"  right at least {TARGET:.0%} of the time from {threshold:.1f}")
    return threshold


def joined_bands(embedder, cache, reuse: bool = False) -> list[float]:
    """Print the joined segments' bands per corpus (against the full run, and people's
    labels where there are some), the calibration comparison and the knots to keep.

    Returns: the thresholds found against the full run, one per corpus."""
    corpora = {name: (segments, truth) for name, (segments, truth) in theme_corpora().items()}
    corpora["demo"] = (demo_inputs()[0], None)
    kept = CACHE_FILE.parent / "joined-records.json"
    if reuse and kept.exists():  # the held-out runs are slow: --reuse prints them again
        records = [Joined(**r) for r in json.loads(kept.read_text(encoding="utf-8"))]
    else:
        records = [r for name, (segments, truth) in corpora.items()
                   for r in join_folds(name, segments, truth, embedder, cache)]
        kept.write_text(json.dumps([asdict(r) for r in records]), encoding="utf-8")
    print("joined: raw similarity, right against the full run (all corpora)")
    print_bands("  similarity", [(r.similarity, r.right_run) for r in records], every=True)
    for corpus, scores in brier_by_held_corpus(records).items():
        print(f"  Brier on {corpus} (fitted on the others): " + ", ".join(
            f"{k} {v:.3f}" for k, v in scores.items()))
    print("joined: the floor below which a segment stays not grouped")
    print_floor(records, ThemeOptions().reassign_threshold)
    slope, document, intercept = fit_platt(records)
    print(f"  Platt fitted on all: JOIN_SLOPE = {slope:.3f}, JOIN_DOCUMENT = {document:.3f}, "
          f"JOIN_INTERCEPT = {intercept:.3f}")
    found = []
    for name in corpora:
        mine = [r for r in records if r.corpus == name]
        sure = join_confidence([r.similarity for r in mine], [r.document for r in mine]).tolist()
        left = sum(not r.run_grouped for r in mine)
        print(f"({name}: {left} of {len(mine)} held-out segments were not grouped by the "
              f"full run)")
        found.append(print_bands(f"joined ({name}) vs full run",
                                 [(p, r.right_run) for p, r in zip(sure, mine, strict=True)],
                                 every=True))
        if mine and mine[0].right_people is not None:
            print_bands(f"joined ({name}) vs people's labels",
                        [(p, bool(r.right_people)) for p, r in zip(sure, mine, strict=True)],
                        every=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--joined-only", action="store_true", help="only the joined section")
    parser.add_argument("--reuse", action="store_true",
                        help="joined: reprint the last held-out runs' records")
    args = parser.parse_args()
    embedder, cache = MiniLMEmbedder(threads=2), FileEmbeddingCache(path=CACHE_FILE)
    found = []
    if not args.joined_only:
        found.append(print_bands("questions (dev)", question_pairs(embedder, cache)))
        for name, (segments, truth) in theme_corpora().items():
            found.append(print_bands(f"themes ({name})", theme_pairs(segments, truth, embedder,
                                                                     cache)))
    found += joined_bands(embedder, cache, args.reuse)
    print(f"CHECK_BELOW = {max(found):.1f} (the highest of the above)")


if __name__ == "__main__":
    main()
