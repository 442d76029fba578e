"""UK identifiers by their published shapes (NHS, PNC, CRO, probation, licence numbers) and
numbers said after a word naming them (benefit, tenancy, bank, passport references)."""
from __future__ import annotations

import re

from .common import Candidate
from .spoken_numbers import SPOKEN_ID, SPOKEN_ID_MIN_DIGITS, said_number

__all__ = ["find_uk_ids"]

# NHS (and Scottish CHI) numbers: ten digits, written 3-3-4 or run together, whose last
# digit is a modulus-11 check on the rest. The check keeps other ten-digit runs out, and
# a leading 0 is a phone number's.
NHS_NUMBER = re.compile(r"(?<![\w£$.,/-])([1-9]\d{2})([ -]?)(\d{3})\2(\d{4})(?![\w/]|[.,]\d)")
NHS_WEIGHTS, NHS_MODULUS = range(10, 1, -1), 11
# PNC ("12/345678A": year, serial, check letter) and CRO numbers ("012345/99K": serial,
# year, check letter), "SF" for fingerprint-only records. A date has three parts, "24/7" no
# letter, and a flat ("12/3A") too few digits.
PNC_CRO = re.compile(
    r"(?<![\w/])(?:SF[ ]?)?(?:\d{2}/\d{4,7}|\d{4,6}/\d{2})[A-Za-z](?![\w/])")
# Driving licence: five letters of the surname (padded with 9s), six digits from the date
# of birth, two initials (or 9s), a digit, two check letters; an issue number may follow.
DRIVING_LICENCE = re.compile(
    r"(?<![\w])(?=[A-Z9]{0,4}[A-Z])[A-Z9]{5}[ ]?\d{6}[ ]?[A-Z9]{2}\d[ ]?[A-Z]{2}(?:[ ]\d{2})?"
    r"(?![\w])", re.IGNORECASE)
# A capital and six or seven digits: probation case reference numbers (CRN, "X123456") and
# Home Office references ("B1234567/002"); and two capitals and four digits, the older
# prison numbers ("GH4821") unless the four digits are a year ("FY2024").
LETTER_CODES = re.compile(
    r"(?<![\w/])(?:[A-Z]\d{6,7}(?:/\d{1,3})?|[A-Z]{2}(?!19\d\d|20\d\d)\d{4}"
    r"|GWF\d{9})(?![\w/])")  # GWF: a visa application's reference
# A prison number typed in lower case with spaces ("a 4821 kd") counts after its name;
# elsewhere "a 1000 in arrears" is no number.
PRISON_NUMBER_CUED = re.compile(
    r"\b(?:prison(?:er)?|inmate|nomis|my)\s+(?:number|no\.?)(?:\s+(?:is|was))?[:,]?\s+"
    r"(?P<value>[a-z][ -]\d{4}[ -]?[a-z]{2}|[a-z]\d{4}[ -][a-z]{2})\b", re.IGNORECASE)
SORT_CODE = re.compile(
    r"\bsort\s?code(?:\s+(?:is|was|'s))?[:,]?\s+(?P<value>\d{2}([- ]?)\d{2}\2\d{2})(?![\w-])",
    re.IGNORECASE)
# "my UC reference is 7712 3344", "account number 31926819", "tenancy ref TR 55 1234": a
# number after a word naming what it is, in figures with spaces or dashes and at least
# five digits, so "rent is 400" and "licence for 12 months" stay.
NUMBER_CUE = re.compile(
    r"\b(?:UC|universal\s+credit|DWP|HB|housing\s+benefit|council\s+tax|tenancy|account|acc"
    r"|passport|(?:driving\s+)?licence|home\s+office|HO|benefits?|JSA|ESA|PIP|NHS|CHI|PNC|CRO"
    r"|CRN|claim|case|reference|ref|customer|membership)"
    r"(?:\s+(?:number|no\.?|num|reference|ref|ID|claim|account))*"
    r"(?:'s|\s+is|\s+was|\s*[:,])?[ \t]+", re.IGNORECASE)
CUED_VALUE = re.compile(
    r"(?P<value>(?:[A-Z]{1,4}[ /-]?)?\d{1,8}(?:[ /-]\d{1,8}){0,3})(?![\w/£]|[.,]\d)"
    r"(?![ \t]*(?:pounds?|quid|k\b|grand|%|hours?|days?|weeks?|months?|years?))")
CUED_MIN_DIGITS, CUED_MAX_DIGITS = 5, 16
# "licence: 12/12/2025", "licence 12 12 2025" are dates; "PIP was 2021 2022" years.
DATE_LIKE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])([/. -])(?:0?[1-9]|1[0-2])\1(?:19|20)?\d\d$"
                       r"|(?:(?:19|20)\d\d(?:[ /-]|$))+$")


def _nhs_check(digits: str) -> bool:
    """Whether ten digits pass the NHS modulus-11 check."""
    check = (NHS_MODULUS - sum(int(d) * w for d, w in zip(digits, NHS_WEIGHTS, strict=False))
             % NHS_MODULUS) % NHS_MODULUS
    return check == int(digits[9])  # a check of 10 matches no digit: no such number


def find_uk_ids(text: str) -> list[Candidate]:
    """Find UK identifiers by shape, and numbers said after a word naming them.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``ID number``: "943 476 5919" (a valid NHS number),
        "12/345678A", "012345/99K", "X123456", "MORGA657054SM9IJ", "a 4821 kd" after
        "prison number", "sort code 40-47-84", "my UC reference is 7712 3344"; not
        "section 136", "24/7", "in 2019", "£1250".
    """
    found = [Candidate(m.start(), m.end(), "ID number") for m in NHS_NUMBER.finditer(text)
             if _nhs_check("".join(m.group(1, 3, 4)))]
    found += [Candidate(m.start(), m.end(), "ID number")
              for pattern in (PNC_CRO, DRIVING_LICENCE, LETTER_CODES)
              for m in pattern.finditer(text)]
    found += [Candidate(*m.span("value"), "ID number")
              for pattern in (PRISON_NUMBER_CUED, SORT_CODE) for m in pattern.finditer(text)]
    for cue in NUMBER_CUE.finditer(text):
        # "account number three one nine two ...": said in words, as contact.ID_CUE's are.
        said = SPOKEN_ID.match(text, cue.end())
        if said and said_number(said.group(), SPOKEN_ID_MIN_DIGITS):
            found.append(Candidate(said.start(), said.end(), "ID number"))
        value = CUED_VALUE.match(text, cue.end())
        digits = sum(ch.isdigit() for ch in value.group()) if value else 0
        if (value and CUED_MIN_DIGITS <= digits <= CUED_MAX_DIGITS
                and not DATE_LIKE.match(value.group())):
            found.append(Candidate(*value.span("value"), "ID number"))
    return found
