"""Themes of documents as runs of passages: cut each document where its subject changes.

A response document answers one question under each heading, so what it says about one
subject sits together. ``DocumentRunsClusterer`` finds, for each document, the cut into
runs of passages that leaves the least spread within runs (exact dynamic programming over
squared distances: ruptures' ``KernelCPD`` with a linear kernel), at least ``min_size``
passages long. How many runs: about 0.75 * sqrt(n), or more where more cuts are each
clearly worth making (``clear_changes``: a long response answers many questions). Where the
cuts fall depends on the passages either side of each cut, so they barely move when a tenth
of the passages is left out: over ten pairs of 90% samples (bench/analysis_quality.py) the
themes agree with ARI 0.93 on average on the development response (lowest 0.80), 0.89 on the
policy briefing (0.78), 0.94 on a written response written after this method (0.88;
bench/heldout_corpus.py) and 0.85 on a second one (0.81), where spectral + Ward on the
development response's passages averaged 0.58 over fifteen pairs. A document's runs are never merged
again afterwards (``rules.settle_topics``, ``keep_apart``), and a codebook only names them.
Given the consultation's questions, a document that answers them in their order
(``questions.answer_guide``) is also cut where its answers change (``GUIDE_WEIGHT``), by each
passage's probabilities of the questions (``questions.map_questions``): where the mapping is
torn between two questions, leaving a neighbour out flips its best one but barely moves them.

Several documents are cut one by one (each gets runs in proportion to its length); runs
of different documents whose centres are at least ``JOIN_SIMILARITY`` alike become one
theme, so one subject in two responses is one theme. Runs suit long documents only
(``runs_suit``): when a document would get fewer than ``MIN_RUNS`` runs, or the run mixes
documents with anything else, free clustering finds subjects across them instead.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from .cluster import ClusterSettings, choose_settings
from .embed import normalise_rows
from .rules import min_theme_size
from .schema import SegmentInput
from .sub_models import HDBSCAN_ABOVE

__all__ = ["CLEAR_CAP", "CLEAR_CHANGE", "GUIDE_WEIGHT", "JOIN_SIMILARITY", "MIN_RUNS",
           "DocumentRunsClusterer", "clear_changes", "cut_runs", "runs_suit"]

# Two runs of different documents are one subject when their centres are this alike
# (cosine, all-MiniLM-L6-v2). Chosen, not measured: no corpus here says one subject in
# several documents. Complete linkage: every pair of runs in a theme must be this alike.
JOIN_SIMILARITY = 0.75
# A document that follows the consultation's questions (``questions.answer_guide``) is cut
# by what its passages say and by the question each answers: every passage carries its
# probabilities of the questions its document answers at this weight beside its unit vector,
# so a run spanning two questions costs more, and it is asked for a run per question it
# answers, counted by each passage's best question (a question answered in fewer passages
# than the smallest theme counts as the share of a run it fills). Chosen with a one-hot of
# the best question on the written response with its 21 questions (bench/analysis_quality.py,
# row "ours + its questions"; ten pairs of 90% samples): at 0.5, AMI 0.92 and mean ARI
# 0.93; with no weight 0.91 and 0.84; at 1.0 0.90 and 0.94 (a wrong link then cuts a run
# short).
# Counting a short answer as a whole run (before) forced cuts inside long answers: on a
# fourth response (20 questions, 7 answered in 1-3 passages) mean ARI 0.81, now 0.88 (AMI
# 0.86 -> 0.84); the written response 0.93 -> 0.94 (AMI 0.92 -> 0.90), the second and
# third unchanged (0.87, 0.89). The best question of 3-9% of passages changes between 90%
# samples, mostly ones the mapping was unsure of, and a full-weight one-hot then moved the
# cut. Scaling the one-hot by the mapping's confidence helped (mean ARI, AMI: written 0.915
# -> 0.939, 0.923 -> 0.937; fourth 0.882 -> 0.891, 0.855 -> 0.872), but it still jumps to
# the other question when the best one flips; the probabilities move smoothly, so the cut
# moves less. Mean ARI over 45 pairs of 90% samples, averaged over six draws of samples
# (bench/guide_stability.py --draw 0..5), confidence x one-hot -> probabilities (AMI):
# written 0.939 -> 0.957 (0.937 -> 0.938), second 0.893 -> 0.901 (0.879 -> 0.889), third
# 0.947 -> 0.964 (0.923), fourth 0.886 -> 0.892 (0.872 -> 0.901), fifth 0.939 -> 0.941
# (0.911 -> 0.915), sixth 0.916 -> 0.922 (0.906 -> 0.911). Not on every draw: the fourth's
# draw 5 0.896 -> 0.874, the fifth's draws 1 and 5 0.942 -> 0.934 and 0.943 -> 0.930, the
# second's draw 1 0.893 -> 0.885. Probabilities sharpened, flattened, averaged with the
# neighbours' or over subsamples, and counting a question's runs by its summed probability
# were as mixed or worse (bench/guide_stability.py).
GUIDE_WEIGHT = 0.5
# A long response answers more questions than the square-root rule gives runs (the written
# responses: 24 and 22 sections, 11 and 10 runs). So a document also gets a run for every
# cut that lowers its spread by at least this many rows' worth of its average spread
# (``clear_changes``), when those are more. Measured with bench/analysis_quality.py (AMI;
# mean ARI over ten pairs of 90% samples), no questions given: at 2.5 the written response
# 0.79 -> 0.91 (ARI 0.89 -> 0.94), the second response 0.74 -> 0.83 (0.80 -> 0.85), the
# development response 0.66 (0.95 -> 0.93) and the briefing unchanged. It is a threshold on
# a smooth curve, so it is sensitive: at 2.25 the development response's count of runs
# wavers between samples (ARI 0.74), at 2.75 the written response's does (0.77). On a third
# response written after 2.5 was chosen: AMI 0.78 -> 0.91, but ARI 0.89 -> 0.84.
CLEAR_CHANGE = 2.5
# Never more than this many times the runs the square-root rule (or the questions) ask for:
# a document of hundreds of short, unlike passages would otherwise be hundreds of themes
# (367 for 400 sections of 3,000 passages, in review). The responses measured need 1.7x.
CLEAR_CAP = 2
# Where the ARI between 90% samples is lost, without questions (bench/guide_stability.py
# --no-questions --cuts): a cut saving under 3 of these spreads is kept by half the samples,
# one saving 4 or more by 97%, and a lost cut is gone (or another weak cut made instead),
# not moved a passage or two. Tried on that and not kept (mean ARI over draws 0 and 11 fell
# on most responses): moving each cut within +-2 passages to where fixed windows either side
# differ most; vectors whitened per document (Ledoit-Wolf); an RBF kernel; keeping only
# the strong cuts, which is less stable still (whether a cut passes the threshold flips as
# often), so parent themes from strong cuts would not be steadier than the runs; dropping
# cuts saving under 2 or 2.5 spreads changes only the briefing (AMI 0.67 -> 0.59).
# A document cut into fewer runs than this is not a sequence of subjects but one or two of
# them: thirty short responses would otherwise become thirty themes, one per response.
MIN_RUNS = 3


def runs_suit(segments: Sequence[SegmentInput]) -> bool:
    """Whether a run's themes are found as runs of passages (``DocumentRunsClusterer``).

    Args:
        segments: the run's segments, sorted by id.

    Returns:
        True when every segment is a document's passage, there are at most
        ``HDBSCAN_ABOVE`` of them, and each document would get ``MIN_RUNS`` runs or more.
    """
    n = len(segments)
    if not n or n > HDBSCAN_ABOVE or any(s.kind != "document" for s in segments):
        return False
    k = choose_settings(n).n_clusters
    lengths: dict[str, int] = {}
    for segment in segments:
        lengths[segment.source_key] = lengths.get(segment.source_key, 0) + 1
    return all(round(k * length / n) >= MIN_RUNS for length in lengths.values())


def cut_runs(vectors: np.ndarray, runs: int, min_size: int) -> np.ndarray:
    """Cut rows in reading order into ``runs`` runs with the least spread inside them.

    Args:
        vectors: (n, d) rows in reading order.
        runs: runs wanted (fewer when the rows are too few for runs of ``min_size``).
        min_size: the fewest rows in a run.

    Returns:
        Run number per row, 0.. in reading order.
    """
    import ruptures

    n = len(vectors)
    runs = max(1, min(runs, n // max(1, min_size)))
    if runs <= 1:
        return np.zeros(n, dtype=int)
    ends = ruptures.KernelCPD(kernel="linear", min_size=min_size).fit(
        np.asarray(vectors, dtype=np.float64)).predict(n_bkps=runs - 1)
    labels = np.zeros(n, dtype=int)
    for number, start in enumerate(ends[:-1], start=1):
        labels[start:] = number
    return labels


def clear_changes(vectors: np.ndarray, min_size: int) -> int:
    """Count the runs a document falls into where each cut is clearly worth making.

    Args:
        vectors: (n, d) rows in reading order.
        min_size: the fewest rows in a run.

    Returns:
        Runs in the cut with the least spread plus ``CLEAR_CHANGE`` times the document's
        average spread per row for each cut (1 when the rows are too few to cut).
    """
    import ruptures

    rows = np.asarray(vectors, dtype=np.float64)
    n = len(rows)
    if n < 2 * max(1, min_size):
        return 1
    spread = float(((rows - rows.mean(axis=0)) ** 2).sum()) / n
    if spread <= 0:
        return 1  # every passage the same ("N/A" ten times): nothing to cut, and no penalty
    ends = ruptures.KernelCPD(kernel="linear", min_size=max(1, min_size)).fit(rows).predict(
        pen=CLEAR_CHANGE * spread)
    return len(ends)


def _join_across_documents(labels: np.ndarray, vectors: np.ndarray,
                           document_of_run: list[str]) -> np.ndarray:
    """Join runs of different documents whose centres are ``JOIN_SIMILARITY`` alike."""
    from scipy.cluster.hierarchy import fcluster, linkage

    count = int(labels.max()) + 1
    if len(set(document_of_run)) <= 1:
        return labels
    middle = normalise_rows(np.stack([vectors[labels == r].mean(axis=0) for r in range(count)]))
    distance = 1.0 - np.clip(middle @ middle.T, -1.0, 1.0)
    same_document = np.equal.outer(document_of_run, document_of_run)
    # Runs of one document were cut apart on purpose: they never join each other.
    distance[same_document & ~np.eye(count, dtype=bool)] = 2.0
    condensed = distance[np.triu_indices(count, k=1)]
    groups = fcluster(linkage(condensed, "complete"), 1.0 - JOIN_SIMILARITY, "distance") - 1
    joined: np.ndarray = groups[labels]
    return joined


class DocumentRunsClusterer:
    """Each document cut into runs of passages about one subject (see the module)."""

    name = "document-runs"

    def __init__(self, sources: Sequence[str], view: np.ndarray | None = None,
                 answers: Sequence[int | None] | None = None,
                 probabilities: np.ndarray | None = None) -> None:
        """Args: each row's source, in reading order; the rows to cut by (the vectors
        given to ``fit_predict`` when None); each row's question (``answer_guide``) or None;
        each row's probability of each question, columns in the questions' order
        (``questions.map_questions``; None: sure of its answer)."""
        self.sources = list(sources)
        self.view = view
        self.answers = list(answers) if answers is not None else [None] * len(self.sources)
        self.probabilities = None if probabilities is None else np.asarray(probabilities)
        if len(self.answers) != len(self.sources) or (
                self.probabilities is not None and len(self.probabilities) != len(self.sources)):
            raise ValueError("answers and probabilities must give one entry (or None) per row")

    def subset(self, rows: np.ndarray) -> DocumentRunsClusterer:
        """Args: rows kept, in order. Returns: the clusterer for just those rows."""
        rows = np.asarray(rows, dtype=int)
        return DocumentRunsClusterer([self.sources[r] for r in rows],
                                     None if self.view is None else self.view[rows],
                                     [self.answers[r] for r in rows],
                                     None if self.probabilities is None
                                     else self.probabilities[rows])

    def _guided(self, rows: np.ndarray, vectors: np.ndarray,
                wanted: int) -> tuple[np.ndarray, int]:
        """Args: one document's rows, their vectors, runs wanted. Returns: the vectors with
        each row's question probabilities beside them, and at least a run per question
        (none: unchanged)."""
        answers = [self.answers[r] for r in rows]
        asked = sorted({a for a in answers if a is not None})
        if not asked:
            return vectors, wanted
        guide = np.zeros((len(rows), len(asked)))
        for row, answer in enumerate(answers):
            if answer is not None:
                guide[row] = (np.equal(asked, answer) if self.probabilities is None
                              else self.probabilities[rows[row], asked])
        # A question answered in fewer passages than a theme's least size cannot be a run
        # of its own: it counts as the share of a run it fills, so answers of one or two
        # passages never make the long answers be cut apart to give the runs asked for.
        smallest = min_theme_size(len(self.sources))
        said = Counter(answers)
        filled = sum(min(1.0, said[question] / smallest) for question in asked)
        return np.hstack([vectors, GUIDE_WEIGHT * guide]), max(wanted, round(filled))

    def fit_predict(self, vectors: np.ndarray, settings: ClusterSettings,
                    seed: int) -> np.ndarray:
        """Args: vectors (n, d) unit rows in reading order (its own view instead, when it
        has one), settings, seed (unused: there is no random step). Returns: labels 0..k-1."""
        vectors = np.asarray(vectors if self.view is None else self.view)
        n = len(vectors)
        if n == 0:
            return np.zeros(0, dtype=int)
        smallest = min_theme_size(n)
        labels = np.zeros(n, dtype=int)
        document_of_run: list[str] = []
        for source in dict.fromkeys(self.sources):
            rows = np.array([i for i, s in enumerate(self.sources) if s == source])
            wanted = max(1, round(settings.n_clusters * len(rows) / max(n, 1)))
            cut_by, wanted = self._guided(rows, vectors[rows], wanted)
            clear = min(clear_changes(cut_by, smallest), CLEAR_CAP * wanted)
            runs = cut_runs(cut_by, max(wanted, clear), smallest)
            labels[rows] = runs + len(document_of_run)
            document_of_run += [source] * (int(runs.max()) + 1)
        return _join_across_documents(labels, vectors, document_of_run)
