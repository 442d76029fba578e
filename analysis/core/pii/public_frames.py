"""What a sentence says of someone famous or of a club, not of anyone the speaker knows:
"Ross Kemp did a programme about the prison", "Boris was on the telly", "Wrexham are doing
well", "Hibs lost again on saturday". Read by ``famous_names.famous_or_team``.
"""
from __future__ import annotations

import re
from functools import cache

from ..lists import load_set
from .common import Candidate
from .name_words import shows_a_person

__all__ = ["listed_figures", "said_as_club", "said_as_public_figure"]

DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# Only as clubs are spoken of: plural "are" ("Dave is doing well" is someone), a result
# with when or where ("lost again on saturday"; "Dean lost his appeal" is someone).
CLUB_DOES = re.compile(
    r"[ \t]+(?:are|were)[ \t]+(?:doing[ \t]+(?:well|badly|great|brilliant|shite?|rubbish|alright)"
    r"|top[ \t]+of[ \t]+the|bottom[ \t]+of[ \t]+the|flying|in[ \t]+the[ \t]+(?:news|league|cup"
    r"|final|premiership|championship|relegation)|going[ \t]+(?:down|up)\b)"
    rf"|[ \t]+(?:won|lost|drew)[ \t]+(?:again[ \t]+)?(?:on[ \t]+(?i:{DAYS})|at[ \t]+home|away\b"
    r"|\d+[ \t]*-[ \t]*\d+|the[ \t]+(?:cup|league|derby|final|match|game))", re.IGNORECASE)
# Said of a full name: on screen, in print, in song or in government ("Ross Kemp did a
# programme", "Amy Winehouse ... sing about rehab", "more done than any politician").
MEDIA = re.compile(
    r"\b(?:on[ \t]+the[ \t]+(?:telly|tv|news|radio|box)"
    r"|(?:did|done|made|does|do|presented|fronted)[ \t]+(?:a|an|one|the|that)[ \t]+"
    r"(?:programme|documentary|doc|series|show|podcast|film)"
    r"|done[ \t]+one[ \t]+(?:on|about)"
    r"|(?:wrote|written|writes)[ \t]+(?:a|his|her|the|that)[ \t]+(?:book|autobiography|song)"
    r"|(?:heard|hear)[ \t]+(?:\w+[ \t]+)?sing|sings?[ \t]+about|sang[ \t]+about"
    r"|politicians?|prime[ \t]+minister|parliament)\b", re.IGNORECASE)
# Only "on the telly" and the like make a lone first name famous ("Boris was on the telly");
# "Dave did a programme with us" is someone.
MEDIA_NEAR = re.compile(
    r"[ \t]+(?:was|is|were|been|came|come|comes)[ \t]+on[ \t]+the[ \t]+(?:telly|tv|news|radio)\b",
    re.IGNORECASE)
# A tournament or an international side said after a lone name makes it a player the
# nation watched ("Gazza crying at Italia 90"); a mate plays for a pub team, not for England.
SPORT = re.compile(
    r"\b(?:at|in|during)[ \t]+(?:Italia[ \t]+90|Euro[ \t]+['’]?\d\d|Mexico[ \t]+86"
    r"|the[ \t]+(?:World[ \t]+Cup|Euros|Olympics|(?:FA[ \t]+)?Cup[ \t]+Final))"
    r"|\b(?:played|playing|plays|scored|capped)[ \t]+for[ \t]+(?:England|Scotland|Wales"
    r"|(?:Northern[ \t]+)?Ireland)\b", re.IGNORECASE)
SPORT_REACH = 35  # the tournament said in the name's own clause ("Kyle told me he played")
WITH_SOMEONE = re.compile(r"\b(?:with|told|tell|rang)[ \t]+(?:me|us|him|her|them)\b|\b(?:he|she)\b",
                          re.IGNORECASE)
# Who someone is to the speaker says they are no public figure ("my mate Ross Kemp").
KNOWN_BEFORE = re.compile(r"\b(?i:my|me|our|his|her|their|and|with|called)[ \t]+$")
MEDIA_REACH = 70  # characters after a name read for what is said of it


def said_as_club(text: str, cand: Candidate) -> bool:
    """Whether a name or place is said as a club: "Wrexham are doing well", "Hibs lost again
    on saturday"; not "Dave is doing well" or "Dean lost his appeal"."""
    # "Jade and Tyler are doing well" are someone's kids: a first name or one in a list is no club.
    word = text[cand.start:cand.end].lower()
    listed = re.search(r"(?:,|\band|&)[ \t]*$", text[max(0, cand.start - 6):cand.start])
    return bool(CLUB_DOES.match(text, cand.end) and not listed
                and word not in load_set("first_names.txt"))


def said_as_public_figure(text: str, start: int, cand: Candidate) -> bool:
    """Whether a name from ``start`` to the candidate's end is said as someone famous:
    a full name with the screen, print, song or government said after it in the sentence,
    or any name "on the telly" or at a tournament; never after "my", "me and" or "with".

    Args:
        text: the whole text.
        start: where the full name starts (the model may tag only the surname).
        cand: the name candidate.

    Returns:
        True for "Ross Kemp did a programme about the prison", "Boris was on the telly",
        "Gazza crying at Italia 90".
    """
    if cand.label != "name" or KNOWN_BEFORE.search(text[max(0, start - 10):start]):
        return False
    sentence = re.split(r"[.!?\n]", text[cand.end:cand.end + MEDIA_REACH], maxsplit=1)[0]
    if MEDIA_NEAR.match(text, cand.end) or (
            SPORT.search(sentence[:SPORT_REACH]) and not WITH_SOMEONE.search(sentence)
            and not shows_a_person(text, start, cand.end)):
        return True
    if len(text[start:cand.end].split()) < 2:  # noqa: PLR2004 - first name and surname
        return False
    return bool(MEDIA.search(sentence))


@cache
def _figures() -> re.Pattern[str]:
    names = sorted(load_set("public_figures.txt"), key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?i:" + "|".join(
        r"[ \t]+".join(map(re.escape, n.split())) for n in names) + r")(?![\w])")


def listed_figures(text: str) -> list[tuple[int, int]]:
    """Find public figures named in full (``data/public_figures.txt``) said as such.

    Args:
        text: the whole text.

    Returns:
        (start, end) of each, whatever it does after ("Keir Starmer says ..."); none with
        someone beside it or done to it ("me and Keir Starmer", "I told Ross Kemp").
    """
    return [m.span() for m in _figures().finditer(text)
            if not shows_a_person(text, m.start(), m.end(), verbs=frozenset())]
