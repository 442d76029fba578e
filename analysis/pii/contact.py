"""Detect contact details and identifiers: phones, emails, postcodes, NI and ID numbers, DOBs."""
from __future__ import annotations

import re

from .common import Candidate

__all__ = [
    "find_dates_of_birth", "find_emails", "find_id_numbers", "find_ni_numbers",
    "find_phones", "find_postcodes",
]

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# Said aloud and typed by a transcriber: "lisa dot m at example dot com".
SPOKEN_EMAIL = re.compile(
    r"\b\w+(?:\s+(?:dot|underscore|dash)\s+\w+)*\s+at\s+\w+"
    r"(?:\s+dot\s+\w+)*\s+dot\s+(?:com|co\s+dot\s+uk|org|net|uk|gov|ac|me|io|info)\b",
    re.IGNORECASE,
)

# Royal Mail's published shape for a full postcode (outward + inward), space optional.
POSTCODE = re.compile(
    r"\b(?:GIR\s?0AA|"
    r"(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])\s?[0-9][ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)

# Two letters, three pairs of digits, a final A-D. Deliberately looser than HMRC's rules
# so specimen numbers such as "QQ 12 34 56 C" are caught too.
NI_NUMBER = re.compile(r"\b[A-Z]{2}(?:[ -]?\d{2}){3}[ -]?[A-D]\b", re.IGNORECASE)

# Prison (NOMIS) numbers: a letter, four digits, two letters, e.g. A4821KD.
PRISON_NUMBER = re.compile(r"\b[A-Z]\d{4}[A-Z]{2}\b", re.IGNORECASE)
# Other reference numbers only count after a word saying what they are.
ID_CUE = re.compile(
    r"\b(?:NHS|PNC|CRO|NOMIS|prison|inmate|case|claim|client|customer|patient|tenancy|"
    r"passport|reference|ref|CRN)"
    r"(?:\s+(?:number|no\.?|num|reference|ref|ID))?(?:'s|\s+is|\s+was|\s*[:,])?\s+",
    re.IGNORECASE,
)
ID_VALUE = re.compile(r"(?=[\w/-]*\d)[A-Za-z0-9][\w/-]{2,}(?:\s\d{2,4}){0,3}\b")
ID_MIN_LENGTH = 5  # shorter values after a cue are counts or years ("NHS 111"), not IDs

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
ORDINAL_WORDS = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|thirtieth)"
)
DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{ORDINAL_WORDS})"
YEAR = r"(?:19|20)?\d{2}"
DATE = re.compile(
    rf"\b(?:{DAY}(?:\s+of)?\s+{MONTHS}\b(?:,?\s+(?:19|20)\d{{2}}\b)?"
    rf"|{MONTHS}\s+{DAY}\b(?:,?\s+(?:19|20)\d{{2}}\b)?"
    rf"|\d{{1,2}}[/.-]\d{{1,2}}[/.-]{YEAR}\b)",
    re.IGNORECASE,
)
BORN_YEAR = re.compile(r"\bborn\s+(?:in\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)
DOB_CUE = re.compile(
    r"\b(?:born|DOB|D\.O\.B|date of birth|birth ?date|birthday|b'?day)\b", re.IGNORECASE,
)
# How far a date may sit from its "born"/"DOB" cue, in characters.
CUE_BEFORE, CUE_AFTER = 60, 30


def find_emails(text: str) -> list[Candidate]:
    """Find email addresses, typed or spelled out ("name at example dot com").

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``email``.
    """
    found = [Candidate(m.start(), m.end(), "email") for m in EMAIL.finditer(text)]
    found += [Candidate(m.start(), m.end(), "email") for m in SPOKEN_EMAIL.finditer(text)]
    return found


def find_phones(text: str) -> list[Candidate]:
    """Find UK phone numbers with libphonenumber, in any common written format.

    ``Leniency.POSSIBLE`` is used because stricter levels reject the Ofcom drama
    ranges (07700 900xxx) and some new number blocks; the digit-count and prefix
    checks below keep years and reference numbers out.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``phone``.
    """
    import phonenumbers  # Loaded lazily: its metadata is large.

    found = []
    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        raw = match.raw_string
        digits = sum(ch.isdigit() for ch in raw)
        # UK numbers are written from 0 or +44; dates use "/" and are caught elsewhere.
        if digits >= 10 and raw.lstrip("(").startswith(("0", "+")) and "/" not in raw:
            found.append(Candidate(match.start, match.end, "phone"))
    return found


def find_postcodes(text: str) -> list[Candidate]:
    """Find full UK postcodes, with or without the space, in any case.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``postcode``.
    """
    return [Candidate(m.start(), m.end(), "postcode") for m in POSTCODE.finditer(text)]


def find_ni_numbers(text: str) -> list[Candidate]:
    """Find National Insurance numbers, spaced or not ("QQ 12 34 56 C").

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``NI number``.
    """
    return [Candidate(m.start(), m.end(), "NI number") for m in NI_NUMBER.finditer(text)]


def find_id_numbers(text: str) -> list[Candidate]:
    """Find prison numbers (A4821KD) and reference numbers named as such.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``ID number``.
    """
    found = [Candidate(m.start(), m.end(), "ID number") for m in PRISON_NUMBER.finditer(text)]
    for cue in ID_CUE.finditer(text):
        value = ID_VALUE.match(text, cue.end())
        if value and len(value.group()) >= ID_MIN_LENGTH:
            found.append(Candidate(value.start(), value.end(), "ID number"))
    return found


def find_dates_of_birth(text: str) -> list[Candidate]:
    """Find dates close to "born", "DOB", "date of birth" or "birthday".

    Other dates (release dates, court dates) are left alone: they matter to the
    story and rarely identify anyone on their own.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``date of birth``.
    """
    cues = [(m.start(), m.end()) for m in DOB_CUE.finditer(text)]
    if not cues:
        return []
    found = []
    for m in DATE.finditer(text):
        near = any(
            0 <= m.start() - c_end <= CUE_BEFORE or 0 <= c_start - m.end() <= CUE_AFTER
            for c_start, c_end in cues
        )
        if near:
            found.append(Candidate(m.start(), m.end(), "date of birth"))
    found += [Candidate(m.start(1), m.end(1), "date of birth") for m in BORN_YEAR.finditer(text)]
    return found
