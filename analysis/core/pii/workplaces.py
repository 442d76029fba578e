"""Named workplaces: where someone works, volunteers or was given a job, as ``[place]``.

"I work at Hollins Car Wash", "got me a job at Tranmere Timber", "I volunteer at the
Mustard Seed Café": a small employer named says where someone can be found every day, so
it is redacted like a street. National chains (``shops.txt``: "a job at Tesco", "worked
at Dunelm"), services and bodies ("the Jobcentre", "Probation") and regions are kept; a
lone first name or English word after "for" is a person or a thing ("worked for Dave",
"work for Nothing"), left to the other rules.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .areas import is_kept_region
from .common import CAP_WORD, Candidate
from .name_words import never_name
from .shops import said_as_shop

__all__ = ["find_businesses", "find_firms", "find_pubs", "find_workplaces"]

WORK_AT = re.compile(
    rf"\b(?i:work(?:s|ed|ing)?|job|volunteer(?:s|ed|ing)?|employed|apprenticeship"
    # "on the line at Brackwell Foods", "doing nights at ...": a shift said where it is done.
    rf"|placement|shifts?|on[ \t]+the[ \t]+line|(?:doing|done|did|on)[ \t]+(?:nights|days|lates"
    rf"|earlies))[ \t]+(?P<prep>(?i:at|for|with))[ \t]+(?:(?i:the)[ \t]+)?"
    # "at Harland and Wolff": two names joined by "and" are one firm (span_edges'), not two.
    rf"(?P<name>{CAP_WORD}(?:[ \t]+(?:&[ \t]+)?{CAP_WORD}){{0,3}})(?![\w'’-]|[ \t]+and[ \t]+[A-Z])")


# "a chef at the Red Lion", "cleaner at Westgate Leisure Centre", "labouring at Ferris
# Brothers": a job said with where it is done; only "at" (a "cleaner for Dave" is a person's).
JOB_AT = re.compile(
    rf"\b(?i:chef|cook|cleaner|cleaning|porter|bar[ \t]?(?:man|maid|staff|work)|barista"
    rf"|waiter|waitress|waiting[ \t]+on|labourer|labouring|packer|picker|warehouse"
    rf"|receptionist|mechanic|apprentice|trainee|bouncer|doorman|kitchen[ \t]+(?:porter|hand)"
    rf"|care[ \t]+assistant|carer|handyman|groundsman|plasterer|joiner|forklift[ \t]+driver"
    rf"|delivery[ \t]+driver|supervisor)[ \t]+(?P<prep>(?i:at))[ \t]+(?:(?i:the)[ \t]+)?"
    rf"(?P<name>{CAP_WORD}(?:[ \t]+(?:&[ \t]+)?{CAP_WORD}){{0,3}})(?![\w'’-])")


FULL_NAME_WORDS = 2
# "Fresh Start cafe took me on", "the Open Hands bakery", "Tiwa's hair salon": a small
# business named before the word for what it is, wherever it is said; the word stays.
BUSINESS = re.compile(
    rf"(?<![\w'’-])(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}}(?P<own>['’]s)?)[ \t]+"
    r"(?i:caf[eé]|caff|bakery|bakers|salon|hair[ \t]+salon|nail[ \t]+bar|barbers?|car[ \t]+wash"
    r"|garage|takeaway|chippy|restaurant|deli|diner|bistro|joinery|builders|scaffolding"
    r"|butchers|workshop|warehouse|factory|timber[ \t]+yard|scrap[ \t]?yard)(?![\w'’-])")


def find_workplaces(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find the names of places someone works or volunteers at.

    Args:
        text: text to search.
        is_word: an English word test (``pii.lexicon``); with it a lone English word
            ("worked at Home") is not read; None reads only names of two words or more.

    Returns:
        Candidates labelled ``place``.
    """
    found = []
    for m in (*WORK_AT.finditer(text), *JOB_AT.finditer(text)):
        name = m.group("name")
        low = name.lower()
        words = low.split()
        if (low in load_set("shops.txt") or said_as_shop(text, *m.span("name"))
                or low in load_set("not_names.txt") or is_kept_region(name)
                or any(never_name(w) for w in name.split())):
            continue
        lone = len(words) == 1
        if lone and (is_word is None or is_word(low) or low in load_set("first_names.txt")):
            continue
        # "worked with Tony Jenkins", "worked for Dave Evans": a first name and a surname
        # worked with or for is a person, left to the name rules (hidden as [name]).
        if (m.group("prep").lower() != "at" and len(words) == FULL_NAME_WORDS
                and words[0] in load_set("first_names.txt")):
            continue
        found.append(Candidate(*m.span("name"), "place"))
    return found


def find_businesses(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find small businesses named before what they are ("Fresh Start cafe took me on").

    Args:
        text: text to search.
        is_word: an English word test; a lone English word ("the Polish deli", "the Green
            cafe") is not read unless said as someone's ("Tiwa's hair salon"); None reads
            only names of two words or more and possessives.

    Returns:
        Candidates labelled ``place``; chains, services, regions and towns' words are kept.
    """
    found = []
    for m in BUSINESS.finditer(text):
        name = m.group("name")
        bare = name[:-2] if m.group("own") else name
        words = bare.split()
        if (bare.lower() in load_set("shops.txt") or said_as_shop(text, *m.span("name"))
                or bare.lower() in load_set("not_names.txt") or is_kept_region(bare)
                or any(never_name(w) for w in words)):
            continue
        if len(words) == 1 and not m.group("own") and (is_word is None or is_word(bare.lower())):
            continue
        found.append(Candidate(*m.span("name"), "place"))
    return found


# "Gallagher Doyle solicitors", "Brannigan & Co", "Hartley Price Solicitors": a firm named
# after the people who run it names them, so it is hidden as a name.
FIRM = re.compile(
    rf"\b(?P<name>{CAP_WORD}(?:[ \t]+(?:(?:&|and)[ \t]+)?{CAP_WORD}){{0,2}})"
    rf"(?:[ \t]+(?:(?i:solicitors|law|legal)|LLP)\b|[ \t]+(?:&|and)[ \t]+Co\b)")

FIRM_WORDS = frozenset(["advice", "aid", "citizens", "criminal", "defence", "family", "housing",
                        "immigration", "justice", "law", "legal", "national", "public", "duty",
                        "community", "centre", "city", "county", "rights", "prison", "youth",
                        "free", "local", "the", "associates", "partners", "partnership"])


def find_firms(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find firms named after people ("Brannigan & Co", "Gallagher Doyle solicitors").

    Args:
        text: text to search.
        is_word: an English word test; a firm needs one word that is no English word or is
            a first name ("Citizens Advice Legal" has none); None reads none.

    Returns:
        Candidates labelled ``name``.
    """
    if is_word is None:
        return []
    first_names = load_set("first_names.txt")
    found = []
    for m in FIRM.finditer(text):
        words = [w.strip("&") for w in m.group("name").split() if w not in ("&", "and")]
        if any(never_name(w) or is_kept_region(w) for w in words):
            continue
        # Surnames are often English words ("Hartley Price"): two or more count unless one
        # says what the firm does ("Criminal Defence Solicitors").
        if any(not is_word(w.lower()) or w.lower() in first_names for w in words) or (
                len(words) > 1 and not any(w.lower() in FIRM_WORDS for w in words)):
            found.append(Candidate(*m.span("name"), "name"))
    return found


# "drink in the Black Bull", "a pint at the Fox and Hounds": a pub drunk in is where
# someone is found; "outside the Dog and Partridge": two nouns joined by "and" after "the"
# are how pubs are named. Shops, services and landmarks are kept.
PUB_NAME = rf"(?P<name>{CAP_WORD}(?:[ \t]+(?:and|&)[ \t]+{CAP_WORD}|[ \t]+{CAP_WORD}){{0,2}})"
DRUNK_AT = re.compile(
    rf"\b(?i:drink|drinks|drank|drinking|drunk|pints?|pub|boozer|lock-?in|bar|barred|landlord|landlady|barman|barmaid)\b[^.?!\n]{{0,20}}?"
    rf"\b(?i:in|at|from|outside|down)[ \t]+(?i:the)[ \t]+{PUB_NAME}(?![\w'’-])")
PAIRED_PUB = re.compile(
    rf"\b(?i:in|at|from|outside|behind|near|opposite|to)[ \t]+(?i:the)[ \t]+"
    rf"(?P<name>{CAP_WORD}[ \t]+(?:and|&)[ \t]+{CAP_WORD})(?![\w'’-])")

# "behind the Nag's Head", "at the King's Arms": a possessive and a pub's word after "the".
POSSESSIVE_PUB = re.compile(
    rf"\b(?i:in|at|from|outside|behind|near|opposite|to|down)[ \t]+(?i:the)[ \t]+"
    rf"(?P<name>{CAP_WORD}['’]s[ \t]+(?P<end>{CAP_WORD}))(?![\w'’-])")

# "we used to chill at the Plum Tree", "hung out at the Golden Lantern": a named spot hung
# out at is where someone is found, as a pub drunk in is.
HUNG_OUT_AT = re.compile(
    r"\b(?i:chill(?:ed|ing|s)?|hang(?:s|ing)?[ \t]+out|hung[ \t]+out|hang(?:s|ing)?[ \t]+about"
    r"|hung[ \t]+about)[ \t]+(?i:at|in|outside|behind)[ \t]+(?i:the)[ \t]+"
    rf"{PUB_NAME}(?![\w'’-])")


# "the Royal Oak in Bridgend", "the Swan at Stalybridge": a "the" name in a town is a pub or
# a venue there; the town is a place too. Names ending in an institution's word are others'.
PUB_IN_TOWN = re.compile(
    rf"(?:^|(?<=[.!?,]\s)|\b(?i:in|at|from|outside|behind|near|opposite|to|down|up)[ \t]+)"
    rf"(?i:the)[ \t]+{PUB_NAME}[ \t]+(?i:in|at|down|up)[ \t]+(?P<town>{CAP_WORD})(?![\w'’-])",
    re.MULTILINE)
# The words British pubs are named by, read at a name's end ("the Royal Oak", "the Black
# Bull", "the Railway Tavern"), or drinking said in the sentence: "the Magistrates in Leeds"
# is neither.
PUB_END_WORDS = frozenset(
    ["arms", "inn", "tavern", "hotel", "oak", "bull", "swan", "crown", "plough", "feathers",
     "anchor", "lion", "horse", "head", "heads", "railway", "wheatsheaf", "star", "bell", "globe",
     "ship", "fox", "hounds", "stag", "eagle", "falcon", "keys", "volunteer", "angel", "hart",
     "mitre", "greyhound", "cock", "harrow", "sailor", "boot", "buck", "dragon", "unicorn",
     "wellington", "victoria", "vaults", "tap", "taps", "tup", "ram", "lamb", "pheasant",
     "partridge", "grapes", "vine", "sun", "moon", "punchbowl", "barge", "junction", "woolpack"])
DRINKING_SAID = re.compile(
    r"\b(?i:drink|drinks|drank|drinking|drunk|pints?|pub|boozer|lock-?in|bar|barred|landlord"
    r"|landlady|barman|barmaid|bouncers?|lager|ale|bitter|quiz|karaoke)\b")
NOT_PUB_END = frozenset(
    ["court", "courts", "hospital", "prison", "centre", "council", "jobcentre", "station",
     "college", "school", "university", "church", "army", "trust", "service", "services",
     "team", "office", "unit", "ward", "clinic", "surgery", "infirmary", "hostel", "house",
     "lodge", "project", "estate", "park", "road", "street", "hub"])


def find_pubs(text: str) -> list[Candidate]:
    """Find pubs: one drunk in, or one named by two nouns ("the Dog and Partridge").

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``place``.
    """
    found = []
    for m in (*DRUNK_AT.finditer(text), *PAIRED_PUB.finditer(text), *PUB_IN_TOWN.finditer(text),
              *POSSESSIVE_PUB.finditer(text), *HUNG_OUT_AT.finditer(text)):
        name = m.group("name")
        if m.re is POSSESSIVE_PUB and m.group("end").lower() not in PUB_END_WORDS:
            continue
        if m.re is PUB_IN_TOWN:
            sentence = re.split(r"[.!?\n]", text[max(0, m.start() - 80):m.end() + 80])
            if (name.split()[-1].lower() in NOT_PUB_END or is_kept_region(m.group("town"))
                    or not (name.split()[-1].lower() in PUB_END_WORDS
                            or any(DRINKING_SAID.search(part) for part in sentence))):
                continue
            found.append(Candidate(*m.span("town"), "place"))
        low = name.lower()
        if (low in load_set("shops.txt") or said_as_shop(text, *m.span("name"))
                or low in load_set("not_names.txt") or low in load_set("landmarks.txt")
                or is_kept_region(name) or any(never_name(w) for w in name.split()
                                               if w not in ("and", "&"))):
            continue
        found.append(Candidate(*m.span("name"), "place"))
    return found
