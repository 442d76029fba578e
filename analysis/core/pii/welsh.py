"""Places said in Welsh: a town after "yn", "ym" or "yng" ("byw yn Llanidloes", "ym
Mhencader"), a street whose kind comes first ("Maes Gwyn", "Heol Llwyd", "Stryd Fawr") and a
house named with Tŷ ("Tŷ Hafod").

English streets end in their kind ("Mill Lane"), which ``places`` finds; Welsh ones open
with it, and a Welsh town name after "yn" reads to the model like a person's.
"""
from __future__ import annotations

import re

from .common import CAP_WORD, Candidate

__all__ = ["find_welsh_places"]

# "byw yn Llanidloes", "ym Mhencader", "yng Nghaerdydd": Welsh "in", before a capital.
IN_WELSH = re.compile(rf"(?<![\w'’-])(?:yn|ym|yng)[ \t]+(?P<name>{CAP_WORD})(?![\w'’-])")
# Languages and nations after "yn": "yn Gymraeg", "yng Nghymru" name nobody's home.
KEPT = frozenset(["gymraeg", "cymraeg", "saesneg", "nghymru", "cymru", "lloegr", "mhrydain",
                  "iwerddon", "ewrop", "nefoedd"])
# "Maes Gwyn", "Heol y Felin", "Ffordd Las": a street's kind in Welsh, then its name.
STREET = re.compile(
    rf"\b(?P<name>(?:Heol|Ffordd|Stryd|Lôn|Maes|Rhodfa|Cilgant|Teras)[ \t]+(?:(?:y|yr|Y|Yr)"
    rf"[ \t]+)?{CAP_WORD}(?:[ \t]+{CAP_WORD})?)(?![\w'’-])")

# "a room at Tŷ Hafod": Tŷ is "house", and a named house someone stays in is a hostel (the
# spelling with its accent is no one's first name; "Ty" alone is, and is left to the frames).
HOUSE = re.compile(rf"(?<![\w'’-])(?P<name>Tŷ[ \t]+{CAP_WORD}(?:[ \t]+{CAP_WORD})?)(?![\w'’-])")

def find_welsh_places(text: str) -> list[Candidate]:
    """Find towns after Welsh "yn" and streets named the Welsh way round.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``place`` (``hostel`` for a house named with Tŷ).
    """
    found = [Candidate(*m.span("name"), "place") for m in IN_WELSH.finditer(text)
             if m.group("name").lower() not in KEPT]
    found += [Candidate(*m.span("name"), "hostel") for m in HOUSE.finditer(text)]
    return found + [Candidate(*m.span("name"), "place") for m in STREET.finditer(text)]
