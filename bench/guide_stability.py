"""The documents' cut alone: analysis_quality's "ours + its questions" (or "ours") rows, fast.

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

The question mapping where it is torn (issue #11; ``guide_pairs``: a passage whose best
question is under 0.7 moves most). Before: mean ARI, draws 0 / 1, written 0.960 / 0.936,
second 0.900 / 0.885, third 0.963 / 0.969, fourth 0.898 / 0.905, fifth 0.943 / 0.934, sixth
0.931 / 0.931 (AMI 0.938, 0.889, 0.923, 0.901, 0.915, 0.911); the six responses' passages
under a numbered heading mapped to it 946 of 1,059 (0.893) and bench/question_accuracy.py's
"neighbours" 0.590 / 0.843 / 0.906 / 0.906 with 0 / 3 / 5 / 10 examples. None kept:
- a chain that never goes back (``MappingOptions.forward`` 0.9 -> 1.0, so the posterior is
  an ordered alignment's): fewer torn passages (second 21% -> 10%, third 17% -> 7%, fourth
  25% -> 14%), responses mapped level (946), but question_accuracy 0.590 -> 0.508 with no
  examples (0.858 / 0.906 / 0.906), and the cut less stable: written 0.933 / 0.913, second
  0.871 / 0.855, third 0.897 / 0.911, fourth 0.905 / 0.892, fifth 0.944 / 0.934, sixth
  0.928 / 0.929, AMI second 0.866; sharper probabilities make the guide jump, as squaring
  them did. At 0.97: 945 mapped, 0.574 with no examples, written 0.951 / 0.943, second
  0.897 / 0.881, third 0.951 / 0.969, fourth 0.903 / 0.896, fifth 0.944 / 0.934, sixth
  0.932 / 0.931 (lower on average, AMI level);
- the chain's emissions tempered (probabilities ** (1 / 1.5), renormalised, before the
  forward-backward): 941 mapped, 0.566 / 0.863 / 0.916 / 0.911; written 0.954 / 0.952,
  second 0.864 / 0.864, third 0.946 / 0.968, fourth 0.900 / 0.893, fifth 0.927 / 0.922,
  sixth 0.927 / 0.921, AMI fourth 0.875; its ``stay`` raised or lowered (``expected_stay``
  ** 0.5 or ** 2): 938 mapped either way (rows not run);
- a torn passage's guide row (best under 0.7) shared equally by its two likeliest
  questions: written 0.959 / 0.953, second 0.904 / 0.885, third 0.975 / 0.956, fourth 0.888
  / 0.899, fifth 0.923 / 0.922, sixth 0.923 / 0.916, AMI second 0.872, fourth 0.883; zeroed
  (the text alone cuts there): lower on all six (written 0.934 / 0.934, second 0.889 /
  0.869, fourth 0.850 / 0.876), AMI second 0.862, sixth 0.891;
- the guide as each passage's chance of answering question k or a later one (cumulative,
  x sqrt 2, so a change to the next question costs what it did): written 0.949 / 0.929,
  second 0.879 / 0.866, third 0.938 / 0.951, fourth 0.885 / 0.886, fifth 0.941 / 0.933,
  sixth 0.929 / 0.930.
So the soft guide from the present chain sits at a local best: sharper mappings (fewer torn
passages) move the cut more, softer ones blur the edges.

Without questions (``--no-questions``: the "ours" rows, every response but the NHS
comments) it gives analysis_quality's figures to three places (draw 0: mean ARI dev 0.871,
briefing 0.782, written 0.931, second 0.835, third 0.852, fourth 0.945, fifth 0.830, sixth
0.929; AMI 0.661, 0.673, 0.905, 0.825, 0.914, 0.868, 0.868, 0.826; checked on draw 11 for
dev: 0.894). Draw 11: 0.894, 0.799, 0.911, 0.787, 0.878, 0.891, 0.881, 0.934. ``--cuts``
prints each cut of the whole response, what it saves (in its average spread per passage, as
``runs.clear_changes``) and how many of ten samples keep it: of 92 cuts on the eight
responses, those saving under 3 spreads are kept by 49% of samples, 3-3.5 by 80%, 3.5-4 by
88%, 4 or more by 97%; a lost cut is mostly gone from the sample (or another weak cut
replaces it), not moved a passage or two. So weak cuts are the unstable ones. Tried on
that (mean ARI change, draws 0 / 11, eight responses), none kept:
- each cut moved within +-2 passages to where windows of 2, 3, 4 or 6 passages either side
  differ most: lower on 7-8 of 8 responses (mean -0.013 to -0.024), AMI down to -0.044;
- vectors centred and whitened per document (Ledoit-Wolf shrunk covariance), the count
  from the plain vectors: mean -0.087, AMI -0.015 to -0.140 (the briefing -0.21 ARI);
- an RBF kernel (gamma 1 / median squared distance) instead of the linear one: -0.034,
  AMI down on 7 of 8;
- only the strong cuts (the weakest cut dropped while it saves under 3 or 3.5 spreads), as
  a parent level: LESS stable (mean -0.058 / -0.055; the briefing 0.78 -> 0.53), as whether
  a cut passes a threshold flips between samples as much as which weak cut is made, so
  parent themes from strong cuts would not be steadier than the runs; dropping only cuts
  saving under 2 or 2.5 changes the policy briefing alone (AMI 0.673 -> 0.592).

Each sample given the whole response's number of runs (an oracle) changes the mean ARI by
+0.001 (draws 0 / 11): without questions too, where the cuts fall is what differs.
Measured and NOT kept, as it breaks the issue's theme-set rule (every theme at least 5
segments) and lowers dev on two draws of three:
- a run one passage under a theme's least size (4, in the cut, the count and the theme-set
  rules; session 35's stab35a branch), as a run of exactly 5 loses a passage in 41% of 90%
  samples and could then not be a run. Mean ARI, draws 0 / 11 / 1 (AMI): dev 0.871 ->
  0.837, 0.894 -> 0.883, 0.866 -> 0.876 (0.661 -> 0.683); briefing 0.782 -> 0.961, 0.799 ->
  0.886, 0.705 -> 0.792 (0.673); written 0.931 -> 0.932, 0.911 -> 0.915, 0.913 -> 0.922
  (0.905); second 0.835 -> 0.830, 0.787 -> 0.782, 0.829 -> 0.828 (0.825 -> 0.842); third,
  fourth, sixth unchanged; fifth 0.830 -> 0.827, 0.881 -> 0.873, 0.851 -> 0.854 (0.868 ->
  0.876): +0.013 on average over draws 0 and 11, +0.014 on draw 1, mostly the briefing.
  With questions: +0.006 (draws 0 and 11), +0.007 (draw 1), 5 of 6 up; AMI level but the
  second 0.889 -> 0.880 and the fifth 0.915 -> 0.918. analysis_quality gives the same
  (draw 0: the briefing 0.961, dev 0.837, AMI 0.683); without the theme-set rules' change
  the briefing's 4-passage runs were dissolved there (0.762).

Also tried and not kept (mean ARI change over draws 0 and 11, eight responses):
- bagging inside the clusterer: 15 internal 90% subsets (seeded by the row count), each
  cut by the rule, a left-out row joined to the run before or after it whose centre is
  nearer, the final cut the same dynamic programme on the bags' run memberships (one-hot,
  concatenated): with the bags' median count -0.017 (2 of 8 up; AMI down on 7, the
  briefing 0.673 -> 0.603), with the whole's count -0.008 (AMI fifth -0.032, briefing
  -0.070), cuts wherever 30% of bags cut (+-1 passage) -0.006 (AMI fourth -0.026, fifth
  -0.038); about twice the time;
- the count chosen by internal stability (the k within +-2 of the rule's whose cut ten
  internal 90% subsets reproduce best, by ARI): -0.041, the briefing's AMI 0.673 -> 0.405;
- binary segmentation (nested cuts) instead of the exact programme: -0.055, dev AMI -0.164;
- passages chained more (``engine.CHAIN_WEIGHTS`` 0.25, 0.35 or (0.2, 0.1)): AMI up on most
  (dev 0.661 -> 0.76-0.77 at 0.35 and (0.2, 0.1)), but smoother rows lower the spread
  unit, so more cuts pass ``CLEAR_CHANGE`` and the dev response's count wavers (13 runs, ARI
  0.88 -> 0.69-0.72): -0.010, -0.013, -0.006; (0.2, 0.1) with ``CLEAR_CHANGE`` 2.75: +0.005
  (6 of 8 up) but dev AMI -0.015; at 3.0: +0.002, fifth AMI -0.030; only the placement on
  rows smoothed once more (0.2 either side), the count as now: -0.002.

Run: ``.venv/bin/python bench/guide_stability.py [--corpus second] [--draw 0 --draw 1]
[--no-questions [--cuts]]``.
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

from collections import Counter  # noqa: E402

import numpy as np  # noqa: E402
from analysis_quality import (  # noqa: E402
    CACHE_FILE,
    corpus_questions,
    theme_corpora,
    theme_row,
)

from analysis.core.themes import FileEmbeddingCache, MiniLMEmbedder  # noqa: E402


def guided_cut(questions):
    """Returns: a bench method giving each segment its run (-1: left out of fitting); with
    no questions (None), the cut of the "ours" rows."""
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
        answers, probabilities = None, None
        if questions:
            links, probabilities = map_questions(ordered, own, questions,
                                                 lambda texts: embed_free_texts(texts, embedder,
                                                                                cache),
                                                 options.question_min_similarity)
            answers = answer_guide(ordered, links, questions)
        grouping, clusterer = clustering_view(ordered, own, answers, probabilities)
        fit = _fit_rows(ordered, own, grouping, options.isolation_threshold)
        found = np.full(len(ordered), -1)
        found[fit] = clusterer.subset(fit).fit_predict(grouping[fit], choose_settings(len(fit)),
                                                       seed)
        label_of = {s.id: int(label) for s, label in zip(ordered, found, strict=True)}
        return np.array([label_of[s.id] for s in segments])
    return method


def cut_survival(segments, embedder, cache, draw: int = 0, samples: int = 10) -> list[tuple]:
    """Each cut of the whole response (no questions) and how many 90% samples keep it.

    Args:
        segments: one response's passages, in id order; embedder, cache: as
            analysis_quality's; draw: which samples (``theme_row``'s); samples: how many.

    Returns:
        (position, saving, kept) per cut: the passage (0..) a run starts at, the spread the
        cut saves between its neighbouring cuts in the document's average spread per
        passage (``runs.clear_changes``'s unit), and the samples with a cut there.
    """
    from analysis_quality import SHARE, embed_segments

    from analysis.core.themes.cluster import choose_settings
    from analysis.core.themes.engine import clustering_view
    from analysis.core.themes.pipeline import _fit_rows
    from analysis.core.themes.schema import ThemeOptions

    def cuts(chosen):  # ids that start a run, and the chained vectors of the fitted rows
        own = embed_segments(chosen, embedder, cache)
        grouping, clusterer = clustering_view(chosen, own)
        fit = _fit_rows(chosen, own, grouping, ThemeOptions().isolation_threshold)
        fitted = clusterer.subset(fit)
        labels = fitted.fit_predict(grouping[fit], choose_settings(len(fit)), 0)
        ids = [chosen[r].id for r in fit]
        return ids, labels, fitted.view

    ids, labels, view = cuts(segments)
    starts = [0] + [r for r in range(1, len(ids)) if labels[r] != labels[r - 1]] + [len(ids)]

    def cost(rows: np.ndarray) -> float:  # squared distance to the rows' mean, summed
        return float(((rows - rows.mean(axis=0)) ** 2).sum())

    spread = cost(view) / len(view)
    rng = np.random.default_rng(7 if not draw else [7, draw])
    kept: Counter[int] = Counter()
    for _ in range(samples):
        pick = np.sort(rng.choice(len(segments), int(SHARE * len(segments)), replace=False))
        sample_ids, sample_labels, _ = cuts([segments[i] for i in pick])
        found = {sample_ids[r] for r in range(1, len(sample_ids))
                 if sample_labels[r] != sample_labels[r - 1]}
        # A cut is kept where the sample's run starts at the cut's passage or, when the
        # sample left that passage out, at the next one it has.
        kept.update(j for j in range(1, len(starts) - 1) if next(
            (i for i in sample_ids if i >= ids[starts[j]]), None) in found)
    return [(starts[j], (cost(view[starts[j - 1]:starts[j + 1]]) - cost(
        view[starts[j - 1]:starts[j]]) - cost(view[starts[j]:starts[j + 1]])) / spread,
        kept[j]) for j in range(1, len(starts) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="only the corpus whose name starts with this")
    parser.add_argument("--draw", type=int, action="append",
                        help="which draw of 90%% samples (analysis_quality --draw); repeat "
                             "for several (default: 0 and 1)")
    parser.add_argument("--samples", type=int, default=10, help="90%% samples per draw")
    parser.add_argument("--no-questions", action="store_true",
                        help='the "ours" rows instead: every response cut without its '
                             "consultation's questions")
    parser.add_argument("--cuts", action="store_true",
                        help="with --no-questions: each cut's saving and how many samples of "
                             "the first draw keep it (cut_survival)")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    embedder, cache = MiniLMEmbedder(threads=2), FileEmbeddingCache(path=CACHE_FILE)
    asked = corpus_questions()
    corpora = theme_corpora()
    documents = [name for name in corpora if name != "NHS comments"]
    pairs = args.samples * (args.samples - 1) // 2
    print(f"{'corpus':18s} cut at passage:saving(samples keeping it)" if args.cuts else
          f"{'corpus':18s} {'draw':>4s} {'AMI':>6s} {'ARI 90%':>7s} "
          f"{f'min/mean of {pairs} pairs':>20s}")
    for corpus, (segments, truth) in corpora.items():
        if corpus not in (documents if args.no_questions else asked) or (
                args.corpus and not corpus.startswith(args.corpus)):
            continue
        if args.cuts and args.no_questions:
            found = cut_survival(segments, embedder, cache, (args.draw or [0])[0], args.samples)
            print(corpus, " ".join(f"{at}:{saving:.1f}({kept})" for at, saving, kept in found))
            continue
        for draw in args.draw or [0, 1]:
            questions = None if args.no_questions else asked[corpus]
            row = theme_row(guided_cut(questions), segments, truth, embedder, cache,
                            samples=max(2, args.samples), draw=draw)
            print(f"{corpus:18s} {draw:4d} {row['ami']:6.3f} {row['ari']:7.3f} "
                  f"{row['ari_min']:9.3f}/{row['ari_mean']:.3f}", flush=True)


if __name__ == "__main__":
    main()
