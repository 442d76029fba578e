"""Rule-based name routes: titles, cue words, the first-name list, the caller's names."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..lists import load_list, load_set
from .common import CAP_WORD, COMMON_WORDS, LOWER, Candidate, is_sentence_start
from .name_words import (
    PLACE_ENDINGS,
    TITLES,
    WORD,
    extend_surname,
    is_ambiguous,
    is_broad_area,
    never_name,
    said_as_time,
    with_someone,
    word_used_as_word,
)
from .person_cues import IS_SOMEONE

__all__ = [
    "appositive_names", "cue_pattern", "cued_names", "known_names", "listed_first_names",
    "named_by_role", "role_after_names", "role_after_pattern", "service_after_names",
    "titled_names",
]

# "PC Davies", and "PC 4471 Davies" with a police officer's collar number between.
TITLED = re.compile(rf"\b(?:{'|'.join(TITLES)})\.?[ \t]+(?:\d{{2,5}}[ \t]+)?(?={CAP_WORD})")
CAP_AT = re.compile(rf"{CAP_WORD}\b")
# "Thandiwe from the refugee project", "Bex from outreach": a worker named by their service.
FROM_SERVICE = re.compile(
    rf"\b(?P<name>{CAP_WORD})[ \t]+(?:from|at)[ \t]+(?:the[ \t]+|my[ \t]+|our[ \t]+)?[{LOWER}]"
)


# "Chalky was my first cellmate", "Bex is my best mate", "Okoro was my old PO".
ROLE_ADJECTIVE = (r"(?:(?:old|new|first|last|best|ex|former|current|little|big|older|younger"
                  r"|oldest|eldest|youngest|only)[ \t]+)")


def _cue_alternation() -> str:
    cues = sorted(load_list("name_cues.txt"), key=len, reverse=True)
    return "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)


@lru_cache(maxsize=1)
def _role_after_pattern() -> re.Pattern[str]:
    """Match a name followed by its role: "Okoro was my PO", "Baxter, the officer"."""
    return re.compile(
        rf"\b(?P<name>{CAP_WORD})(?:[ \t]*,[ \t]*|[ \t]+(?:was|is|who's|who was)[ \t]+)"
        # "me" is "my" in many voices: "Tommo was me pad mate".
        rf"(?:my|me|the|our|his|her|their)[ \t]+{ROLE_ADJECTIVE}?(?i:{_cue_alternation()})\b"
    )


@lru_cache(maxsize=1)
def _the_role_pattern() -> re.Pattern[str]:
    """A name then "the <role>" with no comma: "Bill the chaplain", "Dave the screw"."""
    return re.compile(
        rf"\b(?P<name>{CAP_WORD})[ \t]+the[ \t]+{ROLE_ADJECTIVE}?(?i:{_cue_alternation()})\b")


MODALS = frozenset(["will", "may", "can", "must", "shall"])  # "Will the judge let me out?"


def role_after_pattern() -> re.Pattern[str]:
    """A name then "was my <role>" or ", my <role>" ("Okoro was my PO", "Baxter, the officer")."""
    return _role_after_pattern()


def cue_pattern() -> re.Pattern[str]:
    """The cue words of ``name_cues.txt`` ("my mate", "a fella called"), in any case."""
    return _cue_pattern()


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    # Cue words in any case; the name itself keeps its case so we can judge it.
    return re.compile(rf"\b(?i:{_cue_alternation()})\b")


# "a fella called Frank", "they called him Smiler": the person called may come between.
NAME_AFTER_CUE = re.compile(
    rf"(?:['’]s)?\s*,?\s+(?:(?i:is|was|called|named)\s+)?(?:(?:him|her|me|them|us)\s+)?"
    rf"(?P<name>{CAP_WORD}|[a-z]+)\b"
)


def titled_names(text: str) -> list[Candidate]:
    """Find "Dr Okafor", "PC Daniel Hartley", "Mrs Patel".

    Args:
        text: text to search.

    Returns:
        Name candidates including the title.
    """
    found = []
    for m in TITLED.finditer(text):
        word = CAP_AT.match(text, m.end())
        if word and not never_name(word.group()):
            found.append(extend_surname(text, Candidate(m.start(), word.end(), "name"), 1))
    return found


def cued_names(text: str) -> list[Candidate]:
    """Find names after cue words: "my keyworker Maureen", "a fella called Frank".

    Args:
        text: text to search.

    Returns:
        Name candidates.
    """
    found = []
    first_names = load_set("first_names.txt")
    for cue in _cue_pattern().finditer(text):
        # Matched per cue, not in one regex, so "my cousin's girlfriend, Eilidh" still
        # reaches the name after the second cue.
        m = NAME_AFTER_CUE.match(text, cue.end())
        if not m:
            continue
        word = m.group("name")
        if never_name(word) or word.lower() in PLACE_ENDINGS:
            continue
        if word.islower() and (word not in first_names or is_ambiguous(word)):
            continue
        found.append(extend_surname(text, Candidate(m.start("name"), m.end("name"), "name")))
    return found


# "the new one, Fay, never bothered", "that woman, Bee, was kinder": who someone is, then
# their name between commas, then the sentence goes on.
APPOSITIVE = re.compile(
    rf"\b(?i:the|my|his|her|our|their|this|that|a|an)[ \t]+(?:[a-z]+[ \t]+){{0,2}}"
    rf"(?P<head>[a-z]+)[ \t]*,[ \t]*(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD})?)[ \t]*,[ \t]+[a-z]"
)


def appositive_names(text: str) -> list[Candidate]:
    """Find names said between commas after a word for a person ("the new one, Fay, ...").

    Args:
        text: text to search.

    Returns:
        Name candidates; not after a thing ("the new drug, Spice, ...") or a place ("my home
        town, Barnsley, ..."), nor a time or a medicine ("the worst one, Christmas, ...").
    """
    areas, first_names = load_set("broad_areas.txt"), load_set("first_names.txt")
    found = []
    for m in APPOSITIVE.finditer(text):
        name, head = m.group("name").split()[0], m.group("head")
        if not (IS_SOMEONE.fullmatch(head) or head in load_set("name_cues.txt")):
            continue
        if never_name(name) or (name.lower() in areas and name.lower() not in first_names):
            continue  # "the first one, Leeds, was better"
        found.append(Candidate(*m.span("name"), "name"))
    return found


def role_after_names(text: str) -> list[Candidate]:
    """Find names followed by their role: "Okoro was my PO", "Baxter, the officer".

    Args:
        text: text to search.

    Returns:
        Name candidates.
    """
    # "In May, my son got his GCSEs" is a time; "June, my worker" is someone.
    found = [Candidate(*m.span("name"), "name") for m in _role_after_pattern().finditer(text)
             if not never_name(m.group("name")) and not said_as_time(text, *m.span("name"))]
    # "Bill the chaplain sat with me": with no comma only a first name ("Eventually the
    # officer came" is an adverb), and never a modal asking ("Will the judge let me out?").
    first_names = load_set("first_names.txt") | load_set("name_words.txt")
    return found + [Candidate(*m.span("name"), "name") for m in _the_role_pattern().finditer(text)
                     if m.group("name").lower() in first_names
                     and m.group("name").lower() not in MODALS]


def named_by_role(text: str, start: int) -> bool:
    """Say whether the word at ``start`` is followed by "was/is my <role>" ("Royal was my
    keyworker"); the comma form only when a comma closes the role ("Lucky, my mate, got me
    in"), since one also follows openers ("Still, my worker said")."""
    m = _role_after_pattern().match(text, start)
    # "Lucky, my mate, got me in": the role between two commas is who Lucky is.
    return bool(m and (not text[m.end("name"):].lstrip().startswith(",")
                       or re.match(r"[ \t]*,", text[m.end():])))


def service_after_names(text: str, place_entities: list[tuple[int, int]]) -> list[Candidate]:
    """Find names followed by their service: "Bex from outreach", "Thandiwe at the project".

    Args:
        text: text to search.
        place_entities: offsets the model tagged as places, never read as names here.

    Returns:
        Name candidates.
    """
    found = []
    for m in FROM_SERVICE.finditer(text):
        start, end = m.span("name")
        # Weaker cue: skip sentence starts ("Met at the gate", "Straight from court")
        # and words the model places ("moved to Leeds from the coast").
        if (never_name(m.group("name")) or is_sentence_start(text, start)
                or any(s <= start < e for s, e in place_entities)
                or (is_ambiguous(m.group("name")) and word_used_as_word(text, start, end))):
            continue
        found.append(Candidate(start, end, "name"))
    return found


# "stayed at kellys", "went round Daves": someone's home with the apostrophe left out.
HOME_BEFORE = re.compile(r"\b(?i:at|round|to|from|over|in|stayed|staying|kipping)[ \t]+$")
# Shops and bookmakers named like a first name's possessive ("at Lloyds", "in Harveys").
SHOP_NAMES = frozenset(["lloyds", "harveys"])


def _home_without_apostrophe(text: str, m: re.Match[str], first_names: frozenset[str]) -> bool:
    word = m.group()
    stem = word[:-1].lower()
    return (word.endswith("s") and stem in first_names and word.lower() not in first_names
            and not is_ambiguous(stem) and word.lower() not in SHOP_NAMES
            and bool(HOME_BEFORE.search(text[max(0, m.start() - 10):m.start()])))


def listed_first_names(text: str) -> list[Candidate]:
    """Find first names from ``first_names.txt``, lower-case ones included ("me and dave").

    Args:
        text: text to search.

    Returns:
        Name candidates, extended over a following surname.
    """
    found = []
    first_names = load_set("first_names.txt")
    for m in WORD.finditer(text):
        word = m.group()
        low = word.lower()
        if _home_without_apostrophe(text, m, first_names):
            found.append(Candidate(m.start(), m.end(), "name"))
            continue
        # "Will" is both a common word and a name: name_words.txt decides those.
        if low not in first_names or (low in COMMON_WORDS and not is_ambiguous(word)):
            continue
        if word.islower():
            # Lower-case names ("me and dave") count unless they are also words; those
            # only beside "me and" ("me and will were sharing a cell").
            if is_ambiguous(word) and not with_someone(text, m.start(), m.end()):
                continue
        elif not word[0].isupper() or (is_ambiguous(word)
                                       and word_used_as_word(text, m.start(), m.end())):
            continue
        if is_broad_area(text, m.start(), m.end()):
            continue
        found.append(extend_surname(text, Candidate(m.start(), m.end(), "name")))
    return found


def known_names(text: str, names: Iterable[str]) -> list[Candidate]:
    """Find the caller's real names as whole words, in full and by each part.

    Args:
        text: text to search.
        names: real names, e.g. "Tracey Wilson" or speaker labels.

    Returns:
        Name candidates.
    """
    found = []
    parts: set[str] = set()
    for given in names:
        full = " ".join(str(given).split())
        if not full:
            continue
        words = full.split()
        # Whole multi-word names match in any case; single words go through the
        # part rules below, so a speaker called "Will" or "So" cannot blank out words.
        if len(words) > 1 and not all(never_name(w) for w in words):
            pattern = r"\s+".join(re.escape(w) for w in words)
            found += [Candidate(m.start(), m.end(), "name")
                      for m in re.finditer(rf"\b{pattern}\b", text, re.IGNORECASE)]
        parts.update(p for p in re.split(r"[\s,]+", full) if len(p) > 1 and p.isalpha())
    for part in parts:
        if never_name(part):
            continue
        ambiguous = is_ambiguous(part)
        flags = 0 if ambiguous else re.IGNORECASE
        target = part[0].upper() + part[1:].lower() if ambiguous else part
        for m in re.finditer(rf"\b{re.escape(target)}\b", text, flags):
            if ambiguous and word_used_as_word(text, m.start(), m.end(), known=True):
                continue
            found.append(extend_surname(text, Candidate(m.start(), m.end(), "name")))
    return found
