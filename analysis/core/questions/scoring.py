"""Zero-shot scores: how well each passage answers each question, from every clue we have.

Clues, each turned into per-passage z-scores over the questions so that channels on
different scales add up fairly:

- meaning: the passage's embedding against the question's text and against its key
  phrases (the question without its asking frame: "Do you agree that ..." says nothing
  about the subject);
- words: TF-IDF cosine between passage and question (rare shared words are strong evidence);
- context: the heading a document passage sits under, or the facilitator's turn that asked
  what a transcript passage answers, against the question's text;
- citation: a passage that names a question's number ("In answer to Q4", "question 12a").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Passage", "ScoringWeights", "cited_questions", "key_phrases", "row_zscores",
           "zero_shot_logits"]

Embed = Callable[[list[str]], np.ndarray]

# Ways of asking that carry no subject; removed to leave the question's key phrases.
ASKING_FRAMES = [
    r"^\s*(q(uestion)?\s*\d+[a-z]?\s*[.):\-–]?\s*)",
    r"\bdo you (agree|disagree|think|believe|support|have any)\b( or (agree|disagree))?"
    r"( with)?( that| the)?",
    r"\bwhat (are|is) your (views?|thoughts?|opinions?|experiences?) (on|of|about)\b",
    r"\bto what extent (do|does|should|would|could|can|is|are)\b",
    r"\b(please )?(explain|give|provide|tell us|describe|set out|share)( us)?( your)?"
    r"( reasons| evidence| examples| views)?( for| of| about| on| why)?( your answer)?\b",
    r"\bhow (should|could|can|would|do|does|might|far|well|effective(ly)?)"
    r"( we| you| the government)?\b",
    r"\bwhat (more )?(should|could|can|would|do|does)( we| you| the government)?( do)?\b",
    r"\bare there any\b", r"\bis there anything( else)?\b", r"\bif (so|not)\b",
    r"\bwhy( or why not)?\b",
    r"\bin your (view|opinion|experience)\b", r"\bwhich of the following\b",
]
_FRAME = re.compile("|".join(f"(?:{f})" for f in ASKING_FRAMES), re.IGNORECASE)


MIN_COLUMNS = 2  # one score has no spread to standardise against
NO_SPREAD = 1e-9  # a standard deviation this small is rounding error: the row says nothing


@dataclass(frozen=True)
class Passage:
    """One segment as the mapper sees it.

    ``sequence`` names the run it sits in (a transcript, a document); neighbours are taken
    only within it, in ``position`` order. ``heading`` is the document heading it sits
    under, ``asked`` the facilitator's turn that asked it (both may be empty).
    ``question_id`` is a person's link: a confirmed example; ``no_question`` a person's
    word that it answers none of the questions (small talk, a general comment).
    """

    id: int | str
    text: str
    sequence: str = ""
    position: int = 0
    heading: str = ""
    asked: str = ""
    question_id: int | None = None
    no_question: bool = False


@dataclass(frozen=True)
class ScoringWeights:
    """How much each clue counts (in z-score units) and how sharp the result is."""

    meaning: float = 1.0
    key_phrases: float = 0.5
    words: float = 0.6
    heading: float = 1.5
    asked: float = 1.5
    # A passage naming a question's number says outright what it answers: this outweighs
    # the other clues together (each about 1-2 z-units at most).
    cited: float = 4.0
    # The clues overlap (meaning, key phrases and shared words say much the same), so their
    # sum is overconfident: at 1.0 one passage's own clues outvoted neighbours that agreed,
    # and confidence ran 0.35 above accuracy. 2.0 lifted zero-shot accuracy on both bench
    # corpora (bench/question_accuracy.py); 2.0 to 3.0 gave the same figures.
    temperature: float = 2.0


def key_phrases(question: str) -> str:
    """The question's subject words without its asking frame.

    Args:
        question: a question's text.

    Returns:
        e.g. "Do you agree that housing on release should be a priority?" ->
        "housing on release should be a priority"; the whole text when nothing is left.
    """
    stripped = _FRAME.sub(" ", question)
    stripped = " ".join(re.sub(r"[?,;:]+", " ", stripped).split())
    return stripped if len(stripped.split()) >= 1 else question


def row_zscores(matrix: np.ndarray) -> np.ndarray:
    """Row-wise z-scores; a row with no spread becomes zeros (it says nothing).

    Args:
        matrix: scores, one row per passage.

    Returns:
        A matrix of the same shape; all zeros when there are fewer than two columns.
    """
    if matrix.shape[1] < MIN_COLUMNS:
        return np.zeros_like(matrix)
    mean = matrix.mean(axis=1, keepdims=True)
    spread = matrix.std(axis=1, keepdims=True)
    return np.where(spread > NO_SPREAD, (matrix - mean) / np.maximum(spread, NO_SPREAD), 0.0)


def _standardise(matrix: np.ndarray, min_rows: int = 10) -> np.ndarray:
    """Take out each question's pull before comparing questions for one passage.

    Some questions sit close to everything (a broad or wordy question is a "hub" and wins
    most passages by nearest-neighbour); standardising each question's column across the
    passages removes that, then row z-scores compare questions for each passage. With
    few passages the columns say little, so only rows are scored.
    """
    if matrix.shape[0] >= min_rows:
        spread = matrix.std(axis=0, keepdims=True)
        matrix = np.where(spread > NO_SPREAD, (matrix - matrix.mean(axis=0, keepdims=True))
                          / np.maximum(spread, NO_SPREAD), 0.0)
    return row_zscores(matrix)


def _word_similarity(texts: Sequence[str], questions: Sequence[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(stop_words="english", sublinear_tf=True,
                                 token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z]+\b")
    try:
        matrix = vectoriser.fit_transform(list(texts) + list(questions))
    except ValueError:  # nothing but stop words
        return np.zeros((len(texts), len(questions)))
    similarity: np.ndarray = (matrix[: len(texts)] @ matrix[len(texts):].T).toarray()
    return similarity


_CITED = re.compile(r"\b(?:q|question)\s*(\d{1,4}[a-z]?)\b", re.IGNORECASE)
# A passage that answers a numbered question names it in its first few words.
OPENING_WORDS = 5
# Words before a number that make it a pointer to another answer, not this one's.
_POINTING = re.compile(r"\b(as|see|under|beyond|return|said|say|set out|discussed|described|"
                       r"overlaps?|earlier|above|below)\b", re.IGNORECASE)


def _number(label: str) -> str:
    """Args: a question's number as written ("Q12a", "12A"). Returns: "12a", or "" for none."""
    found = re.search(r"\d{1,4}[a-z]?", label.strip().lower())
    return found.group() if found else ""


def cited_questions(texts: Sequence[str], numbers: Sequence[str]) -> np.ndarray:
    """Args: passage texts; the questions' numbers as written ("Q4", "12a", "").
    Returns: (n, q) 1.0 where a passage opens by naming that question's number ("Q4:",
    "In answer to question 4,"), else 0.0. A number further in, or after "as we said",
    points to another answer ("as we say in our answer to Question 1"): in four written
    responses every number inside a passage did, and as the strongest clue it pulled the
    passage away from the answer it sits in."""
    index = {_number(n): k for k, n in enumerate(numbers) if _number(n)}
    out = np.zeros((len(texts), len(numbers)))
    for row, text in enumerate(texts):
        for cited in _CITED.finditer(text):
            before = text[:cited.start()]
            if len(before.split()) > OPENING_WORDS:
                break  # every later number is further in: counting each again was quadratic
            if cited.group(1).lower() in index and not _POINTING.search(before):
                out[row, index[cited.group(1).lower()]] = 1.0
    return out


def _context_z(contexts: Sequence[str], question_vectors: np.ndarray, embed: Embed) -> np.ndarray:
    """z-scores of each non-empty context against the questions; zeros where empty."""
    out = np.zeros((len(contexts), question_vectors.shape[0]))
    rows = [i for i, c in enumerate(contexts) if c.strip()]
    if rows:
        distinct = sorted({contexts[i] for i in rows})
        vectors = embed(distinct)
        index = {text: k for k, text in enumerate(distinct)}
        sims = vectors @ question_vectors.T
        out[rows] = row_zscores(sims[[index[contexts[i]] for i in rows]])
    return out


def zero_shot_logits(passages: Sequence[Passage], vectors: np.ndarray,
                     question_texts: Sequence[str], embed: Embed,
                     weights: ScoringWeights | None = None, *,
                     numbers: Sequence[str] = ()) -> tuple[np.ndarray, np.ndarray]:
    """Score every passage against every question with no examples.

    Args:
        passages: the passages, row i of ``vectors`` for passages[i].
        vectors: (n, d) unit rows.
        question_texts: the questions' texts (at least one).
        embed: texts -> (m, d) unit rows, with the same model as ``vectors``.
        weights: how much each clue counts.
        numbers: the questions' numbers as written ("Q4"), row-aligned; () for none.

    Returns:
        (logits, best_similarity): (n, q) logits ready for a softmax, and each passage's
        highest plain meaning similarity to any question (to spot off-topic small talk).
    """
    weights = weights or ScoringWeights()
    question_vectors = embed(list(question_texts))
    meaning = vectors @ question_vectors.T
    words = _word_similarity([p.text for p in passages], question_texts)
    logits = weights.meaning * _standardise(meaning) + weights.words * _standardise(words)
    if weights.key_phrases:
        phrase_vectors = embed([key_phrases(q) for q in question_texts])
        logits += weights.key_phrases * _standardise(vectors @ phrase_vectors.T)
    logits += weights.heading * _context_z([p.heading for p in passages], question_vectors, embed)
    logits += weights.asked * _context_z([p.asked for p in passages], question_vectors, embed)
    if numbers:
        logits += weights.cited * cited_questions([p.text for p in passages], numbers)
    return logits / weights.temperature, meaning.max(axis=1)
