"""Question mapping: which consultation question each segment best answers.

A link set by a person always wins (confidence 1.0, source "person"). Otherwise the
segment's nearest question by meaning is proposed with a confidence that is high only
when the match is both close and clearly ahead of the other questions.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .schema import QuestionInput, QuestionLink, SegmentInput

__all__ = ["map_questions", "question_confidence"]


def question_confidence(sims: np.ndarray, floor: float = 0.15, full: float = 0.45,
                        temperature: float = 0.05) -> tuple[int, float]:
    """Turn one segment's similarities to the questions into (best index, confidence).

    Confidence = share of a softmax over questions (how clearly this question beats the
    others) x closeness scaled from ``floor`` (0) to ``full`` (1).

    Args:
        sims: similarity to each question.
        floor: similarity at which closeness is 0.
        full: similarity at which closeness is 1.
        temperature: softmax temperature; smaller is sharper.

    Returns:
        (index of the best question, confidence in [0, 1]).
    """
    best = int(np.argmax(sims))
    weights = np.exp((sims - sims.max()) / temperature)
    share = float(weights[best] / weights.sum())
    closeness = float(np.clip((sims[best] - floor) / (full - floor), 0.0, 1.0))
    return best, round(share * closeness, 3)


def map_questions(segments: Sequence[SegmentInput], vectors: np.ndarray,
                  questions: Sequence[QuestionInput], question_vectors: np.ndarray,
                  min_similarity: float = 0.2) -> dict[int, QuestionLink]:
    """Link each segment to a question.

    Args:
        segments: the segments, row i of ``vectors`` for segments[i].
        vectors: (n, d) unit rows.
        questions: the consultation's questions (may be empty).
        question_vectors: (q, d) unit rows for ``questions``.
        min_similarity: below this the segment is left unlinked (source "none").

    Returns:
        {segment id: QuestionLink}.
    """
    if not segments:
        return {}
    known = {q.id for q in questions}
    sims = vectors @ question_vectors.T if len(questions) else np.zeros((len(segments), 0))
    links = {}
    for row, segment in enumerate(segments):
        if segment.question_id is not None:
            # People's links win even for a question not in this list (e.g. archived).
            links[segment.id] = QuestionLink(segment.id, segment.question_id, 1.0, "person")
            continue
        if not known or sims[row].max() < min_similarity:
            links[segment.id] = QuestionLink(segment.id, None, 0.0, "none")
            continue
        best, confidence = question_confidence(sims[row])
        links[segment.id] = QuestionLink(segment.id, questions[best].id, confidence, "model")
    return links
