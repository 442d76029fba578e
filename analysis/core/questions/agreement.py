"""Agreement between a person's blind coding and the app's (or another person's).

Themes are multi-label (a segment may carry none, one or several), so each theme is a
yes/no decision per segment: per theme F1 and Cohen's kappa, and overall the micro F1
over every (segment, theme) decision with a 95% bootstrap interval over segments, and
kappa over the same decisions. The question is one choice per segment ("none" counts
as a choice). scikit-learn computes every figure. Figures are not rounded here: the page
and the methods sentence round once, to two places (rounding twice showed 0.7647 as 0.77).
"""
from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np

__all__ = ["Agreement", "LabelAgreement", "choice_agreement", "label_agreement", "pair_kappa"]

BOOTSTRAP = 1000


MIN_CATEGORIES = 2  # kappa needs two categories to tell agreement from chance


@dataclass(frozen=True)
class LabelAgreement:
    """One theme: how often each side chose it, F1 and kappa (None when undefined)."""

    label: Hashable
    person: int
    app: int
    both: int
    f1: float
    kappa: float | None


@dataclass(frozen=True)
class Agreement:
    """Overall figures: F1 with its 95% bootstrap interval, Cohen's kappa, segments compared."""

    f1: float
    low: float
    high: float
    kappa: float | None
    segments: int
    labels: tuple[LabelAgreement, ...] = ()


def _kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    from sklearn.metrics import cohen_kappa_score

    if len(set(a) | set(b)) < MIN_CATEGORIES:
        return None  # one category only: chance agreement is total, kappa is undefined
    value = float(cohen_kappa_score(a, b))
    return None if math.isnan(value) else value


def _interval(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, seed: int) -> tuple[float, float]:
    """95% percentile bootstrap interval of micro F1 over segments.

    Each resample's F1 is 2TP / (2TP + FP + FN) from the per-segment confusion counts
    (scikit-learn's), summed over the resampled segments: the same figure ``f1_score``
    gives, without a thousand calls to it.
    """
    n = len(tp)
    rows = np.random.default_rng(seed).integers(0, n, (BOOTSTRAP, n))
    t, f = tp[rows].sum(axis=1), fp[rows].sum(axis=1) + fn[rows].sum(axis=1)
    values = np.divide(2 * t, 2 * t + f, out=np.zeros(BOOTSTRAP), where=(2 * t + f) > 0)
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)


def label_agreement(person: Sequence[AbstractSet[Hashable]],
                    app: Sequence[AbstractSet[Hashable]],
                    labels: Sequence[Hashable], seed: int = 0) -> Agreement:
    """Agreement on multi-label choices (themes).

    Args:
        person: per segment, the labels the person chose.
        app: per segment, the labels the app gave (same order).
        labels: every label that could be chosen.
        seed: for the bootstrap.

    Returns:
        An ``Agreement`` with one ``LabelAgreement`` per label.
    """
    from sklearn.metrics import f1_score

    n = len(person)
    if n == 0:
        return Agreement(0.0, 0.0, 0.0, None, 0)
    index = {label: k for k, label in enumerate(labels)}
    ours = np.zeros((n, len(labels)), dtype=int)
    theirs = np.zeros((n, len(labels)), dtype=int)
    for row, (mine, its) in enumerate(zip(person, app, strict=False)):
        ours[row, [index[x] for x in mine if x in index]] = 1
        theirs[row, [index[x] for x in its if x in index]] = 1
    per_label = tuple(LabelAgreement(
        labels[k], int(ours[:, k].sum()), int(theirs[:, k].sum()),
        int((ours[:, k] & theirs[:, k]).sum()),
        float(f1_score(ours[:, k], theirs[:, k], zero_division=0)),
        _kappa(ours[:, k].tolist(), theirs[:, k].tolist())) for k in range(len(labels)))

    from sklearn.metrics import multilabel_confusion_matrix

    counts = multilabel_confusion_matrix(ours, theirs,
        samplewise=True) if len(labels) else np.zeros((n, 2, 2), int)
    # Per segment [[tn, fp], [fn, tp]], with the person's choice as the reference.
    low, high = _interval(counts[:, 1, 1], counts[:, 0, 1], counts[:, 1, 0], seed)
    f1 = float(f1_score(ours.ravel(), theirs.ravel(), zero_division=0))
    return Agreement(f1, low, high,
                     _kappa(ours.ravel().tolist(), theirs.ravel().tolist()), n, per_label)


def choice_agreement(person: Sequence[Hashable], app: Sequence[Hashable],
                     seed: int = 0) -> Agreement:
    """Agreement on one choice per segment (the question; None stands for "none").

    Args:
        person: per segment, the person's choice.
        app: per segment, the app's choice.
        seed: for the bootstrap.

    Returns:
        An ``Agreement``: F1 here is micro-averaged over segments (the share chosen alike).
    """
    from sklearn.metrics import f1_score

    ours = np.array(["none" if x is None else str(x) for x in person])
    theirs = np.array(["none" if x is None else str(x) for x in app])
    n = len(ours)
    if n == 0:
        return Agreement(0.0, 0.0, 0.0, None, 0)

    same = (ours == theirs).astype(int)
    # One choice per segment: a match is a true positive, a mismatch one FP and one FN.
    low, high = _interval(same, 1 - same, 1 - same, seed)
    f1 = float(f1_score(ours, theirs, average="micro"))
    return Agreement(f1, low, high, _kappa(ours.tolist(), theirs.tolist()), n)


def pair_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Args: two people's choices for the same segments. Returns: Cohen's kappa, or None
    when undefined (both always chose the same one thing)."""
    return _kappa(["none" if x is None else str(x) for x in first],
                  ["none" if x is None else str(x) for x in second])
