"""Identifiers in shapes the main patterns miss: number plates from before 2001 and from
Northern Ireland ("P432 KLM", "LEZ 4721"), social media handles typed without the @ after the
app ("my tiktok's wee.ali.x", "on youtube as SoberSarahSays"), and a birthday said as a
festival with its year ("born christmas eve 1983"). Read by ``contact``.
"""
from __future__ import annotations

import re

from .common import Candidate

__all__ = ["HANDLE_AFTER_APP", "HOLIDAY", "find_plates", "find_handles"]

# Words that put a vehicle in the sentence; an old or Northern Irish plate is only taken near
# one, or in a shape nothing else in UK speech has (below).
VEHICLE_CUE = re.compile(r"\b(?i:car|cars|van|motor|motorbike|bike|reg|plate|plates"
                         r"|registration|vehicle|drove|driving|banger|taxed|tax|insured|mot"
                         r"|dvla|clamped|towed|parked|motors)\b")
# Before 2001 a plate opened on the year letter: "P432 KLM", "K71 TRD" (letter, 1-3 digits,
# three letters); written in capitals with the space, nothing else said aloud has the shape.
PREFIX_PLATE = re.compile(r"\b[A-Z]\d{1,3} [A-Z]{3}\b")
# Northern Ireland's plates carry a county code with an I or a Z ("LEZ 4721", "BIZ 9930",
# "OI 234"): up to three letters ending in the code, then one to four digits.
NI_CODES = ("AZ|BZ|CZ|DZ|EZ|FZ|GZ|HZ|IA|IB|IG|IJ|IL|IW|JI|JZ|KZ|LZ|MZ|NZ|OI|OZ|PZ|RZ|SZ|TZ"
            "|UI|UZ|WZ|XI|XZ|YZ")
NI_PLATE = re.compile(rf"\b[A-Z]?(?:{NI_CODES})[ ]?\d{{1,4}}\b")
# Three letters and three or four digits with the code is a plate wherever it is said;
# shorter ones ("EZ 12") only near a vehicle word.
NI_PLATE_FULL = re.compile(rf"\b[A-Z](?:{NI_CODES}) \d{{3,4}}\b")
# Letters people say that are no plate's ("NHS 111 EMERGENCY").
ACRONYMS = frozenset(["NHS", "HMP", "YOI", "CRC", "NPS", "DWP", "PIP", "ESA", "JSA", "GP"])
VEHICLE_REACH = 60  # characters either side of a plate read for a vehicle word

APPS = (r"snapchat|snap|insta|instagram|tiktok|tik[ \t]+tok|twitter|facebook|fb|youtube"
        r"|twitch|threads|x\.com")
# Handles typed without the @ after the app ("snapchat is bigjay_92", "my insta is
# tazzy.b_91", "my tiktok's wee.ali.x"): only with a digit, "_" or "." inside, so "on insta
# as well" stays.
HANDLE_AFTER_APP = re.compile(
    rf"\b(?i:{APPS})\b"
    r"(?:[ \t]+(?i:name|handle|username|account|channel))?"
    r"(?:[ \t]*:|['’]s|[ \t]*,?[ \t]+(?i:is|as|it's|its|i'm|im|me))?[ \t]+"
    # The letters before the first digit, "_" or "." are passed once (possessive): two open
    # runs of [\w.] back to back took minutes over a long run of "_" after "snap me".
    r"(?P<handle>(?=[\w.]*[A-Za-z])(?=[^\W\d_]*+[\d_.][\w.]*[A-Za-z0-9])"
    r"[A-Za-z0-9_][\w.]*[A-Za-z0-9_])"
)
# "on youtube as BigMarkRecovery", "on TikTok, I'm SoberSarahSays": words run together with
# capitals inside are a handle, never English; only after the app and who the speaker is
# there, so "on facebook as Mark" (a name, found elsewhere) is not read here.
CAMEL_HANDLE_AFTER_APP = re.compile(
    rf"\b(?i:{APPS})\b(?:[ \t]+(?i:name|handle|username|account|channel))?"
    r"(?:['’]s|[ \t]*:|[ \t]*,?[ \t]+(?i:is|as|i['’]?m|called))[ \t]+"
    r"(?P<handle>[A-Za-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+\d*)(?![\w.])")

# "born on Christmas Day", "born christmas eve 1983", "I'll be 50 on Boxing Day": a day that
# falls on one date each year is a date; said without "on" only with its year after.
HOLIDAY_DAY = (r"(?:christmas|boxing|new[ \t]+year['’]?s|valentine['’]?s|st\.?[ \t]+patrick['’]?s"
               r"|st\.?[ \t]+andrew['’]?s|st\.?[ \t]+david['’]?s|st\.?[ \t]+george['’]?s"
               r"|guy[ \t]+fawkes|burns|bonfire|remembrance)[ \t]+(?:day|eve|night)"
               r"|halloween|hogmanay")
HOLIDAY = re.compile(
    rf"\bon[ \t]+(?P<day>{HOLIDAY_DAY})\b"
    rf"|\b(?P<dated>(?:{HOLIDAY_DAY}),?[ \t]+(?:19|20)\d{{2}})\b",
    re.IGNORECASE)


def find_plates(text: str) -> list[Candidate]:
    """Find number plates from before 2001 and from Northern Ireland.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``ID number``: "P432 KLM" and "LEZ 4721" anywhere, shorter
        Northern Irish ones ("OI 234") near a vehicle word; never a service's letters.
    """
    found = []
    for pattern in (PREFIX_PLATE, NI_PLATE_FULL, NI_PLATE):
        for m in pattern.finditer(text):
            letters = re.sub(r"[\d ]", "", m.group())
            if letters in ACRONYMS or m.group()[-3:] in ACRONYMS:
                continue
            if pattern is NI_PLATE and not VEHICLE_CUE.search(
                    text[max(0, m.start() - VEHICLE_REACH):m.end() + VEHICLE_REACH]):
                continue
            found.append(Candidate(m.start(), m.end(), "ID number"))
    return found


def find_handles(text: str) -> list[Candidate]:
    """Find handles typed after the app without the @.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``name`` (a handle finds a person as surely as a name does).
    """
    return [Candidate(*m.span("handle"), "name")
            for pattern in (HANDLE_AFTER_APP, CAMEL_HANDLE_AFTER_APP)
            for m in pattern.finditer(text)]
