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
# similarity of any two lines. Written responses: 0.52 (a policy briefing), 0.73 and 0.75;
# the NHS comments in file order 0.24 (z 18.5: read as a document, AMI 0.11 against 0.27
# line by line); the same comments sorted by their label 0.80.
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

    def neighbours(order: np.ndarray) -> float:
        placed = rows[order]
        return float(np.einsum("ij,ij->i", placed[:-1], placed[1:]).mean())

    rng = np.random.default_rng(0)
    shuffled = np.array([neighbours(rng.permutation(n)) for _ in range(SHUFFLES)])
    gain = neighbours(np.arange(n)) - float(shuffled.mean())
    spread = float(shuffled.std()) or 1e-9
    # Any two lines: a shuffle's neighbours are such pairs.
    pairs = np.einsum("ij,ij->i", rows[:-1], rows[rng.permutation(n)][1:])
    return gain / spread >= MIN_Z and gain / (float(pairs.std()) or 1e-9) >= MIN_EFFECT
