"""Grow a found name or place over the rest of a many-word name, so no part is left in the
text: "got funded for Castle Craig" where only "Craig" was found, "Blackbird Leys is where"
where only "Leys" was, "Harland and Wolff" found as two names, and a firm named after
people ("ring Kilbride & Moss") that no other rule found.

A capitalised word in the middle of a sentence is part of the name beside it unless it is a
function word, a day, a title, a kin word or a service (``never_name``), or a nation or
region. Opening a sentence a word is capitalised whatever it is, so there only a noun is
joined ("Blackbird Leys"), never a verb, adverb or adjective ("Tell Craig", "Yesterday Craig",
"Poor Craig").
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .common import CAP_WORD, Candidate, is_sentence_start
from .name_words import PLACE_ENDINGS, never_name

__all__ = ["firms_by_ampersand", "widen"]

WordTest = Callable[[str], bool] | None
GROWN = frozenset(["name", "place"])
WORD_BEFORE = re.compile(rf"(?<![\w'’-])({CAP_WORD})[ \t]+$")
WORD_AFTER = re.compile(rf"[ \t]+({CAP_WORD})(?![\w'’-])")
# "Harland and Wolff", "Kilbride & Moss": two capitalised words joined into one firm's name.
JOINED = re.compile(r"[ \t]+(?:&|and)[ \t]+$")
AMPERSAND_FIRM = re.compile(rf"(?<![\w'’-])({CAP_WORD})[ \t]+&[ \t]+({CAP_WORD})(?![\w'’-])")
CAP_WORD_ONLY = re.compile(CAP_WORD)
# "Leeds College", "Hull University": a town before an institution's word is the town, which
# the institution rules judge; the place does not grow over it.
KIND_WORDS = frozenset(["college", "university", "uni", "school", "academy", "council", "station",
                        "airport", "police", "church", "cathedral", "library", "jobcentre",
                        "magistrates", "crown", "prison", "hospital", "infirmary", "hostel",
                        "city", "united", "rovers", "town", "fc"])
REACH = 40  # characters before a span read for a word to join
MOST_WORDS = 3  # a name grows by at most this many words each way


def _joinable(word: str, *, opens: bool, tests: tuple[WordTest, WordTest]) -> bool:
    """Whether a capitalised word beside a name is part of it."""
    low = word.lower()
    if (never_name(word) or low in load_set("name_cues.txt") or low in load_set("kept_regions.txt")
            or low in load_set("broad_areas.txt") or low in load_set("public_document_words.txt")):
        return False
    if not opens:
        return True
    is_modifier, is_verb = tests
    if is_modifier is None or is_verb is None:  # no lexicon (a blank pipeline): cannot tell
        return False
    return not (is_modifier(low) or is_verb(low))


def _grow(text: str, cand: Candidate, taken: list[Candidate],
          tests: tuple[WordTest, WordTest]) -> Candidate:
    """The candidate grown over the capitalised words joined to it on either side."""
    def free(start: int, end: int) -> bool:  # another kind of data there is its own span
        return not any(c.start < end and start < c.end and c.label != cand.label for c in taken)

    start, end = cand.start, cand.end
    # Where another kind claims the same words ("Prison Bullingdon" is a prison too), growing
    # would only decide which kind wins; that is the resolver's to judge.
    if not free(start, end):
        return cand
    for _ in range(MOST_WORDS):
        m = WORD_BEFORE.search(text[max(0, start - REACH):start])
        if not m:
            break
        word_start = start - len(m.group())
        opens = is_sentence_start(text, word_start)
        if m.group(1).lower() in PLACE_ENDINGS | KIND_WORDS or not (
                _joinable(m.group(1), opens=opens, tests=tests)
                and free(word_start, word_start + len(m.group(1)))):
            break
        start = word_start
    for _ in range(MOST_WORDS):
        m = WORD_AFTER.match(text, end)
        # "Craig Road" is a street, which the address rules find; a name does not take it.
        if not m or m.group(1).lower() in PLACE_ENDINGS | KIND_WORDS or not (
                _joinable(m.group(1), opens=False, tests=tests) and free(*m.span(1))):
            break
        end = m.end(1)
    return Candidate(start, end, cand.label)


def _join_firms(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join two names or places said as one firm ("Harland and Wolff"): with "&" always, with
    "and" only when neither is a first name ("Dave and Steve" are two people)."""
    firsts = load_set("first_names.txt")
    by_end = {(c.end, c.label): c for c in cands if c.label in GROWN}
    joined = []
    for right in cands:
        if right.label not in GROWN:
            continue
        m = JOINED.search(text[max(0, right.start - 6):right.start])
        left = by_end.get((right.start - len(m.group()), right.label)) if m else None
        # "Addiewell and Kilmarnock" read as names and as prisons: two prisons, not one firm.
        if m is None or left is None or any(
                c.label != right.label and c.start < right.end and left.start < c.end
                for c in cands):
            continue
        words = text[left.start:left.end].split() + text[right.start:right.end].split()
        # Only names written as names ("MK and Lozza", "pickles and fudge" are two people),
        # and places only with "&" ("Wandsworth and Brixton" are two places).
        if not all(CAP_WORD_ONLY.fullmatch(w) for w in words):
            continue
        if "&" in m.group() or (right.label == "name" and not any(
                w.lower() in firsts or w.lower() in load_set("broad_areas.txt") for w in words)):
            joined.append(Candidate(left.start, right.end, right.label))
    return joined


def widen(text: str, cands: list[Candidate], is_modifier: WordTest = None,
          is_verb: WordTest = None) -> list[Candidate]:
    """Grow every name and place over the capitalised words of the same name beside it.

    Args:
        text: the whole text.
        cands: every candidate found so far (other kinds bound how far a name grows).
        is_modifier: the English adverb/adjective test (``pii.lexicon``); a sentence's first
            word that is one is never joined.
        is_verb: the English verb test; likewise.

    Returns:
        The candidates, names and places grown; firm names said with "and" or "&" added whole.
    """
    tests = (is_modifier, is_verb)
    grown = [_grow(text, c, cands, tests) if c.label in GROWN else c for c in cands]
    return grown + _join_firms(text, grown)


def firms_by_ampersand(text: str, is_word: WordTest) -> list[Candidate]:
    """Find firms named after people with "&" ("ring Kilbride & Moss", "Doyle & Sons").

    Args:
        text: text to search.
        is_word: the English word test; one of the two words must be no English word.

    Returns:
        Name candidates, like other firms named after people ("Brannigan & Co solicitors").
    """
    found = []
    for m in AMPERSAND_FIRM.finditer(text):
        words = m.group(1), m.group(2)
        if any(never_name(w) for w in words) or is_word is None:
            continue
        if not all(is_word(w) for w in words):
            found.append(Candidate(m.start(), m.end(), "name"))
    return found
