"""Detect contact details and identifiers: phones, emails, postcodes, NI and ID numbers, DOBs."""
from __future__ import annotations

import re

from .common import Candidate, every_match
from .foreign_months import FOREIGN_DATE
from .id_shapes import HANDLE_AFTER_APP, HOLIDAY, VEHICLE_CUE, find_handles, find_plates
from .references import find_cued_references
from .spoken_numbers import (
    SPOKEN_ID,
    SPOKEN_ID_MIN_DIGITS,
    SPOKEN_NEXT,
    said_number,
    spoken_digits,
)
from .uk_ids import find_uk_ids

__all__ = [
    "HANDLE_AFTER_APP", "find_dates_of_birth", "find_emails", "find_id_numbers", "find_ni_numbers",
    "find_phones", "find_postcodes",
]

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# Said aloud and typed by a transcriber: "lisa dot m at example dot com".
SPOKEN_EMAIL = re.compile(
    r"\b\w+(?:\s+(?:dot|underscore|dash)\s+\w+)*\s+at\s+\w+"
    r"(?:\s+dot\s+\w+)*\s+dot\s+(?:com|co\s+dot\s+uk|org|net|uk|gov|ac|me|io|info)\b",
    re.IGNORECASE,
)

# Said aloud: "oh seven seven double oh nine ..." (``spoken_numbers``); UK numbers start with
# 0 and have 10-11 digits.
SPOKEN_PHONE = re.compile(
    rf"(?<![\w-])(?:oh|zero|nought|plus[\s-]+four[\s-]+four|0\d*){SPOKEN_NEXT}{{2,}}\b",
    re.IGNORECASE | re.ASCII,
)
SPOKEN_MIN_DIGITS = 10
# "call me on seven seven double oh nine ...": a mobile said without its first oh, only
# straight after being asked to ring or text, and only with a mobile's 7 and ten digits.
CALL_ME_ON = re.compile(
    rf"\b(?:call|ring|text|phone|bell|whatsapp)\s+(?:me|us)\s+on\s+(?P<said>(?=seven\b)"
    rf"{SPOKEN_ID.pattern})", re.IGNORECASE | re.ASCII)

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
# Written with spaces ("A 1234 BC", "A1234 BC"): capitals only, so "a 1000 in arrears" stays.
PRISON_NUMBER_SPACED = re.compile(r"\b[A-Z](?:[ -]\d{4}[ -]?|\d{4}[ -])[A-Z]{2}\b")
# Number plates in the current format (AB12 CDE); no other UK reference looks like one.
VEHICLE_REG = re.compile(r"\b[A-Z]{2}\d{2}[ ]?[A-Z]{3}\b")
VEHICLE_REG_ANY_CASE = re.compile(VEHICLE_REG.pattern, re.IGNORECASE)
# Older plates ("P789 XYZ", "ABC 123D") look like other codes, so only near a vehicle word.
VEHICLE_REG_OLD = re.compile(r"\b(?:[A-Z]\d{1,3}[ ]?[A-Z]{3}|[A-Z]{3}[ ]?\d{1,3}[A-Z])\b")
# A police officer's collar number: "PC 4471", "shoulder number 2231".
COLLAR_NUMBER = re.compile(
    r"\b(?:PC|PCSO|DC|PS|DS|Sgt"
    r"|(?i:sergeant|constable|collar|shoulder|badge)(?:\s+(?i:number|no\.?))?)"
    r"(?:\s+(?:is|was))?:?\s+(?P<number>\d{2,5})\b"
)
# Social media handles ("@jodie_w88"): the @ not inside an email address.
HANDLE = re.compile(r"(?<![\w.@+'-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
# Other reference numbers only count after a word saying what they are.
ID_CUE = re.compile(
    r"\b(?:NHS|PNC|CRO|NOMIS|prison|inmate|case|claim|client|customer|patient|tenancy|"
    r"passport|reference|ref|CRN|crime)"
    r"(?:\s+(?:number|no\.?|num|reference|ref|ID))?"
    r"(?:\s+(?:with|at|from|for)\s+(?:the\s+|my\s+)?[a-z]+)?"  # "case number with the council"
    r"(?:'s|\s+is|\s+was|\s*[:,])?\s+",
    re.IGNORECASE,
)
# A force's letters may stand before the number ("crime number MP 0391882/23").
ID_VALUE = re.compile(
    r"(?:[A-Z]{1,3}[ \t](?=\d))?(?=[\w/-]*\d)[A-Za-z0-9][\w/-]{2,}(?:\s\d{2,4}){0,3}\b")
PHONE_MIN_DIGITS = 10  # a UK number has 10 or 11 digits; fewer is a count or a time
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
# Years as people say them: 1985, '85 (transcribers write both), "nineteen eighty-five".
TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
SPOKEN_YEAR = (rf"(?:nineteen[- ](?:{TENS}(?:[- ]{UNITS})?|{TEENS}|oh[- ]{UNITS})"
               rf"|two[- ]thousand(?:[- ]and)?(?:[- ](?:{TEENS}|{UNITS}))?)")
FULL_YEAR = rf"(?:(?:19|20)\d{{2}}|['’]\d{{2}}|{SPOKEN_YEAR})"
# After a month a bare two-digit year ("3 March 85", "eighty-seven") is still a year.
MONTH_YEAR = rf"(?:{FULL_YEAR}|\d{{2}}|{TENS}(?:[- ]{UNITS})?)"
DATE = re.compile(
    rf"(?:\b{DAY},?(?:\s+of)?\s+{MONTHS}\b(?:\.?,?\s+{MONTH_YEAR}(?![\w’']))?"
    rf"|\b{MONTHS}\b\.?\s+(?:the\s+)?{DAY}\b(?:,?\s+{MONTH_YEAR}(?![\w’']))?"
    rf"|\b{MONTHS}\b\.?,?\s+(?:of\s+)?{FULL_YEAR}(?![\w’'])"
    # "the 3rd of the 4th, '91": the month said as its number.
    rf"|\b{DAY}\s+of\s+the\s+{DAY}\b(?:,?\s+{MONTH_YEAR}(?![\w’']))?"
    rf"|\b\d{{1,2}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?{YEAR}\b"
    rf"|\b(?:19|20)\d{{2}}[/.-]\d{{1,2}}[/.-]\d{{1,2}}\b)",
    re.IGNORECASE,
)
# "born in 1985", "born '85", "born in nineteen eighty-five": a year alone after "born".
# "born in 88", "born in eighty-eight": after "born in" two digits are a year too, not "born
# in 12 hours".
BORN_YEAR = re.compile(
    rf"\bborn\s+(?:in\s+)?(?:the\s+year\s+)?({FULL_YEAR})(?![\w’'])"
    rf"|\bborn\s+in\s+(\d{{2}}|{TENS}[- ]{UNITS})(?![\w’'])"
    r"(?!\s+(?:hours?|days?|weeks?|months?|minutes?|mins?|degrees?)\b)",
    re.IGNORECASE)
DOB_CUE = re.compile(
    r"(?:\b(?:born|DOB|D\.\s?O\.\s?B|date\s+of\s+birth|birth\s?date|birthday|b['’]?day)\b"
    r"|\bd\.o\.b\.)", re.IGNORECASE,
)
OTHER_DATE_BEFORE = re.compile(
    r"\b(?:court|hearing|trial|sentenc(?:e|ed|ing)|released?|release[ \t]+date|appointment"
    r"|appeal|parole|tribunal|licence|due[ \t]+back|signing)\b(?:[ \t]+[\w'’]+){0,3}[ \t]+$",
    re.IGNORECASE)
# "I turned 30 on the 4th of May", "I'll be forty on 12 June": the age someone turns on a
# date makes it their birthday; "a typical scorpio, 2nd Nov 88": so does a star sign.
AGE_CUE = re.compile(
    rf"\b(?:turn(?:ed|s|ing)?|(?:i['’]?ll|ill|will|gonna|going[ \t]+to)[ \t]+be)[ \t]+"
    # An age, not a time clean or sober ("I'll be 2 years clean on ...").
    rf"(?:\d{{1,2}}|{TENS}(?:[- ]{UNITS})?|{TEENS}|{UNITS})\b"
    r"(?![ \t]+(?:years?|months?|weeks?|days?)\b(?![ \t]+old))"
    r"|\b(?:an?|typical|i['’]?m|im)[ \t]+(?:aries|taurus|gemini|cancer|leo|virgo|libra|scorpio"
    r"|sagittarius|capricorn|aquarius|pisces)\b", re.IGNORECASE)
# "i'm forty, nineteenth of may eighty six": a full date said straight after one's age is
# when one was born; only with a year, so "i'm forty, fourth of june is when ..." stays.
AGE_NOW_BEFORE = re.compile(
    rf"\b(?:i['’]?m|im|i[ \t]+am)[ \t]+(?:\d{{1,2}}|{TENS}(?:[- ]{UNITS})?|{TEENS})"
    r"(?:[ \t]+years?[ \t]+old)?[ \t]*[,;:–-][ \t]*(?:yeah[ \t]*,?[ \t]*)?$", re.IGNORECASE)
DATE_WITH_YEAR = re.compile(rf"(?:{MONTH_YEAR})$", re.IGNORECASE)
# How far a date may sit from its "born"/"DOB" cue, in characters.
CUE_BEFORE, CUE_AFTER = 60, 30
# "I'm a 3rd of May 1990 baby": a date said as what kind of baby someone was is their
# birth date; only straight after the date, so "in June 2019 my baby was taken" stays.
BABY_AFTER = re.compile(r"[ \t]+(?:baby|babby)\b", re.IGNORECASE)


def find_emails(text: str) -> list[Candidate]:
    """Find email addresses, typed or spelled out ("name at example dot com").

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``email``.
    """
    found = every_match(EMAIL, text, "email")
    found += every_match(SPOKEN_EMAIL, text, "email")
    # A handle finds a person as surely as their name does, so it is hidden as one.
    found += every_match(HANDLE, text, "name")
    found += find_handles(text)
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
        if digits >= PHONE_MIN_DIGITS and raw.lstrip("(").startswith(("0", "+")) and "/" not in raw:
            found.append(Candidate(match.start, match.end, "phone"))
    for candidate in every_match(SPOKEN_PHONE, text, "phone"):
        if said_number(text[candidate.start:candidate.end], SPOKEN_MIN_DIGITS):
            found.append(candidate)
    found += [Candidate(*m.span("said"), "phone") for m in CALL_ME_ON.finditer(text)
              if len(spoken_digits(m.group("said"))) == SPOKEN_MIN_DIGITS]
    return found


def find_postcodes(text: str) -> list[Candidate]:
    """Find full UK postcodes, with or without the space, in any case.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``postcode``.
    """
    return every_match(POSTCODE, text, "postcode")


def find_ni_numbers(text: str) -> list[Candidate]:
    """Find National Insurance numbers, spaced or not ("QQ 12 34 56 C").

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``NI number``.
    """
    return every_match(NI_NUMBER, text, "NI number")


def find_id_numbers(text: str) -> list[Candidate]:
    """Find prison numbers (A4821KD), number plates, collar numbers and named references
    (prison numbers said letter by letter are ``said_ids``').

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``ID number``.
    """
    found = [Candidate(m.start(), m.end(), "ID number")
             for pattern in (PRISON_NUMBER, PRISON_NUMBER_SPACED, VEHICLE_REG)
             for m in pattern.finditer(text)]
    found += [Candidate(m.start("number"), m.end("number"), "ID number")
              for m in COLLAR_NUMBER.finditer(text)]
    # Older plates, and any typed in lower case ("bd62 xtr"), only near a vehicle word.
    found += [Candidate(m.start(), m.end(), "ID number")
              for pattern in (VEHICLE_REG_OLD, VEHICLE_REG_ANY_CASE) for m in pattern.finditer(text)
              if VEHICLE_CUE.search(text[max(0, m.start() - 60):m.end() + 60])]
    found += find_cued_references(text) + find_uk_ids(text) + find_plates(text)
    for cue in ID_CUE.finditer(text):
        value = ID_VALUE.match(text, cue.end())
        if value and len(value.group()) >= ID_MIN_LENGTH:
            found.append(Candidate(value.start(), value.end(), "ID number"))
        said = SPOKEN_ID.match(text, cue.end())
        if said and said_number(said.group(), SPOKEN_ID_MIN_DIGITS):
            found.append(Candidate(said.start(), said.end(), "ID number"))
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
    cues = [m.span() for pattern in (DOB_CUE, AGE_CUE) for m in pattern.finditer(text)]
    found = []
    dates = [m.span() for pattern in (DATE, FOREIGN_DATE) for m in pattern.finditer(text)]
    holidays = [m.span("day" if m.group("day") else "dated") for m in HOLIDAY.finditer(text)]
    for m_start, m_end in dates + holidays:
        near = any(
            0 <= m_start - c_end <= CUE_BEFORE or 0 <= c_start - m_end <= CUE_AFTER
            for c_start, c_end in cues
        )
        # "dob is 9th Oct 1979, court is the 3rd of march": a date said as a court's,
        # a release's or an appointment's is that, whatever cue is near.
        other = OTHER_DATE_BEFORE.search(text, max(0, m_start - 30), m_start)
        if other and not DOB_CUE.search(text, other.start(), m_start):
            continue
        age_now = (AGE_NOW_BEFORE.search(text, max(0, m_start - 40), m_start)
                   and DATE_WITH_YEAR.search(text[m_start:m_end]))
        if near or age_now or ((m_start, m_end) in dates and BABY_AFTER.match(text, m_end)):
            found.append(Candidate(m_start, m_end, "date of birth"))
    found += [Candidate(*m.span(1 if m.group(1) else 2), "date of birth")
              for m in BORN_YEAR.finditer(text)]
    return found
