"""Question mapping inside a theme run: each segment alone, by the question mapping core.

The full mapping (headings, the facilitator's question, neighbours, people's examples)
is ``analysis.core.questions.map_passages``, run by ``analysis.services.question_map``
after the themes are saved; this gives a run's result a first link for every segment.
A link set by a person always wins (confidence 1.0, source "person").
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from analysis.core.questions import MappingOptions, Passage, ScoringWeights, map_passages

from .schema import QuestionInput, QuestionLink, SegmentInput

__all__ = ["map_questions"]


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
    known = {q.text: row for row, q in enumerate(questions)}

    def embed(texts: list[str]) -> np.ndarray:
        # Only the questions' own vectors are at hand here (key phrases are off).
        return question_vectors[[known[t] for t in texts]]

    passages = [Passage(id=s.id, text=s.text, question_id=s.question_id) for s in segments]
    options = MappingOptions(weights=ScoringWeights(key_phrases=0.0), min_similarity=min_similarity,
                             use_neighbours=False)
    found = map_passages(passages, vectors, questions, embed, options)
    # Keyed by the segments' own (int) ids: every passage gets a mapping.
    return {s.id: QuestionLink(s.id, m.question_id, m.confidence, m.source)
            for s in segments for m in (found[s.id],)}
