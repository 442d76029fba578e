"""Neighbours: passages next to each other usually answer the same question.

Within one transcript or document the passages are read in order as a hidden Markov
chain whose hidden state is the question being answered: it tends to stay (``stay``),
and a change mostly goes to the next question or one soon after (``forward``), as
answers follow the consultation's numbering, though a passage may go back.
Forward-backward gives each passage's posterior over the questions, so a weak passage
between two clear answers to Q3 is read as Q3, and a person's confirmed link pins its own
step.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

__all__ = ["DECAY", "SKIP_DECAY", "expected_stay", "smooth_sequences", "transition_matrix"]


MIN_NEIGHBOURS = 2  # a passage alone in its source has no neighbours to read it with
# How much less likely each question passed over makes a change of question, by the kind of
# sequence (its name's part before ":"). A written response answers the consultation's
# questions one after another and seldom passes over several; a focus group follows its
# topic guide loosely. Right without examples at 0.5 -> 0.25 (the command line's mapping,
# bench/analysis_quality.py's responses; the fifth was written after and kept unseen):
# written 0.882 -> 0.947, second 0.827 -> 0.863, third 0.943 -> 0.948, fourth 0.745 ->
# 0.807, fifth 0.944 either way; the development response 0.549 -> 0.590 (3 examples per
# question 0.861 -> 0.843, 10: 0.878 -> 0.906). At 0.1 about the same as 0.25.
SKIP_DECAY = {"document": 0.25}
DECAY = 0.5


def transition_matrix(q: int, stay: float = 0.8, forward: float = 0.9,
                      decay: float = 0.5) -> np.ndarray:
    """Chances of moving from one question to the next passage's question.

    Args:
        q: number of questions.
        stay: chance the next passage answers the same question.
        forward: of a change, the share going to a later question (answers follow the
            numbering; the rest goes back to an earlier one).
        decay: each question skipped makes a jump this much less likely.

    Returns:
        (q, q) row-stochastic transitions.
    """
    if q == 1:
        return np.ones((1, 1))
    steps = np.arange(q)[None, :] - np.arange(q)[:, None]
    ahead = np.where(steps > 0, decay ** np.maximum(steps - 1, 0), 0.0)
    behind = np.where(steps < 0, decay ** np.maximum(-steps - 1, 0), 0.0)
    out = stay * np.eye(q)
    for row in range(q):
        later, earlier = ahead[row].sum(), behind[row].sum()
        share = forward if later and earlier else float(bool(later))
        if later:
            out[row] += (1 - stay) * share * ahead[row] / later
        if earlier:
            out[row] += (1 - stay) * (1 - share) * behind[row] / earlier
    return out


def _forward_backward(emissions: np.ndarray, transitions: np.ndarray,
                      start: np.ndarray) -> np.ndarray:
    n, q = emissions.shape
    alpha = np.zeros((n, q))
    beta = np.ones((n, q))
    alpha[0] = start * emissions[0] / (start * emissions[0]).sum()
    for t in range(1, n):
        alpha[t] = (alpha[t - 1] @ transitions) * emissions[t]
        alpha[t] /= alpha[t].sum()
    for t in range(n - 2, -1, -1):
        beta[t] = transitions @ (emissions[t + 1] * beta[t + 1])
        beta[t] /= beta[t].sum()
    posterior = alpha * beta
    normalised: np.ndarray = posterior / posterior.sum(axis=1, keepdims=True)
    return normalised


def expected_stay(passages: int, questions: int) -> float:
    """Args: passages in a sequence, questions asked. Returns: the chance of staying that
    gives runs of passages/questions on average (between 0.6 and 0.95)."""
    return float(np.clip(1 - questions / max(passages, 1), 0.6, 0.95))


def smooth_sequences(probabilities: np.ndarray, sequences: Sequence[str],
                     positions: Sequence[int], stay: float | None = None,
                     forward: float = 0.9, decay: float | None = None) -> np.ndarray:
    """Posterior question probabilities given each passage's neighbours.

    Args:
        probabilities: (n, q) per-passage probabilities (rows sum to 1); a confirmed
            passage's row is one-hot.
        sequences: row-aligned sequence names; "" means the passage stands alone.
        positions: row-aligned order within the sequence.
        stay: chance the next passage answers the same question; None estimates it from
            the sequence's length and the number of questions.
        forward: of a change, the share going to a later question.
        decay: each question skipped makes a jump, or a start past the first question,
            this much less likely; None: by the sequence's kind (``SKIP_DECAY``).

    Returns:
        (n, q) smoothed probabilities; lone passages are unchanged.
    """
    out = probabilities.copy()
    if probabilities.shape[1] == 0:
        return out
    groups: dict[str, list[int]] = defaultdict(list)
    for row, name in enumerate(sequences):
        if name:
            groups[name].append(row)
    q = probabilities.shape[1]
    for name, rows in groups.items():
        if len(rows) < MIN_NEIGHBOURS:
            continue
        skip = SKIP_DECAY.get(name.split(":")[0], DECAY) if decay is None else decay
        # Answers start near the first question, as they follow the numbering.
        start = skip ** np.arange(q)
        start = start / start.sum()
        rows.sort(key=lambda r: (positions[r], r))
        chance = expected_stay(len(rows), q) if stay is None else stay
        # A floor keeps one extreme passage from zeroing a path.
        emissions = np.maximum(probabilities[rows], 1e-6)
        out[rows] = _forward_backward(emissions, transition_matrix(q, chance, forward, skip),
                                      start)
    return out
