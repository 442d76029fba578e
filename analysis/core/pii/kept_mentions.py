"""Words the detectors propose that name no one and no one's place, dropped before resolving.

* A festival or day ("on New Year's Eve", "a Valentine's card", "Boxing Day").
* A kept region read as a person after a word of place ("anyone on Humberside").
* A language spoken or said in ("in Gujarati we say", "she speaks Tigrinya").
* A football club: a town that plays, beats or draws with another ("Bolton beat Wigan"),
  the one played, and a town before a club's word ("Grimsby Town fans", "Stockport County").
* A kind of housing or service written with capitals ("Supported Housing", "the Advice
  Centre", "the Job Centre"): the kind, not a named one.
* A word with its g dropped ("the buildin'", "walkin'"): the word, not a person.
* A public office's seat ("the Bishop of Carlisle", "the Mayor of Salford").
* A song's title read as a name: capitalised words running on to a capitalised pronoun
  ("Tears Will Find Us Here").
* Grace said before a meal.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..lists import load_set
from .areas import is_kept_region
from .common import Candidate
from .word_lists import KIND_NOUNS

__all__ = ["drop_kept_mentions"]

DROPPED = frozenset(["name", "place", "hostel", "hospital", "prison"])
HOLIDAY = re.compile(
    r"\b(?:(?:Christmas|New[ \t]+Year['’]?s?|Hallowe['’]?en|Midsummer|Easter|Boxing|Burns"
    r"|Bonfire|Mother['’]?s|Father['’]?s|Mothering|Remembrance|St\.?[ \t]+[A-Z][a-z]+['’]s)"
    r"[ \t]+(?:Eve|Day|Night|Sunday|Monday)"
    r"|Valentine['’]?s(?=[ \t]+(?:[Dd]ay|[Nn]ight|baby|card|cards|weekend|dinner|present|gift"
    r"|meal|date|do)\b)(?:[ \t]+(?:Day|Night))?)")
REGION_BEFORE = re.compile(r"\b(?i:on|in|from|across|around|round|over|of|all[ \t]+over)[ \t]+$")
LANGUAGE_END = re.compile(r"(?:i|ese|ish|ic|ian|ali|ya|ic)$")
LANGUAGE_BEFORE = re.compile(
    r"\b(?:(?i:speaks?|spoke|speaking|learn(?:s|t|ed|ing)?|fluent[ \t]+in)"
    r"|(?i:talks?|talking|talked|says?|said|say[ \t]+it|written|writes?|wrote|reads?"
    r"|translated?)[ \t]+(?i:in))[ \t]+$")
LANGUAGE_FRAME = re.compile(
    r"(?i:in)[ \t]+$")
LANGUAGE_AFTER = re.compile(
    r",?[ \t]+(?:we|they|you|there|people|it|the[ \t]+word)[ \t]+(?:have|has|had|say|said"
    r"|call|called|is|are|was|don['’]?t|do|no)\b", re.IGNORECASE)
TEAM_VERB = r"(?:played|play|beat|beating|drew[ \t]+with|lost[ \t]+to|thrashed|hammered|won)"
TEAM_AFTER = re.compile(rf"[ \t]+(?:{TEAM_VERB}[ \t]+[A-Z]|(?:won|lost|drew)\b)")
TEAM_BEFORE = re.compile(rf"\b[A-Z][\w'’]+[ \t]+{TEAM_VERB}[ \t]+$")
CLUB_WORD = re.compile(r"(?:[ \t]+(?:United|Rovers|Wanderers|Athletic|Albion|Hotspur|Argyle"
                       r"|Town|County|City)(?=[ \t]+(?:fans?|supporters?|game|match|are|were"
                       r"|is|was|won|lost|play|played)\b)|[ \t]+(?:United|Rovers|Wanderers"
                       r"|Athletic|Albion|Hotspur|Argyle))")
CLUB_END = re.compile(r"[ \t](?:United|Rovers|Wanderers|Athletic|Albion|Hotspur|Argyle)$")
# "Stockport County are ...": a town's club said doing what a team does.
CLUB_TOWN_END = re.compile(r"[ \t](?:Town|County|City)$")
CLUB_DOES = re.compile(r"[ \t]+(?:fans?|supporters?|game|match|are|were|won|lost|play|played)\b")
SERVICE_FIRST = frozenset(
    ["law", "legal", "advice", "job", "day", "health", "community", "leisure", "sports",
     "wellbeing", "family", "families", "children's", "youth", "women's", "visitors",
     "visitor", "resource", "learning", "skills", "training", "welfare", "citizens",
     "walk-in", "drop-in", "medical", "dental", "arts", "heritage", "garden", "testing",
     "recovery", "support", "housing", "employment", "enterprise", "carers"])
SERVICE_CENTRE = re.compile(r"^(?P<first>[A-Z][\w'’-]*)[ \t]+(?:Centre|Center|Service|Services)$")
KIND_SPAN = re.compile(rf"(?i:{'|'.join(KIND_NOUNS['hostel'])})")
DROPPED_G = re.compile(r"[a-z]+in(?=['’])")
OFFICE_BEFORE = re.compile(
    r"\b(?:Bishop|Archbishop|Mayor|Lord[ \t]+Mayor|Dean|Chief[ \t]+Constable|Duke|Duchess"
    r"|Earl|Prince|Princess|High[ \t]+Sheriff|Lord[ \t]+Lieutenant|Member|MP)[ \t]+of[ \t]+$")
PRONOUN_AFTER = re.compile(r"(?:[ \t]+[A-Z][a-z]*)*?[ \t]+(?:Us|Me|You|Him|Her|Them|It)\b")
TITLE_CAPS = re.compile(r"^(?:[A-Z][a-z]+[ \t]+)+[A-Z][a-z]+$")
GRACE = re.compile(r"^Grace[ \t]+(?:was[ \t]+|is[ \t]+)?said[ \t]+(?:before|at|over|after)\b")


def _day_region_or_language(text: str, c: Candidate, span: str, before: str) -> bool:
    """A festival, a kept region read as a person, or a language spoken or said in."""
    if any(h.start() <= c.start and c.end <= h.end() for h in HOLIDAY.finditer(
            text, max(0, c.start - 30), min(len(text), c.end + 30))):
        return True
    if (c.label == "name" and is_kept_region(span) and REGION_BEFORE.search(before)
            and span.lower() not in load_set("first_names.txt")):
        return True
    return " " not in span and bool(LANGUAGE_END.search(span)) and bool(
        LANGUAGE_BEFORE.search(before)
        or (LANGUAGE_FRAME.search(before) and LANGUAGE_AFTER.match(text, c.end)))


def _club_or_service(text: str, c: Candidate, span: str, before: str) -> bool:
    """A football club, a kind of service or housing, or a public office's seat."""
    if c.label == "place" and (
            TEAM_AFTER.match(text, c.end) or TEAM_BEFORE.search(before)
            or CLUB_WORD.match(text, c.end) or CLUB_END.search(span)
            or (CLUB_TOWN_END.search(span) and CLUB_DOES.match(text, c.end))
            or OFFICE_BEFORE.search(before)):
        return True
    service = SERVICE_CENTRE.match(span)
    return bool(service and service.group("first").lower() in SERVICE_FIRST) or bool(
        KIND_SPAN.fullmatch(span) and span[:1].isupper())


def _words_said(text: str, c: Candidate, span: str,
                is_word: Callable[[str], bool] | None) -> bool:
    """A word with its g dropped, a song's title, or grace said before a meal."""
    if c.label != "name":
        return False
    word = span.rstrip("'’")
    dropped_g = DROPPED_G.match(text, c.start)
    if (dropped_g and dropped_g.end() == c.start + len(word)
            and is_word is not None and is_word(word.lower() + "g")):
        return True
    if TITLE_CAPS.match(span) and PRONOUN_AFTER.match(text, c.end):
        return True
    return bool(GRACE.match(text[c.start:c.end + 30]))


def _kept(text: str, c: Candidate, is_word: Callable[[str], bool] | None) -> bool:
    """Whether the candidate names no one and no one's place."""
    span = text[c.start:c.end]
    before = text[max(0, c.start - 40):c.start]
    return (_day_region_or_language(text, c, span, before)
            or _club_or_service(text, c, span, before) or _words_said(text, c, span, is_word))


def drop_kept_mentions(text: str, cands: list[Candidate],
                       is_word: Callable[[str], bool] | None) -> list[Candidate]:
    """Drop names and places that are festivals, regions, languages, clubs, kinds of service,
    words with a dropped g, public offices' seats, song titles or grace before a meal.

    Args:
        text: the whole text.
        cands: every candidate found so far.
        is_word: an English word test, or None (then words with a dropped g are kept as found).

    Returns:
        The candidates that may still be personal data.
    """
    return [c for c in cands if c.label not in DROPPED or not _kept(text, c, is_word)]
