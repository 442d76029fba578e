"""Teach by example: confirmed mappings train a classifier that takes over from zero-shot.

With a few confirmed passages per question, a logistic regression on their embeddings
(scikit-learn) learns what answers to each question look like in this consultation. Its
log-probabilities are blended with the zero-shot logits; its weight grows with the number
of examples, so three examples already count and ten count more. A question with no
examples still competes through its zero-shot score and its question text, which is
added to the training data as one more example of its own question.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sklearn.linear_model import LogisticRegression

__all__ = ["example_classifier", "example_weight", "learned_logits", "learned_with_none"]


MIN_QUESTIONS = 2  # with one question there is nothing to learn to tell apart


def example_weight(examples: int, questions: int, half: float = 2.0, most: float = 0.85) -> float:
    """How much the classifier counts against zero-shot.

    Args:
        examples: confirmed examples in total.
        questions: number of questions.
        half: examples per question at which the classifier counts half as much as ``most``.
        most: the weight it tends to with many examples.

    Returns:
        A weight in [0, most).
    """
    if examples == 0 or questions == 0:
        return 0.0
    per_question = examples / questions
    return most * per_question / (per_question + half)


def example_classifier(c: float = 4.0, seed: int = 0) -> LogisticRegression:
    """The classifier people's confirmed examples train (questions here, themes too).

    Args:
        c: inverse regularisation strength.
        seed: for the solver.

    Returns:
        An unfitted scikit-learn ``LogisticRegression``, classes weighted by their size.
    """
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=1000, class_weight="balanced", random_state=seed)


def learned_logits(vectors: np.ndarray, example_rows: Sequence[int],
                   example_labels: Sequence[int], question_vectors: np.ndarray,
                   c: float = 4.0, seed: int = 0) -> np.ndarray:
    """Log-probabilities over questions from a classifier trained on confirmed examples.

    Args:
        vectors: (n, d) unit rows of all passages.
        example_rows: rows of ``vectors`` a person confirmed.
        example_labels: their question indexes (0..q-1).
        question_vectors: (q, d) unit rows of the question texts (one pseudo-example each).
        c: inverse regularisation strength.
        seed: for the solver.

    Returns:
        (n, q) log-probabilities; all zeros when there are no examples.
    """
    return learned_with_none(vectors, example_rows, example_labels, (), question_vectors,
                             c, seed)[0]


def learned_with_none(vectors: np.ndarray, example_rows: Sequence[int],
                      example_labels: Sequence[int], none_rows: Sequence[int],
                      question_vectors: np.ndarray, c: float = 4.0, seed: int = 0,
                      ) -> tuple[np.ndarray, np.ndarray]:
    """``learned_logits``, also taught by passages a person said answer no question.

    Those passages (small talk, a general comment) are one more class, "no question", so
    the classifier can say a passage like them answers none rather than force it into one.

    Args:
        vectors, example_rows, example_labels, question_vectors, c, seed: as
            ``learned_logits``.
        none_rows: rows of ``vectors`` a person said answer no question.

    Returns:
        ((n, q) log-probabilities over the questions alone, (n,) chance of "no question");
        zeros when there is nothing to learn from.
    """
    q = question_vectors.shape[0]
    n = vectors.shape[0]
    if not (len(example_rows) or len(none_rows)) or q < MIN_QUESTIONS and not len(none_rows):
        return np.zeros((n, q)), np.zeros(n)
    x = np.vstack([vectors[list(example_rows)], vectors[list(none_rows)], question_vectors])
    y = np.concatenate([np.asarray(example_labels, dtype=int),
                        np.full(len(none_rows), q, dtype=int), np.arange(q)])
    model = example_classifier(c, seed)
    model.fit(x, y)
    # Every question has its pseudo-example, so classes_ is 0..q-1 (then q: no question).
    proba = model.predict_proba(vectors)
    none = proba[:, q] if len(none_rows) else np.zeros(n)
    # Over the questions alone: log p(question) less log p(some question), the same shift
    # for every question of a row, so a softmax of them is unchanged by the extra class.
    logits: np.ndarray = np.log(np.maximum(proba[:, :q], 1e-12))
    return logits - np.log(np.maximum(1 - none, 1e-12))[:, None], none
