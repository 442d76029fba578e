"""Word tests shared by the name detectors: never a name, ambiguous, a broad area."""
from __future__ import annotations

import re

from ..lists import load_set
from .common import (
    CAP_WORD,
    COMMON_WORDS,
    LOWER,
    UPPER,
    Candidate,
    is_sentence_start,
    last_word,
)
from .person_cues import (
    CAME_TO_SOMEONE,
    CLAUSE_WORDS,
    FROM_A_SERVICE,
    LISTED_WITH,
    PERSON_AFTER,
    PERSON_VERB_AFTER,
    WITH_AFTER,
    WITH_BEFORE,
    modal_will,
    said_as_thing,
)
from .word_lists import (
    LOOK_PARTICIPLES,
    MEDICINE_ENDINGS,
    PERSON_OBJECT_VERBS,
    PERSON_VERBS,
    TEXT_SPEAK,
    TIME_BEFORE,
    TIME_NAMES,
    TIME_VERBS,
    TIME_WORDS,
)

__all__ = [
    "PEOPLE_ARE_NOT_IN", "PERSON_VERB_AFTER", "PLACE_ENDINGS", "PLACE_PREPOSITION", "TITLES",
    "WORD",
    "extend_surname", "is_ambiguous", "is_broad_area", "never_name", "said_as_time",
    "shows_a_person", "with_someone", "word_used_as_word",
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
# After an ambiguous name at the start of a sentence these show the word is used as a
# word ("Will I ...", "Hope so", "Mark my words", "Grace period"), not as a name.
TITLE_WORDS = frozenset(t.lower() for t in TITLES)
NOT_AFTER_NAME = COMMON_WORDS - {"from", "at", "on", "and", "was", "is", "said", "has", "had"}
NOT_AFTER_NAME -= PERSON_VERBS | {"just", "also", "still", "even"}
NOT_AFTER_NAME |= {"period", "everyone", "anyone", "someone", "yourself", "myself", "do"}

# "Hope is what kept me going", "Faith was what got me through", "Grace is what I got from
# the church", "Grace is what my counsellor calls it": a name-word saying what
# did something, not who someone is. Only "what" and a verb: people are everything, all
# someone has, the best thing ("Mark was everything to me", "Rose is all I have left").
ABSTRACT_PREDICATE = re.compile(
    r"(?:\s+(?i:is|was)|['’]s)\s+(?i:what)\s+(?:(?:I|we|you|they|(?:my|me|the|our|his|her)\s+"
    r"[a-z]+)\s+)?(?!(?:this|his|hers|its|ours|yours|theirs|us)\b)"
    # "Grace is what my mum called me": what someone is called is their name.
    r"(?!(?:call|calls|called|named|nicknamed)\s+(?:me|him|her|us)\b)"
    r"(?:[a-z]+ed|[a-z]+s|kept|got|gave|made|brought|held|saw|took|stood)\b"
)
# "Ruby's dad" is Ruby's; "Hope's a dangerous thing" is "Hope is".
# "Bill's been paid", "Bill was settled": what is paid or settled is a thing, not who pays.
PAID_AFTER = re.compile(r"(?:['’]s|[ \t]+(?:is|was|has|had|got))(?:[ \t]+been)?[ \t]+"
                        r"(?:paid|settled|cancelled)\b")
POSSESSIVE_AFTER = re.compile(
    r"['’]s\b(?![ \t]+(?:a|an|the|not|never|so|too|very|what|all|just|really|hard|easy)\b)")
CLAUSE_BEFORE = re.compile(
    r"\b(?i:say|says|said|think|thought|reckon|know|knew|because|cos|coz|that|but|so|feel"
    r"|felt|learned|learnt|realised|realized|mean)[ \t]+$")
# "Rose tinted glasses": a name-word before a participle of look (word_lists.py) and a word.
COMPOUND_ADJECTIVE = re.compile(r"[ \t]+([a-z]+)[ \t]+[a-z]")

PEOPLE_ARE_NOT_IN = re.compile(r"\b(?:in|near|outside|around|round|across|over in)\s+$",
                               re.IGNORECASE)
PLACE_PREPOSITION = re.compile(r"\b(?:to|from|at|of|into|via|up|down|by)\s+$", re.IGNORECASE)


def never_name(word: str) -> bool:
    """Say whether a word can never be (part of) a person's name here.

    Args:
        word: one word, any case.

    Returns:
        True for function words, days and months (not June, May, April: first names too),
        titles, and ``not_names.txt`` entries.
    """
    low = word.lower()
    # "Saturdays", "Mondays": a day said in the plural is a habit, never a person.
    return (low in COMMON_WORDS or low in TIME_WORDS or low.removesuffix("s") in TIME_WORDS
            or low in load_set("not_names.txt")
            or low in TITLE_WORDS or low in TEXT_SPEAK or low.endswith(MEDICINE_ENDINGS))


def is_broad_area(text: str, start: int, end: int) -> bool:
    """Say whether ``text[start:end]`` is a listed broad area used as a place.

    Args:
        text: the whole text.
        start: offset of the word.
        end: offset just after it.

    Returns:
        True for "in Chelsea" or "Kensington and Chelsea", False for "Chelsea said",
        "me and Chelsea" or "Chelsea's mum".
    """
    if text[start:end].lower() not in load_set("broad_areas.txt") or with_someone(
            text, start, end):
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
        True after "the"/"a" (and in "by chance"), before "is what" and a verb ("Hope is
        what kept me going") unless ``known``, or at a sentence start followed by a pronoun
        or function word ("Will I...", "Hope so", "Mark my words"); a verb that takes a
        person ("Hope kept me alive") or "'s" ("Ruby's dad") makes it a name. Months and
        seasons (June, Summer) are words unless a person shows ("Summer rang me", "me and
        June") or, when ``known``, unless said as a time ("in June", "June 2019").
    """
    before = last_word(text, start)
    if text[start:end].lower() in TIME_NAMES:
        return _time_used_as_time(text, start, end, known=known)
    # "the Grace period", "a Will"; "by Chance" is an idiom, "let down by Mark" a person.
    if before and (before.lower() in {"the", "a", "an"} or (
            before.lower() == "by" and text[start:end].lower() == "chance")):
        return True
    compound = COMPOUND_ADJECTIVE.match(text, end)
    if (not known and ABSTRACT_PREDICATE.match(text, end)) or (
            compound and compound.group(1) in LOOK_PARTICIPLES):
        return True
    # "They say Hope is a dangerous thing": a clause opens after a verb of saying or a
    # conjunction, where the capital may be the writer's, as at a sentence start.
    if not known and CLAUSE_BEFORE.search(text[max(0, start - 12):start]) and said_as_thing(
            text, start, end):
        return True
    return is_sentence_start(text, start) and _opener_used_as_word(text, start, end, known=known)


def _opener_used_as_word(text: str, start: int, end: int, *, known: bool) -> bool:
    """Whether a name-word opening a sentence, where its capital says nothing either way, is
    a word: "Will I...", "Hope so", "Mark my words", "Faith was hard to keep", "Bill's been
    paid"."""
    if PAID_AFTER.match(text, end):
        return True
    if (SURNAME_AFTER.match(text, end) or POSSESSIVE_AFTER.match(text, end)
            or with_someone(text, start, end)):
        return False  # "Hope Williams", "Ruby's dad was inside too", "Dean, Lisa and me"
    if not known and said_as_thing(text, start, end):  # "Faith was hard to keep"
        return True
    # "you" of "you're" ("Hope you're well"); the verb after a pause ("Hope... kept me alive").
    after = re.match(r"(?:\.\.\.|…)?\s+([A-Za-z]+)", text[end:])
    return (after is None or after.group(1).lower() in NOT_AFTER_NAME
            or (text[start:end].lower() == "will" and modal_will(text, end)))


def _time_used_as_time(text: str, start: int, end: int, *, known: bool) -> bool:
    """A month or season that is also a name (June, Summer) is a time unless a person shows.

    "Summer rang me", "June came to see me" and "me and Summer" show one; "Summer came
    early" does not. For a participant called June, "in June" and "June 2019" are times.
    """
    if (shows_a_person(text, start, end, PERSON_VERBS - TIME_VERBS)
            or CAME_TO_SOMEONE.match(text, end) or FROM_A_SERVICE.match(text, end)):
        return False
    before = last_word(text, start)
    return not known or bool(before and before.lower() in TIME_BEFORE) or bool(
        re.match(r"[ \t]*(?:the[ \t]+)?\d", text[end:]))


def shows_a_person(text: str, start: int, end: int,
                   verbs: frozenset[str] | set[str] = PERSON_VERBS) -> bool:
    """Say whether the sentence shows the word is someone.

    Args:
        text: the whole text.
        start: offset of the word.
        end: offset just after it.
        verbs: verbs that take a person, said after the word.

    Returns:
        True for such a verb after ("Sutton said", "Summer rang me"), a verb done to a
        person before ("told Bolton", "I told June"), or someone beside ("me and Bolton").
    """
    verb = PERSON_VERB_AFTER.match(text, end)
    before = last_word(text, start)
    return bool((verb and verb.group("verb").lower() in verbs)
                or (before and before.lower() in PERSON_OBJECT_VERBS)
                or with_someone(text, start, end))


def said_as_time(text: str, start: int, end: int) -> bool:
    """Say whether a month or season that is also a name follows a word that makes it a time.

    Args:
        text: the whole text.
        start: offset of the word.
        end: offset just after it.

    Returns:
        True for "in May", "this Summer", "by June"; False for "to June" or "from April",
        which may be people, and for any other word.
    """
    before = last_word(text, start)
    return (text[start:end].lower() in TIME_NAMES and bool(before)
            and before.lower() in TIME_BEFORE - {"to", "from", "of", "the", "that"})


def with_someone(text: str, start: int, end: int) -> bool:
    """Say whether a word is said with someone ("me and will") or as someone's ("Summer's dad").

    Args:
        text: the whole text.
        start: offset of the word.
        end: offset just after it.

    Returns:
        True with "me and" before, "and me"/"and I" after, "'s" and a relative or home
        after, ", my twins" or ", she" after, or a comma and a first name after ("Dean,
        Lisa and me"); capitalised, also "my nan" or "my sponsor" after without a comma,
        ", she's", "... she", ", who" or "was born" after.
    """
    listed = LISTED_WITH.match(text, end)
    word = text[start:end]
    if said_as_time(text, start, end):
        # "In June my daughter was born", "This Summer, my kids...": a time, then who.
        # Not "in May and I've kept it": a new clause, not who was with whom.
        return bool(re.match(r"['’]s[ \t]|[ \t]+and[ \t]+(?:me|I)\b(?!['’])", text[end:]))
    after = PERSON_AFTER.match(text, end)
    if word[:1].isupper() and after and (after.group("more") or word.lower() not in CLAUSE_WORDS):
        return True
    return bool(WITH_AFTER.match(text, end) or WITH_BEFORE.search(text[max(0, start - 15):start])
                or (listed and listed.group("next").lower() in load_set("first_names.txt")
                    and not is_ambiguous(listed.group("next"))))
