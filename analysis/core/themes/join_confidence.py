"""How sure a segment that joined a theme after the run belongs there.

A segment placed by the saved model's ``transform`` has only its cosine similarity to the
nearest theme's centre. ``join_confidence`` turns it into the probability that the full
analysis would put the segment in the same theme: Platt scaling (scikit-learn's
``LogisticRegression`` on the similarity, and on whether a document's passage was joined
among its neighbours, whose similarities run higher for the same accuracy) fitted on
held-out segments of the development corpus, the NHS comments and the demo
(bench/check_calibration.py, "joined"). Its numbers are kept as constants, not fitted per
run: a run has too few new segments to calibrate on, and the held-out runs take minutes.
Platt rather than isotonic regression because, fitted on two corpora and scored on the
third, isotonic did worse on all three.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

__all__ = ["JOIN_DOCUMENT", "JOIN_INTERCEPT", "JOIN_SLOPE", "join_confidence"]

# Measured by bench/check_calibration.py --joined-only (1,439 held-out joins, 55 of them a
# document's passages: that term rests on one document); rerun it to refit.
JOIN_SLOPE = 4.462
JOIN_DOCUMENT = -1.414
JOIN_INTERCEPT = -1.938


def join_confidence(similarity: ArrayLike, in_context: ArrayLike = False) -> np.ndarray:
    """The probability that a joined segment belongs in its theme.

    Args:
        similarity: cosine similarities to the nearest theme's centre (any shape).
        in_context: whether each was joined among its neighbours (``joined_in_context``),
            broadcast against ``similarity``.

    Returns:
        Probabilities in 0..1, the shape of ``similarity``; higher for a higher similarity.
    """
    from scipy.special import expit

    score = (JOIN_SLOPE * np.asarray(similarity, dtype=float)
             + JOIN_DOCUMENT * np.asarray(in_context, dtype=float) + JOIN_INTERCEPT)
    out: np.ndarray = expit(score)
    return out
