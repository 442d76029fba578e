"""Whether lines given without sources read in order: are neighbouring lines alike?

A response document or a conversation written out line by line has neighbours about the
same subject; survey answers or comments in a file do not. The test compares the mean
similarity of neighbouring lines with the same mean after shuffling the lines
(``SHUFFLES`` fixed shuffles): ordered when it stands ``MIN_Z`` standard deviations above.
"""
from __future__ import annotations

import numpy as np

__all__ = ["MIN_LINES", "MIN_Z", "SHUFFLES", "in_reading_order"]

SHUFFLES = 200
MIN_Z = 4.0
MIN_LINES = 12


def in_reading_order(vectors: np.ndarray) -> bool:
    """Whether neighbouring rows are more alike than the same rows shuffled.

    Args:
        vectors: (n, d) unit rows in the order given.

    Returns:
        True when the order carries meaning (a document or a conversation).
    """
    n = len(vectors)
    if n < MIN_LINES:
        return False
    rows = np.asarray(vectors, dtype=np.float64)

    def neighbours(order: np.ndarray) -> float:
        placed = rows[order]
        return float(np.einsum("ij,ij->i", placed[:-1], placed[1:]).mean())

    rng = np.random.default_rng(0)
    shuffled = np.array([neighbours(rng.permutation(n)) for _ in range(SHUFFLES)])
    spread = float(shuffled.std()) or 1e-9
    return (neighbours(np.arange(n)) - float(shuffled.mean())) / spread >= MIN_Z
