"""Named places found by the frame around them where no cue word is in the name.

* A school named with its kind in lower case ("goes Hollin Bank primary", "at Marsden
  juniors"); "high" only after going or being at it ("goes Brindley high"). The kind is
  part of the span, so the school outranks a shorter reading of its name (a prison's).
* A town said as where someone lives, is from or comes from ("my gran still lives in
  Ashby", "I come from Vaslui, in Romania"), or where a shop or firm is ("works up Lidl in
  Redruth"): a place even where the name rules read a surname (a place wins a tie).
* An estate or site lived on, "on the" and one or two capitalised words ("we lived on the
  Brook Vale", "grew up on the Pennywell"); people are never "the X".
* A town travelled or moved to ("the 42 bus to Tyldesley", "moved me out to Kirkbymoor"),
  the town after a street address ("12 Rathmore Gardens, Dunnamore").
* Where someone worked as a job or a shift ("I was a miner at Thoresby", "worked nights at
  Holmfield Joinery"): a workplace.
* A named House or Centre kipped or dossed in ("kippin' in the Beacon Centre"): a hostel.
* A ward someone was put on at a hospital found already ("they put me on Larkspur at
  Fairfield Hospital"), or said with what it is ("on Hornbeam, the PICU", "the Rowan suite
  at the mental health unit"): part of the hospital.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .areas import is_kept_region
from .common import CAP_WORD, Candidate
from .name_words import never_name
from .places import SAINTLY_NAME, first_word_generic
from .shops import said_as_shop

__all__ = ["find_named_sites"]

NAME = rf"{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}}"
SCHOOL_KIND = r"(?:primary|secondary|juniors|infants|academy|comp|comprehensive|grammar)"
SCHOOL_LOWER = re.compile(rf"(?<![\w'’-])(?P<name>{NAME})[ \t]+(?:{SCHOOL_KIND}|(?P<high>high))"
                          r"(?:[ \t]+school)?\b")
ATTENDS = re.compile(r"\b(?i:goes|go|going|went|gone|attends?|attended|at|to)[ \t]+$")
# Words that say what kind a school is, not which one ("the Catholic primary").
SCHOOL_DESCRIPTIONS = frozenset(["catholic", "church", "christian", "muslim", "jewish", "state",
                                 "private", "special", "local", "village", "free", "faith"])
LIVES_IN = re.compile(
    r"\b(?i:lives?|lived|living|born|grew[ \t]+up|brought[ \t]+up|raised|comes?|came"
    r"|(?:i['’]?m|i[ \t]+am|he['’]?s|she['’]?s|we['’]?re|they['’]?re))"
    r"(?:[ \t]+(?i:still|now|originally|all[ \t]+the[ \t]+way))?[ \t]+(?i:in|from)[ \t]+$")
IN_COUNTRY_AFTER = re.compile(r",?[ \t]+in[ \t]+(?P<region>[A-Z][\w'’ -]+?)\b(?=[,.;!?]|$)")
# "the 18 bus to Hattersley", "moved me out to Skelmersdale", "took the kids back to Tczew".
# Going "back to" someone is to a person ("went back to Kerry-Ann"); taking or sending
# someone back is to a place.
TRAVEL_TO = re.compile(
    r"\b(?:(?i:bus|train|coach|out|moved|move|moving|moves)"
    r"|(?i:take|takes|took|taken|taking|send|sent|moved)(?:[ \t]+[\w'’]+){1,2}[ \t]+(?i:back))"
    r"[ \t]+to[ \t]+$")
SHOP_IN = re.compile(rf"\b(?P<shop>{CAP_WORD})[ \t]+in[ \t]+$")
ON_THE = re.compile(
    r"\b(?i:live|lives|lived|living|grew[ \t]+up|brought[ \t]+up|raised|stayed|staying"
    rf"|house|flat)[ \t]+on[ \t]+the[ \t]+(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD})?)"
    r"(?![\w'’-]|[ \t]+(?:Road|Street|Lane|Avenue))")
# "worked nights at Moorside Joinery": a shift said where it is done.
SHIFT_AT = re.compile(
    r"\b(?i:work(?:s|ed|ing)?)[ \t]+(?i:nights|days|lates|earlies|shifts|weekends)[ \t]+at"
    rf"[ \t]+(?P<name>{NAME})(?![\w'’-])")
JOB_AT = re.compile(
    r"\b(?i:was|were|been|am|is|as|worked[ \t]+as)[ \t]+(?i:a|an)[ \t]+(?P<job>[a-z]+)[ \t]+at"
    rf"[ \t]+(?P<name>{CAP_WORD})(?![\w'’-])")
NOT_JOBS = frozenset(["patient", "inmate", "prisoner", "resident", "guest", "visitor", "regular",
                      "lifer", "remand", "kid", "child", "boy", "girl", "lad", "mess", "wreck"])
# "kippin' in the Beacon Centre", "dossing at St Aidan's House": a named House or Centre slept
# in, said in the words of those who sleep there, is where someone is housed.
KIPPING_IN = re.compile(
    r"\b(?i:kip(?:s|ped|ping|pin['’])?|doss(?:ed|ing|in['’])?|stoppin['’]|stopping|stopped"
    r"|sleepin['’]|stayin['’])[ \t]+(?i:in|at)[ \t]+(?:(?i:the)[ \t]+)?"
    rf"(?P<name>{SAINTLY_NAME}[ \t]+(?:House|Centre|Center|Court|Hall|Lodge|Project))\b")
# "they put me on Larkspur, the PICU", "the Rowan suite at the mental health unit": a ward
# said with what it is.
WARD_SAID = re.compile(
    rf"\bon[ \t]+(?P<name>{CAP_WORD})[ \t]*,[ \t]+(?:the|a)[ \t]+(?:PICU|picu|(?:acute|psych"
    r"|psychiatric|secure|locked|mental health)?[ \t]*(?:ward|unit))\b"
    rf"|\bthe[ \t]+(?P<suite>{CAP_WORD})[ \t]+(?:suite|ward|unit)[ \t]+(?:at|in|of)[ \t]+the"
    r"[ \t]+(?:[a-z]+[ \t]+){0,3}(?:unit|hospital|ward|infirmary)\b")
WARD_AT = re.compile(
    rf"\b(?i:put|moved|sent|kept|stuck|was|were|been)(?:[ \t]+(?i:me|him|her|us|them))?"
    rf"[ \t]+on[ \t]+(?P<name>{CAP_WORD})[ \t]+at[ \t]+$")


def _no_place(text: str, start: int, end: int, is_word: Callable[[str], bool]) -> bool:
    """Whether text[start:end] is a kept region, a shop, a service or a word never a name."""
    name = text[start:end]
    low = name.lower()
    return (is_kept_region(name) or low in load_set("not_names.txt")
            or low in load_set("shops.txt") or said_as_shop(text, start, end)
            or any(never_name(w) for w in name.split()) or first_word_generic(text, start))


def _schools(text: str, is_word: Callable[[str], bool]) -> list[Candidate]:
    found = []
    for m in SCHOOL_LOWER.finditer(text):
        name = m.group("name")
        if m.group("high") and not ATTENDS.search(text, max(0, m.start() - 12), m.start()):
            continue
        if (name.split()[0].lower() in SCHOOL_DESCRIPTIONS
                or _no_place(text, *m.span("name"), is_word)):
            continue
        # With its kind, the school outranks a shorter reading ("Low Newton" a prison).
        found.append(Candidate(m.start("name"), m.end(), "place"))
    return found


def _towns(text: str, found: list[Candidate],
           is_word: Callable[[str], bool]) -> list[Candidate]:
    """A capitalised word lived in, come from, or where a named shop is."""
    towns = []
    for m in re.finditer(rf"(?<![\w'’-]){CAP_WORD}(?![\w'’-])", text):
        before = text[max(0, m.start() - 40):m.start()]
        shop = SHOP_IN.search(before)
        country = IN_COUNTRY_AFTER.match(text, m.end())
        # "17 Tullymore Gardens, Omagh": the word after a street address is its town.
        after_address = re.match(r"[ \t]*(?:[.,;!?]|$)", text[m.end():]) and any(
            c.label == "place" and c.end == m.start() - 2 and text[c.end] == ","
            and c.end - c.start > len(m.group()) for c in found)
        # "the money came from Dave": what comes from a first name comes from a person.
        first_name = any(part in load_set("first_names.txt")
                         for part in m.group().lower().split("-"))
        travelled = TRAVEL_TO.search(before) and not first_name
        lives = LIVES_IN.search(before)
        if lives and first_name and re.search(r"(?i:com|came)", lives.group()):
            continue
        if not (lives or travelled or after_address or (shop and said_as_shop(
                text, m.start() - len(before) + shop.start("shop"),
                m.start() - len(before) + shop.end("shop")))
                or (country and is_kept_region(country.group("region"))
                    and re.search(r"\b(?i:from|in)[ \t]+$", before))):
            continue
        if (is_word(m.group().lower()) and not shop) or _no_place(text, *m.span(), is_word):
            continue
        towns.append(Candidate(*m.span(), "place"))
    return towns


def find_named_sites(text: str, found: list[Candidate],
                     is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find schools, towns, estates, workplaces and wards named with no cue word in them.

    Args:
        text: text to search.
        found: candidates found so far; a ward needs a hospital found right after it.
        is_word: an English word test (``pii.lexicon``); None finds nothing.

    Returns:
        Candidates labelled ``place``, ``hostel`` or ``hospital``.
    """
    if is_word is None:
        return []
    out = _schools(text, is_word) + _towns(text, found, is_word)
    for m in ON_THE.finditer(text):
        name = m.group("name")
        # "Kestrel Well": a later word of an estate's name may be any word.
        if not (is_kept_region(name) or name.lower() in load_set("not_names.txt")
                or said_as_shop(text, *m.span("name")) or never_name(name.split()[0])
                or first_word_generic(text, m.start("name"))):
            out.append(Candidate(*m.span("name"), "place"))
    for m in SHIFT_AT.finditer(text):
        name = m.group("name")
        if not (_no_place(text, *m.span("name"), is_word) or (" " not in name and (
                is_word(name.lower()) or name.lower() in load_set("first_names.txt")))):
            out.append(Candidate(*m.span("name"), "place"))
    for m in JOB_AT.finditer(text):
        name = m.group("name")
        if (m.group("job") not in NOT_JOBS and not is_word(name.lower())
                and name.lower() not in load_set("first_names.txt")
                and not _no_place(text, *m.span("name"), is_word)):
            out.append(Candidate(*m.span("name"), "place"))
    out += [Candidate(*m.span("name"), "hostel") for m in KIPPING_IN.finditer(text)
            if not first_word_generic(text, m.start("name"))]
    for m in WARD_SAID.finditer(text):
        group = "name" if m.group("name") else "suite"
        if not _no_place(text, *m.span(group), is_word):
            out.append(Candidate(*m.span(group), "hospital"))
    for hospital in (c for c in found if c.label == "hospital"):
        ward = WARD_AT.search(text, max(0, hospital.start - 60), hospital.start)
        if ward and not _no_place(text, *ward.span("name"), is_word):
            out.append(Candidate(*ward.span("name"), "hospital"))
    return out
