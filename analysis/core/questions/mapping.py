"""``map_passages``: which question each passage answers, how sure we are, and when to check.

zero-shot clues (``scoring``) -> blended with a classifier once people confirmed examples
(``learn``) -> softmax -> neighbours in the same transcript or document (``sequence``).
A person's link always wins (confidence 1.0, source "person"), and so does a person's
"answers no question" (``Passage.no_question``): such passages teach the classifier a "no
question" class, and say nothing about which question their neighbours answer.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from .context import preamble_rows
from .learn import example_weight, learned_with_none
from .scoring import Passage, ScoringWeights, cited_questions, row_zscores, zero_shot_logits
from .sequence import smooth_sequences

__all__ = ["CHECK_BELOW", "Mapping", "MappingOptions", "map_passages", "PERSON", "MODEL",
           "LEARNED", "NONE"]

PERSON, MODEL, LEARNED, NONE = "person", "model", "learned", "none"
# Below this confidence a machine's placement says "Check": held out, question mappings
# learned from 3-10 confirmed examples were right 98% of the time at 0.9-1.0, 82% at
# 0.8-0.9 and 72% at 0.7-0.8; segments the theme classifier placed, from 84% (0.7-0.8) on
# the NHS comments (bench/check_calibration.py). At 0.5 "Check" never showed: the theme
# classifier places nothing under 0.5, and 2-6% of learned question mappings fall under it.
CHECK_BELOW = 0.8
# A document's preamble ("About this plan", or whatever comes before its first question
# heading) answers no question: its best guess is kept at most this sure, so it says "Check".
# A police plan's "About this plan" had gone to Q1 at 0.89, led there by the answers after it.
PREAMBLE_MOST = 0.5


@dataclass(frozen=True)
class Mapping:
    """One passage's question: ``source`` is person, model (zero-shot), learned or none.

    ``check`` is True when the confidence is low enough that a person should look.
    ``probabilities``: each question's chance, in the order the questions were given, as the
    mapping saw it after the neighbours (empty when no questions were given). They move
    smoothly where the best question flips, so a theme cut can lean on them.
    """

    segment_id: int | str
    question_id: int | None
    confidence: float
    source: str
    check: bool
    probabilities: tuple[float, ...] = ()


class QuestionLike(Protocol):
    """What mapping reads of a question (``QuestionInput`` or a model row); ``number`` optional."""

    @property
    def id(self) -> int: ...

    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class MappingOptions:
    """Settings of a mapping. ``check_below``: confidence under which a mapping says "check";
    ``min_similarity``: a passage with no context this far from every question is left
    unlinked (small talk); ``stay`` (None: from the sequence's length)/``forward``: see
    ``sequence``."""

    weights: ScoringWeights = field(default_factory=ScoringWeights)
    stay: float | None = None
    forward: float = 0.9
    check_below: float = CHECK_BELOW
    min_similarity: float = 0.2
    use_neighbours: bool = True
    refine: int = 0
    refine_weight: float = 1.0


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    probabilities: np.ndarray = shifted / shifted.sum(axis=1, keepdims=True)
    return probabilities


def _posterior(logits: np.ndarray, passages: Sequence[Passage],
               examples: Sequence[tuple[int, int]], options: MappingOptions,
               silent: Sequence[int] = ()) -> np.ndarray:
    probabilities = _softmax(logits)
    for row, k in examples:
        probabilities[row] = np.eye(logits.shape[1])[k]
    # A passage answering no question (small talk) tells nothing of its neighbours' question.
    probabilities[list(silent)] = 1.0 / logits.shape[1]
    if options.use_neighbours:
        probabilities = smooth_sequences(probabilities, [p.sequence for p in passages],
                                         [p.position for p in passages], options.stay,
                                         options.forward)
    return probabilities


def map_passages(passages: Sequence[Passage], vectors: np.ndarray,
                 questions: Sequence[QuestionLike],
                 embed: Callable[[list[str]], np.ndarray],
                 options: MappingOptions | None = None) -> dict[int | str, Mapping]:
    """Map each passage to a question.

    Args:
        passages: the passages; row i of ``vectors`` for passages[i]. A passage with
            ``question_id`` set is a person's link and a training example; one with
            ``no_question`` set is a person's "answers no question", an example of that.
        vectors: (n, d) unit rows.
        questions: objects with ``id``, ``text`` and maybe ``number`` ("Q4", "12a"), as
            ``QuestionInput``; may be empty.
        embed: texts -> unit rows from the same model (questions, key phrases, headings).
        options: thresholds and weights.

    Returns:
        {passage id: Mapping}, with each passage's question probabilities.
    """
    options = options or MappingOptions()
    if not passages:
        return {}
    if not questions:
        return {p.id: (Mapping(p.id, p.question_id, 1.0, PERSON, False)
                       if p.question_id is not None or p.no_question
                       else Mapping(p.id, None, 0.0, NONE, False)) for p in passages}
    index = {q.id: k for k, q in enumerate(questions)}
    numbers = [str(getattr(q, "number", "") or "") for q in questions]
    logits, closeness = zero_shot_logits(passages, vectors, [q.text for q in questions], embed,
                                         options.weights, numbers=numbers)
    preamble = _preamble(passages, numbers)
    examples = [(row, index[p.question_id]) for row, p in enumerate(passages)
                if p.question_id in index]
    said_none = [row for row, p in enumerate(passages) if p.no_question and p.question_id is None]
    weight = example_weight(len(examples), len(questions))
    none = np.zeros(len(passages))
    if examples or said_none:
        learned, none = learned_with_none(vectors, [r for r, _ in examples],
                                          [k for _, k in examples], said_none,
                                          embed([q.text for q in questions]))
        logits = (1 - weight) * logits + weight * learned
    probabilities = _posterior(logits, passages, examples, options, said_none)
    for _ in range(options.refine):
        # Pseudo-labelling: each question's centre moves towards the passages that now
        # look like its answers, so a terse question learns this consultation's words.
        centres = probabilities.T @ vectors + embed([q.text for q in questions])
        centres /= np.linalg.norm(centres, axis=1, keepdims=True)
        refined = logits + (options.refine_weight * row_zscores(vectors @ centres.T)
                            / options.weights.temperature)
        probabilities = _posterior(refined, passages, examples, options, said_none)
    # "No question" wins where it is likelier than the best question as the mapping sees it
    # (every clue and the neighbours), not only as a classifier taught a few examples sees it.
    none = np.where(none > (1 - none) * probabilities.max(axis=1), none, 0.0)
    source = LEARNED if examples else MODEL
    out: dict[int | str, Mapping] = {}
    for row, passage in enumerate(passages):
        chances = tuple(float(p) for p in probabilities[row])
        if passage.question_id is not None:
            # People's links win even for a question not in this list (e.g. archived).
            out[passage.id] = Mapping(passage.id, passage.question_id, 1.0, PERSON, False,
                                      chances)
            continue
        if passage.no_question:
            out[passage.id] = Mapping(passage.id, None, 1.0, PERSON, False, chances)
            continue
        if none[row]:
            # Like the small talk people said answers no question: left unlinked.
            chance = round(float(none[row]), 3)
            out[passage.id] = Mapping(passage.id, None, chance, LEARNED,
                                      chance < options.check_below, chances)
            continue
        lonely = not (passage.heading or passage.asked or passage.sequence)
        if lonely and closeness[row] < options.min_similarity:
            out[passage.id] = Mapping(passage.id, None, 0.0, NONE, False, chances)
            continue
        best = int(np.argmax(probabilities[row]))
        confidence = round(float(probabilities[row, best]), 3)
        if row in preamble:
            confidence = min(confidence, PREAMBLE_MOST)
        out[passage.id] = Mapping(passage.id, questions[best].id, confidence, source,
                                  confidence < options.check_below, chances)
    return out


def _preamble(passages: Sequence[Passage], numbers: Sequence[str]) -> set[int]:
    rows = preamble_rows([p.sequence for p in passages], [p.position for p in passages],
                         [p.heading for p in passages])
    if not rows:
        return rows
    # "In answer to Q2, ..." under "Introduction" says what it answers all the same.
    ordered = sorted(rows)
    cited = cited_questions([passages[row].text for row in ordered], numbers)
    return {row for k, row in enumerate(ordered) if not cited[k].any()}
