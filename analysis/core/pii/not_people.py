"""Capitalised words that look like names but are not people: titles, openers, courts."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..lists import load_list, load_set
from .common import CAP_WORD, Candidate, is_sentence_start
from .name_rules import named_by_role
from .speakers import speaks

__all__ = ["drop_not_people", "named_documents"]


# Courts are public and kept (see GENERIC_FIRST in places.py: "Crown", "Magistrates"); a
# Crown Court known by its place ("the judge at Snaresbrook", "the hearing at Preston") is
# no person either. Not "bench": "the bench in Kevin's garden"; "the hearing at Tracy's
# flat" is a possessive, which stays a name.
COURT_BEFORE = re.compile(
    r"\b(?:judge|court|courts|sentenced|sentencing|sentence|magistrates|dock|hearing|hearings"
    r"|trial|tried|appeared|appearance|convicted|committed|adjourned)"
    r"\s+(?:(?:me|him|her|them|us)\s+)?(?:at|in|up\s+at|over\s+at|down\s+at)\s+$",
    re.IGNORECASE,
)
POSSESSIVE = re.compile(r"['’](?:s\b|(?!\w))")  # "Kevin's", "Hughes'"
# "St John's Ambulance", "St Patrick's Day", "Saint Basil's": a saint is no participant;
# a hospital or hostel by a saint's name is found by its own detectors.
SAINT_BEFORE = re.compile(r"\b(?:St\.?|Saint)[ \t]+$")
SAINT_START = re.compile(r"(?:St\.?|Saint)[ \t]+[A-Z]")


@lru_cache(maxsize=1)
def _document_title() -> re.Pattern[str]:
    ends = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in load_list("public_document_words.txt"))
    # One to three capitalised words (never a possessive: "Dave's report" is Dave's) and
    # a title word in any case: "the Bradley Report", "the Lammy review".
    return re.compile(rf"(?<![\w'’])((?:{CAP_WORD}\s+){{1,3}})(?i:{ends})\b")


def named_documents(text: str) -> list[tuple[int, int]]:
    """Find public documents named after people ("the Bradley Report", "the Lammy review").

    Args:
        text: text to search.

    Returns:
        (start, end) offsets of each title, from its first capitalised word to its title word.
    """
    return [(m.start(1), m.end()) for m in _document_title().finditer(text)]


def _opener(text: str, cand: Candidate, is_modifier: Callable[[str], bool]) -> bool:
    """A lone capitalised adverb or adjective opening a sentence ("Plus, ...", "Still ...")."""
    word = text[cand.start:cand.end]
    if " " in word or not is_sentence_start(text, cand.start):
        return False
    low = word.lower()
    # Names that are also words (Frank, Rose, Young) keep their own rules in the lists.
    if low in load_set("first_names.txt") or low in load_set("name_words.txt"):
        return False
    # "Royal was my keyworker", "Star told me": what follows shows a person.
    if named_by_role(text, cand.start) or speaks(text, cand.end):
        return False
    return is_modifier(word)


def _saint(text: str, cand: Candidate) -> bool:
    """A saint's name, after "St" ("St Patrick's Day") or starting with it ("St John's")."""
    return bool(SAINT_BEFORE.search(text[max(0, cand.start - 7):cand.start])
                or SAINT_START.match(text, cand.start))


def _court(text: str, cand: Candidate) -> bool:
    """A court named by its place ("sentenced at Isleworth", "the hearing at Preston"), never
    a possessive ("the court at Kevin's") or a first name with a surname ("at Stacey Hall")."""
    words = text[cand.start:cand.end].split()
    if POSSESSIVE.match(text, cand.end) or (
            len(words) > 1 and words[0].lower() in load_set("first_names.txt")):
        return False
    return bool(COURT_BEFORE.search(text[max(0, cand.start - 30):cand.start]))


def drop_not_people(text: str, cands: list[Candidate],
                    is_modifier: Callable[[str], bool] | None) -> list[Candidate]:
    """Remove name candidates that are document titles, sentence openers or courts.

    Args:
        text: the text the candidates point into.
        cands: name candidates from the rule and model routes (not the caller's own names).
        is_modifier: says whether a word is an English adverb or adjective (see
            ``pii.lexicon.english_modifiers``); None skips the sentence-opener test.

    Returns:
        The candidates that may still be people.
    """
    titles = named_documents(text)
    kept = []
    for cand in cands:
        if any(s <= cand.start and cand.end <= e for s, e in titles):  # "Bradley", "Bradley Report"
            continue
        if is_modifier is not None and _opener(text, cand, is_modifier):
            continue
        if _court(text, cand) or _saint(text, cand):
            continue
        kept.append(cand)
    return kept
