"""Things said like people's names: brands, programmes, characters, drinks and drugs.

"Marks and Spencer", "Harry Potter", "Holby City", "Crystal meth" and "a bottle of Brandy"
name nobody, yet every name route can propose them (the model tags "Spencer" and "Brandy"
as people, "Crystal" is a listed first name, "Coronation Street" looks like an address).
Two kinds: phrases in ``data/public_names.txt`` (and the multi-word services of
``not_names.txt``), which are never a person wherever they stand; and single words that are
drinks or drugs as well as names, which the sentence decides.
"""
from __future__ import annotations

import re
from functools import cache

from ..lists import load_list
from .common import Candidate
from .name_words import shows_a_person

__all__ = ["drop_public_names", "said_as_substance"]

# Drinks people name by brand or kind that are said like a name ("Brandy in my coffee",
# "Stella for breakfast"): the drink unless the sentence shows someone ("Stella said").
DRINKS = frozenset(["brandy", "sherry", "stella", "carling", "strongbow", "guinness", "baileys",
                    "bailey's", "smirnoff", "bacardi", "buckfast", "fosters", "foster's",
                    "magners", "kronenbourg", "jameson", "jamesons", "jameson's", "glen's"])
# Street names for drugs that are common first names: only said as the drug ("on Crystal",
# "a bag of Charlie"), since "Charlie said" and "me and Molly" are people. Not after "off":
# who a drug is had off is a person ("got it off Charlie").
DRUGS = frozenset(["crystal", "charlie", "mandy", "molly", "tina", "henry"])
TAKING_BEFORE = re.compile(
    r"\b(?i:on|doing|did|do|took|take|taking|sniffed|sniffing|smoked|smoking|snorted|snorting"
    r"|using|injecting|selling|dealing|into|addicted[ \t]+to|hooked[ \t]+on"
    r"|(?:bags?|lines?|grams?|wraps?|bits?)[ \t]+of)[ \t]+(?:(?i:the|some)[ \t]+)?$")


@cache
def _phrases() -> re.Pattern[str]:
    entries = list(load_list("public_names.txt")) + [
        e for e in load_list("not_names.txt") if " " in e.strip()]
    parts = []
    for entry in sorted({e.lower() for e in entries}, key=len, reverse=True):
        # "Marks & Spencer", "Marks n Spencer": one shop however "and" is said.
        words = ["(?:and|&|n)" if w == "and" else re.escape(w).replace("'", "['’]?")
                 for w in entry.split()]
        parts.append(r"[ \t]+".join(words))
    return re.compile(rf"(?<![\w'’])(?i:{'|'.join(parts)})(?![\w])")


def drop_public_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop names, places and homes found wholly inside a brand, programme or character,
    and drinks or drugs said as one ("Brandy in my coffee", "on Crystal").

    Args:
        text: the text the candidates point into.
        cands: candidates from every detector.

    Returns:
        The candidates left: other labels, and any over more than the phrase
        ("Ronald McDonald" inside "Ronald McDonald House" goes; "14 Coronation Street" stays).
    """
    spans = [m.span() for m in _phrases().finditer(text)]
    return [c for c in cands
            if c.label not in ("name", "place", "hostel")
            or not (any(s <= c.start and c.end <= e for s, e in spans)
                    or said_as_substance(text, c.start, c.end))]


def said_as_substance(text: str, start: int, end: int) -> bool:
    """Say whether a name candidate is a drink or drug said as one.

    Args:
        text: the whole text.
        start: where the word starts.
        end: where it ends.

    Returns:
        True for "Brandy in my coffee" and "I was on Crystal for two years" (a place too:
        the model calls that one a location); False for
        "Stella said", "me and Crystal", "got it off Charlie", and any other word.
    """
    word = text[start:end].lower()
    if word in DRINKS:
        return not shows_a_person(text, start, end)
    if word in DRUGS:
        return bool(TAKING_BEFORE.search(text[max(0, start - 25):start]))
    return False
