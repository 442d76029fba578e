"""Prison numbers said aloud, letter by letter: "alpha one two three four bravo charlie",
"A one two three four B C", "Victor twelve thirty-four Sierra Tango", "A 12 34 BC"."""
from __future__ import annotations

import re

from .common import Candidate
from .contact import TEENS, TENS, UNITS
from .spoken_numbers import DIGIT_WORD, SPOKEN_ITEM, spoken_digits

__all__ = ["find_said_prison_numbers"]

PRISON_NUMBER_DIGITS = 4  # NOMIS: a letter, four digits, two letters (A1234BC)
# The phonetic alphabet, as officers and prisoners read numbers over a radio or at a gate.
PHONETIC = (
    r"(?:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike"
    r"|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiske?y|x-?ray|yankee"
    r"|zulu)"
)
# A phonetic word in any case, or one letter on its own ("a one two three four b c").
LETTER = rf"(?:(?i:{PHONETIC})|[A-Za-z])"
SEP = r"[ \t,.-]+"
# "twelve thirty-four": digits said in pairs, two at a time.
PAIR = rf"(?:{TEENS}|{TENS}(?:[- ]{UNITS})?)"
DIGITS = rf"(?i:(?:{PAIR}|{SPOKEN_ITEM})(?:{SEP}(?:{PAIR}|{SPOKEN_ITEM})){{0,3}})"
SAID_PRISON_NUMBER = re.compile(
    rf"(?<![\w'’-]){LETTER}{SEP}(?P<digits>{DIGITS}){SEP}"
    rf"(?:(?i:double){SEP}{LETTER}|{LETTER}(?:{SEP})?{LETTER})(?![\w'’-])"
)
PAIR_WORD = re.compile(rf"\b{PAIR}\b", re.IGNORECASE)
# Said, not typed: a lower-case letter counts only beside a phonetic or number word, as
# contact.PRISON_NUMBER_SPACED keeps typed capitals only ("a 1000 in arrears" stays).
SAID = re.compile(rf"\b(?:{PHONETIC}|{DIGIT_WORD}|{TEENS}|{TENS})\b", re.IGNORECASE)


# "a twelve thirty a m start": a time said aloud ends in "a m" or "p m", like a number's two
# letters; it is the time (a prison number ending AM or PM said so is missed: rare).
SAID_TIME = re.compile(r"(?<![\w'’-])[apAP][ \t.]*[mM]\.?$")


def _digit_count(said: str) -> int:
    pairs = PAIR_WORD.findall(said)
    return 2 * len(pairs) + len(spoken_digits(PAIR_WORD.sub(" ", said)))


def find_said_prison_numbers(text: str) -> list[Candidate]:
    """Find prison numbers said a letter and a digit at a time.

    A letter (or its phonetic word), four digits (one by one, in pairs, or in figures) and
    two letters ("double B" is two). Four digits and no fewer, so "alpha course one two
    three four weeks" stays; counting up in words between letters is still a number.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``ID number``.
    """
    return [Candidate(m.start(), m.end(), "ID number")
            for m in SAID_PRISON_NUMBER.finditer(text)
            if _digit_count(m.group("digits")) == PRISON_NUMBER_DIGITS
            and (SAID.search(m.group()) or not any(ch.islower() for ch in m.group()))
            and not SAID_TIME.search(m.group())]
