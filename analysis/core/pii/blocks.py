"""Blocks of flats said as a home ("I live at Marlowe Court", "the bailiffs came to Carlton
Court"), courts of law named by their town ("Southwark Crown Court"), and hostels named in
lower case after a home verb ("when i was staying at northgate").

A block where someone lives is their address, so a ``place``: the hostel detectors name
supported housing called "X Court" too, and a tie in length would make every such block a
hostel. It stays a hostel where the sentence says supported housing (a curfew, a keyworker,
probation, "hostel"). A court of law is public, like the judge: a town or name inside its
name ("Highbury Corner Magistrates' Court") is kept, as "sentenced at Snaresbrook" is.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .common import CAP_WORD, Candidate
from .name_words import never_name
from .places import NAME_WORDS, first_word_generic
from .word_lists import KIND_NOUNS

__all__ = ["blocks_and_courts", "lower_case_hostels"]

BLOCK = re.compile(rf"\b(?P<name>{NAME_WORDS}[ \t]+(?:Court|Tower|Towers|Heights|Mansions))\b")
# "I live at", "my mum still lives in", "my flat's in", "a one bed in", "went home to".
HOME_BEFORE = re.compile(
    r"\b(?i:live|lives|lived|living|flat|flat['’]s|flat[ \t]+is|flat[ \t]+was|maisonette"
    r"|(?:one|two|three)[- ]bed|grew[ \t]+up|home)[ \t]+(?:(?i:still)[ \t]+)?(?i:in|at|on|to)"
    r"[ \t]+$")
# "the bailiffs came to Carlton Court", "the police turned up at Granby Court": who comes
# to a block comes to someone's door, unless the sentence is a court case ("came to
# Carlton Court for the hearing").
CALLED_AT_BEFORE = re.compile(
    r"\b(?i:came|come|comes|coming|turned[ \t]+up|turn[ \t]+up|knocked|knocking|raided)"
    r"[ \t]+(?:(?i:round|back)[ \t]+)?(?i:to|at|on)[ \t]+$")
LEGAL = re.compile(r"\b(?i:hearing|judge|trial|sentenced|sentencing|magistrates|jury|case"
                   r"|dock|solicitor|barrister|bail|plea|pleaded|verdict|usher|witness)\b")
# "by the bins at Granby Court where I live".
HOME_AFTER = re.compile(r"[ \t,]+where[ \t]+(?:I|we|he|she|they|my[ \t]+[a-z]+)[ \t]+"
                        r"(?:still[ \t]+)?(?:live|lives|lived|grew[ \t]+up)\b")
# Not all of HOSTEL_DOINGS: "live at" and "council" are said of any flat.
SUPPORTED = re.compile(
    rf"\b(?i:{'|'.join(KIND_NOUNS['hostel'])}|key ?workers?|curfew|residents?|licence"
    r"|probation|referral|staff|support[ \t]+workers?|placed|housed|release[ \t]+address"
    # "kicked out of Marlowe Court for having a visitor after ten": a rule about visitors.
    r"|visitors?|visiting[ \t]+rules)\b")
# "Crown Court", "the High Court": courts of law named by their kind alone.
LAW_FIRST = re.compile(r"(?:Crown|Magistrates['’]?|County|Family|Youth|Sheriff|Coroners['’]?"
                       r"|High|Supreme|Appeal|Juvenile|Combined|Royal)[ \t]")
# Where someone is or was in the block, so a hostel where the sentence says supported housing.
IN_BLOCK_BEFORE = re.compile(r"\b(?i:at|in|into|of|from)[ \t]+$")
COURT_OF_LAW = re.compile(
    rf"\b(?:{CAP_WORD}[ \t]+){{1,3}}(?:Crown|Magistrates['’]?|County|Family|Youth|Coroners['’]?"
    r"|Coroner['’]s|Combined|Sheriff|Crown[ \t]+and[ \t]+County)[ \t]+Courts?\b")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``."""
    left = max(text.rfind(p, 0, start) for p in ".!?\n") + 1
    rights = [i for i in (text.find(p, end) for p in ".!?\n") if i != -1]
    return text[left:min(rights, default=len(text))]


def blocks_and_courts(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Make a block of flats said as a home a place, and keep courts of law named by a town.

    Args:
        text: the text the candidates point into.
        cands: candidates from every detector.

    Returns:
        The candidates with a hostel over a home block replaced by a place (one added where
        nothing was found), and names, places and homes inside a court's name dropped.
    """
    homes, hostels = [], []
    for m in BLOCK.finditer(text):
        start, end = m.span("name")
        sentence = _sentence(text, start, end)
        if (IN_BLOCK_BEFORE.search(text, max(0, start - 8), start) and SUPPORTED.search(sentence)
                and not LAW_FIRST.match(m.group("name"))
                and m.group("name").lower() not in load_set("landmarks.txt")):
            hostels.append(Candidate(start, end, "hostel"))
        said_home = (HOME_BEFORE.search(text[max(0, start - 30):start])
                     or HOME_AFTER.match(text, end)
                     or (CALLED_AT_BEFORE.search(text[max(0, start - 30):start])
                         and not LEGAL.search(sentence)))
        if (said_home and not first_word_generic(text, start)
                and not SUPPORTED.search(sentence)):
            homes.append((start, end))
    courts = [m.span() for m in COURT_OF_LAW.finditer(text)]
    kept = [c for c in cands
            if not (c.label == "hostel" and (c.start, c.end) in homes)
            and not (c.label in ("name", "place", "hostel")
                     and any(s <= c.start and c.end <= e for s, e in courts))]
    return kept + [Candidate(s, e, "place") for s, e in homes] + [
        h for h in hostels if not LEGAL.search(_sentence(text, h.start, h.end))
        and not any(s < h.end and h.start < e for s, e in courts)]


# "staying at northgate", "placed at ashcroft": who types names in lower case still says
# where they stayed or were placed; a home's own word ("at home", "at mums") is English and
# a possessive is someone's ("at dazza's").
LOWER_HOME = re.compile(
    r"\b(?i:staying|stayed|stopping|stopped|placed|housed|resident|keyworker|key[ \t]+worker"
    r"|support[ \t]+worker)[ \t]+(?i:at)[ \t]+(?P<name>[a-z]{4,})\b(?!['’])")


def lower_case_hostels(text: str, is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Find a lower-case word no dictionary has after a home verb ("staying at northgate").

    Args:
        text: text to search.
        is_word: an English word test; without one nothing is proposed.

    Returns:
        Candidates labelled ``hostel``; not first names, towns or services.
    """
    if is_word is None:
        return []
    return [Candidate(*m.span("name"), "hostel") for m in LOWER_HOME.finditer(text)
            if not (is_word(m.group("name")) or never_name(m.group("name"))
                    or m.group("name") in load_set("first_names.txt")
                    or m.group("name") in load_set("broad_areas.txt")
                    or m.group("name") in load_set("name_cues.txt"))]
