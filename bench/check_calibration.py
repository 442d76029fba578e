"""Where "Check" belongs: held-out accuracy by confidence, for question mappings and for
segments the theme classifier placed, after an officer confirmed 3, 5 or 10 examples.

Question mapping: the development corpus (the exemplar response's passages, each labelled
by the question it answers; bench/question_accuracy.py). Themes: both corpora of
bench/analysis_quality.py clustered by ``run_analysis`` (no codebook), the officer
simulated from people's labels as in bench/theme_learning.py, every placement kept
whatever its probability. Accuracy is over the segments nobody confirmed (5 draws).
``CHECK_BELOW`` is the lowest confidence from which every band is right at least
``TARGET`` of the time.

    HF_HUB_OFFLINE=1 PYTHONPATH=. python bench/check_calibration.py
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

import numpy as np
from analysis_quality import CACHE_FILE, labels_of, theme_corpora
from question_accuracy import EXAMPLE, _draw, _Question, labelled_passages
from theme_learning import officer_examples

from analysis.core.questions import MappingOptions, Passage, map_passages
from analysis.core.themes import (
    Codebook,
    FileEmbeddingCache,
    MiniLMEmbedder,
    SegmentInput,
    TextModels,
    context_vectors,
    embed_segments,
    run_analysis,
)
from analysis.core.themes.guide import embed_free_texts
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


def print_bands(name: str, pairs: list[tuple[float, bool]]) -> float:
    """Print accuracy per confidence band. Returns: the lowest confidence from which every
    band with 10 or more is right at least ``TARGET`` of the time."""
    sure = np.array([p for p, _ in pairs])
    right = np.array([r for _, r in pairs], dtype=float)
    print(f"{name}: {len(pairs)} placements, {right.mean():.1%} right")
    threshold = 1.0
    for low in BANDS[::-1]:
        band = (sure >= low) & (sure < low + 0.1)
        if band.sum():
            print(f"  {low:.1f}-{low + 0.1:.1f} {int(band.sum()):6d} {right[band].mean():7.1%}")
        if band.sum() >= 10 and right[band].mean() < TARGET:  # noqa: PLR2004
            break
        threshold = float(low)
    print(f"  right at least {TARGET:.0%} of the time from {threshold:.1f}")
    return threshold


def main() -> None:
    embedder, cache = MiniLMEmbedder(threads=2), FileEmbeddingCache(path=CACHE_FILE)
    found = [print_bands("questions (dev)", question_pairs(embedder, cache))]
    for name, (segments, truth) in theme_corpora().items():
        found.append(print_bands(f"themes ({name})", theme_pairs(segments, truth, embedder,
                                                                 cache)))
    print(f"CHECK_BELOW = {max(found):.1f} (the highest of the above)")


if __name__ == "__main__":
    main()
