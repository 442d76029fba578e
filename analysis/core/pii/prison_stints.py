"""Prisons known by a nickname after "the", said where a sentence was served ("did two year in
the Moss", "my first lump in the Meadow", "banged up in the Bay").

A stretch said with a word only prison time has (a lump, a stretch, bird, remand, a recall) or
a stretch of months or years that someone did or served is prison time, so the capitalised
name it was spent in is a prison, whatever the name is. Weeks are left out (a rehab's
programme is counted in weeks), as is a name listed as a hospital or a hostel, and a sentence
that says treatment or a ward.
"""
from __future__ import annotations

import re

from .common import CAP_WORD, Candidate, sentence_parts
from .places import listed

__all__ = ["find_prison_stints"]

_NUMBER = (r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
           r"|eighteen|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty(?:[ \t-][a-z]+)?"
           r"|couple[ \t]+of|few)")
# A word only prison time has: "my first lump", "a four stretch", "my bird", "a recall".
_STINT = (r"(?:lumps?|stretch|stretches|bird|porridge|remand|recall|sentence|stint|bit|time"
          r"|lag|jail|custody)")
_DID = r"(?:did|done|doing|do|does|served|serving|serve)"
STINT_IN_THE = re.compile(
    rf"\b(?i:(?:{_DID}[ \t]+(?:(?:my|a|his|her|the|me|their|our|another|that)[ \t]+)?"
    rf"(?:(?:first|second|third|last|latest|whole|long|short|full|{_NUMBER})[ \t]+)*"
    rf"(?:{_STINT}|(?:years?|months?)(?:[ \t]+and[ \t]+a[ \t]+half)?)"
    r"|(?:banged|locked|bang|lock)[ \t]+up|sent[ \t]+down|on[ \t]+remand|remanded)"
    r")[ \t]+(?i:in|at|to)[ \t]+(?i:the)[ \t]+"
    rf"(?P<name>{CAP_WORD}(?:[ \t]+{CAP_WORD})?)(?![\w'’-])")
# "did six months in the Priory for my drinking": treatment or a ward said in the sentence.
TREATED = re.compile(r"\b(?i:rehab|detox|ward|hospital|sectioned|section|clinic|treatment"
                     r"|recovery|psych|unit|hostel|supported)\b")


def find_prison_stints(text: str) -> list[Candidate]:
    """Find a capitalised name after "the" where prison time was spent in it.

    Args:
        text: text to search.

    Returns:
        Candidates labelled ``prison``.
    """
    found = []
    hospitals, hostels = listed("hospitals.txt")[0], listed("hostels.txt")[0]
    for m in STINT_IN_THE.finditer(text):
        start, end = m.span("name")
        if any(pattern is not None and pattern.search(text, max(0, start - 4), end)
               for pattern in (hospitals, hostels)):
            continue
        before, after = sentence_parts(text, start, end)
        if TREATED.search(before) or TREATED.search(after):
            continue
        found.append(Candidate(start, end, "prison"))
    return found
