"""Detect places that could locate someone: addresses, streets, estates, hostels (prisons
are in ``prisons.py``)."""
from __future__ import annotations

import re
from functools import cache

from ..lists import load_list, load_set
from .common import CAP_WORD, COMMON_WORDS, Candidate, every_match
from .shops import said_as_shop
from .word_lists import KIND_NOUNS

__all__ = [
    "CONTEXT_AFTER", "CONTEXT_BEFORE", "NAME_WORDS", "ROAD_DESCRIPTIONS", "listed", "said_near",
    "find_addresses", "find_hostels", "first_word_generic",
    "list_matches", "matches",
]

NAME_WORDS = rf"{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}}"
# "St Anne's Court", "St Cuthbert's Primary": a saint's name with its possessive names too.
SAINTLY_NAME = rf"(?:St\.?[ \t]+{CAP_WORD}['’]s(?:[ \t]+{CAP_WORD})?|{NAME_WORDS})"
SUFFIXES = (
    "Road|Rd|Street|St|Avenue|Ave|Lane|Close|Crescent|Drive|Way|Grove|Terrace|Gardens|"
    "Place|Square|Mews|Walk|Row|Court|Hill|Parade|Rise|View|Park|Green|Vale|Wharf|Yard|"
    "Gate|Mount|Passage|Approach|Quay|Villas|Cottages|Buildings|Heights|House|Tower|Towers|"
    "Mansions|Estate"
)
# Suffixes that make a street name on their own, without a house number.
STREET_SUFFIXES = ("Road|Street|Avenue|Lane|Close|Crescent|Drive|Way|Grove|Terrace|Gardens|Mews"
                   "|Rise|Parade")
BLOCK_SUFFIXES = "House|Court|Tower|Towers|Mansions|Buildings|Heights|Point|Lodge"
UNIT = r"(?:Flat|Apartment|Apt|Unit|Maisonette|Room)\s+\d{1,4}[A-Za-z]?,?\s+"

NUMBERED_ADDRESS = re.compile(
    rf"(?:(?i:{UNIT}))?\b\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?,?[ \t]+"
    rf"{NAME_WORDS}[ \t]+(?:{SUFFIXES})\b"
)
# Welsh streets and schools put their kind first: "12 Heol y Felin", "Ffordd Glyndwr",
# "Stryd Fawr", "Ysgol Bryn Coch".
WELSH_STREET = re.compile(
    rf"(?:\b\d{{1,4}}[A-Za-z]?,?[ \t]+)?\b(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Cilgant|Teras|Ysgol)"
    rf"[ \t]+(?:(?:y|yr|Y|Yr)[ \t]+)?{CAP_WORD}(?:[ \t]+{CAP_WORD})?")
UNIT_IN_BLOCK = re.compile(rf"\b(?i:{UNIT}){NAME_WORDS}[ \t]+(?:{BLOCK_SUFFIXES})\b")
# "Moss Lane East", "Kingsway North": a compass point after the street word is its name too.
STREET = re.compile(
    rf"\b{NAME_WORDS}[ \t]+(?:{STREET_SUFFIXES})\b(?:[ \t]+(?:North|South|East|West)\b)?")
# "on Brixton Hill": after "on", a Hill, Green or Row is where someone lives or sleeps; "in
# Notting Hill" names an area and stays.
ON_SUFFIXES = "Hill|Green|Row|Walk|Place|Square|Gate|Vale|Wharf"
STREET_AFTER_ON = re.compile(rf"(?<=\bon[ \t])(?:the[ \t]+)?{NAME_WORDS}[ \t]+(?:{ON_SUFFIXES})\b")
ESTATE = re.compile(rf"\b{NAME_WORDS}[ \t]+(?:[Ee]state|Farm)\b(?!\s+agent)")
# "St Cuthbert's Primary", "Hollins Park Academy", "Greenway High": a named school says
# where a child is, or where someone grew up.
SCHOOL_WORDS = ("Primary|Academy|Comprehensive|Grammar|Juniors|Infants|Secondary|High|School"
                "|College|Sixth Form|C of E|CofE|RC")
# "Bishop Vesey's Grammar", "St Peter's C of E": any name may take a possessive here.
SCHOOL = re.compile(
    rf"\b(?:St\.?[ \t]+)?{NAME_WORDS}(?:['’]s)?[ \t]+(?:{SCHOOL_WORDS})"
    rf"(?:[ \t]+(?:School|College|Academy|Primary))?\b")
# "St Roch's primary": a saint's school typed in lower case is named all the same.
SAINT_SCHOOL = re.compile(
    rf"\bSt\.?[ \t]+{CAP_WORD}['’]s(?=[ \t]+(?:primary|secondary|high|grammar|school|college"
    r"|academy|comprehensive|juniors|infants)\b)")
# First words that make "X Street" or "X Centre" a description, not a name.
GENERIC_FIRST = frozenset(
    ["no", "by", "any", "one", "some", "either", "half", "high", "main", "back", "side", "this",
     "that", "every", "each", "other", "the", "new", "old", "council", "housing", "industrial",
     "trading", "business", "real", "private", "social", "community", "day", "job", "jobcentre",
     "recovery", "family", "health", "medical", "leisure", "shopping", "city", "town", "youth",
     "crisis", "advice", "detention", "custody", "crown", "magistrates", "magistrates'", "county",
     "children's", "women's", "womens", "men's", "mens", "women", "men", "citizens", "contact",
     "visitors", "visitors'", "probation", "training", "learning", "education", "sports", "arts",
     "church", "village", "mission", "islamic", "mental", "psychiatric", "acute", "maternity",
     "hospital", "drop-in", "resettlement", "rehab", "detox", "assessment", "approved", "bail",
     "memory", "death", "skid"])

# First words that make "X Road" a description ("the main road", "High Street"), not a name.
# Fewer than GENERIC_FIRST: "Church Street" and "Station Road" are streets.
ROAD_DESCRIPTIONS = frozenset(
    ["busy", "quiet", "nice", "wrong", "same", "whole", "dark", "long", "big", "little", "posh",
     "rough", "dodgy", "bad", "good", "local", "nearest", "usual", "top", "bottom", "far",
     "main", "high", "back", "side", "new", "old", "ring", "slip", "country", "dual", "open",
     "next", "other", "private", "one", "two", "either", "half", "council", "industrial",
     "trading", "business", "shopping", "retail", "family", "memory", "death", "skid", "easy",
     "civvy", "lovers", "lovers'", "fast", "slow", "bus", "cycle", "inside", "outside",
     "middle", "right", "left", "dirt", "muddy", "toll", "narrow", "recovery", "rocky", "hard",
     "straight", "lonely", "yellow", "brick"])
# "the Lighthouse hostel": a named hostel is often written with the word in lower case.
HOSTEL_ALWAYS = re.compile(
    rf"\b{NAME_WORDS}(?:['’]s)?[ \t]+(?:Lodge|Hostel|hostel|Foyer|Project)\b")
HOSTEL_IF_CONTEXT = re.compile(
    rf"\b{SAINTLY_NAME}[ \t]+(?:House|Centre|Center|Court|Hall|Place)\b")
# Near "X House": a word for supported housing (KIND_NOUNS, the list institutions.py reads
# too) or what happens in one ("curfew", "no visitors", "put me up").
HOSTEL_CONTEXT = re.compile(
    rf"\b(?:{'|'.join(sorted(KIND_NOUNS['hostel'], key=len, reverse=True))}"
    r"|bail|detox|residential|testing|drop-in|day centre|curfew|key ?worker"
    r"|placed|housed|bed|rooms?|residents?|slept|sleeping|stayed|staying|no visitors"
    r"|put (?:me|us|him|her) up)\b",
    re.IGNORECASE,
)
# "I'm living at Anchor House", "moved into Elm Court", "they put me in Beech Hall", "my room
# (or own kitchen) at Marlowe Court": a named House, Court or Hall said as where someone lives.
# "my release address was Kestrel Court", "they put me in Haven Point", "ended up at Beacon
# House": supported housing is named like a block (Court, Point, Haven), so only as a home.
HOSTEL_AS_HOME = re.compile(
    # Who was put, placed or moved may be named: "they put my mate Jamal in Newbold House",
    # "they moved me to Linden House".
    rf"\b(?i:live|lives|lived|living|(?:put|placed|sent|housed|move|moved|moving)"
    rf"(?:[ \t]+(?:me|us|him|her|them|my|his|her|our|their)"
    rf"(?:[ \t]+[a-z]+)?(?:[ \t]+{CAP_WORD})?)?"
    rf"|room|flat|bedsit|bed|kitchen|stay|stays|stayed|staying|ended up|end up"
    # "Bev, the cook at Haven Point", "my keyworker at Elm Court": staff who look after
    # residents say the block is supported housing.
    rf"|warden|wardens|keyworker|key worker|support worker|staff|night worker|cook"
    rf"|address)[ \t]+(?i:in|at|into|to|up at|over at|was|is|will be)"
    rf"[ \t]+(?:the[ \t]+)?(?P<name>{SAINTLY_NAME}[ \t]+"
    rf"(?:House|Court|Hall|Centre|Place|Lodge|Point|Haven))\b"
)
# "a room at the Ark", "staying at the Beacon": a place called "the X" said as a home.
HOSTEL_AT_THE = re.compile(
    rf"\b(?i:room|bed|bedsit|stay|stays|stayed|staying|live|lives|lived|living|placed|housed)"
    rf"[ \t]+(?i:at)[ \t]+the[ \t]+(?P<name>{NAME_WORDS})")
PLACE_KINDS = frozenset(["foyer", "hostel", "shelter", "refuge", "lodge", "project", "unit"])
HOSTEL_THE_NAME = re.compile(
    rf"\b(?i:at|in)\s+the\s+(?P<name>(?:{CAP_WORD}|[A-Z]{{2,6}}\b)(?:[ \t]+{CAP_WORD}){{0,2}})\b"
)
HOSTEL_WORD_NEXT = re.compile(r"(?:[ \t]+(?i:hostel|night shelter|shelter|refuge))?")
HOSTEL_AFTER = re.compile(r"^[^.?!]{0,40}\b(?:hostel|shelter|refuge|approved premises)\b", re.I)
CONTEXT_BEFORE, CONTEXT_AFTER = 80, 40


def said_near(text: str, m: re.Match[str], context: re.Pattern[str]) -> bool:
    """Whether ``context`` is said within ``CONTEXT_BEFORE`` characters before the match
    or ``CONTEXT_AFTER`` after it ("X House" is a hostel only near "hostel", "refuge")."""
    return bool(context.search(text[max(0, m.start() - CONTEXT_BEFORE):m.end() + CONTEXT_AFTER]))

def first_word_generic(text: str, start: int) -> bool:
    first = re.sub(r"['’]s$", "", text[start:].split(None, 1)[0].lower())  # "Everyone's"
    return first in GENERIC_FIRST or first in COMMON_WORDS


def matches(pattern: re.Pattern[str], text: str, label: str) -> list[Candidate]:
    found = []
    for match in every_match(pattern, text, label):
        # "The Foxhall Lodge": the name after a capitalised "The" still counts, without it.
        the = re.match(r"[Tt]he[ \t]+", text[match.start:match.end])
        start = match.start + the.end() if the else match.start
        if the and " " not in text[start:match.end]:
            start = match.start  # "The Lodge" alone stays a description
        if not first_word_generic(text, start):
            found.append(Candidate(start, match.end, label))
    return found


def _streets(pattern: re.Pattern[str], text: str, generic: frozenset[str]) -> list[Candidate]:
    """Street and estate names, with a ``generic`` first word only when a name word follows.

    "High Street" and "the Old Road" describe a road; "Old Kent Road" and "New Cross
    Road" name one. Leading function words ("In Church Street") are not part of the name.
    """
    found = []
    for m in pattern.finditer(text):
        words = list(re.finditer(r"\S+", m.group()))
        while len(words) > 1 and words[0].group().lower() in COMMON_WORDS:
            words.pop(0)
        names = [w.group().lower() for w in words]
        names = names[:-2] if names[-1] in ("north", "south", "east", "west") else names[:-1]
        if names and any(w not in generic and w not in COMMON_WORDS for w in names):
            found.append(Candidate(m.start() + words[0].start(), m.end(), "place"))
    return found


def find_addresses(text: str) -> list[Candidate]:
    """Find house-number addresses, flats in named blocks, street names, estates and schools.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``place``.
    """
    found = every_match(NUMBERED_ADDRESS, text, "place")
    found += every_match(UNIT_IN_BLOCK, text, "place")
    found += every_match(WELSH_STREET, text, "place")
    found += _streets(STREET, text, ROAD_DESCRIPTIONS)
    found += _streets(STREET_AFTER_ON, text, ROAD_DESCRIPTIONS)
    found += _streets(ESTATE, text, GENERIC_FIRST)
    return found + _schools(text)


# Kinds of school ("Catholic School", "Sunday School", "Police Academy"), not names.
SCHOOL_KINDS = frozenset(
    ["catholic", "church", "sunday", "police", "prison", "service", "faith", "special", "free",
     "state", "boarding", "independent", "public", "infant", "junior", "nursery", "art", "drama",
     "dance", "music", "bible", "driving", "nursing", "law", "night", "summer", "approved",
     "reform", "residential", "pupil", "referral", "open", "royal", "national"])


def _schools(text: str) -> list[Candidate]:
    """Named schools, not descriptions ("Grammar School", "Catholic School" stay: every word
    before the school word is a kind) nor bodies ("the Royal College of Psychiatrists")."""
    school_words = {w.lower() for w in SCHOOL_WORDS.split("|")}
    found = []
    for m in SCHOOL.finditer(text):
        if re.match(r"[ \t]+of\b", text[m.end():]):
            continue
        the = re.match(r"[Tt]he[ \t]+", m.group())
        words = [re.sub(r"['’]s$", "", w.lower()) for w in re.findall(r"[\w'’]+", m.group())]
        while words and words[-1] in school_words | {"sixth", "form", "c", "of", "e"}:
            words.pop()
        if any(w not in GENERIC_FIRST and w not in COMMON_WORDS and w not in school_words
               and w not in SCHOOL_KINDS and not w.endswith("day") for w in words):
            found.append(Candidate(m.start() + (the.end() if the else 0), m.end(), "place"))
    return found + [Candidate(*m.span(), "place") for m in SAINT_SCHOOL.finditer(text)]


@cache
def listed(name: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Compile a list file into (always-match, needs-context) patterns."""
    always: list[str] = []
    ambiguous: list[str] = []
    for entry in load_list(name):
        bucket = ambiguous if entry.endswith("*") else always
        words = entry.rstrip("* ").split()
        # Typed all in lower case ("pentonville", "the maudsley"), a one-word name still
        # counts; "new hall" and a city ("reading", "send") could be anything.
        if bucket is always and len(words) == 1 + (words[0].lower() == "the"):
            bucket.append(r"[ \t]+".join(re.escape(w.lower()) for w in words))
        if words[0].lower() == "the":  # "the Scrubs" also starts sentences: "The Scrubs"
            words[0] = "[Tt]he"
        else:
            words[0] = re.escape(words[0])
        bucket.append(r"[ \t]+".join([words[0], *(re.escape(w) for w in words[1:])]))
    def compile_(alts: list[str]) -> re.Pattern[str] | None:
        alts.sort(key=len, reverse=True)
        return re.compile(rf"\b(?:{'|'.join(alts)})\b") if alts else None
    return compile_(always), compile_(ambiguous)


def list_matches(name: str, text: str, label: str) -> list[Candidate]:
    always, _ = listed(name)
    return every_match(always, text, label) if always else []


def find_hostels(text: str) -> list[Candidate]:
    """Find hostels, refuges, approved premises and services by name.

    "X Lodge", "X Hostel", "X Foyer" and "X Project" always count; "X House",
    "X Centre", "X Court" only near words such as hostel, refuge or approved
    premises, or said as a home ("living at Anchor House", "moved into Elm Court"),
    because elsewhere they are usually blocks of flats or venues. A name after its kind
    ("a refuge called Oasis") is found by ``institutions.find_by_kind``.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``hostel``.
    """
    found = matches(HOSTEL_ALWAYS, text, "hostel") + list_matches("hostels.txt", text, "hostel")
    for m in HOSTEL_IF_CONTEXT.finditer(text):
        if first_word_generic(text, m.start()):
            continue
        if said_near(text, m, HOSTEL_CONTEXT):
            found.append(Candidate(m.start(), m.end(), "hostel"))
    for m in HOSTEL_AS_HOME.finditer(text):
        # Towns end in Haven too: "ended up in Milford Haven", "moved to New Haven"; a
        # home called one is said "at" or "into" it.
        town = m.group("name").endswith("Haven") and re.search(
            r"\b(?:in|to)[ \t]+$", text[max(0, m.start("name") - 4):m.start("name")])
        # "ended up at Meridian Point shopping centre": a venue, said as one.
        town = town or re.match(r"[ \t]+(?:shopping|retail|leisure|train|bus|station)\b",
                                text[m.end("name"):])
        if not (first_word_generic(text, m.start("name")) or town
                or m.group("name").lower() in load_set("broad_areas.txt")):
            found.append(Candidate(m.start("name"), m.end("name"), "hostel"))
    # "the Salvation Army", "the Premier Inn", "the Foyer", "the Bottom End" are national
    # services and chains, a kind of place or a description, not where one person lives.
    for m in HOSTEL_AT_THE.finditer(text):
        name = m.group("name").lower()
        if not (first_word_generic(text, m.start("name")) or name in load_set("not_names.txt")
                or said_as_shop(text, *m.span("name"))
                or name.split()[0] in ROAD_DESCRIPTIONS or name in PLACE_KINDS):
            found.append(Candidate(m.start("name"), m.end("name"), "hostel"))
    # "I stayed at the Beacon, it's a hostel for young people"; "in the Salvation Army hostel";
    # "at the YMCA hostel": the whole name, and the word hostel with it when it follows at once.
    for m in HOSTEL_THE_NAME.finditer(text):
        if HOSTEL_AFTER.match(text[m.end():]) and not first_word_generic(text, m.start("name")):
            word = HOSTEL_WORD_NEXT.match(text[m.end():])
            end = m.end() + (len(word.group()) if word else 0)
            found.append(Candidate(m.start() + m.group().index("the"), end, "hostel"))
    return found

