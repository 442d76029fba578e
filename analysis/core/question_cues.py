"""Which consultation question a facilitator's turn asks, so its block can start there.

Facilitators read the questions out ("Question 3 is about community sentences: what does a
community sentence mean to you?"). A turn that names a question's number, or carries most of
its words, starts that question's block. Plain word matching, no model: this runs while a
page is drawn.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["question_asked"]

# Words too common to say which question is meant.
_STOP = frozenset(
    ["a", "about", "after", "all", "an", "and", "any", "are", "as", "at", "be", "been", "being",
     "better", "by", "can", "could", "do", "does", "for", "from", "get", "had", "has", "have",
     "how", "i", "if", "in", "into", "is", "it", "its", "more", "most", "of", "on", "or", "our",
     "out", "people", "should", "so", "some", "than", "that", "the", "their", "them", "there",
     "these", "they", "this", "those", "to", "up", "us", "was", "we", "what", "when", "where",
     "which", "who", "why", "will", "with", "would", "you", "your"])
_NUMBER = re.compile(r"\b(?:question|q)\s*(\d{1,4}[a-z]?)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
MIN_SHARED_WORDS = 3
MIN_SHARE = 0.6


SHORT_WORD = 2  # words this short ("of", "we") carry no subject


def _content_words(text: str) -> set[str]:
    return {w.removesuffix("s") for w in _WORD.findall(text.lower()) if w not in _STOP
            and len(w) > SHORT_WORD}


def question_asked(text: str, questions: Sequence[tuple[str, str]]) -> str | None:
    """The number of the consultation question a turn asks, or None.

    Args:
        text: the turn's words.
        questions: (number, wording) of each consultation question, like ("3", "What ...?").

    Returns:
        The question's number when the turn names it ("question 3", "Q3") or shares at least
        MIN_SHARE of its content words (and MIN_SHARED_WORDS of them); otherwise None.
    """
    numbers = {number.lower(): number for number, _ in questions}
    for match in _NUMBER.finditer(text):
        if match.group(1).lower() in numbers:
            return numbers[match.group(1).lower()]
    said = _content_words(text)
    best, best_share = None, 0.0
    for number, wording in questions:
        words = _content_words(wording)
        shared = len(words & said)
        share = shared / len(words) if words else 0.0
        if shared >= MIN_SHARED_WORDS and share >= MIN_SHARE and share > best_share:
            best, best_share = number, share
    return best
