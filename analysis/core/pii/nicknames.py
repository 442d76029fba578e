"""Nicknames that are ordinary English words ("Lucky", "Bones"), found by how they are said."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .common import CAP_WORD, Candidate, is_sentence_start
from .name_words import is_ambiguous, never_name
from .word_lists import STATE_WORDS

__all__ = ["called_nicknames", "listed_nicknames", "describing_nicknames"]

# "Lucky, that's what they called me", "Chalky, that was what the lads called him": the
# word is then said to be what someone was called, so it is their name.
CALLED_AFTER = re.compile(
    rf"(?P<name>{CAP_WORD}),[ \t]+(?i:that['’]s|that[ \t]+(?:is|was)|is|was)[ \t]+what[ \t]+"
    r"(?:[a-z]+[ \t]+){1,5}?(?:(?:used[ \t]+to|would|still)[ \t]+)?(?:called|call|calls)"
    r"[ \t]+(?:me|him|her|us|them)\b")
# "with Paddy and Bones", "me, Shaz and Lofty": a capitalised word mid-sentence listed
# straight after a plain first name is another person. Not a longer name after it ("Marks
# and Spencer Food") nor a place (areas are kept, the place rules judge the rest).
# The rest is a lookahead so "Me and Kieran and Spider" also tries "Kieran and Spider".
AFTER_A_FIRST_NAME = re.compile(
    rf"\b(?P<first>{CAP_WORD})(?=(?:[ \t]+and|,)[ \t]+(?P<name>{CAP_WORD})\b(?![ \t]+[A-Z]))")

# "Tiny got me through it", "Lofty looked after me": an adjective cannot do these to
# someone, so one opening a sentence before them is what someone is called. Only verbs of
# care or speech ("Cold kept me awake" is the weather).
CARES_FOR = re.compile(
    r"[ \t]+(?:(?:always|never|just|really|still)[ \t]+)?(?:got[ \t]+(?:me|us|him|her)[ \t]+through"
    r"|looked[ \t]+after|stuck[ \t]+by|helped|taught|saved|told|rang|texted|said|showed"
    r"[ \t]+(?:me|us|him|her))\b")


def describing_nicknames(text: str, is_adjective: Callable[[str], bool] | None,
                         ) -> list[Candidate]:
    """Find an adjective opening a sentence and caring for someone ("Tiny got me through it").

    Args:
        text: text to search.
        is_adjective: the English adjective test (``lexicon.english_adjectives``); without
            one nothing is proposed.

    Returns:
        Name candidates.
    """
    if is_adjective is None:
        return []
    return [Candidate(m.start(), m.end(), "name") for m in re.finditer(rf"{CAP_WORD}\b", text)
            if is_sentence_start(text, m.start()) and is_adjective(m.group())
            and m.group().lower() not in STATE_WORDS
            and not never_name(m.group()) and CARES_FOR.match(text, m.end())]


def called_nicknames(text: str) -> list[Candidate]:
    """Find a word said to be what someone was called ("Lucky, that's what they called me").

    Args:
        text: text to search.

    Returns:
        Name candidates.
    """
    return [Candidate(m.start("name"), m.end("name"), "name")
            for m in CALLED_AFTER.finditer(text) if not never_name(m.group("name"))]


def listed_nicknames(text: str) -> list[Candidate]:
    """Find a capitalised word listed straight after a plain first name ("Paddy and Bones").

    Args:
        text: text to search.

    Returns:
        Name candidates.
    """
    found = []
    first_names, areas = load_set("first_names.txt"), load_set("broad_areas.txt")
    for m in AFTER_A_FIRST_NAME.finditer(text):
        first, name = m.group("first"), m.group("name")
        if (first.lower() in first_names and not is_ambiguous(first)
                and not is_sentence_start(text, m.start("name"))
                and not never_name(name) and name.lower() not in areas):
            found.append(Candidate(m.start("name"), m.end("name"), "name"))
    return found
