"""Numbers said in words: "oh seven seven double oh nine ...", "account number three one nine two".

Shared by the phone, ID number and UK identifier detectors (``contact``, ``uk_ids``,
``said_ids``), so that each reads a spoken number the same way.
"""
from __future__ import annotations

import re

__all__ = ["DIGIT_WORD", "SPOKEN_ID", "SPOKEN_ID_MIN_DIGITS", "SPOKEN_ITEM", "SPOKEN_NEXT",
           "said_number", "spoken_digits"]

# Said aloud: "oh seven seven double oh nine ...", "oh eight hundred one two three ...",
# "07700 nine hundred ...", "plus four four ...". UK numbers start with 0 and have 10-11
# digits. "Hundred" and "thousand" stand for their zeros only straight after a digit
# ("oh eight hundred" is 0800), never on their own.
DIGIT_WORD = r"(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_ITEM = (rf"(?:(?:(?:double|treble|triple)\s+)?{DIGIT_WORD}(?:[\s-]+(?:hundred|thousand))?"
               rf"|\d{{1,5}})")
SPOKEN_NEXT = rf"(?:[\s,-]+{SPOKEN_ITEM})"
HAS_DIGIT_WORD = re.compile(rf"\b{DIGIT_WORD}\b", re.IGNORECASE | re.ASCII)
# After a cue ("NHS number is four eight five, ..."): a number said in words.
# ASCII: ignoring case, "ı" (dotless i) or "ſ" would match [a-z], though no digit word has them.
SPOKEN_ID = re.compile(rf"{SPOKEN_ITEM}{SPOKEN_NEXT}{{2,}}\b", re.IGNORECASE | re.ASCII)
SPOKEN_ID_MIN_DIGITS = 5
SPOKEN_DIGITS = {"oh": 0, "o": 0, "zero": 0, "nought": 0, "one": 1, "two": 2, "three": 3,
                 "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
SPOKEN_REPEATS = {"double": 2, "treble": 3, "triple": 3}
SPOKEN_ZEROS = {"hundred": 2, "thousand": 3}


def said_number(said: str, min_digits: int) -> bool:
    """Whether words such as "oh seven seven double oh nine ..." say a number this long.

    Counting up one at a time ("zero, one, two, three") is no number, and numbers written
    all in figures are left to the other rules.
    """
    digits = spoken_digits(said)
    counting = all(b == a + 1 for a, b in zip(digits, digits[1:], strict=False))
    return len(digits) >= min_digits and not counting and bool(HAS_DIGIT_WORD.search(said))


def spoken_digits(said: str) -> list[int]:
    """The digits of a spoken number: "double oh" is 0, 0; "eight hundred" 8, 0, 0."""
    digits: list[int] = []
    times = 1
    for word in re.findall(r"[a-z]+|\d+", said.lower(), re.ASCII):
        if word.isdigit():
            digits += [int(d) for d in word]
        elif word == "plus":
            continue
        elif word in SPOKEN_REPEATS:
            times = SPOKEN_REPEATS[word]
        elif word in SPOKEN_ZEROS:
            digits += [0] * SPOKEN_ZEROS[word]
        elif word in SPOKEN_DIGITS:
            digits += [SPOKEN_DIGITS[word]] * times
            times = 1
    return digits
