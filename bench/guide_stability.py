"""The question-guided cut alone: the "ours + its questions" rows of analysis_quality, fast.

Given the consultation's questions, a response's themes are its runs of passages
(``runs.DocumentRunsClusterer``), cut by what the passages say and by the question each
answers (``questions.answer_guide``, and the probabilities ``map_questions`` gives). This
runs only that: the question mapping and the cut, on the rows ``run_analysis`` fits
(``pipeline._fit_rows``), with no BERTopic, spaCy or theme-set rules. A response's runs are
never merged or split afterwards, so AMI and ARI come out as analysis_quality's "ours + its
questions" rows (checked on every written response, draw 0: the same figures to three
places) in about a fifth of the time: a change to the guide can be tried on two draws of
samples in a minute or two.

Measured with it (mean ARI over 45 pairs, draws 0 / 1; the guide as a one-hot of each
passage's best question x the mapping's confidence in it: written 0.948 / 0.922, second
0.898 / 0.893, third 0.931 / 0.943, fourth 0.899 / 0.893, fifth 0.926 / 0.942, sixth
0.925 / 0.932):
- kept: the soft guide (each passage's question probabilities x ``GUIDE_WEIGHT``, see
  ``runs.GUIDE_WEIGHT``): higher on average over six draws on every response (written 0.939
  -> 0.957, second 0.893 -> 0.901, third 0.947 -> 0.964, fourth 0.886 -> 0.892, fifth
  0.939 -> 0.941, sixth 0.916 -> 0.922) and AMI up or level on all six, though on draw 1
  the second response falls 0.893 -> 0.885 and the fifth 0.942 -> 0.934;

and none of these, because some row fell on draw 0 or 1:
- the soft guide with each question's count as the sum of its probabilities; probabilities
  sharpened (squared) or flattened (square root); averaged with the neighbours' either
  side; the mapping's neighbour chain averaged over ten 90% subsamples of the document
  (bagging), alone or with the soft guide: as mixed or worse;
- the Viterbi path's questions; the one-hot's confidence over a stretch of one question
  made one value (its mean or median); one coordinate of the expected number of question
  changes so far (the chain's pairwise posteriors): all lower on average;
- each sample given the full run's number of runs (an oracle): mean ARI 0.921 -> 0.928 /
  0.925, so how many runs a sample gets is not the main cause: where the cuts fall is.

Run: ``.venv/bin/python bench/guide_stability.py [--corpus second] [--draw 0 --draw 1]``.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
from analysis_quality import (  # noqa: E402
    CACHE_FILE,
    corpus_questions,
    theme_corpora,
    theme_row,
)

from analysis.core.themes import FileEmbeddingCache, MiniLMEmbedder  # noqa: E402


def guided_cut(questions):
    """Returns: a bench method giving each segment its run (-1: left out of fitting)."""
    from analysis.core.themes.cluster import choose_settings
    from analysis.core.themes.engine import clustering_view
    from analysis.core.themes.guide import embed_free_texts
    from analysis.core.themes.pipeline import _fit_rows
    from analysis.core.themes.questions import answer_guide, map_questions
    from analysis.core.themes.schema import ThemeOptions, sort_segments

    options = ThemeOptions()

    def method(segments, vectors, seed, embedder, cache):
        ordered = sort_segments(segments)
        rows_of = {s.id: row for row, s in enumerate(segments)}
        own = vectors[[rows_of[s.id] for s in ordered]]
        links, probabilities = map_questions(ordered, own, questions,
                                             lambda texts: embed_free_texts(texts, embedder,
                                                                            cache),
                                             options.question_min_similarity)
        grouping, clusterer = clustering_view(ordered, own, answer_guide(ordered, links, questions),
                                              probabilities)
        fit = _fit_rows(ordered, own, grouping, options.isolation_threshold)
        found = np.full(len(ordered), -1)
        found[fit] = clusterer.subset(fit).fit_predict(grouping[fit], choose_settings(len(fit)),
                                                       seed)
        label_of = {s.id: int(label) for s, label in zip(ordered, found, strict=True)}
        return np.array([label_of[s.id] for s in segments])
    return method


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="only the corpus whose name starts with this")
    parser.add_argument("--draw", type=int, action="append",
                        help="which draw of 90%% samples (analysis_quality --draw); repeat "
                             "for several (default: 0 and 1)")
    parser.add_argument("--samples", type=int, default=10, help="90%% samples per draw")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    embedder, cache = MiniLMEmbedder(threads=2), FileEmbeddingCache(path=CACHE_FILE)
    asked = corpus_questions()
    pairs = args.samples * (args.samples - 1) // 2
    print(f"{'corpus':18s} {'draw':>4s} {'AMI':>6s} {'ARI 90%':>7s} "
          f"{f'min/mean of {pairs} pairs':>20s}")
    for corpus, (segments, truth) in theme_corpora().items():
        if corpus not in asked or (args.corpus and not corpus.startswith(args.corpus)):
            continue
        for draw in args.draw or [0, 1]:
            row = theme_row(guided_cut(asked[corpus]), segments, truth, embedder, cache,
                            samples=max(2, args.samples), draw=draw)
            print(f"{corpus:18s} {draw:4d} {row['ami']:6.3f} {row['ari']:7.3f} "
                  f"{row['ari_min']:9.3f}/{row['ari_mean']:.3f}", flush=True)


if __name__ == "__main__":
    main()
