"""Initials someone goes by: "JD said he'd sort me a bed", "me n KT", "TJ's mum", "my PO's AB",
"DW off the landing", "KP and Lozza".

Two capitals on their own are an abbreviation far more often ("my PO", "NA on mondays", "UC
got stopped"), so they are a person only where the sentence shows one: after a word for who
someone is ("my mate TC"), beside the speaker ("me and KB"), listed with a name, saying or
doing what people do ("RJ said", "RJ got me"), with someone's family or home after them
("LJ's nan"), or from a wing or a landing. Abbreviations of services, roles, places and
things (``ABBREVIATIONS``) never are.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from .common import Candidate
from .name_rules import cue_pattern
from .word_lists import PERSON_VERBS, SPEECH_VERBS

__all__ = ["ABBREVIATIONS", "initials_as_names"]

INITIALS = re.compile(r"(?<![\w&'’.-])[A-Z]{2}(?![\w&-])")
# Two-letter abbreviations people say in these conversations: services and meetings, roles,
# places, documents, conditions, times and things ("my PO", "NA", "the GP", "A&E" aside).
# Not "JP", which people go by far more often than they meet a Justice of the Peace, and
# "the JP" keeps its determiner.
ABBREVIATIONS = frozenset(
    ["AA", "NA", "CA", "GA", "PO", "GP", "AP", "UC", "OD", "TV", "CV", "ID", "HR", "MP", "PC",
     "DS", "DI", "DC", "PS", "IT", "UK", "US", "EU", "OK", "NI", "PE", "RE", "DT", "AM", "PM",
     "FM", "UN", "IQ", "HQ", "QC", "KC", "SW", "MH", "LD", "GB", "IV", "ED", "TB", "DV",
     "SA", "OT", "CO", "SO", "VP", "BT", "EE", "PA", "TA", "LA", "DM", "OM", "SU", "YP",
     "WC", "AE", "BB", "BA", "MA", "MS", "CD", "ST", "RD", "NO", "HM", "TP",
     "AI", "PT", "GO", "SE", "NW", "NE", "DD", "UB", "XL", "XX"])
# Titles, degrees and letters that never speak or act for a service ("KC", "MA", "BB"):
# with no determiner, one that says or does what people do is someone ("KC said", "MA came").
ACTING_AS_PEOPLE = frozenset(["KC", "QC", "MA", "BA", "BB", "DD", "TP"])
KIN_AFTER = (r"mum|mam|mom|dad|da|nan|nana|gran|granny|grandad|missus|wife|husband|bird|fella"
             r"|girlfriend|boyfriend|brother|sister|bro|kids?|son|daughter|baby|cousin|auntie"
             r"|uncle|house|flat|place|sofa|floor|car|van|mate|mates|pad|cell")
ROOM_AFTER = r"wing|landing|unit|block|spur|hostel|estate|street|ward|house|corridor|floor"
DOINGS = "|".join(sorted(SPEECH_VERBS | PERSON_VERBS | {"wrote", "come", "sorts", "gets"},
                         key=len, reverse=True))
PERSON_AFTER = re.compile(
    rf"(?:['’]s[ \t]+(?:{KIN_AFTER})\b"
    rf"|[ \t]+(?:off|from)[ \t]+(?:my|me|our|the|his|her)[ \t]+(?:{ROOM_AFTER})\b"
    rf"|[ \t]+(?:and|an|n|&)[ \t]+(?:me|I|i)\b"
    rf"|[ \t]+(?:{DOINGS})\b)")
ACTS_AFTER = re.compile(rf"[ \t]+(?:{DOINGS})\b")
PERSON_BEFORE = re.compile(
    r"\b(?:(?:me|myself|I|i)[ \t]+(?:and|an|n|&)|(?i:rang|phoned|texted|asked|told|met|owe|owed"
    r"|ring|text|call|phone|ask|with))[ \t]+$")
# "the DJ", "a PC": a determiner makes it a role or a thing.
DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|this|that|our|your)[ \t]+$")
CUE_JOIN = re.compile(r"(?:['’]s)?[ \t]*,?[ \t]+(?:(?:is|was|called|named)[ \t]+)?$")
NEAR = 6  # " and ", " & ", ", ": how far a listed name may be
LISTED = re.compile(r"^[ \t]+(?:and|an|n|&)[ \t]+$|^[ \t]*,[ \t]*$")


def _cued(text: str, start: int) -> bool:
    """After a word for who someone is: "my mate TC", "my PO's AB", "a lad called DJ"."""
    for cue in cue_pattern().finditer(text, max(0, start - 40), start):
        if CUE_JOIN.fullmatch(text, cue.end(), start):
            return True
    return False


def _near_names(names: list[Candidate], starts: list[int], start: int, end: int,
                ) -> list[Candidate]:
    """The names (sorted by start) that begin within ``NEAR`` of ``start`` to ``end``: a
    name ending just before starts at most ``NEAR`` plus its length earlier, so a window of
    100 characters either side holds every one that may be listed beside."""
    low = bisect.bisect_left(starts, start - NEAR - 100)
    high = bisect.bisect_right(starts, end + NEAR)
    return names[low:high]


def _listed_with(text: str, start: int, end: int, names: list[Candidate],
                 starts: list[int]) -> bool:
    """Listed straight before or after a name found already ("KP and Lozza")."""
    return any(LISTED.match(text[end:c.start]) or LISTED.match(text[c.end:start])
               for c in _near_names(names, starts, start, end)
               if 0 <= c.start - end <= NEAR or 0 <= start - c.end <= NEAR)


def initials_as_names(text: str, named: Iterable[Candidate] = ()) -> list[Candidate]:
    """Find two capitals said as someone's name.

    Args:
        text: text to search.
        named: names found so far, for initials listed beside one.

    Returns:
        Name candidates.
    """
    names = sorted((c for c in named if c.label == "name"), key=lambda c: c.start)
    starts = [c.start for c in names]
    found = []
    for m in INITIALS.finditer(text):
        start, end = m.span()
        before = text[max(0, start - 20):start]
        if m.group() in ABBREVIATIONS:
            if (m.group() in ACTING_AS_PEOPLE and ACTS_AFTER.match(text, end)
                    and not DETERMINER_BEFORE.search(before) and not re.search(
                        r"\b(?i:my|his|her|their|an?)[ \t]+$", before)):
                found.append(Candidate(start, end, "name"))
            continue
        if _cued(text, start) or (not DETERMINER_BEFORE.search(before) and (
                PERSON_AFTER.match(text, end) or PERSON_BEFORE.search(before)
                or _listed_with(text, start, end, names, starts))):
            found.append(Candidate(start, end, "name"))
    return found
