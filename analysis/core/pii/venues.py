"""Estates, recovery services and jails told by what is said of them, however plain the
name: "we was on Kirkholt", "the Ferrier got knocked down", "Brighter Futures Recovery Hub",
"the Bridges service", "the Haven is where i go for my script",
"Feltham at fifteen".

A name here is capitalised; what counts is the frame around it. A drug, a shop, a service
everyone has (probation, the Jobcentre), a nation or region and a listed first name are
never proposed.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .areas import is_kept_region
from .common import CAP_WORD, Candidate
from .drug_lists import DRUG_WORDS
from .name_words import never_name
from .welsh import find_welsh_places
from .word_lists import DIALECT_WORDS, TIME_NAMES

__all__ = ["find_venues"]

NAME = rf"(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}})"
# "we was on Kirkholt", "grew up on the Penrhys", "lived on Blackbird Leys": lived on is an
# estate (a street has its suffix and is ``places``'). Not "on Subutex", "on Universal Credit".
LIVED_ON = re.compile(
    r"(?:\b(?i:was|were|lived|living|live|lives|grew[ \t]+up|brought[ \t]+up|moved|stay|stayed"
    rf"|staying|rehoused[ \t]+\w+|born)[ \t]+on"
    # "moved off Ballymac after the punishment beating": an estate lived on is moved off.
    r"|\b(?i:moved|moving|move|flitted)[ \t]+off"
    # "grew up on Kirkwall Street on the Upper Blackmoor": the street, then the estate it is on.
    rf")[ \t]+(?:{CAP_WORD}(?:[ \t]+{CAP_WORD})?[ \t]+(?:Street|Road|Lane|Avenue|Close|Crescent"
    r"|Drive|Way|Grove|Terrace|Gardens|Walk|Row|Place)[ \t]*,?[ \t]+(?i:on|in)[ \t]+"
    r"(?i:the)[ \t]+)?"
    rf"(?:(?i:the)[ \t]+)?{NAME}(?![\w'’-])")
# "i'm off the Manor", "she's fae the Gorbals": who someone is by the estate they come from
# ("off the gear" is lower case, and a drug named is never a venue: ``_kept``).
FROM_THE = re.compile(
    r"\b(?i:i['’]?m|i[ \t]+am|i[ \t]+was|we['’]re|we[ \t]+are|we[ \t]+was|he['’]s|she['’]s"
    r"|he[ \t]+is|she[ \t]+is|originally)[ \t]+(?i:off|from|fae)[ \t]+(?i:the)[ \t]+"
    + NAME + r"(?![\w'’-])")
# "the Ferrier got knocked down", "Blackbird Leys was rough": what is said of an estate.
ESTATE_SAID = re.compile(
    rf"(?:^|(?<=[.!?]\s)|\b(?i:the)[ \t]+){NAME}[ \t]+(?i:is|was|were|got|has[ \t]+been"
    r"|had[ \t]+been)[ \t]+(?:(?i:dead|proper|really|so|well|pretty|always)[ \t]+)?"
    r"(?i:rough|a[ \t]+dump|a[ \t]+shithole|knocked[ \t]+down|demolished|regenerated|done[ \t]+up"
    r"|flattened|bulldozed|full[ \t]+of[ \t]+(?:dealers|smack|drugs|junkies|gangs))\b",
    re.MULTILINE)
# "Brighter Futures Recovery Hub", "Recovery Steps", "Hope Recovery Cafe": a recovery service.
RECOVERY = re.compile(
    rf"\b(?P<name>(?:{CAP_WORD}[ \t]+){{0,3}}(?:Recovery[ \t]+)?Hub"
    rf"|(?:{CAP_WORD}[ \t]+){{1,3}}Recovery(?:[ \t]+(?:Centre|Cafe|Café|Community|Project))?"
    rf"|Recovery[ \t]+{CAP_WORD}(?:[ \t]+{CAP_WORD})?)(?![\w'’-])")
# "the Bridges service", "the Anchor project": the generic word in lower case after a name.
GENERIC_AFTER = re.compile(rf"\b(?i:the)[ \t]+{NAME}[ \t]+(?P<kind>service|project)\b")
# "the Haven is where i go for my bloods", "im at Fresh Start now, day programme": a name
# someone goes to or is at, in a sentence about treatment.
GOES_TO = re.compile(
    rf"(?:^|(?<=[.!?]\s)|\b(?i:the)[ \t]+|\b(?i:at|to|i['’]?m[ \t]+at)[ \t]+){NAME}(?![\w'’-])",
    re.MULTILINE)
TREATMENT = re.compile(
    r"\b(?i:script|methadone|subutex|buvidal|bloods|needle[ \t]+exchange|day[ \t]+programme"
    r"|prescription)\b")
# "the Haven is where i go for my bloods": said to be where someone goes, any word.
WHERE_I_GO = re.compile(
    rf"\b(?i:the)[ \t]+{NAME}[ \t]+(?i:is|was|['’]s)[ \t]+where[ \t]+(?i:i|we|you)[ \t]+"
    r"(?i:go|went|get|got|used[ \t]+to[ \t]+go)\b")
# "Feltham at fifteen", "Wetherby at 17": a listed jail and the age someone was in it.
AT_AGE = re.compile(
    r"[ \t]+at[ \t]+(?:\d{2}|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
    r"|twenty[ \t-]?one)\b")
# "Stepping Stones got me into volunteering", "Open Door do a drop in", "i go to New
# Directions": a project named by two or three capitalised English words, said as an
# organisation (a plural verb, or doing something for the speaker) or as where someone goes.
PROJECT = rf"(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{1,2}})"
ORG_DOES = re.compile(
    rf"(?<![\w'’-]){PROJECT}[ \t]+(?:(?i:do|run|were|are|have|pay|fund)\b"
    r"|(?P<act>(?i:got|get|gets|helped|help|helps|sorted|put|gave|give|found|took|referred"
    r"|offered))[ \t]+(?:me|us)\b)")
# Doing something for someone, only a name ending in a plural noun reads as a body of people
# ("Stepping Stones got me", "Second Chances helped me"); "Tyson Fury got me" is a person.
PLURAL_END = re.compile(r"[a-rt-z]s$")
# A name ending in a kind of service or worker describes it ("Criminal Defence Solicitors",
# "Family Support Workers"), so it is no project's own name.
KIND_LAST = frozenset(
    ["solicitors", "services", "service", "team", "teams", "support", "care", "advice", "workers",
     "officers", "staff", "nurses", "doctors", "agency", "agencies", "department", "unit",
     "group", "groups", "clinic", "surgery", "practice"])
GO_TO_PROJECT = re.compile(
    r"\b(?i:go|goes|going|went|been|started|attend|attends|attending|attended|referred|sent"
    rf"|volunteer|volunteering|volunteers)[ \t]+(?:to|at|with)[ \t]+{PROJECT}(?![\w'’-])")
# "a lad from Possil", "wee shug fae Ruchill", "a flat in Barry", "Station Road in Barry":
# where people come from and where a home or street is, a town even when it is also a first
# name ("wee" or "big" and a word is someone: lower_frames).
FROM_OR_IN = re.compile(
    r"\b(?:(?:(?i:lad|lads|lass|girl|girls|boy|boys|fella|bloke|guy|guys|man|men|woman|women"
    r"|mate|mates|pal|pals|family|people|folk|someone|somebody|cousin|cousins)"
    r"|(?i:wee|big)[ \t]+[a-z]+)[ \t]+(?i:from|fae)"
    r"|(?i:flat|house|bedsit|room|home|hostel|caravan|maisonette|digs)[ \t]+(?i:in)"
    rf"|(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Terrace)[ \t]+in)[ \t]+{NAME}(?![\w'’-])")
# Words of a service everyone has, or of a place named otherwise: never a venue's name here.
PUBLIC = frozenset(
    ["probation", "prison", "prisons", "ambulance", "health", "fire", "police", "prosecution",
     "court", "courts", "civil", "secret", "social", "youth", "offending", "housing", "mental",
     "national", "community", "drug", "drugs", "alcohol", "substance", "misuse", "jobcentre",
     "council", "nhs", "samaritans", "crisis", "shelter", "mind", "salvation", "army", "road",
     "street", "universal", "credit", "christmas", "easter", "pharmacy", "chemist", "chemists",
     "college", "act", "school", "university", "boots", "lloyds"])
MIN_GOES_TO = 4  # "Im at", "Ive been": a short capital opening a sentence is no venue
TREATMENT_REACH = 120  # characters after a name read for treatment words in its sentence


def _kept(name: str, is_word: Callable[[str], bool] | None, *, plain_ok: bool,
          names_ok: bool = False) -> bool:
    """Whether a name is nobody's venue: a service, drug, shop, region, first name (unless
    ``names_ok``: the frame says a town) or word."""
    words = name.split()
    low = name.lower()
    if (any(never_name(w) or w.lower() in PUBLIC for w in words) or is_kept_region(name)
            or low in load_set("shops.txt") or low in load_set("not_names.txt")
            or (low in load_set("first_names.txt") and not names_ok)
            or low in load_set("public_names.txt")
            or low in DIALECT_WORDS or low in load_set("broad_areas.txt") or low in DRUG_WORDS):
        return True
    # A single English word ("on Methadone", "the Bridges") needs a strong frame.
    return not plain_ok and len(words) == 1 and is_word is not None and is_word(low)


def _sentence_after(text: str, end: int) -> str:
    return re.split(r"[.!?\n]", text[end:end + TREATMENT_REACH], maxsplit=1)[0]


def _sentence_before(text: str, start: int) -> str:
    return re.split(r"[.!?\n]", text[max(0, start - TREATMENT_REACH):start])[-1]


def find_venues(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find estates lived on or talked of as estates, recovery services, treatment places,
    projects named by words, places said in Welsh and listed jails said with an age.

    Args:
        text: text to search.
        is_word: the English word test; a single English word needs a strong frame.

    Returns:
        Candidates labelled ``place``, ``hospital``, ``hostel`` or ``prison``.
    """
    found = []
    for pattern, label in ((LIVED_ON, "place"), (ESTATE_SAID, "place"), (FROM_THE, "place"),
                           (RECOVERY, "hospital")):
        for m in pattern.finditer(text):
            name = m.group("name")
            if pattern is ESTATE_SAID and name.lower() in load_set("first_names.txt"):
                continue
            # "was on Income Support": lived on needs a word no dictionary has ("Kirkholt").
            if pattern is LIVED_ON and is_word and all(is_word(w.lower()) for w in name.split()):
                continue
            if not _kept(name, is_word, plain_ok=pattern is not LIVED_ON):
                found.append(Candidate(*m.span("name"), label))
    for m in GENERIC_AFTER.finditer(text):
        if not _kept(m.group("name"), is_word, plain_ok=True):
            label = "hospital" if m.group("kind") == "service" else "hostel"
            found.append(Candidate(*m.span("name"), label))
    found += [Candidate(*m.span("name"), "hospital") for m in WHERE_I_GO.finditer(text)
              if TREATMENT.search(_sentence_after(text, m.end()))
              and not _kept(m.group("name"), is_word, plain_ok=True)]
    found += [Candidate(*m.span("name"), "hospital") for m in GOES_TO.finditer(text)
              if _treatment_place(text, m, is_word)]
    found += [Candidate(*m.span("name"), "place") for p in (ORG_DOES, GO_TO_PROJECT)
              for m in p.finditer(text) if _project(m.group("name"), is_word)
              and not (p is ORG_DOES and m.group("act") and not PLURAL_END.search(
                  m.group("name")))]
    found += find_welsh_places(text)
    found += [Candidate(*m.span("name"), "place") for m in FROM_OR_IN.finditer(text)
              if m.group("name").lower() not in TIME_NAMES  # "a flat in May"
              and not _kept(m.group("name"), is_word, plain_ok=True, names_ok=True)]
    prisons = {p.removesuffix(" *").lower() for p in load_set("prisons.txt")}
    found += [Candidate(*m.span("name"), "prison") for m in re.finditer(NAME, text)
              if m.group("name").lower() in prisons and AT_AGE.match(text, m.end())]
    return found


def _project(name: str, is_word: Callable[[str], bool] | None) -> bool:
    """A name made of English words ("Open Door"), not a service, team or someone's name."""
    words = [w.lower() for w in name.split()]
    return (is_word is not None and all(is_word(w) for w in words)
            and words[0] not in load_set("first_names.txt")
            and words[-1] not in KIND_LAST
            and not _kept(name, is_word, plain_ok=True))


def _treatment_place(text: str, m: re.Match[str], is_word: Callable[[str], bool] | None) -> bool:
    """A name gone to or been at in a sentence about a script or bloods, not someone's full
    name ("Amy Winehouse ... rehab") nor a word alone."""
    name = m.group("name")
    return (len(name) >= MIN_GOES_TO and name.split()[0].lower() not in load_set("first_names.txt")
            and bool(TREATMENT.search(_sentence_after(text, m.end()))
                     or TREATMENT.search(_sentence_before(text, m.start())))
            and not _kept(name, is_word, plain_ok=False))
