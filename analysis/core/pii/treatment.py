"""A rehab or a detox is treatment, so a named one is a ``[hospital]`` whatever its name
ends in ("rehab at Hope Lodge", "the detox at Pinewood House", "Brook Lodge detox"); a place
someone is housed in (a hostel, a recovery or dry house, supported housing, an approved
premises) stays a ``[hostel]``.

The hostel rules find a named House or Lodge as a home; this pass, run once over every
detector's candidates, relabels one as a hospital when its own clause says treatment and
says no kind of housing. A clause ends at a comma, a semicolon, a sentence's end and at
"then", "but" and "and": "the Orchard for my detox then into the Nest" says detox of the
Orchard only; "after rehab" is a time, not what a place is; and "I moved into Oakdene House,
a dry house" says a dry house of it.
"""
from __future__ import annotations

import re

from .common import Candidate
from .kind_said import apposed_kind
from .word_lists import KIND_NOUNS

__all__ = ["treatment_homes"]

# "got funded for X", "X took me on a community care grant": what pays for a rehab place
# ("when the funding went" says nothing of what a place is).
TREATMENT = re.compile(r"\b(?i:rehabs?|detox(?:ed|ing)?|residential|rehabilitation centre"
                       r"|(?:funded|funding)[ \t]+(?:for|to)|community[ \t]+care)\b")
# Every word for housing but "rehab", which is treatment, and who works in housing ("my
# keyworker at Tollgate Lane rang every rehab going").
HOUSING = re.compile(
    r"\b(?i:" + "|".join(sorted((k for k in KIND_NOUNS["hostel"] if k != "rehab"),
                                key=len, reverse=True))
    + r"|key ?workers?|support workers?|housing officers?)\b")
# "after rehab I moved into ...": a time, not what the place is.
TIME_OF = re.compile(r"\b(?i:after|before|since|from|out of)[ \t]+(?:(?i:my|the|a)[ \t]+)?"
                     r"(?i:rehab|detox)\b")
CLAUSE_END = re.compile(r"[,;.!?\n]|\b(?i:then|but|and)\b")


def _clause(text: str, start: int, end: int) -> str:
    """The words of the clause a span is said in, the span's own words as "X"."""
    ends = [m.end() for m in CLAUSE_END.finditer(text, max(0, start - 120), start)]
    after = CLAUSE_END.search(text, end, min(len(text), end + 120))
    # The span stands as one word: "out of Redbrook rehab" is no "out of rehab".
    return text[ends[-1] if ends else max(0, start - 120):start] + " X " + text[
        end:after.start() if after else min(len(text), end + 120)]


def treatment_homes(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Relabel hostel candidates said as treatment ("rehab at Hope Lodge") as hospitals.

    Args:
        text: the whole text.
        cands: every candidate found so far.

    Returns:
        The candidates, a hostel whose clause says rehab or detox and no housing a hospital.
    """
    return [Candidate(c.start, c.end, "hospital") if c.label == "hostel" and _treated(text, c)
            else c for c in cands]


def _treated(text: str, cand: Candidate) -> bool:
    """Whether a candidate's clause says rehab or detox and no kind of housing."""
    if apposed_kind(text, cand.end) == "hostel":  # "Oakdene House, a dry house"
        return False
    clause = TIME_OF.sub(" ", _clause(text, cand.start, cand.end))
    return bool(TREATMENT.search(clause)) and not HOUSING.search(clause)
