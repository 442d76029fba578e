"""Reference numbers shaped like one (BX2841, HB/2291/0473) said a few words after a cue."""
from __future__ import annotations

import re

from .common import Candidate

__all__ = ["find_cued_references"]

# "my number is BX2841", "the reference for my housing benefit claim is HB/2291/0473": a
# value shaped like a reference (letters and digits, or parts between slashes) a few words
# after a cue, or after a bare "number". Roads and junctions ("the A1", "M62") have one
# letter and fewer digits; dates with slashes are dates.
LOOSE_ID_CUE = re.compile(r"\b(?i:number|no\.|ref|reference|case|claim)\b")
ID_SHAPED = re.compile(
    r"(?<![\w/])(?:[A-Z]{2,4}[/-]?\d{3,}[A-Z]?(?:[/-][A-Z0-9]+)*"
    r"|[A-Z]{1,4}\d*(?:/[A-Z0-9]*\d[A-Z0-9]*){2,})(?![\w/])")
LOOSE_ID_GAP = re.compile(r"(?:['’]s)?(?:[ \t]+[\w'’]+){0,6}?[ \t]*[:,]?[ \t]+$")
CUE_REACH = 60  # characters before the value a cue may be said


def find_cued_references(text: str) -> list[Candidate]:
    """Find values shaped like a reference a few words after "number", "ref" or "claim".

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``ID number``: "my number is BX2841", "the reference for my
        housing benefit claim is HB/2291/0473"; not "the A1", "case number M62".
    """
    found = []
    for m in ID_SHAPED.finditer(text):
        before = text[max(0, m.start() - CUE_REACH):m.start()]
        cues = list(LOOSE_ID_CUE.finditer(before))
        if cues and LOOSE_ID_GAP.fullmatch(before[cues[-1].end():]):
            found.append(Candidate(m.start(), m.end(), "ID number"))
    return found
