"""Question mapping inside a theme run, by the question mapping core.

Each segment is mapped by what it says, the question's key phrases and number, and, in a
document, the passages around it (``analysis.core.questions.map_passages``).
The app maps again after the themes are saved (``analysis.services.question_map``), when
it also knows headings, the facilitator's questions and people's examples; this gives the
run's result, and the command line's, a link for every segment.
A link set by a person always wins (confidence 1.0, source "person").
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from analysis.core.questions import MappingOptions, Passage, map_passages

from .schema import QuestionInput, QuestionLink, SegmentInput

__all__ = ["IN_SEQUENCE", "map_questions"]

# Sources whose passages are read in order: a document's neighbours answer the same
# question. A transcript's turns are read in order by the app's mapping, which also knows
# the facilitator's questions; here a remark such as "Can we have a break?" stays unlinked.
IN_SEQUENCE = ("document",)


def map_questions(segments: Sequence[SegmentInput], vectors: np.ndarray,
                  questions: Sequence[QuestionInput], embed: Callable[[list[str]], np.ndarray],
                  min_similarity: float = 0.2) -> dict[int, QuestionLink]:
    """Link each segment to a question.

    Args:
        segments: the segments sorted by id (ids follow the order within a source); row i
            of ``vectors`` for segments[i].
        vectors: (n, d) unit rows.
        questions: the consultation's questions (may be empty).
        embed: texts -> unit rows from the same model (questions and their key phrases).
        min_similarity: a segment read by itself (not a document's passage) this far from
            every question is left unlinked (source "none").

    Returns:
        {segment id: QuestionLink}.
    """
    # Measured on the development response (bench/question_accuracy.py): each passage
    # alone 0.26 right, among its neighbours 0.55.
    passages = [Passage(id=s.id, text=s.text, question_id=s.question_id,
                        sequence=s.source_key if s.kind in IN_SEQUENCE else "", position=row)
                for row, s in enumerate(segments)]
    found = map_passages(passages, vectors, questions, embed,
                         MappingOptions(min_similarity=min_similarity))
    # Keyed by the segments' own (int) ids: every passage gets a mapping.
    return {s.id: QuestionLink(s.id, m.question_id, m.confidence, m.source)
            for s in segments for m in (found[s.id],)}
