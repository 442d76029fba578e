"""Names said as someone's children or family by the words straight after them.

"Stella and Carling my two kids", "Brandy, my daughter", "Sherry my eldest": whatever
else the words are (drinks, brands, ordinary words), being someone's child or sister makes
them people, so this outranks the drink and brand rules (``public_names.py``).
"""
from __future__ import annotations

import re

from ..lists import load_set
from .common import CAP_WORD, Candidate
from .name_words import is_ambiguous, never_name, said_as_time

__all__ = ["kin_listed_names", "named_as_kin"]

# Which of someone's family: "my two kids", "our little girl", "me eldest", "my babies".
KIN_WORD = (r"(?:kids?|children|child|sons?|daughters?|girls?|boys?|twins|bab(?:y|ies|ys)"
            r"|grandkids|grandchildren|grand(?:son|daughter)s?|bairns?|weans?|sisters?"
            r"|brothers?|nieces?|nephews?|step(?:son|daughter|kids)s?)")
KIN_ADJECTIVE = (r"(?:two|three|four|five|six|twin|little|lovely|beautiful|baby|eldest|oldest"
                 r"|youngest|middle|older|younger|big|only|step|wee|gorgeous)")
KIN_AFTER = re.compile(
    rf"[ \t]*,?[ \t]+(?i:my|me|our)[ \t]+(?:(?i:{KIN_ADJECTIVE})[ \t]+){{0,3}}(?i:{KIN_WORD})\b"
    # "Sherry my eldest": the eldest said alone is a child too.
    rf"|[ \t]*,?[ \t]+(?i:my|me|our)[ \t]+(?i:eldest|oldest|youngest)\b")
# The names: one, or a list joined by commas, "and", "&" or "n".
NAME_LIST = re.compile(
    rf"(?<![\w'’-])(?P<names>{CAP_WORD}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|&|n)[ \t]+){CAP_WORD})*)")
ONE_NAME = re.compile(CAP_WORD)
KIN_REACH = 300  # characters read either side of a word asked about
# "Joy my kids bring me": a lone name-word before a clause is the word; it is a child only
# when the family words end the phrase ("Hope, my daughter, ...", "Hope my youngest is 4").
PHRASE_ENDS = re.compile(
    r"[ \t]*(?:[,.;:!?)\n-]|$|(?i:is|was|are|were|who|she|he|they|lol|and|but)\b)")


def kin_listed_names(text: str) -> list[Candidate]:
    """Find names said straight before who they are in someone's family.

    Args:
        text: text to search.

    Returns:
        Name candidates, one per name in the list ("Stella and Carling my two kids" gives
        two).
    """
    found = []
    for m in NAME_LIST.finditer(text):
        kin = KIN_AFTER.match(text, m.end())
        if not kin:
            continue
        lone = ONE_NAME.fullmatch(m.group("names"))
        if lone and is_ambiguous(lone.group()) and not PHRASE_ENDS.match(text, kin.end()):
            continue
        for word in ONE_NAME.finditer(m.group("names")):
            start, end = m.start() + word.start(), m.start() + word.end()
            # "In June, my daughter was born": a time, not the daughter.
            # "Leeds and Bradford my kids grew up in": towns, unless also first names.
            town = (word.group().lower() in load_set("broad_areas.txt")
                    and word.group().lower() not in load_set("first_names.txt"))
            if not (never_name(word.group()) or said_as_time(text, start, end) or town):
                found.append(Candidate(start, end, "name"))
    return found


def named_as_kin(text: str, start: int, end: int) -> bool:
    """Say whether the word at start:end is one of a list said to be someone's family.

    Args:
        text: the whole text.
        start: offset of the word.
        end: offset just after it.

    Returns:
        True for "Stella" in "Stella and Carling my two kids".
    """
    # Read near the word only: asked for every drink word, reading the whole text each time
    # took minutes over a long one.
    low = max(0, start - KIN_REACH)
    return any(c.start + low == start and c.end + low == end
               for c in kin_listed_names(text[low:end + KIN_REACH]))
