"""Shops whose names are also people's names or surnames (Costa, Boots): a shop only where
the sentence says so."""
from __future__ import annotations

import re

from ..lists import load_set

__all__ = ["listed_shop", "lower_case_shop_people", "said_as_shop"]

# "at Costa", "outside Boots", "from Tesco", "off Boots", "a Greggs", "the Costa on the high
# street". Never after "called", "Mr" or "me and": "a bloke called Costa", "Mr Boots".
SHOP_BEFORE = re.compile(r"\b(?i:at|in|outside|from|off|a|the)[ \t]+$")
SHOP_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?i:shops?|stores?|café|cafe|coffee|chemist|pharmacy)\b")


# "we call him Argos", "known as Poundland", "Tesco we called him", "Primark, that's what
# they called her": said to be what someone is called, a shop's name is a nickname.
NAMED_BEFORE = re.compile(
    r"\b(?i:call|calls|called|calling|known[ \t]+as|nicknamed|name[ \t]+was|name['’]s)"
    r"[ \t]+(?:(?i:him|her|me|them|us)[ \t]+)?$")
NAMED_AFTER = re.compile(
    r"(?:[ \t]*,)?[ \t]+(?:(?i:that['’]s|that[ \t]+was|is|was)[ \t]+what[ \t]+)?"
    r"(?i:we|they|everyone|everybody|people|the[ \t]+lads|the[ \t]+girls)[ \t]+"
    r"(?:(?i:used[ \t]+to|would|all)[ \t]+)?(?i:call|called|calls)[ \t]+(?i:him|her|me|them)\b")


# "padmate", "cellmate" as much as "mate"; owed or told ("i owe greggs a tenner").
LOWER_PERSON_BEFORE = re.compile(
    r"\b(?i:me|and|an|n|with|[a-z]*mate|pal|bro|called|him|her|owe|owed|told|texted)[ \t]+$")
# What only a person does, straight after ("wilko grassed on me", "costa said"); a shop
# gives jobs and turns people away ("greggs wouldnt take me on").
LOWER_PERSON_AFTER = re.compile(
    r"[ \t]+(?i:said|says|told|tells|asked|rang|phoned|texted|messaged|grassed|stabbed|hit"
    r"|died|cried|laughed|shouted|screamed|hugged|visited|married|dumped|slept|smiled)\b")


# Listed shops that are also surnames or nicknames; every other one is a shop wherever it
# stands ("Poundland was the only place I could afford", "Primark gave me a job").
NAMES_TOO = frozenset(["costa", "boots", "morrisons", "sainsbury's", "sainsburys", "greggs",
                       "wilko", "mcdonald's", "mcdonalds",
                       # Round fifteen's employers: a first name, and initials people go by.
                       "hermes", "jd"])
# Spelt so, a shop's name and nobody's ("Greggs", not "Gregg" or "Gregg's"): a shop wherever it
# stands ("Greggs let me use their toilet") unless a person is beside it or it does what only
# a person does ("me and Greggs", "Greggs said"); "we call him Greggs" is a nickname.
SHOP_SPELLING = frozenset(["greggs", "mcdonalds", "sainsburys"])
POSSESSIVE = re.compile(r"['’]s\b")


def listed_shop(text: str, start: int, end: int) -> bool:
    """Say whether ``text[start:end]`` is in ``shops.txt``, with any possessive said after it
    ("mcdonald" before "'s" is McDonald's).

    Args:
        text: the whole text.
        start: where the word starts.
        end: where it ends (before any possessive).

    Returns:
        True for a listed shop, False for any other word.
    """
    word = re.sub(r"['’]s$", "", text[start:end].lower())
    shops = load_set("shops.txt")
    return word in shops or text[start:end].lower() in shops or bool(
        POSSESSIVE.match(text, end) and word + "'s" in shops)


def said_as_shop(text: str, start: int, end: int) -> bool:
    """Say whether ``text[start:end]`` is a shop listed in ``shops.txt`` said as one.

    Args:
        text: the whole text.
        start: where the word starts.
        end: where it ends (before any possessive).

    Returns:
        True for "at Costa", "outside Boots", "the Costa shop", and for a shop that is no
        one's name wherever it stands ("Primark gave me a job"); False for a person named
        like a shop ("a bloke called Costa", "Mr Boots"), for any shop said to be what
        someone is called ("we call him Argos", "Tesco we called him"), and for any other
        word.
    """
    if not listed_shop(text, start, end):
        return False
    word = re.sub(r"['’]s$", "", text[start:end].lower())
    if POSSESSIVE.match(text, end) and word + "'s" in load_set("shops.txt"):
        word += "'s"
    if (NAMED_BEFORE.search(text[max(0, start - 25):start])
            or NAMED_AFTER.match(text, end)):
        return False
    if word not in NAMES_TOO:
        return True
    # "greggs wouldnt take me on": typed in lower case a shop is the shop, unless it stands
    # beside someone ("me and greggs") or after who someone is ("my mate costa").
    if (text[start:end].islower() or word in SHOP_SPELLING) and not LOWER_PERSON_BEFORE.search(
            text, max(0, start - 12), start) and not LOWER_PERSON_AFTER.match(text, end):
        return True
    return bool(SHOP_BEFORE.search(text[max(0, start - 12):start]) or SHOP_AFTER.match(text, end))


# Who someone is, or what was done to them, straight before a shop's name typed in lower
# case ("my pad mate boots", "me n costa", "told boots"): a person. Narrower than
# LOWER_PERSON_BEFORE, which only stops the word being kept: a bare "and" or "with" is as
# often a list of shops ("greggs and costa") or an errand ("to boots with my prescription").
SHOP_PERSON_BEFORE = re.compile(
    r"\b(?i:me[ \t]+(?:and|an|n|&)|[a-z]*mate|pal|bro|called|owe|owed|told|texted)[ \t]+$")
NAMES_TOO_WORD = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, NAMES_TOO), key=len,
                                                        reverse=True)) + r")\b")


def lower_case_shop_people(text: str) -> list[tuple[int, int]]:
    """Find shops' names typed in lower case that name a person.

    Args:
        text: the whole text.

    Returns:
        (start, end) of each such word with who someone is before it ("my cellmate boots",
        "me n costa", "told boots") or what only a person does after it ("costa said").
    """
    return [m.span() for m in NAMES_TOO_WORD.finditer(text)
            if SHOP_PERSON_BEFORE.search(text, max(0, m.start() - 12), m.start())
            or LOWER_PERSON_AFTER.match(text, m.end())]
