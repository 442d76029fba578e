"""Teach themes by example: people's confirmed segments train a classifier for the consultation.

Once a theme has ``min_examples`` segments a person confirmed (moved there, merged in,
"Right theme", a confirmed code), a logistic regression on the segments' embeddings
(scikit-learn, as question mapping does) learns what that theme looks like here. On a
re-run the rule is, for each segment, in this order:

1. a person's decision stands (their theme; never a theme they said it is not in);
2. the classifier's theme, when it is at least ``confident`` sure;
3. the clustering's theme.

Themes without enough examples still count: their confirmed segments, segments people took
out of a theme, and (weighted down) what the clustering put in them form one "something
else" class, so the classifier may decline rather than force a segment into a taught theme.
Everything works on row numbers and hashable theme keys: no database, no Flask.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from analysis.core.questions.learn import example_classifier

__all__ = ["CLUSTERED", "LEARNED", "PERSON", "Examples", "LearningOptions", "claim_clusters",
           "combine", "example_counts", "learned_assignments", "taught"]

PERSON, LEARNED, CLUSTERED = "person", "learned", "model"
_ELSE = "__something_else__"


MIN_CLASSES = 2  # a classifier needs two classes to tell apart


@dataclass(frozen=True)
class Examples:
    """People's decisions, by row: ``positive`` row -> its theme key (None: a person put it in
    "Not grouped"); ``negative`` row -> the theme keys a person took it out of or rejected."""

    positive: Mapping[int, Hashable] = field(default_factory=dict)
    negative: Mapping[int, frozenset[Hashable]] = field(default_factory=dict)


@dataclass(frozen=True)
class LearningOptions:
    """``min_examples``: confirmed segments a theme needs before the classifier learns it;
    ``confident``: least probability for the classifier to place a segment; ``else_weight``:
    weight of the clustering's segments in the "something else" class (0 leaves them out);
    ``c``: inverse regularisation; ``seed``: for the solver."""

    min_examples: int = 3
    confident: float = 0.5
    else_weight: float = 0.1
    c: float = 20.0
    seed: int = 0


def example_counts(examples: Examples) -> Counter[Hashable]:
    """Args: examples. Returns: Counter of confirmed segments per theme key."""
    return Counter(k for k in examples.positive.values() if k is not None)


def taught(examples: Examples, min_examples: int) -> list[Hashable]:
    """Args: examples, least count. Returns: theme keys with enough examples, sorted by str."""
    return sorted((k for k, n in example_counts(examples).items() if n >= min_examples), key=str)


def _training_rows(examples: Examples, clustered: Sequence[Hashable | None],
                   keys: list[Hashable], else_weight: float,
                   ) -> tuple[list[int], list[Hashable], list[float]]:
    """Rows, labels and weights to train on: people's decisions, then (at ``else_weight``)
    rows the clustering put in a theme nobody taught, as "something else"."""
    rows, labels, weights = [], [], []
    for row, key in examples.positive.items():
        rows.append(row)
        labels.append(key if key in keys else _ELSE)
        weights.append(1.0)
    for row in examples.negative:
        if row not in examples.positive:
            rows.append(row)
            labels.append(_ELSE)
            weights.append(1.0)
    decided = set(rows)
    if else_weight > 0:
        for row, key in enumerate(clustered):
            if row not in decided and key is not None and key not in keys:
                rows.append(row)
                labels.append(_ELSE)
                weights.append(else_weight)
    return rows, labels, weights


def learned_assignments(vectors: np.ndarray, examples: Examples,
                        clustered: Sequence[Hashable | None],
                        options: LearningOptions = LearningOptions(),
                        ) -> dict[int, tuple[Hashable, float]]:
    """Themes the classifier is sure of, for the rows no person decided.

    Args:
        vectors: (n, d) unit rows, one per segment: the rows the clustering grouped
            (``context_vectors``), so a passage is judged among its neighbours as there.
        examples: people's decisions by row.
        clustered: the clustering's theme key per row (None: not grouped), in the same key
            space as the examples (themes paired across the re-run).
        options: ``LearningOptions``.

    Returns:
        {row: (theme key, probability)} for rows placed with at least ``confident``
        probability; empty when no theme has ``min_examples`` examples.
    """
    keys = taught(examples, options.min_examples)
    if not keys:
        return {}
    rows, labels, weights = _training_rows(examples, clustered, keys, options.else_weight)
    classes = keys + ([_ELSE] if _ELSE in labels else [])
    if len(classes) < MIN_CLASSES:
        # One taught theme and nothing else known: nothing to tell it apart from.
        return {}
    index = {k: i for i, k in enumerate(classes)}
    model = example_classifier(options.c, options.seed)
    model.fit(vectors[rows], np.array([index[k] for k in labels]), sample_weight=np.array(weights))
    todo = [r for r in range(vectors.shape[0]) if r not in examples.positive]
    if not todo:
        return {}
    proba = np.zeros((len(todo), len(classes)))
    proba[:, model.classes_] = model.predict_proba(vectors[todo])
    out = {}
    for i, row in enumerate(todo):
        for key in examples.negative.get(row, ()):
            if key in index:
                proba[i, index[key]] = 0.0
        best = int(np.argmax(proba[i]))
        if classes[best] != _ELSE and proba[i, best] >= options.confident:
            out[row] = (classes[best], float(proba[i, best]))
    return out


def claim_clusters(examples: Examples, clustered: Sequence[Hashable | None],
                   min_examples: int = 3, taken: frozenset[Hashable] = frozenset(),
                   ) -> dict[Hashable, Hashable]:
    """Pair taught themes with the clusters holding most of their examples, so a theme keeps
    its identity (and label) when a re-run's clusters do not match it by overlap.

    Args:
        examples: people's decisions by row.
        clustered: the clustering's cluster key per row (None: not grouped).
        min_examples: examples a theme needs to claim a cluster.
        taken: cluster keys already paired with a theme.

    Returns:
        {cluster key: theme key}; each claims one cluster holding more than half its
        examples, the larger share first, each cluster claimed once. A theme that is
        itself one of the cluster keys (already paired) claims none.
    """
    keys = set(taught(examples, min_examples)) - set(clustered)
    where: dict[Hashable, Counter[Hashable]] = {}
    for row, key in examples.positive.items():
        if key in keys and clustered[row] is not None:
            where.setdefault(key, Counter())[clustered[row]] += 1
    total = example_counts(examples)
    offers = sorted(((-n / total[key], str(key), str(cluster), key, cluster)
                     for key, counter in where.items() for cluster, n in counter.items()
                     if n * 2 > total[key] and cluster not in taken), key=lambda o: o[:3])
    claimed: dict[Hashable, Hashable] = {}
    for _, _, _, key, cluster in offers:
        if cluster not in claimed and key not in claimed.values():
            claimed[cluster] = key
    return claimed


def combine(examples: Examples, learned: Mapping[int, tuple[Hashable, float]],
            clustered: Sequence[Hashable | None]) -> list[tuple[Hashable | None, str]]:
    """Each row's final theme and where it came from: person, then classifier, then clustering.

    Args:
        examples: people's decisions by row.
        learned: ``learned_assignments`` output.
        clustered: the clustering's theme key per row, in the examples' key space.

    Returns:
        [(theme key or None, PERSON | LEARNED | CLUSTERED)] per row; a clustering theme a
        person took the row out of becomes None (not grouped).
    """
    out: list[tuple[Hashable | None, str]] = []
    for row, key in enumerate(clustered):
        if row in examples.positive:
            out.append((examples.positive[row], PERSON))
        elif row in learned:
            out.append((learned[row][0], LEARNED))
        elif key is not None and key in examples.negative.get(row, ()):
            out.append((None, PERSON))
        else:
            out.append((key, CLUSTERED))
    return out
