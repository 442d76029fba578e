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

__all__ = ["example_classifier", "example_weight", "learned_logits"]


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
    q = question_vectors.shape[0]
    if not len(example_rows) or q < MIN_QUESTIONS:
        return np.zeros((vectors.shape[0], q))
    x = np.vstack([vectors[list(example_rows)], question_vectors])
    y = np.concatenate([np.asarray(example_labels, dtype=int), np.arange(q)])
    model = example_classifier(c, seed)
    model.fit(x, y)
    # Every question has its pseudo-example, so classes_ is 0..q-1 in order.
    logits: np.ndarray = model.predict_log_proba(vectors)
    return logits
