"""Whether lines given without sources read in order: are neighbouring lines alike?

A response document or a conversation written out line by line has neighbours about the
same subject; survey answers or comments in a file do not. The test compares the mean
similarity of neighbouring lines with the same mean after shuffling the lines
(``SHUFFLES`` fixed shuffles): ordered when it stands ``MIN_Z`` standard deviations above,
and neighbours are alike by enough to matter (``MIN_EFFECT``): in a long file a faint
order (comments sorted by the service they came from) is certain, but says nothing of
subject.
"""
from __future__ import annotations

import numpy as np

__all__ = ["MIN_EFFECT", "MIN_LINES", "MIN_Z", "SHUFFLES", "in_reading_order"]

SHUFFLES = 200
MIN_Z = 4.0
MIN_LINES = 12
# How much more alike neighbours are than any two lines, in standard deviations of the
# similarity of any two lines. Written responses: 0.50 (a policy briefing), 0.73 and 0.79;
# the NHS comments in file order 0.27 (z 18.1: read as a document they scored AMI 0.11,
# against 0.27 line by line); the same comments sorted by their label 0.81.
MIN_EFFECT = 0.35


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

    def neighbours(order: np.ndarray) -> np.ndarray:
        placed = rows[order]
        similarity: np.ndarray = np.einsum("ij,ij->i", placed[:-1], placed[1:])
        return similarity

    rng = np.random.default_rng(0)
    # A shuffle's neighbours are pairs of different lines taken at random.
    pairs = np.stack([neighbours(rng.permutation(n)) for _ in range(SHUFFLES)])
    gain = float(neighbours(np.arange(n)).mean() - pairs.mean())
    z = gain / (float(pairs.mean(axis=1).std()) or 1e-9)
    return z >= MIN_Z and gain / (float(pairs.std()) or 1e-9) >= MIN_EFFECT
