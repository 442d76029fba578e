"""What makes a quote worth printing: a full thought, not back-channel or placeholders.

Used by ``pick_representatives`` (and so by auto-pinned quotes) to keep "I hate that
phrase, but yeah." and "No, I get you. That's sad, though, [name]." off a theme page,
and to prefer "evidence-rich" segments: a concrete experience or a proposal.
"""
from __future__ import annotations

import re

from .vocabulary import PLACEHOLDER

__all__ = ["MIN_QUOTE_WORDS", "POINTER_WORDS", "evidence_rich", "has_placeholder",
           "placeholders", "substantive"]

MIN_QUOTE_WORDS = 8
MIN_CONTENT_WORDS = 3
MAX_PLACEHOLDER_SHARE = 0.2
_WORD = re.compile(r"[A-Za-z']+")
# Short function words and back-channel: what "I get you, yeah" is made of.
_LIGHT = frozenset(
    ["a", "an", "the", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us",
     "them", "my", "your", "his", "its", "our", "their", "this", "that", "these", "those", "is",
     "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "will",
     "would", "can", "could", "and", "but", "or", "so", "if", "then", "than", "to", "of", "in",
     "on", "at", "for", "with", "as", "by", "from", "up", "down", "out", "not", "don't", "i'm",
     "it's", "that's", "you're", "there", "here", "what", "when", "how", "why", "who", "very",
     "too", "though", "also", "yeah", "yes", "yep", "yup", "no", "nah", "like", "innit",
     "basically", "literally", "actually", "obviously", "really", "just", "right", "okay", "ok",
     "um", "uh", "er", "erm", "mm", "mhm", "hmm", "ah", "oh", "well", "know", "mean", "get", "sure",
     "cos", "totally", "exactly"])
_EXPERIENCE = re.compile(
    r"\b(i|we|my|me)\b[^.?!]{0,40}\b(was|were|had|got|went|came|did|spent|lost|waited|"
    r"asked|tried|ended|slept|left|told|found|couldn't|didn't|wasn't|used to)\b", re.I)
# "Please see our answer to Question 19": a written response pointing to another answer.
_POINTER = re.compile(r"\b(answer|response|reply|comments?)\s+(to|on|under)\s+(question|q)\s*\d+",
                      re.I)
# Shorter than this, a passage that points elsewhere says nothing of its own.
POINTER_WORDS = 30
_PROPOSAL = re.compile(
    r"\b(should|ought to|needs? to|must|would help|could help|would be better|recommend|"
    r"suggest|propose|we urge|calls? for|if only|what would help|it would help)\b", re.I)


def has_placeholder(text: str) -> bool:
    """Args: a segment's text. Returns: True when it holds a redaction placeholder."""
    return bool(PLACEHOLDER.search(text))


def placeholders(text: str) -> list[str]:
    """Name the redaction placeholders in a text, so an officer sees them before export.

    Args:
        text: a segment's or quote's text.

    Returns:
        Each distinct placeholder ("[name]", "[prison]") in the order first found.
    """
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def substantive(text: str) -> bool:
    """Say whether a segment is a full thought fit to quote.

    At least eight words, at least three of them carrying meaning (not back-channel such
    as "yeah", "I get you"), placeholders at most a fifth of the words, and not a short
    pointer to another answer ("Please see our answer to Question 19").

    Args:
        text: the (redacted) segment text.

    Returns:
        True when it may be a representative or auto-pinned quote.
    """
    holders = len(PLACEHOLDER.findall(text))
    words = [w.lower() for w in _WORD.findall(PLACEHOLDER.sub(" ", text))]
    total = len(words) + holders
    if total < MIN_QUOTE_WORDS or holders > MAX_PLACEHOLDER_SHARE * total:
        return False
    if total < POINTER_WORDS and _POINTER.search(text):
        return False
    content = [w for w in words if w not in _LIGHT]
    return len(content) >= MIN_CONTENT_WORDS


def evidence_rich(text: str) -> bool:
    """Say whether a segment gives a concrete experience or makes a proposal.

    Args:
        text: the segment text.

    Returns:
        True for "When I came out I slept in a doorway" or "Probation should ring first".
    """
    return bool(_EXPERIENCE.search(text) or _PROPOSAL.search(text))
