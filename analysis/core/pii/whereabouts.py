"""Where someone is to be found, said without a street word, and public places that are not.

* "sleeping on Briggate": a one-word street after "on" (or "off") when the clause says
  someone sleeps, begs, sits or lives there; after such a verb, a street with a street word
  typed in lower case too ("a bedsit on princess street", "living in old kent road").
  "on Tuesday", "on Universal Credit", "on probation", "on methadone" and "on Zoom" are
  left alone: days, services and English words never count, and the word must follow
  such a verb.
* "Wandsworth and Brixton is where my mum lives", "my sister lives in Armley": where a
  relative lives is personal, so the place is redacted as ``[place]`` even when it is a
  broad area, and never as a prison.
* Public landmarks ("Trafalgar Square", "Canary Wharf", listed in ``landmarks.txt``) are
  where anyone might be, not anyone's address, unless said as a home ("a flat on ...").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..lists import load_list, load_set
from .common import CAP_WORD, Candidate
from .name_words import never_name
from .places import ROAD_DESCRIPTIONS
from .prisons import always_prisons
from .regions import is_kept_region

__all__ = ["find_bare_streets", "find_relatives_places", "landmarks"]

# Being somewhere in person: the verbs that make "on X" a street rather than a benefit,
# a drug, a day or a programme.
PRESENCE = re.compile(
    r"\b(?:sleep|sleeps|sleeping|slept|kip|kips|kipped|kipping|doss|dossed|dossing|rough"
    r"|beg|begs|begged|begging|pitch|pitched|camp|camped|camping|tent|squat|squatted|squatting"
    r"|sat|sit|sits|sitting|live|lives|lived|living|grew up|brought up|stayed|staying"
    r"|doorway|bench|selling|sold|flat|house|bedsit|hang about|hung about|hanging about"
    r"|hang around|hung around|hanging around)\b[^.?!;]{0,25}$",
    re.IGNORECASE,
)
GATE_STREET = re.compile(r"[a-z]{3,}gate$")
# Where someone works is where they are found ("the cafe on Micklegate I worked in"); only
# for a capitalised street: "a job on the helpline" is no street.
WORKED_NEAR = re.compile(r"\b(?i:work|works|worked|working|job|volunteer(?:s|ed|ing)?)\b"
                         r"[^.?!;]{0,25}$")
# "on Briggate", "a doorway off Kirkgate", "sleeping on briggate"; not "on Dave's sofa" or
# a longer name.
BARE_STREET = re.compile(
    rf"\b(?:on|off)[ \t]+(?:the[ \t]+)?(?P<name>{CAP_WORD}|[a-z]{{4,}})\b"
    rf"(?!['’-]|[ \t]+[A-Z])")
# "a bedsit on princess street", "living in old kent road", "on church st": streets typed
# in lower case; not "the main road" or "the same street", nor "St" before a saint ("at the
# hostel St Anne's"). A lookahead, so a rejected longer match ("at the Elms on Beech road")
# does not hide the street inside it.
ANY_CASE_STREET = re.compile(
    r"(?=\b(?i:on|off|in|at)[ \t]+(?:the[ \t]+)?(?P<name>(?:[A-Za-z][a-z'’-]+[ \t]+){1,3}"
    r"(?:(?i:road|rd|street|lane|avenue|close|crescent|drive|way|grove|terrace|gardens|mews"
    r"|parade)|[Ss]t(?![ \t]*\.?[ \t]+(?:[A-Z]|mungo))))\b)"
)
# "off mount pleasant", "grew up on mount vernon": a Mount named in lower case after a place
# preposition; "sleeping on brixton hill", "lives on seacroft estate": a lower-case Hill,
# Green, Park or estate after a presence
# verb, when a word in it is no English word ("on the village green" stays).
LOWER_MOUNT = re.compile(
    r"\b(?i:on|off|in|at|near|round|around|by)[ \t]+(?P<name>(?:mount|mt)[ \t]+[a-z]{3,})\b")
LOWER_AREA = re.compile(
    r"\b(?i:on|off|in|at|near|round|around|by)[ \t]+(?P<name>(?:[a-z][a-z'’-]+[ \t]+){1,2}"
    r"(?:hill|green|row|square|park|gate|walk|vale|common|heath|rise|estate))\b")
# "living on nowt", "lived on pregabalin": what someone lives on, typed in lower case, is
# what they live off; a lower-case street needs a verb of being there.
LIVING_ON = re.compile(r"\b(?:live|lives|lived|living)[ \t]+(?:on|off)[ \t]+(?:the[ \t]+)?$",
                       re.IGNORECASE)
PLAIN_STREET_WORDS = frozenset(["road", "rd", "street", "st", "lane", "avenue"])

RELATIVE = (
    r"(?:mum|mam|mom|mother|dad|father|nan|nana|nanna|gran|granny|grandma|grandad|grandparents"
    r"|parents|family|folks|sister|brother|auntie|aunt|uncle|cousin|kids|children|son|daughter"
    r"|partner|missus|wife|husband|girlfriend|boyfriend|ex|fiancée?|carers?|in-laws|step-?mum"
    r"|step-?dad|little (?:one|ones)|baby|mate|best mate|friend|best friend|pal)"
)
OWNER = r"(?:my|his|her|their|our|me)\s+(?:(?:old|little|big|eldest|youngest|real|foster)\s+)?"
LIVES = (r"(?:lives|lived|live|living|stays|stayed|is living|was living|moved|has moved"
         r"|(?:has |have |had )?been living)")
# One to three places joined by "and" or a comma: "Wandsworth and Brixton".
PLACE_GROUP = rf"(?:{CAP_WORD}(?:[ \t]+{CAP_WORD})?)(?:(?:,[ \t]*|[ \t]+and[ \t]+|[ \t]+or[ \t]+)"\
              rf"{CAP_WORD}(?:[ \t]+{CAP_WORD})?){{0,2}}"
# The cue words in any case ("My sister lives in ..."); the places keep their capitals.
# "my cousin Tyler lives in ...", "my sister, Kim, lives in ...".
NAMED = rf"(?:,?[ \t]+{CAP_WORD}(?:[ \t]+{CAP_WORD})?,?)?"
RELATIVE_LIVES_IN = re.compile(
    rf"\b(?i:{OWNER}{RELATIVE}){NAMED}(?i:(?:['’]s)?\s+(?:still\s+|now\s+|all\s+)?{LIVES}\s+"
    rf"(?:(?:over|out|down|up|round)\s+)?(?:in|at|near|to)\s+)(?P<places>{PLACE_GROUP})"
)
WHERE_RELATIVE_LIVES = re.compile(
    rf"(?P<places>{PLACE_GROUP})(?i:\s+(?:is|was|are|were|['’]s)\s+where\s+{OWNER}{RELATIVE}"
    rf"\s+(?:still\s+|now\s+)?{LIVES})\b"
)
ONE_PLACE = re.compile(rf"{CAP_WORD}(?:[ \t]+{CAP_WORD})?")
# Said as someone's home, a landmark is an address: "a flat on ...", "I live on ...",
# "at 12 ...", "number 4 ...".
HOME_BEFORE = re.compile(
    r"\b(?:(?:flat|flats|bedsit|house|room)\s+(?:on|at|in)|(?:live|lives|lived|living)\s+(?:on|at)"
    r"|\d+[a-z]?,?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def find_bare_streets(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find one-word streets after "on" where someone sleeps, begs or lives ("on Briggate").

    Args:
        text: text to search.
        is_word: an English word test; without one only streets with a street word are
            proposed, because "sleeping on Benches" and "sat on Briggate" cannot then be
            told apart.

    Returns:
        Candidates labelled ``place``.
    """
    if is_word is None:
        return _any_case_streets(text)
    found = []
    areas = load_set("broad_areas.txt")
    first_names = load_set("first_names.txt")
    for m in BARE_STREET.finditer(text):
        word = m.group("name")
        low = word.lower()
        # A lower-case word ending in "s" is a plural of slang ("living on tinnies").
        living_on = LIVING_ON.search(text[max(0, m.start() - 12):m.start("name")])
        # "on Westgate", "off Kirkgate": "gate" is the old northern word for a street, so
        # such a name after "on" or "off" is one whatever else is said; so is one worked on.
        before = text[max(0, m.start() - 60):m.start()]
        gate = word[:1].isupper() and (GATE_STREET.search(word) or WORKED_NEAR.search(before))
        if (never_name(word) or is_word(word) or low in areas or low in first_names
                or (word.islower() and (word.endswith("s") or living_on))
                or not (gate or PRESENCE.search(before))):
            continue
        found.append(Candidate(m.start("name"), m.end("name"), "place"))
    return (found + _lower_case_areas(text, is_word) + _any_case_streets(text)
            + _numbered_lower_streets(text, is_word))


# "at 14 dunmore crescent", "3a kilbride road": a house number, then a street typed in lower
# case; not "a 10 minute walk down the main road" or "3 close friends".
NUMBERED_LOWER = re.compile(
    r"\b\d{1,4}[a-z]?,?[ \t]+(?P<words>(?:[a-z][a-z'’-]+[ \t]+){1,2})"
    r"(?P<suffix>road|street|lane|avenue|close|crescent|drive|way|grove|terrace|gardens|mews"
    r"|parade|rise)\b")


def _numbered_lower_streets(text: str, is_word: Callable[[str], bool]) -> list[Candidate]:
    """Numbered streets in lower case whose name has a word that is no English word."""
    found = []
    for m in NUMBERED_LOWER.finditer(text):
        words = m.group("words").split()
        if (any(never_name(w) or w in ROAD_DESCRIPTIONS for w in words)
                or all(is_word(w) for w in words)):
            continue
        found.append(Candidate(m.start(), m.end(), "place"))
    return found


def _lower_case_areas(text: str, is_word: Callable[[str], bool]) -> list[Candidate]:
    """Streets and areas typed in lower case without a street word: "off mount pleasant",
    "sleeping on brixton hill"."""
    found = [Candidate(*m.span("name"), "place") for m in LOWER_MOUNT.finditer(text)
             if not never_name(m.group("name").split()[-1])]
    for m in LOWER_AREA.finditer(text):
        *words, _ = m.group("name").split()
        if (PRESENCE.search(text[max(0, m.start() - 60):m.start()])
                and not any(never_name(w) for w in words)
                and any(not is_word(w) for w in words)):
            found.append(Candidate(*m.span("name"), "place"))
    return found


def _any_case_streets(text: str) -> list[Candidate]:
    """Streets with a street word, in any case: "on park road", "a bedsit on princess street".

    Road, street, lane and avenue name a street wherever they follow "on" and a name word;
    "way", "close", "drive" and the rest also end phrases ("in the best way"), so those
    only after a presence verb.
    """
    found = []
    for m in ANY_CASE_STREET.finditer(text):
        *words, suffix = m.group("name").lower().split()
        if (any(never_name(w) for w in words) or all(w in ROAD_DESCRIPTIONS for w in words)
                or (suffix not in PLAIN_STREET_WORDS
                    and not PRESENCE.search(text[max(0, m.start() - 60):m.start()]))):
            continue
        found.append(Candidate(m.start("name"), m.end("name"), "place"))
    return found


def find_relatives_places(text: str) -> list[Candidate]:
    """Find the places a relative is said to live ("my mum lives in Brixton").

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``place``, one for each place named; nations and regions
        (``regions.is_kept_region``) are left out.
    """
    found = []
    for pattern in (RELATIVE_LIVES_IN, WHERE_RELATIVE_LIVES):
        for m in pattern.finditer(text):
            for place in ONE_PLACE.finditer(text, m.start("places"), m.end("places")):
                # "Pentonville and Brixton is where my mum lives": no one lives in Pentonville.
                # "my mum lives in Jamaica": a country or region is kept, as areas.py keeps it.
                if (not any(never_name(w) for w in place.group().split())
                        and place.group().lower() not in always_prisons()
                        and not is_kept_region(place.group())):
                    found.append(Candidate(place.start(), place.end(), "place"))
    return found


@cache
def _landmark_pattern() -> re.Pattern[str] | None:
    names = sorted(load_list("landmarks.txt"), key=len, reverse=True)
    if not names:
        return None
    alts = "|".join(r"[ \t]+".join(re.escape(w) for w in n.split()) for n in names)
    return re.compile(rf"\b(?:{alts})(?![\w'’])", re.IGNORECASE)


def landmarks(text: str) -> list[tuple[int, int]]:
    """Find public landmarks ("Trafalgar Square"): places anyone might be, no one's address.

    A landmark said as a home ("a flat on ...", "lives on ...", "at 12 ...") is not one.

    Args:
        text: text to search.

    Returns:
        (start, end) offsets of each landmark named.
    """
    pattern = _landmark_pattern()
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text)
            if not HOME_BEFORE.search(text[max(0, m.start() - 30):m.start()])]
