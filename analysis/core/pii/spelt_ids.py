"""Identifiers spelt out after what they are: "national insurance is Q Q twelve thirty four
fifty six C", "postcode is G thirty three, two A B", "the reg was papa echo six eight, zulu
tango romeo", "date of birth, nine four eighty two", "my number on the wing was K two two one
nine".

Read aloud, a code is a run of letters (one capital at a time, or the phonetic alphabet) and
number words, and nothing else. Such a run straight after a word saying what it is, is that
thing; no sentence of English is made of such a run. Typed forms are ``contact``'s, phones
said aloud ``contact.find_phones``', prison numbers said aloud ``said_ids``'.
"""
from __future__ import annotations

import re

from .common import Candidate
from .contact import POSTCODE, TEENS, TENS
from .said_ids import PHONETIC
from .spoken_numbers import DIGIT_WORD

__all__ = ["find_spelt_ids", "spelt_letters"]

# One token of a spelt code: a capital letter standing alone, a phonetic word, a number word
# or figures. Lower-case single letters are words ("a", "i"), so only capitals count.
NUMBER_TOKEN = (rf"(?:(?i:(?:double|treble|triple)[ \t]+)?(?i:{DIGIT_WORD}|{TEENS}|{TENS})"
                rf"|\d{{1,4}})")
LETTER_TOKEN = rf"(?:[A-Z]|(?i:{PHONETIC}))"
TOKEN = rf"(?:{LETTER_TOKEN}|{NUMBER_TOKEN})(?![\w'’-])"
RUN = re.compile(rf"(?<![\w'’-]){TOKEN}(?:[ \t]*,?[ \t]+{TOKEN})+")
NUMBER_RUN = re.compile(
    rf"(?<![\w'’-]){NUMBER_TOKEN}(?![\w'’-])(?:[ \t]*,?[ \t]+{NUMBER_TOKEN}(?![\w'’-]))+")
LETTER = re.compile(rf"^{LETTER_TOKEN}$")
NUMBER = re.compile(rf"^{NUMBER_TOKEN}$")
# Joins a cue to its value: "is", "was", "'s", a colon or a comma.
JOIN = r"(?:['’]s|[ \t]+(?:is|was|were))?[ \t]*[:,]?[ \t]+"
# What the run is, by the cue before it; "number" alone needs "was"/"is" and a letter in the
# code (a phone said aloud is all digits and is ``contact``'s).
CUES = (
    ("NI number", re.compile(
        rf"\b(?i:national[ \t]+insurance(?:[ \t]+number)?|n\.?i\.?(?:[ \t]+number|[ \t]+no\.?)?)"
        rf"{JOIN}$")),
    ("postcode", re.compile(rf"\b(?i:post[ \t]?code){JOIN}$")),
    ("ID number", re.compile(
        rf"\b(?i:reg(?:istration)?(?:[ \t]+(?:number|plate))?|number[ \t]+plate|plate)"
        rf"{JOIN}$")),
    ("date of birth", re.compile(rf"\b(?i:date[ \t]+of[ \t]+birth|d\.?o\.?b\.?|born){JOIN}$")),
    ("ID number", re.compile(
        r"\b(?i:number)(?:[ \t]+(?i:in|on|at)[ \t]+(?:(?i:the)[ \t]+)?[\w'’]+)?"
        r"[ \t]+(?i:is|was)[ \t]+$")),
)
MIN_TOKENS = {"NI number": 5, "postcode": 4, "ID number": 4, "date of birth": 3}
# Typed in lower case after "postcode" ("postcode is b one two, nine x y"): single letters
# are words there too ("a", "i"), so such a run counts only as far as it spells a full
# postcode; a district alone ("m eight") is kept, as typed ones are.
# Letters said by their names ("el nine", "ess six"): only those no run of English needs.
LETTER_NAMES = {"el": "L", "em": "M", "en": "N", "ess": "S", "ex": "X", "zed": "Z", "aitch": "H",
                "eff": "F", "dee": "D", "gee": "G", "jay": "J", "kay": "K", "vee": "V",
                "why": "Y", "bee": "B", "cee": "C", "pee": "P", "tee": "T"}
LOWER_LETTER = rf"(?:[a-z]|{'|'.join(LETTER_NAMES)})"
LOWER_RUN = re.compile(
    rf"(?<![\w'’-])(?:{LOWER_LETTER}|{NUMBER_TOKEN})(?![\w'’-])(?:[ \t]*,?[ \t]+"
    rf"(?:{LOWER_LETTER}|{NUMBER_TOKEN})(?![\w'’-]))+")
# After "postcode", a sector and a letter of the rest is more than a district ("s six two d
# something"): a few streets (those letters are never C, I, K, M, O or V, so "l nine four x
# i think" ends at the x). A district alone ("m eight") is kept, as typed ones are.
SECTOR_AND_MORE = re.compile(r"[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{1,2}")
# Spelt in full, a postcode needs no cue ("the letter went to g forty two a b"): no
# sentence is made of such a run. Not one opening on "a", an article before letters.
MIN_UNCUED = 5
POSTCODE_CUE = next(cue for label, cue in CUES if label == "postcode")
NI_CUE = next(cue for label, cue in CUES if label == "NI number")
# An NI number typed in lower case after its cue ("my NI's q q one two, ..., c"): two letters,
# six figures and the last letter, as far as the run spells that.
SPELT_NI = re.compile(r"[A-Z]{2}\d{6}[A-D]?")
# Plates and prison numbers typed in lower case after what they are ("reg was k x oh nine f h
# d", "my prison number was a four five two one k d", "the car was y r six one z k p").
ID_CUE = re.compile(
    rf"\b(?:(?i:reg(?:istration)?(?:[ \t]+(?:number|plate))?|number[ \t]+plate|plate"
    r"|car|van|motor)|(?i:prison(?:er)?[ \t]+)?(?i:number)(?:[ \t]+(?i:inside|in[ \t]+there))?)"
    rf"{JOIN}$")
# What such a run must spell: letters and figures mixed, as plates ("YR61ZKP"), prison
# numbers ("A4521KD") and Scottish ones ("GH4219") are; never letters or figures alone.
SPELT_ID = re.compile(r"(?=[A-Z0-9]{6,8}$)(?=(?:\d*[A-Z]){2})(?=(?:[A-Z]*\d){2})[A-Z]+\d+[A-Z]*")
UNITS = ("oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen")
TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNIT_VALUES = {w: str(i) for i, w in enumerate(UNITS)} | {"zero": "0", "o": "0", "nought": "0"}
TEEN_VALUES = {w: str(i) for i, w in enumerate(TEEN_WORDS, 10)}
TENS_VALUES = {w: str(i) for i, w in enumerate(TENS_WORDS, 2)}
REPEATS = {"double": 2, "treble": 3, "triple": 3}


def _kinds(run: str) -> tuple[int, int]:
    """How many letter tokens and number tokens a run holds."""
    tokens = re.split(r"[ \t]*,?[ \t]+", run)
    # "double oh" is one token split in two here; it counts as numbers all the same.
    letters = sum(bool(LETTER.match(t)) and not NUMBER.match(t) for t in tokens)
    return letters, len(tokens) - letters


def find_spelt_ids(text: str) -> list[Candidate]:
    """Find identifiers spelt out straight after the word for what they are.

    A date of birth is number words only ("nine four eighty two"); the others need a
    letter and a number among their words, so "postcode is a nightmare" and "my number was
    up" stay.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``NI number``, ``postcode``, ``ID number`` or ``date of birth``.
    """
    found = []
    for label, cue in CUES:
        pattern = NUMBER_RUN if label == "date of birth" else RUN
        for m in pattern.finditer(text):
            if not cue.search(text, max(0, m.start() - 40), m.start()):
                continue
            letters, numbers = _kinds(m.group())
            if letters + numbers < MIN_TOKENS[label] or not numbers:
                continue
            if label != "date of birth" and not letters:
                continue
            found.append(Candidate(m.start(), m.end(), label))
    return found + _lower_case_postcodes(text) + _lower_case_ids(text) + _lower_case_ni(text)


def spelt_letters(words: list[str]) -> str | None:
    """What letters and number words spell ("b one two" is "B12"); None if a word is neither."""
    out, times, i = "", 1, 0
    while i < len(words):
        word = words[i]
        if word in REPEATS:
            times = REPEATS[word]
        elif word.isdigit():
            out += word
        elif word in TENS_VALUES:
            unit = UNIT_VALUES.get(words[i + 1]) if i + 1 < len(words) else None
            out += TENS_VALUES[word] + (unit if unit and unit != "0" else "0")
            i += bool(unit and unit != "0")
        elif word in TEEN_VALUES:
            out += TEEN_VALUES[word]
        elif word in UNIT_VALUES:
            out += UNIT_VALUES[word] * times
            times = 1
        elif word in LETTER_NAMES:
            out += LETTER_NAMES[word]
        elif len(word) == 1 and word.isalpha():
            out += word.upper()
        else:
            return None
        i += 1
    return out


def _lower_case_postcodes(text: str) -> list[Candidate]:
    """Postcodes spelt in lower case straight after "postcode", as far as they spell one
    (or a sector and more), and spelt in full anywhere."""
    found = []
    for m in LOWER_RUN.finditer(text):
        cued = POSTCODE_CUE.search(text, max(0, m.start() - 40), m.start())
        tokens = list(re.finditer(r"[^\s,]+", m.group()))
        if not cued and (len(tokens) < MIN_UNCUED or tokens[0].group() == "a"):
            continue
        for last in range(len(tokens), MIN_TOKENS["postcode"] - 1, -1):
            spelt = spelt_letters([t.group().lower() for t in tokens[:last]])
            if spelt and (POSTCODE.fullmatch(spelt) or (
                    cued and SECTOR_AND_MORE.fullmatch(spelt))):
                found.append(Candidate(m.start(), m.start() + tokens[last - 1].end(), "postcode"))
                break
    return found


def _lower_case_ids(text: str) -> list[Candidate]:
    """Plates and prison numbers spelt in lower case after what they are, as far as they
    spell letters then figures (then letters): "reg was k x oh nine f h d"."""
    found = []
    for m in LOWER_RUN.finditer(text):
        if not ID_CUE.search(text, max(0, m.start() - 30), m.start()):
            continue
        tokens = list(re.finditer(r"[^\s,]+", m.group()))
        for last in range(len(tokens), MIN_TOKENS["ID number"] - 1, -1):
            spelt = spelt_letters([t.group().lower() for t in tokens[:last]])
            if spelt and SPELT_ID.fullmatch(spelt):
                found.append(Candidate(m.start(), m.start() + tokens[last - 1].end(), "ID number"))
                break
    return found


def _lower_case_ni(text: str) -> list[Candidate]:
    """NI numbers spelt in lower case after their cue, as far as they spell one."""
    found = []
    for m in LOWER_RUN.finditer(text):
        if not NI_CUE.search(text, max(0, m.start() - 40), m.start()):
            continue
        tokens = list(re.finditer(r"[^\s,]+", m.group()))
        for last in range(len(tokens), MIN_TOKENS["NI number"] - 1, -1):
            spelt = spelt_letters([t.group().lower() for t in tokens[:last]])
            if spelt and SPELT_NI.fullmatch(spelt):
                found.append(Candidate(m.start(), m.start() + tokens[last - 1].end(), "NI number"))
                break
    return found
