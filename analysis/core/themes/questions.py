"""Question mapping inside a theme run, by the question mapping core.

Each segment is mapped by what it says, the question's key phrases and number, and, in a
document, the passages around it (``analysis.core.questions.map_passages``).
A document's passages carry the heading they sit under, as in the app. The app maps again
after the themes are saved (``analysis.services.question_map``), when it also knows the
facilitator's questions and people's examples; this gives the run's result, and the command
line's, a link for every segment.
A link set by a person always wins (confidence 1.0, source "person").
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from analysis.core.questions import MappingOptions, Passage, document_headings, map_passages

from .schema import QuestionInput, QuestionLink, SegmentInput

__all__ = ["IN_ORDER", "IN_SEQUENCE", "answer_guide", "map_questions"]

# Sources whose passages are read in order: a document's neighbours answer the same
# question. A transcript's turns are read in order by the app's mapping, which also knows
# the facilitator's questions; here a remark such as "Can we have a break?" stays unlinked.
IN_SEQUENCE = ("document",)
# A document answers the consultation's questions one after another when the questions its
# passages map to rise with its reading order at least this much (Spearman). Responses to
# their own questions: 0.97 (bench/heldout_corpus.py) and 0.98 (the exemplar against its
# headings); each mapped to the other's questions: 0.50 and -0.02.
IN_ORDER = 0.8


def map_questions(segments: Sequence[SegmentInput], vectors: np.ndarray,
                  questions: Sequence[QuestionInput], embed: Callable[[list[str]], np.ndarray],
                  min_similarity: float = 0.2) -> tuple[dict[int, QuestionLink], np.ndarray]:
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
        ({segment id: QuestionLink}, row-aligned (n, len(questions)) probabilities of each
        question as the mapping saw it, which guide a document's cut: ``runs``).
    """
    # Measured on the development response (bench/question_accuracy.py): each passage
    # alone 0.26 right, among its neighbours 0.55.
    headings = _headings(segments)
    passages = [Passage(id=s.id, text=s.text, question_id=s.question_id,
                        no_question=s.no_question,
                        sequence=s.source_key if s.kind in IN_SEQUENCE else "", position=row,
                        heading=headings.get(s.id, ""))
                for row, s in enumerate(segments)]
    found = map_passages(passages, vectors, questions, embed,
                         MappingOptions(min_similarity=min_similarity))
    # Keyed by the segments' own (int) ids: every passage gets a mapping.
    links = {s.id: QuestionLink(s.id, m.question_id, m.confidence, m.source)
             for s in segments for m in (found[s.id],)}
    probabilities = np.array([found[s.id].probabilities for s in segments], dtype=float)
    return links, probabilities.reshape(len(segments), len(questions))


def _headings(segments: Sequence[SegmentInput]) -> dict[int, str]:
    """{segment id: the heading it sits under} for documents' passages, as the app reads them
    (``document_headings``): without them the mapper saw no preamble and no "Q3." heading."""
    documents: dict[str, list[SegmentInput]] = {}
    for segment in segments:
        if segment.kind in IN_SEQUENCE:
            documents.setdefault(segment.source_key, []).append(segment)
    out: dict[int, str] = {}
    for rows in documents.values():
        out.update(zip((s.id for s in rows), document_headings([s.text for s in rows]),
                       strict=True))
    return out


def answer_guide(segments: Sequence[SegmentInput], links: Mapping[int, QuestionLink],
                 questions: Sequence[QuestionInput]) -> list[int | None]:
    """Which question each document passage answers, where its document follows the questions.

    A response written to the consultation's questions answers them in their order, so its
    passages' links rise with the reading order (``IN_ORDER``). There, the question a passage
    answers is a strong sign of where one subject ends; a document written to other
    questions, or to none, maps to them by chance and gets no guide.

    Args:
        segments: the segments sorted by id (ids follow the order within a source).
        links: {segment id: QuestionLink} from ``map_questions``.
        questions: the consultation's questions, in their order.

    Returns:
        Row-aligned: the linked question's place in ``questions``, or None (not a document's
        passage, not linked, or its document does not follow the questions).
    """
    from scipy.stats import spearmanr

    place = {q.id: k for k, q in enumerate(questions)}
    answers: list[int | None] = [None] * len(segments)
    found_in: dict[str, list[tuple[int, int]]] = {}  # source -> (row, question's place)
    for row, segment in enumerate(segments):
        link = links.get(segment.id)
        question = link.question_id if link is not None else None
        if segment.kind in IN_SEQUENCE and question is not None and question in place:
            found_in.setdefault(segment.source_key, []).append((row, place[question]))
    for found in found_in.values():
        if len({answer for _, answer in found}) <= 1:  # one question: no order to follow
            continue
        rising = float(spearmanr(np.arange(len(found)), [answer for _, answer in found])[0])
        if rising >= IN_ORDER:
            for row, answer in found:
                answers[row] = answer
    return answers
