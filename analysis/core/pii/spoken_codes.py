"""Codes said aloud or typed with no shape cue the other detectors read.

* A postcode spelt after "postcode" with letters said by names that are words elsewhere
  ("ay" for A, "arr" for R, "cue" for Q, "you" for U): only as far as the run spells a full
  postcode, so "postcode is ay, I forget" is kept (``spelt_ids`` reads the other names).
* A mobile said without its first oh after "my number is" or "my mobile's": ten digits
  from a 7 ("seven seven double oh, nine ..."), as ``contact.CALL_ME_ON`` reads after
  "call me on".
* A court or case number typed as one code of letters and figures with five or more
  figures ("T20241187", "LV23P01942"): no word of English, year or road is shaped so.
* A warrant or court number after its cue ("warrant number was KX 4471/20").
"""
from __future__ import annotations

import re

from .common import Candidate
from .contact import ID_VALUE, POSTCODE
from .spelt_ids import LETTER_NAMES, NUMBER_TOKEN, POSTCODE_CUE, spelt_letters
from .spoken_numbers import SPOKEN_ID, spoken_digits

__all__ = ["find_spoken_codes"]

# Letter names no run of English needs after "postcode" but which are words elsewhere.
MORE_LETTER_NAMES = {"ay": "a", "ai": "a", "arr": "r", "ar": "r", "cue": "q", "queue": "q",
                     "you": "u", "eye": "i", "doubleyou": "w", "double-you": "w"}
SAID_LETTER = rf"(?:[a-z]|{'|'.join(map(re.escape, {*LETTER_NAMES, *MORE_LETTER_NAMES}))})"
SAID_RUN = re.compile(
    rf"(?<![\w'’-])(?:{SAID_LETTER}|{NUMBER_TOKEN})(?![\w'’-])(?:[ \t]*,?[ \t]+"
    rf"(?:{SAID_LETTER}|{NUMBER_TOKEN})(?![\w'’-]))+", re.IGNORECASE)
MIN_POSTCODE_TOKENS = 4
# "my number is seven seven ...", "my mobile's", "my phone number was": a phone's cue.
MY_NUMBER = re.compile(
    rf"\b(?i:my|her|his|me)[ \t]+(?i:(?:phone|mobile|mob)[ \t]+)?(?i:number|mobile|phone)"
    rf"(?:['’]s|[ \t]+(?i:is|was|'s))?[ \t]*[:,]?[ \t]+(?P<said>(?=(?i:seven)\b)"
    rf"{SPOKEN_ID.pattern})", re.IGNORECASE | re.ASCII)
MOBILE_DIGITS = 10  # a mobile without its first 0: 7 and nine more
# One code, capitals and figures, with five figures or more and a letter; never a postcode.
CODE = re.compile(r"(?<![\w/-])(?=[A-Z0-9]{7,14}(?![\w/-]))(?=(?:[A-Z]*\d){5})"
                  r"[A-Z]{1,3}\d+(?:[A-Z]{1,2}\d+)?[A-Z]?(?![\w/-])")
COURT_CUE = re.compile(
    r"\b(?i:warrant|court|docket|hearing|indictment)[ \t]+(?i:number|no\.?|ref(?:erence)?)"
    r"(?:['’]s|[ \t]+(?i:is|was)|[ \t]*[:,])?[ \t]+")
MIN_CODE = 5


def _postcodes(text: str) -> list[Candidate]:
    """Postcodes spelt after their cue with any letter names, as far as they spell one."""
    found = []
    for m in SAID_RUN.finditer(text):
        if not POSTCODE_CUE.search(text, max(0, m.start() - 40), m.start()):
            continue
        tokens = list(re.finditer(r"[^\s,]+", m.group()))
        for last in range(len(tokens), MIN_POSTCODE_TOKENS - 1, -1):
            words = [MORE_LETTER_NAMES.get(t.group().lower(), t.group().lower())
                     for t in tokens[:last]]
            spelt = spelt_letters(words)
            if spelt and POSTCODE.fullmatch(spelt):
                found.append(Candidate(m.start(), m.start() + tokens[last - 1].end(), "postcode"))
                break
    return found


def find_spoken_codes(text: str) -> list[Candidate]:
    """Find postcodes spelt with any letter names, mobiles said without their first oh after
    "my number is", court numbers typed as one code, and numbers after a warrant's cue.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``postcode``, ``phone`` or ``ID number``.
    """
    found = _postcodes(text)
    found += [Candidate(*m.span("said"), "phone") for m in MY_NUMBER.finditer(text)
              if len(spoken_digits(m.group("said"))) == MOBILE_DIGITS]
    found += [Candidate(m.start(), m.end(), "ID number") for m in CODE.finditer(text)
              if not POSTCODE.fullmatch(m.group())]
    for cue in COURT_CUE.finditer(text):
        value = ID_VALUE.match(text, cue.end())
        if value and len(value.group()) >= MIN_CODE:
            found.append(Candidate(value.start(), value.end(), "ID number"))
    return found
