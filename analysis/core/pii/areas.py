"""Named towns, cities, boroughs, districts, neighbourhoods and estates, redacted as [place].

For the people whose words these are (prison, probation, addiction, homelessness), a town
beside a prison and a daughter's name can identify someone, so every named settlement or
part of one is proposed for redaction; the facilitator reviews each one and can keep a
place that carries the argument. One rule says what is kept (``data/kept_regions.txt``):
a nation or a region made of many towns, which millions of people could be from: the UK
and its nations, other countries and continents, England's regions and compass parts of
them ("the North East", "South London"), and counties ("Kent"). London is kept as one of
England's nine regions (9 million people in 33 boroughs, no narrower than "the North
West"); Birmingham, Leeds or "North Leeds" are one city and are not.

Proposed here: the model's GPE and LOC entities, and the towns and districts listed in
``data/broad_areas.txt``, in capitals or, where it cannot be another word, in lower case
("a flat in gorton", "grew up in moss side"); and "in the X" after living or growing up
somewhere ("grew up in the Meadows"), which names an estate or district. Not proposed:
a name the name detectors call a person ("Chelsea told me"), a court known by its town
("sentenced at Snaresbrook", public like the judge), and services or acronyms the model
takes for places ("Shelter", "the DBS", "my PO"). Landmarks are kept in ``redact.py``.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from ..lists import load_list, load_set
from .common import CAP_WORD, COMMON_WORDS, Candidate, is_sentence_start
from .contact import POSTCODE
from .name_words import never_name
from .not_people import COURT_BEFORE
from .places import first_word_generic
from .regions import COMPASS_WORD, is_kept_region
from .shops import said_as_shop
from .whereabouts import PRESENCE
from .word_lists import EVERYDAY, TIME_NAMES, TIME_WORDS

__all__ = ["STUDIED_IN", "find_areas", "is_kept_region"]

MODEL_AREAS = ("GPE", "LOC")
# "Greater Manchester", "West London": the compass words before a listed town or city that
# make the whole a kept region.
COMPASS_BEFORE = re.compile(rf"(?:{COMPASS_WORD}[ \t-]+){{1,2}}$", re.IGNORECASE)
# Typed in lower case, a listed name that is also a word ("reading", "bath") is a place only
# after a word that puts someone there: "moved to reading", "a flat in moss side".
PLACE_BEFORE = re.compile(
    r"\b(?:in|from|to|near|round|around|outside|up|down|via|into)\s+$", re.IGNORECASE)
# "grew up in the Meadows", "lived in the Manor": a district or estate known as "the X";
# not a decade or a service someone lived in ("grew up in the Eighties", "in the Army").
NOT_AREAS = frozenset(
    ["fifties", "sixties", "seventies", "eighties", "nineties", "noughties", "army", "navy",
     "forces", "marines", "paras", "raf", "church", "system", "city"])
IN_THE = re.compile(rf"\b(?i:in)[ \t]+the[ \t]+(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD})?)\b"
                    rf"(?![\w'’-])")
# "my sister's in Wythenshawe", "grew up in Lochee": a capitalised word that is no English
# word, said where someone is, is a town or district no list holds (names skip these, the
# model often misses them). Not someone's ("in Dean's car") nor an acronym ("in A&E").
UNKNOWN_IN = re.compile(
    rf"\b(?:(?i:in|near|outside|around|round|across)"
    # "from the Gurnos", "up the Creggan", "on the Penrhys": people are never "the X", an
    # estate or district is.
    rf"|(?i:from|on|off|up|down)[ \t]+(?i:the))[ \t]+(?P<name>{CAP_WORD})(?![\w'’&-])")
# "22 Tithebarn Street, Preston, PR1 2JR": the words straight before a full postcode in an
# address are its town, even when the name rules read a person there.
TOWN_BEFORE_POSTCODE = re.compile(
    rf"(?<=,)[ \t]*(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD})?)[ \t]*,?[ \t]+"
    rf"(?=(?i:{POSTCODE.pattern}))")
POSSESSIVE_END = re.compile(r"(?:['’]s?)?$")  # "South London's", "Leeds'"
ACRONYM_LETTERS = 4  # "PO", "CV", "NI", "DBS": what the model takes for places is no town


@cache
def _listed() -> re.Pattern[str]:
    names = sorted(load_list("broad_areas.txt"), key=len, reverse=True)
    alts = "|".join(r"[ \t]+".join(re.escape(w) for w in n.split()) for n in names)
    return re.compile(rf"(?<![\w'’-])(?:{alts})(?![\w-])", re.IGNORECASE)


def _listed_areas(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Listed towns and districts: as written in capitals, or in lower case when they can
    be nothing else ("kirkby") or follow "in", "from", "to" and are no everyday word."""
    found = []
    for m in _listed().finditer(text):
        name = m.group()
        if not name.islower():
            # Opening a sentence, "Reading helped me" and "Bath time" are the words; the
            # model still proposes the town when it reads one there.
            everyday_opener = name.lower() in EVERYDAY and is_sentence_start(text, m.start())
            if name[0].isupper() and not everyday_opener:
                found.append(Candidate(m.start(), m.end(), "place"))
            continue
        one_word = " " not in name
        nothing_else = one_word and is_word is not None and not is_word(name)
        after_place_word = (PLACE_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                            and name not in EVERYDAY)
        if nothing_else or after_place_word:
            found.append(Candidate(m.start(), m.end(), "place"))
    return found


def _model_areas(text: str, entities: Iterable[tuple[int, int, str]]) -> list[Candidate]:
    """The model's places, without "the" or a possessive, and never a lower-case word
    ("pregabalin"), an acronym ("my PO") or a service ("Shelter")."""
    found = []
    for ent_start, ent_end, label in entities:
        if label not in MODEL_AREAS or not text[ent_start:ent_end][:1].isalpha():
            continue
        the = re.match(r"the\s+", text[ent_start:ent_end], re.IGNORECASE)
        start = ent_start + (the.end() if the else 0)
        possessive = POSSESSIVE_END.search(text, start, ent_end)
        end = possessive.start() if possessive else ent_end
        # "in Swaleside now": the model ran on over a lower-case word after the place.
        while (tail := re.search(r"[ \t]+([a-z]+)$", text[start:end])) and (
                tail.group(1) in COMMON_WORDS):
            end -= len(tail.group())
        span = text[start:end]
        if (not span[:1].isupper() or (span.isupper() and len(span) <= ACRONYM_LETTERS)
                or span.lower() in load_set("not_names.txt") or never_name(span.split()[0])
                or said_as_shop(text, start, end)):
            continue
        found.append(Candidate(start, end, "place"))
    return found

# "a level 2 in Maths", "my GCSE in Art", "a course in Catering": a subject studied.
STUDIED_IN = re.compile(
    r"\b(?i:level[ \t]+\d|gcses?|a[ -]?levels?|nvqs?|btecs?|qualifications?|courses?"
    r"|certificates?|diplomas?|degrees?|exams?|classes|lessons?|grades?[ \t]+\w+)[ \t]+"
    r"(?i:in)[ \t]+$")


def _in_the(text: str) -> list[Candidate]:
    """ "grew up in the Meadows": an area or estate called "the X" where someone lives."""
    found = []
    for m in IN_THE.finditer(text):
        name = m.group("name")
        if (PRESENCE.search(text[max(0, m.start() - 60):m.start()])
                and not first_word_generic(text, m.start("name"))
                and name.lower() not in load_set("not_names.txt")
                and not said_as_shop(text, *m.span("name"))
                and name.split()[0].lower() not in NOT_AREAS
                and not any(never_name(w) for w in name.split())):
            found.append(Candidate(*m.span("name"), "place"))
    return found


def _unknown_in(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Unlisted towns and districts: an unknown capitalised word after "in", "near" or the
    like; never an English word, a time, a shop or a service."""
    if is_word is None:
        return []
    found = []
    for m in UNKNOWN_IN.finditer(text):
        name = m.group("name")
        low = name.lower()
        if (is_word(low) or any(is_word(p) for p in low.split("-")) or never_name(name)
                or low in TIME_NAMES or low in TIME_WORDS or low in load_set("not_names.txt")
                or low in load_set("first_names.txt") or said_as_shop(text, *m.span("name"))):
            continue
        found.append(Candidate(*m.span("name"), "place"))
    return found


def find_areas(
    text: str, entities: Iterable[tuple[int, int, str]], names: Iterable[Candidate],
    is_word: Callable[[str], bool] | None,
) -> list[Candidate]:
    """Find named towns, cities, boroughs, districts and estates to redact as [place].

    Args:
        text: text to search.
        entities: the model's (start, end, label) entities; GPE and LOC are read.
        names: the name detectors' candidates; a place overlapping one is a person
            ("Chelsea told me"), so the name wins.
        is_word: an English word test, or None; without it a lower-case listed name
            counts only after "in", "from", "to" and the like.

    Returns:
        Candidates labelled ``place``; nations and regions (``is_kept_region``) and
        courts known by their town are left out.
    """
    people = [(c.start, c.end) for c in names]
    found = []
    for cand in (_model_areas(text, entities) + _listed_areas(text, is_word) + _in_the(text)
                 + _unknown_in(text, is_word)):
        compass = COMPASS_BEFORE.search(text, max(0, cand.start - 20), cand.start)
        span = (compass.group() if compass else "") + text[cand.start:cand.end]
        if (is_kept_region(span)
                or COURT_BEFORE.search(text[max(0, cand.start - 30):cand.start])
                or STUDIED_IN.search(text, max(0, cand.start - 30), cand.start)
                or any(s < cand.end and cand.start < e for s, e in people)):
            continue
        found.append(cand)
    found += [Candidate(*m.span("name"), "place") for m in TOWN_BEFORE_POSTCODE.finditer(text)
              if not is_kept_region(m.group("name")) and not never_name(m.group("name"))]
    return found
