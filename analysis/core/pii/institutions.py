"""Hostels, hospitals and prisons told by what the sentence says they are, not by their name.

People name supported housing, wards and jails by any word at all ("Marigold", "the
Bridge", "Jimmy's", "Garth"), so a name's own shape says little. What does say it is the
sentence: a word of kind right after the name or in apposition ("the Carver Street hostel",
"Ashwood, that's a recovery house", "pennine view which is a wet hostel", "a refuge called
Oasis"), a list it belongs to ("Hostels, shelters, Bramley Grange, the Foundry"), or else
the nearest thing said about it in its sentence (a curfew or a keyworker for a hostel, a
section or an overdose for a hospital, a stretch or a cellmate for a prison). A name is
read where it is said as somewhere someone is, goes or comes from ("at", "in", "to", "out
of", "under", or "called"/"named"), after a word of kind ("a refuge called Oasis", "Night
shelter, then Parkview"), as a sentence's subject said to be one ("The Bridge is a wet
hostel"), before a comma saying what it is ("Larkhill, it's a hostel"), or listed straight
after one found already. The model's entities veto what it knows is a date, a time, a
number, an amount, a nationality, a language, an event, a law or a work of art ("Prison
Break", "Holby City").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..lists import load_set
from .areas import is_kept_region
from .common import COMMON_WORDS, Candidate, is_sentence_start
from .kind_frames import (
    NAME,
    ONE_PLACE_PLURAL,
    OPENING_HOME,
    STAFF_AT,
    STAYS,
    UNDER_CARE,
    WHERE,
    listed_on,
    more_frames,
    not_said_as_a_place,
    on_said_as_place,
)
from .kind_said import apposed_kind, nearest_doing, patterns, said_kind
from .model_guesses import model_says_no_place, model_says_town, part_or_town
from .name_words import TITLE_WORDS
from .places import GENERIC_FIRST, ROAD_DESCRIPTIONS, SCHOOL_WORDS, STREET_SUFFIXES
from .prisons import NOT_PRISON_BEFORE
from .word_lists import (
    MEDICINE_ENDINGS,
    SERVICE_BODIES,
    SERVICE_KIND_WORDS,
    TIME_NAMES,
    TIME_WORDS,
)

__all__ = ["find_by_kind"]

LOWER_NAME = r"[a-z]{3,}(?:[ \t]+[a-z]{3,})?"
# Said as where someone is, goes or comes from; "out of", "down at", "back to" end likewise.
FRAME = r"\b(?i:at|in|into|to|from|of|under|called|named)[ \t]+(?:(?i:the)[ \t]+)?"
FRAMED = re.compile(rf"{FRAME}(?P<name>{NAME})(?!['’\w])")
FRAMED_LOWER = re.compile(rf"{FRAME}(?P<name>{LOWER_NAME})\b")
STREET_END = re.compile(rf"[ \t](?:{STREET_SUFFIXES}|Rd|St)$")
SCHOOL_END = re.compile(rf"[ \t](?:{SCHOOL_WORDS})$")
# Not where anyone lives, is treated or serves time: colleges, courts, and bodies and their
# papers ("at Leeds College", "to the Crown Court", "in the Criminal Justice System", "the
# NHS Commissioning Board", "the Bradley Report": public_document_words.txt).
NOT_A_PLACE_END = re.compile(
    r"[ \t](?:College|School|Academy|University|Uni|Church|Court|Courts|Council|Station"
    r"|Airport|Park Road|Trust|Services?|Team|System|Board|Programme|Scheme|Partnership"
    r"|Authority|Department|Ministry|Office|Agency|Committee|Network|Foundation|Association"
    r"|Institute|Fund|Plan|Policy|Bill|Group)$")
# Names whose last word says they are a home, or a home or a clinic.
HOME_END = re.compile(r"[ \t](?:House|Lodge|Hostel|Foyer|Project|Court|Hall|Place|Point|Haven)$")
CENTRE_END = re.compile(r"[ \t](?:Centre|Center)$")
ORIGIN_BEFORE = re.compile(r"\b(?i:born|grew up|brought up|raised)[ \t]+(?:\w+[ \t]+)?$")
ARTICLE_AFTER = re.compile(r"[ \t]+(?i:the|a|an)[ \t]")
# Said as where someone is or was, not where something goes ("moved the meeting to").
AT_BEFORE = re.compile(r"\b(?i:at)[ \t]+$")
WHERE_IN = re.compile(r"\b(?i:at|in|into|from|of)[ \t]+(?:(?i:the)[ \t]+)?$")
SAINTS = re.compile(r"St\.?[ \t]+[A-Z][a-z]+['’]s$")
OWNED_NEXT = re.compile(r"[ \t]+([a-z]+)\b")


def _excluded(name: str, strong: bool, street_ok: bool = False) -> bool:
    """Names never read here: times, shops, charities, regions, colleges, bodies and their
    papers; nor first names, towns or streets unless a word of kind is said with them (a
    street also when said "at": ``street_ok``)."""
    low = name.lower()
    first = re.sub(r"['’]s$", "", low.split()[0])
    bare = re.sub(r"['’]s$", "", low)
    never = (first in COMMON_WORDS or first in TIME_WORDS or first in TIME_NAMES
             or bare in SERVICE_BODIES or bare in load_set("not_names.txt")
             or bare in load_set("shops.txt")
             or low in load_set("not_names.txt") or low in load_set("landmarks.txt")
             or low.split()[-1] in load_set("public_document_words.txt")
             or bool(NOT_A_PLACE_END.search(name) or SCHOOL_END.search(name))
             or is_kept_region(name) or first.endswith(MEDICINE_ENDINGS))
    # A kind itself ("the AP", "the Infirmary") is no name either.
    if never or patterns()["after"].match(" " + name + " "):
        return True
    if strong:
        return False  # "called New Leaf": said to be its name, however ordinary the word
    if name.isupper():
        return True  # "a referral to IAPT", "a room at the YMCA": services and chains
    if first in GENERIC_FIRST or first in ROAD_DESCRIPTIONS:
        return True  # "the new hostel", "the Bottom End of town"
    # "a resident at Corbridge Road": a street said "at" with no number is the place on it
    # everyone knows by its name (``street_ok``); "living on Corbridge Road" is a home.
    return low in load_set("broad_areas.txt") or _a_person(name) or (
        bool(STREET_END.search(name)) and not street_ok)


def _someones_thing(text: str, name: str, end: int) -> bool:
    """"in Vinnie's van": a possessive before a noun is someone's thing, not a place; a
    saint's name ("St Brendan's shelter") or a word of kind after it ("Jimmy's ward") is."""
    owned = OWNED_NEXT.match(text, end)
    return bool(name.endswith(("'s", "’s")) and not name.startswith("St")
                and owned and owned.group(1) not in COMMON_WORDS
                and not patterns()["after"].match(text, end))


def _plain_lower(text: str, m: re.Match[str], is_word: Callable[[str], bool] | None) -> bool:
    """A lower-case name only with its kind word straight after or said to be one ("pennine
    view which is a wet hostel"), never one made of function words ("in touch with the") or
    of words of what kind of service ("the mental health unit"),
    nor one English word before a comma unless called so ("in the end, a psych unit")."""
    words = m.group("name").split()
    # "in the mental health unit": words of what kind of service, and no name among them.
    if (any(w in COMMON_WORDS for w in words) or ARTICLE_AFTER.match(text, m.end())
            or all(w in SERVICE_KIND_WORDS for w in words)):
        return False
    # "used to watch Prison Break": a capital after a lower-case "name" opens a title; who
    # types names in lower case types the kind word so too ("pennine view which is ...").
    if re.match(r"[ \t]+[A-Z]", text[m.end():m.end() + 2]):
        return False
    return not (len(words) == 1 and is_word is not None and is_word(words[0])
                and text[m.end():m.end() + 1] == "," and not re.search(
                    r"(?i:called|named)[ \t]+$", m.group()[:m.start("name") - m.start()]))


def _a_person(name: str) -> bool:
    """A title or a lone first name: who works somewhere, not where."""
    words = name.lower().split()
    return words[0] in TITLE_WORDS or (len(words) == 1 and re.sub(
        r"['’]s$", "", words[0]) in load_set("first_names.txt"))


def find_by_kind(text: str, entities: Iterable[tuple[int, int, str]] = (),
                 is_word: Callable[[str], bool] | None = None) -> list[Candidate]:
    """Find hostels, hospitals and prisons by what their sentence says they are.

    Args:
        text: text to search.
        entities: the model's (start, end, label) entities; dates, numbers, nationalities
            and works of art among them are never a place.
        is_word: an English word test (``pii.lexicon``), so a lower-case word before an
            aside ("in the end, a psych unit") is not read as a name; None skips it.

    Returns:
        Candidates labelled ``hostel``, ``hospital`` or ``prison``.
    """
    ents = list(entities)
    pats = patterns()
    framed: list[tuple[re.Match[str], str | None]] = [
        (m, None) for p in (FRAMED, FRAMED_LOWER) for m in p.finditer(text)]
    found: list[Candidate] = []
    framed += [(m, said_kind(m)) for m in pats["before"].finditer(text)]
    framed += [(m, said_kind(m)) for m in pats["subject"].finditer(text)]
    framed += [(m, said_kind(m)) for m in pats["explained"].finditer(text)]
    # Opening a sentence, only a name with a word that is no English word: "Night shelter,
    # then ...", "Women's refuge" and "the Mental Health Unit" are kinds.
    # A saint's name is a name however English its word ("St Mark's hostel").
    framed += [(m, said_kind(m)) for m in pats["opening"].finditer(text)
               if is_word is not None and (SAINTS.match(m.group("name")) or not all(
                   is_word(w) for w in re.findall(r"[A-Za-z]+", m.group("name").lower())
                   if w not in ("st", "s")))]
    framed += more_frames(text, is_word)
    for m, said in framed:
        start, end, name = m.start("name"), m.end("name"), m.group("name")
        # "the prison, Dr Fraser": after a comma a title or first name is who works there;
        # "under Dr Okafor", "my keyworker at Sarah's": whose care, whose home.
        listed = m.re in (pats["explained"], UNDER_CARE, STAFF_AT) or (
            m.re is pats["before"] and "," in m.group()[:m.start("name") - m.start()])
        # "Honestly, a hostel is no home": an English word opening a sentence is an aside;
        # "Larkhill, it's a hostel" is a name.
        aside = m.re is pats["explained"] and " " not in name and is_sentence_start(
            text, start) and (is_word is None or is_word(name))
        if aside or _someones_thing(text, name, end) or not_said_as_a_place(text, m, ents):
            continue
        # Matched at an offset, never on a slice: a slice copies the rest of a long text.
        strong = said or said_kind(pats["after"].match(text, end)) or apposed_kind(text, end)
        if m.re is FRAMED_LOWER and not (strong and _plain_lower(text, m, is_word)):
            continue
        # "a refuge called Oasis": a name after its kind is one whatever the model thinks
        # it is (a work of art, an event); the kind word said first settles it.
        street_ok = bool(AT_BEFORE.search(text, max(0, m.start() - 1), start))
        if _excluded(name, bool(strong), street_ok) or (listed and _a_person(name)) or (
                m.re is not pats["before"] and m.re is not STAFF_AT
                and model_says_no_place(text, start, end, ents, is_word)):
            continue
        # "Meadowside is where ...": one word opening a sentence only if it is no English
        # word ("Home is where the heart is").
        if m.re is WHERE and " " not in name and is_word is not None and is_word(name.lower()):
            continue
        # "born in the General Strike", "grew up in Gorton": a time or a home town.
        if not strong and ORIGIN_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue
        own = said_kind(pats["after"].match(" " + name.split()[-1]))
        # "the waiting list for Greystones": with nothing else said, a hostel's or a rehab's.
        # "the Gurnos is rough": one place said as a plural, with nothing said of it, is an
        # estate or a district as often as a home; "Pennywell is where i score" is a place.
        kind = strong or own or nearest_doing(text, start, end) or (
            "hostel" if m.re in STAYS else "place" if m.re in (ONE_PLACE_PLURAL, WHERE) else None)
        if part_or_town(name, kind, bool(strong or own), own is not None,
                        model_says_town(text, start, end, ents)):
            continue
        # "on Poppy": a ward, only with the word ward said ("put me on Sertraline").
        if not on_said_as_place(text, m, kind, bool(strong)):
            continue
        # "my first night in Bramwell House", "Ashcombe House was rough": a named House or
        # Lodge someone is in or comes from, or that a sentence is about, with nothing else
        # said of it, is where people are housed ("moved the meeting to Riverside House" is
        # where a thing goes).
        if kind is None and re.search(r"[ \t](?:House|Lodge)$", name) and (
                m.re is OPENING_HOME or WHERE_IN.search(text, max(0, m.start() - 1), start)):
            kind = "hostel"
        # "Cedar Lodge ... spice on every landing": a House or Lodge is a home, a Centre a
        # home or a clinic, whatever else the sentence is about; one said as a rehab or a
        # detox is treatment, relabelled a hospital once all are found (treatment.py).
        kind = "hostel" if HOME_END.search(name) and kind in ("prison", "hospital") else kind
        if HOME_END.search(name) and kind != "hostel" or (
                CENTRE_END.search(name) and kind == "prison"):
            continue
        if kind == "prison" and NOT_PRISON_BEFORE.search(text[max(0, start - 30):start]):
            continue
        if kind:
            found.append(Candidate(start, end, kind))
    return found + listed_on(text, found, ents, is_word, _excluded)

