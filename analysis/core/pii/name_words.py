"""Word tests shared by the name detectors: never a name, ambiguous, a broad area."""
from __future__ import annotations

import re

from ..lists import load_set
from .common import CAP_WORD, COMMON_WORDS, LOWER, UPPER, Candidate, is_sentence_start

__all__ = [
    "PEOPLE_ARE_NOT_IN", "PLACE_ENDINGS", "PLACE_PREPOSITION", "TITLES", "WORD",
    "extend_surname", "is_ambiguous", "is_broad_area", "never_name", "word_used_as_word",
]

TITLES = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Doctor", "Prof", "Professor", "PC", "PCSO",
    "DC", "DS", "DI", "DCI", "Sgt", "Sergeant", "Inspector", "Officer", "Constable",
    "Nurse", "Sister", "Matron", "Father", "Fr", "Rev", "Reverend", "Pastor", "Imam",
    "Rabbi", "Judge", "Cllr", "Councillor", "Sir", "Dame", "Auntie", "Uncle",
)
SURNAME_AFTER = re.compile(rf"[ \t]+({CAP_WORD})\b")
WORD = re.compile(rf"\b[{UPPER}{LOWER}][{LOWER}]*(?:['’][{UPPER}{LOWER}][{LOWER}]+)?\b")
# Words that end places and institutions: a "surname" like this means it is not a person.
PLACE_ENDINGS = frozenset(
    ["road", "street", "avenue", "lane", "close", "crescent", "drive", "way", "grove", "terrace",
     "gardens", "mews", "rise", "parade", "place", "square", "court", "house", "lodge", "centre",
     "center", "hospital", "ward", "clinic", "prison", "estate", "tower", "hall", "park", "green",
     "hill", "project", "foyer", "hostel", "unit", "surgery", "infirmary"])
TIME_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "christmas", "easter"])
# After an ambiguous name at the start of a sentence these show the word is used as a
# word ("Will I ...", "Hope so", "Mark my words", "Grace period"), not as a name.
TITLE_WORDS = frozenset(t.lower() for t in TITLES)
NOT_AFTER_NAME = COMMON_WORDS - {"from", "at", "on", "and", "was", "is", "said", "has", "had"}
NOT_AFTER_NAME |= {"period", "everyone", "anyone", "someone", "yourself", "myself", "do"}

# "Hope is what kept me going", "Faith was what got me through": a name-word saying what
# did something, not who someone is. Only "what" and a verb: people are everything, all
# someone has, the best thing ("Mark was everything to me", "Rose is all I have left").
ABSTRACT_PREDICATE = re.compile(
    r"(?:\s+(?i:is|was)|['’]s)\s+(?i:what)\s+(?!(?:this|his|hers|its|ours|yours|theirs|us)\b)"
    r"(?:[a-z]+ed|[a-z]+s|kept|got|gave|made|brought|held|saw|took|stood)\b"
)
# Medicine names by their international stems (Sertraline, Olanzapine, Diazepam, Tramadol).
MEDICINE_ENDINGS = (
    "azepam", "azolam", "apine", "oxetine", "alopram", "traline", "idone", "peridol", "gabalin",
    "pentin", "orphine", "amadol", "codone", "tanyl", "trigine", "proate", "prazole", "olol",
    "triptyline", "pramine", "afaxine", "iclone", "zodone",
)

PEOPLE_ARE_NOT_IN = re.compile(r"\b(?:in|near|outside|around|round|across|over in)\s+$",
                               re.IGNORECASE)
PLACE_PREPOSITION = re.compile(r"\b(?:to|from|at|of|into|via|up|down|by)\s+$", re.IGNORECASE)


def never_name(word: str) -> bool:
    """Say whether a word can never be (part of) a person's name here.

    Args:
        word: one word, any case.

    Returns:
        True for function words, days and months, titles, and ``not_names.txt`` entries.
    """
    low = word.lower()
    return (low in COMMON_WORDS or low in TIME_WORDS or low in load_set("not_names.txt")
            or low in TITLE_WORDS or low.endswith(MEDICINE_ENDINGS))


def is_broad_area(text: str, start: int, end: int) -> bool:
    """Say whether ``text[start:end]`` is a listed broad area used as a place.

    Args:
        text: the whole text.
        start: offset of the word.
        end: offset just after it.

    Returns:
        True for "in Chelsea" or "Kensington and Chelsea", False for "Chelsea said".
    """
    if text[start:end].lower() not in load_set("broad_areas.txt"):
        return False
    before = text[max(0, start - 12):start]
    return bool(PEOPLE_ARE_NOT_IN.search(before) or PLACE_PREPOSITION.search(before)
                or re.search(r"\band\s+$", before) or re.match(r"\s+and\s+[A-Z]", text[end:]))


def is_ambiguous(word: str) -> bool:
    """Say whether a name is also an ordinary word (Will, Hope, Price).

    Args:
        word: one word, any case.

    Returns:
        True if listed in ``name_words.txt``.
    """
    return word.lower() in load_set("name_words.txt")


def extend_surname(text: str, cand: Candidate, limit: int = 2) -> Candidate:
    """Grow a name over up to ``limit`` following capitalised surname-like words.

    Args:
        text: the whole text.
        cand: the name found so far.
        limit: the most words to add.

    Returns:
        The candidate, longer if a surname follows ("Shaun" -> "Shaun Kelly").
    """
    end = cand.end
    for _ in range(limit):
        m = SURNAME_AFTER.match(text, end)
        if not m:
            break
        word = m.group(1)
        if never_name(word) or word.lower() in PLACE_ENDINGS:
            break
        end = m.end(1)
    return Candidate(cand.start, end, "name")


def word_used_as_word(text: str, start: int, end: int, *, known: bool = False) -> bool:
    """Guess whether an ambiguous capitalised word is used as a word, not a name.

    Args:
        text: the whole text.
        start: offset of the word.
        end: offset just after it.
        known: the facilitator named this person, so "Hope is what kept me going" is
            Hope the person.

    Returns:
        True after "the"/"a", before "is what" and a verb ("Hope is what kept me going")
        unless ``known``, or at a sentence start followed by a pronoun or function word
        ("Will I...", "Hope so", "Mark my words").
    """
    before = text[:start].rstrip().split()
    if before and before[-1].lower() in {"the", "a", "an", "by"}:
        return True
    if not known and ABSTRACT_PREDICATE.match(text, end):
        return True
    if not is_sentence_start(text, start):
        return False
    if SURNAME_AFTER.match(text, end):
        return False
    after = re.match(r"\s+([A-Za-z']+)", text[end:])
    return after is None or after.group(1).lower() in NOT_AFTER_NAME
