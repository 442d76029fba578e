"""Things said like people's names: brands, programmes, characters, drinks and drugs.

"Marks and Spencer", "Harry Potter", "Holby City", "Crystal meth" and "a bottle of Brandy"
name nobody, yet every name route can propose them (the model tags "Spencer" and "Brandy"
as people, "Crystal" is a listed first name, "Coronation Street" looks like an address).
Two kinds: phrases in ``data/public_names.txt`` (and the multi-word services of
``not_names.txt``), which are never a person wherever they stand; and words the sentence
decides: drinks and drugs ("Brandy in my coffee"), a warning level said with the weather
("the weather went to Amber"), a team ("the Crystal Palace game", "Leeds fans", "Liverpool
won") and a famous full name said as music or film ("Bob Marley on repeat", "listening to
Amy Winehouse"), which no list could hold.
"""
from __future__ import annotations

import re
from functools import cache

from ..lists import load_list
from .common import Candidate
from .name_rules import cued_names
from .name_words import shows_a_person

__all__ = ["drop_public_names", "famous_or_team", "said_as_substance"]

# Drinks people name by brand or kind that are said like a name ("Brandy in my coffee",
# "Stella for breakfast"): the drink unless the sentence shows someone ("Stella said").
DRINKS = frozenset(["brandy", "sherry", "stella", "carling", "strongbow", "guinness", "baileys",
                    "bailey's", "smirnoff", "bacardi", "buckfast", "fosters", "foster's",
                    "magners", "kronenbourg", "jameson", "jamesons", "jameson's", "glen's"])
# Street names for drugs that are common first names: only said as the drug ("on Crystal",
# "a bag of Charlie"), since "Charlie said" and "me and Molly" are people. Not after "off":
# who a drug is had off is a person ("got it off Charlie").
DRUGS = frozenset(["crystal", "charlie", "mandy", "molly", "tina", "henry"])
TAKING_BEFORE = re.compile(
    r"\b(?i:on|doing|did|do|took|take|taking|sniffed|sniffing|smoked|smoking|snorted|snorting"
    r"|using|injecting|selling|dealing|into|addicted[ \t]+to|hooked[ \t]+on"
    r"|(?:bags?|lines?|grams?|wraps?|bits?)[ \t]+of)[ \t]+(?:(?i:the|some)[ \t]+)?$")


# "the weather went to Amber": a warning level said with the weather, not a person
# ("Amber said the beds were full" is one).
WARNING_COLOURS = frozenset(["amber"])
WEATHER = re.compile(r"\b(?i:weather|warnings?|alerts?|forecast|met[ \t]+office|snow|storms?"
                     r"|freezing|heatwave|swep|cold[ \t]+snap)\b")
# A level is gone to or put on ("went to Amber", "on amber"); a person opens a clause.
LEVEL_BEFORE = re.compile(r"\b(?i:to|on|at|an|gone|went|moved|raised)[ \t]+$")
# "the Crystal Palace game", "Leeds fans": a team, not where anyone lives; a place that
# wins or loses a match ("Liverpool won on Saturday") is one too (a person who wins is not
# read here: "Dean won his appeal").
TEAM_AFTER = re.compile(r"[ \t]+(?i:game|games|match|matches|fans?|supporters?|shirt|kit"
                        r"|season[ \t]+ticket|away[ \t]+end|home[ \t]+end)\b")
TEAM_DOES = re.compile(r"[ \t]+(?:won|lost|drew|beat|scored|got[ \t]+(?:beat|relegated|promoted)"
                       r"|were[ \t]+(?:beaten|relegated|promoted))\b")
# "Bob Marley on repeat", "listening to Amy Winehouse", "a film with Tom Hardy": a full name
# said as music or a film is someone famous, not a participant. Only two words or more: a
# first name alone ("listening to Dave") is someone the speaker knows.
ART_BEFORE = re.compile(
    r"\b(?i:listen(?:s|ed|ing)?[ \t]+to|(?:songs?|music|albums?|tracks?|tunes?|records?|films?"
    r"|movies?|books?|poems?)[ \t]+(?:by|with|of)|starring)[ \t]+$")
# Nouns only: "records" and "tracks" are things a worker does too ("Dean Smith records it").
ART_AFTER = re.compile(r"[ \t]+(?i:on[ \t]+repeat|songs|albums?|tunes|concerts?|gigs?)\b")
# "listening to Sarah Jones tell me", "listening to Sarah Jones and she was right": someone
# heard saying something, or followed by more said of them, is a person; a singer is
# listened to with nothing after, or when and where ("the night I got out", "on repeat").
HEARD_SAYING = re.compile(r"[ \t]*(?:,|[ \t](?i:tell|telling|say|saying|talk|talking|go[ \t]+on"
                          r"|going[ \t]+on|explain|explaining|moan|moaning|about|who|when|and"
                          r"|but|cos|because|so|properly|for[ \t]+once)\b)")


def famous_or_team(text: str, cand: Candidate, cued: bool = False) -> bool:
    """Say whether a candidate is a warning level, a team or a famous name said as art.

    Args:
        text: the whole text.
        cand: a name, place or hostel candidate.
        cued: True when a cue names the person ("my keyworker Sarah Jones"): never famous.

    Returns:
        True for "went to Amber" with the weather said, "the Crystal Palace game",
        "Liverpool won", "Bob Marley on repeat"; False for "Amber said", "Dean won".
    """
    if cued:
        return False
    word = text[cand.start:cand.end]
    # The model may tag only the surname of a full name ("Amy Winehouse"): read it whole.
    first = FIRST_BEFORE.search(text[max(0, cand.start - 20):cand.start])
    start = cand.start - len(first.group()) if first else cand.start
    if word.lower() in WARNING_COLOURS:
        return bool(LEVEL_BEFORE.search(text[max(0, cand.start - 12):cand.start])
                    and WEATHER.search(_sentence(text, cand.start, cand.end))
                    and not shows_a_person(text, cand.start, cand.end))
    if TEAM_AFTER.match(text, cand.end) or (
            cand.label == "place" and TEAM_DOES.match(text, cand.end)):
        return True
    if len(text[start:cand.end].split()) < FULL_NAME_WORDS or cand.label != "name":
        return False
    art = ART_BEFORE.search(text[max(0, start - 25):start])
    return bool(ART_AFTER.match(text, cand.end) or (art and not (
        "listen" in art.group().lower() and HEARD_SAYING.match(text, cand.end))))


FULL_NAME_WORDS = 2
FIRST_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]+$")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``."""
    left = max(text.rfind(p, 0, start) for p in ".!?\n") + 1
    rights = [i for i in (text.find(p, end) for p in ".!?\n") if i != -1]
    return text[left:min(rights, default=len(text))]


@cache
def _phrases() -> re.Pattern[str]:
    entries = list(load_list("public_names.txt")) + [
        e for e in load_list("not_names.txt") if " " in e.strip()]
    parts = []
    for entry in sorted({e.lower() for e in entries}, key=len, reverse=True):
        # "Marks & Spencer", "Marks n Spencer": one shop however "and" is said.
        words = ["(?:and|&|n)" if w == "and" else re.escape(w).replace("'", "['’]?")
                 for w in entry.split()]
        parts.append(r"[ \t]+".join(words))
    return re.compile(rf"(?<![\w'’])(?i:{'|'.join(parts)})(?![\w])")


def drop_public_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Drop names, places and homes found wholly inside a brand, programme or character,
    drinks or drugs said as one ("Brandy in my coffee", "on Crystal"), and warning levels,
    teams and famous names said as such (``famous_or_team``).

    Args:
        text: the text the candidates point into.
        cands: candidates from every detector.

    Returns:
        The candidates left: other labels, and any over more than the phrase
        ("Ronald McDonald" inside "Ronald McDonald House" goes; "14 Coronation Street" stays).
    """
    spans = [m.span() for m in _phrases().finditer(text)]
    cued = {c.start for c in cued_names(text)}
    return [c for c in cands
            if c.label not in ("name", "place", "hostel")
            or not (any(s <= c.start and c.end <= e for s, e in spans)
                    or said_as_substance(text, c.start, c.end)
                    or famous_or_team(text, c, c.start in cued))]


def said_as_substance(text: str, start: int, end: int) -> bool:
    """Say whether a name candidate is a drink or drug said as one.

    Args:
        text: the whole text.
        start: where the word starts.
        end: where it ends.

    Returns:
        True for "Brandy in my coffee" and "I was on Crystal for two years" (a place too:
        the model calls that one a location); False for
        "Stella said", "me and Crystal", "got it off Charlie", and any other word.
    """
    word = text[start:end].lower()
    if word in DRINKS:
        return not shows_a_person(text, start, end)
    if word in DRUGS:
        return bool(TAKING_BEFORE.search(text[max(0, start - 25):start]))
    return False
