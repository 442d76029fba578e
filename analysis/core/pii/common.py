"""Shared pieces for the personal-data detectors: the candidate type and word tests."""
from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "CAP_WORD", "COMMON_WORDS", "LOWER", "UPPER", "Candidate", "every_match", "is_sentence_start",
    "sentence_parts", "words_in",
]

# Letters as character-class contents, with the accented ones common in UK names
# (Ruairí, Siân, Łukasz, Ştefan) so those names are not invisible to the rules.
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĪĮİĶĻĽŁŃŇŐŒŘŚŞŠŢȚȘŤŪŮŰŲŹŻŽ"
LOWER = "a-zß-öø-ÿāăąćčďđēėęěğīįıķļľłńňőœřśşšţțșťūůűųźżž"
# A capitalised word as names and places are written: Kelly, O'Neill, McBride, Smith-Jones.
CAP_WORD = (
    rf"(?:[{UPPER}][{LOWER}]*['’][{UPPER}][{LOWER}]+|Ma?c[{UPPER}][{LOWER}]+"
    rf"|[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)"
)

# Function words and fillers: never a name, a street's first word or a surname.
COMMON_WORDS = frozenset(
    ["a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
     "back", "be", "because", "been", "before", "being", "both", "but", "by", "can", "could", "did",
     "do", "does", "doing", "done", "down", "each", "even", "every", "few", "for", "from", "get",
     "got", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i",
     "if", "in", "into", "is", "it", "its", "just", "last", "let", "like", "made", "many", "me",
     "more", "most", "much", "my", "never", "next", "no", "nor", "not", "now", "of", "off", "oh",
     "on", "once", "one", "only", "or", "other", "our", "out", "over", "own", "same", "she",
     "should", "so", "some", "still", "such", "than", "that", "the", "their", "them", "then",
     "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
     "upon", "us", "very", "was", "we", "well", "were", "what", "when", "where", "which", "while",
     "who", "whom", "why", "will", "with", "would", "yes", "yeah", "you", "your", "yours", "mm",
     "okay", "ok", "right", "sorry", "thanks", "thank", "cheers", "please", "hi", "hello", "bye",
     "dear", "nah", "yep", "aye", "erm", "um", "hmm", "innit", "ain't", "cos", "someone",
     "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "noone", "something",
     "nothing", "everything", "anything", "people"])

_WORD = re.compile(rf"[{UPPER}{LOWER}][{UPPER}{LOWER}'’-]*")


class Candidate(NamedTuple):
    """A proposed redaction: character offsets and a label such as ``"name"``."""

    start: int
    end: int
    label: str


def every_match(pattern: re.Pattern[str], text: str, label: str) -> list[Candidate]:
    """Every match of ``pattern`` in ``text`` as a candidate labelled ``label``."""
    return [Candidate(m.start(), m.end(), label) for m in pattern.finditer(text)]


def words_in(text: str) -> list[str]:
    """Return the words of ``text`` (letters, apostrophes, hyphens).

    Args:
        text: any text.

    Returns:
        The words in order.
    """
    return _WORD.findall(text)


def last_word(text: str, index: int) -> str:
    """The last whitespace-separated word before ``index``, as ``text[:index].split()[-1]``.

    Args:
        text: the whole text.
        index: an offset into it.

    Returns:
        That word, or "" when only spaces come before. Read backwards from ``index``:
        splitting all that comes before, for each of thousands of candidates, made a
        100,000-character transcript spend a sixth of its redaction time splitting.
    """
    end = index
    while end > 0 and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def is_sentence_start(text: str, index: int) -> bool:
    """Say whether ``index`` is the first word of a sentence or line.

    Args:
        text: the whole text.
        index: offset of a word's first character.

    Returns:
        True at the start of the text or after ``.``, ``?``, ``!``, a newline or a
        quote that opens a sentence.
    """
    while index > 0 and text[index - 1] in " \t\"'“‘":  # backwards: no copy of all before
        index -= 1
    return index == 0 or text[index - 1] in ".?!\n:"


SENTENCE_END = re.compile(r"[.?!\n]")
# A sentence is read at most this far either side of a word: splitting everything before
# each candidate made a 200,000-character transcript take seconds (the cost grew squared).
SENTENCE_REACH = 400


def sentence_parts(text: str, start: int, end: int) -> tuple[str, str]:
    """The rest of the sentence before text[start:end] and after it.

    Args:
        text: the whole text.
        start: offset of the words.
        end: offset just after them.

    Returns:
        (before, after), each at most ``SENTENCE_REACH`` characters.
    """
    before = SENTENCE_END.split(text[max(0, start - SENTENCE_REACH):start])[-1]
    after = SENTENCE_END.split(text[end:end + SENTENCE_REACH], maxsplit=1)[0]
    return before, after
