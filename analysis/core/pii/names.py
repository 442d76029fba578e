"""Detect people's names: spaCy PERSON entities plus rules for what the model misses."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..lists import load_set
from . import initials, kin, name_rules, speakers
from .areas import is_kept_region
from .common import CAP_WORD, COMMON_WORDS, Candidate
from .name_frames import in_organisation, region_framed, star_sign
from .name_words import (
    PEOPLE_ARE_NOT_IN,
    PLACE_PREPOSITION,
    WORD,
    extend_surname,
    is_ambiguous,
    is_broad_area,
    never_name,
    shows_a_person,
    word_used_as_word,
)
from .nicknames import (
    acting_nicknames,
    called_nicknames,
    describing_nicknames,
    listed_nicknames,
    owed_nicknames,
)
from .not_people import drop_not_people
from .shops import lower_case_shop_people, said_as_shop
from .whereabouts import landmarks

__all__ = ["find_names"]

CAP_TOKEN = re.compile(rf"(?<![\w-]){CAP_WORD}(?![\w-])")  # not part of "Tri-borough"
PLACES = ("GPE", "LOC", "FAC")
# "the Arndale", "a blue Astra": a determiner makes a venue, an area or a thing, not a person.
IN_THE_BEFORE = re.compile(r"\b(?i:in|near|round|around|outside|across)[ \t]+the[ \t]+$")
THE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?(?:[ \t]+[a-z]+)?)[ \t]+$")


# "rang CJ": initials are a word of the span too, so the verb glued before them is dropped.
WORD_OR_INITIALS = re.compile(rf"\b[A-Z]{{2}}\b|{WORD.pattern}")
TITLE_OPENERS = frozenset(["prison", "jail", "hospital", "hostel", "rehab", "ward", "court"])
MIN_NAME_LETTERS = 2  # a single letter is an initial or a typo, not a name
MIN_LONE_NAME = 3  # a capitalised two-letter word on its own ("Mr", "Go") is not a name


LOWER_WORD = re.compile(r"\s([a-z]+)\b")


def _before_function_word(span: str) -> str:
    """Cut a model span before its first lower-case function word: in "Dave at St Mungo's"
    the model ran on over "at", and the placeholder must not eat it and what follows."""
    for m in LOWER_WORD.finditer(span):
        if m.group(1) in COMMON_WORDS:
            return span[:m.start()]
    return span


def _lower_words(span: str, is_word: Callable[[str], bool] | None) -> bool:
    """Whether a span is all lower-case English words."""
    return bool(span.islower() and is_word and all(is_word(w) for w in span.split()))


def _from_model(
    text: str, person_spans: Iterable[tuple[int, int]], is_word: Callable[[str], bool] | None,
) -> list[Candidate]:
    found = []
    for span_start, span_end in person_spans:
        start, end = span_start, span_end  # both move when a suffix or filler is dropped
        span = text[start:end]
        if span.endswith(("'s", "’s")):
            end -= 2
            span = span[:-2]
        if any(ch.isdigit() or ch in "@:/" for ch in span):
            continue
        span = _before_function_word(span)
        end = start + len(span)
        letters = sum(ch.isalpha() for ch in span)
        if (span.lower() in load_set("not_names.txt") or said_as_shop(text, start, end)
                or letters < MIN_NAME_LETTERS):
            continue
        if is_broad_area(text, start, end):  # "Kensington and Chelsea", "in Lambeth"
            continue
        # "watch Prison Break": a span opening on an institution's word is a title or a
        # place, never a person; the model calls the show one.
        if span.split()[0].lower() in TITLE_OPENERS:
            continue
        # "but Manchester is no cheaper": a city or borough that is no first name is a place
        # unless the sentence shows a person ("Sutton said", "me and Bolton").
        if (span.lower() in load_set("broad_areas.txt")
                and span.lower() not in load_set("first_names.txt")
                and not shows_a_person(text, start, end)):
            continue
        # The small model sometimes calls a lower-case English word a person ("agenda"),
        # or a name-word used as a word ("Hope is what kept me going").
        if _lower_words(span, is_word):
            continue
        if " " not in span and is_ambiguous(span) and word_used_as_word(text, start, end):
            continue
        # "grew up in the Meadows", "round the Crescent": people are not in a "the" and an
        # English word; a district or estate is (the area rules judge it).
        if (is_word and " " not in span and is_word(span)
                and IN_THE_BEFORE.search(text[max(0, start - 20):start])):
            continue
        first = _first_name_word(span, is_word)
        # "shipped me to Durham miles from": the town dropped, "miles" is the word left.
        if first is not None and not _lower_words(text[start + first:end], is_word):
            found.append(Candidate(start + first, end, "name"))
    return found


def _first_name_word(span: str, is_word: Callable[[str], bool] | None) -> int | None:
    """Where a model span's name starts once the fillers and verbs spaCy glues on are dropped
    ("Yeah Dave", "Ring Tony"), keeping first names that are also words ("Hope Williams");
    None if nothing is left."""
    words = list(WORD_OR_INITIALS.finditer(span))
    for i, word in enumerate(words):
        w = word.group()
        glued = is_word is not None and is_word(w) and i < len(words) - 1 and (
            w.lower() not in load_set("first_names.txt"))
        if not never_name(w) and not glued and w not in initials.ABBREVIATIONS:
            return word.start()
    return None


def _unknown_capitalised(
    text: str, is_word: Callable[[str], bool], entities: list[tuple[int, int, str]],
) -> list[Candidate]:
    """Capitalised words that are not English words are usually names the model missed."""
    found = []
    areas = load_set("broad_areas.txt")
    for m in CAP_TOKEN.finditer(text):
        word, start = m.group(), m.start()
        if (len(word) < MIN_LONE_NAME or never_name(word) or word.lower() in areas
                or any(is_word(part) for part in word.split("-"))):
            continue
        before = text[max(0, start - 20):start]
        inside = [label for s, e, label in entities if s <= start < e]
        # "the Arndale", "in the Bullring": people are not "the"; a venue or area is. A
        # shopping centre or district is where anyone might be, kept like a landmark.
        if THE_BEFORE.search(before):
            continue
        # "in Peckham", or "to Croydon" where the model agrees it is a place: keep areas.
        if PEOPLE_ARE_NOT_IN.search(before):
            continue
        if PLACE_PREPOSITION.search(before) and set(inside) & set(PLACES):
            continue
        # A word inside a longer organisation or title ("Giles Trust") is not a person.
        if any(label not in PLACES and e - s > m.end() - start
               for s, e, label in entities if s <= start < e):
            continue
        found.append(extend_surname(text, Candidate(start, m.end(), "name")))
    return found


def find_names(
    text: str, person_spans: Iterable[tuple[int, int]] = (), known_names: Iterable[str] = (),
    other_entities: Iterable[tuple[int, int, str]] = (),
    is_word: Callable[[str], bool] | None = None,
    is_modifier: Callable[[str], bool] | None = None,
    is_adjective: Callable[[str], bool] | None = None,
) -> list[Candidate]:
    """Find people's names by every route we have; overlaps are resolved by the caller.

    Routes: spaCy PERSON entities (cleaned of fillers and service names), titles
    ("Dr Okafor", "PC Daniel Hartley"), cue words ("my keyworker Maureen", "a fella
    called Frank", "Okoro was my PO", "Bex from outreach"), a name between commas after
    who someone is ("the new one, Fay, never bothered"), a list of common first names
    (catches lower-case names the model misses), capitalised words that are not
    English words (with ``is_word``), and the caller's own list of real names, matched
    case-insensitively as whole words, in full and by each part. Names that are also
    ordinary words (Will, Hope, Price) only match when capitalised and not plainly used
    as a word.

    Args:
        text: the text to search.
        person_spans: (start, end) offsets of the model's PERSON entities in ``text``.
        known_names: real names the facilitator supplied, e.g. the speakers' names.
        other_entities: (start, end, label) of the model's other entities (places,
            organisations), so "moved to Leeds from the coast" is not read as a name.
        is_word: an English word test (see ``pii.lexicon``); when given, capitalised
            words that are not English words are proposed as names too.
        is_modifier: an English adverb/adjective test (see ``pii.lexicon``); when given,
            a lone such word opening a sentence ("Plus, ...") is not a name.
        is_adjective: an English adjective test (see ``pii.lexicon``); when given, one
            opening a sentence and caring for someone ("Tiny got me through it") is a name.

    Names of public documents ("the Bradley Report") are never people's names, nor are
    guesses inside a public landmark ("Trafalgar Square"); cued and known names there are.

    Returns:
        Candidates labelled ``name``; they may overlap each other.
    """
    other_entities = list(other_entities)
    guesses = _from_model(text, person_spans, is_word)
    if is_word is not None:
        guesses += _unknown_capitalised(text, is_word, other_entities)
    guesses += name_rules.listed_first_names(text)
    guesses += speakers.speaking_names(text, other_entities, is_word)
    guesses += speakers.lower_case_named(text, is_word)
    guesses += name_rules.appositive_names(text)
    guesses += name_rules.service_after_names(text,
        [(s, e) for s, e, label in other_entities if label in PLACES])
    # A guess inside a public landmark is the landmark misread ("Trafalgar Square", "by the
    # Thames at night"); a name said after a cue or title there is still a person.
    public = landmarks(text)
    found = [c for c in guesses if not any(s <= c.start and c.end <= e for s, e in public)]
    found += name_rules.titled_names(text)
    found += name_rules.cued_names(text)
    found += name_rules.role_after_names(text)
    # "with Paddy and Bones": listed with a first name, still checked like any guess.
    found += listed_nicknames(text, found)
    found = drop_not_people(text, found, is_modifier, is_word, is_adjective)
    # "all the Midlands jails": a nation or region the model calls a person is the region,
    # unless it is a first name ("Devon rang me") or a cue names someone ("my mate Kent").
    cued = {c.start for c in name_rules.cued_names(text)}
    # Only in a place frame ("the Midlands", "in Kent") or when the region is more than a
    # word: "I miss Chad so much, he was my pad mate" is someone.
    found = [c for c in found if c.start in cued or not is_kept_region(text[c.start:c.end])
             or not region_framed(text, c)
             or text[c.start:c.end].lower() in load_set("first_names.txt")
             or shows_a_person(text, c.start, c.end)]
    # "Lucky, that's what they called me": said to be a name, so a name however English
    # the word, even opening the sentence where drop_not_people reads a modifier.
    found += called_nicknames(text) + describing_nicknames(text, is_adjective)
    found += acting_nicknames(text, is_word) + owed_nicknames(text, is_word)
    found += [Candidate(s, e, "name") for s, e in lower_case_shop_people(text)]  # "costa said"
    # "JD said he'd sort me a bed", "me n KT": initials someone goes by.
    found += initials.initials_as_names(text, found)
    # "Stella and Carling my two kids": someone's children, whatever the words are.
    found += kin.kin_listed_names(text)
    # The facilitator's own list always wins: they know who was in the room.
    found += name_rules.known_names(text, known_names)
    # A cue or list match can still assemble a service name ("Sally" + "Army"); a name before
    # an organisation's word is the organisation's ("the simon community", "Prince's Trust").
    not_names = load_set("not_names.txt")
    found = [c for c in found if text[c.start:c.end].lower() not in not_names
             and not said_as_shop(text, c.start, c.end) and not in_organisation(text, c)
             and not star_sign(text, c)]
    return found + _said_again(text, found)


def _said_again(text: str, found: list[Candidate]) -> list[Candidate]:
    """A one-word name said again in lower case ("Amber and Sherry, sherry's the oldest"):
    any time for a name that is no word, else only with 's after it ("will" stays a verb)."""
    again = []
    for word in {text[c.start:c.end] for c in found}:
        if " " in word or not word[:1].isupper() or len(word) < MIN_LONE_NAME:
            continue
        tail = r"(?=['’]s\b)" if is_ambiguous(word) else r"\b"
        again += [Candidate(m.start(), m.end(), "name")
                  for m in re.finditer(rf"\b{re.escape(word.lower())}{tail}", text)]
    return again
