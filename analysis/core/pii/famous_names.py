"""Names said as a team, a weather warning level or someone famous, not as anyone the
speaker knows: "the Crystal Palace game", "Liverpool won", "the weather went to Amber",
"Bob Marley on repeat", "Ross Kemp did a programme". Read by
``public_names.drop_public_names``.
"""
from __future__ import annotations

import re

from .common import Candidate
from .name_words import shows_a_person
from .public_frames import said_as_club, said_as_public_figure

__all__ = ["POSSESSIVE_AFTER", "famous_or_team"]

# "the weather went to Amber": a warning level said with the weather, not a person
# ("Amber said the beds were full" is one).
WARNING_COLOURS = frozenset(["amber"])
WEATHER = re.compile(r"\b(?i:weather|warnings?|alerts?|forecast|met[ \t]+office|snow|storms?"
                     r"|freezing|heatwave|swep|cold[ \t]+snap)\b")
# A level is gone to or put on ("went to Amber", "on amber"); a person opens a clause.
LEVEL_BEFORE = re.compile(r"\b(?i:to|on|at|an|gone|went|moved|raised)[ \t]+$")
# The weather must be said close by ("the weather went to Amber"), or the level named
# ("an Amber warning"): "the snow came and I went to Amber for a bed" is someone's sofa.
WEATHER_NEAR_WORDS = 3
LEVEL_AFTER = re.compile(r"[ \t]+(?i:warnings?|alerts?)\b")
POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
# "the Crystal Palace game", "Leeds fans": a team, not where anyone lives; a place that
# wins or loses a match ("Liverpool won on Saturday") is one too (a person who wins is not
# read here: "Dean won his appeal").
# Not "games" or "matches": verbs too ("Sarah games the system", "Jamie matches the
# description"). A name the model calls a person needs "the" before or fans after.
TEAM_AFTER = re.compile(r"[ \t]+(?i:game|match|fans?|supporters?|shirt|kit"
                        r"|season[ \t]+ticket|away[ \t]+end|home[ \t]+end)\b")
TEAM_FANS_AFTER = re.compile(r"[ \t]+(?i:fans|supporters)\b")
THE_BEFORE = re.compile(r"\b(?i:the)[ \t]+$")
TEAM_DOES = re.compile(r"[ \t]+(?:won|lost|drew|beat|scored|got[ \t]+(?:beat|relegated|promoted)"
                       r"|were[ \t]+(?:beaten|relegated|promoted))\b")
# "Bob Marley on repeat", "listening to Amy Winehouse", "a film with Tom Hardy": a full name
# said as music or a film is someone famous, not a participant. Only two words or more: a
# first name alone ("listening to Dave") is someone the speaker knows.
# Not "with" or "of": "a film with Dean Walsh on association", "songs with Dean Walsh in the
# music class" are who the speaker was with.
ART_BEFORE = re.compile(
    r"\b(?i:listen(?:s|ed|ing)?[ \t]+to|(?:songs?|music|albums?|tracks?|tunes?|records?|films?"
    r"|movies?|books?|poems?)[ \t]+by|starring)[ \t]+$")
# Nouns only: "records" and "tracks" are things a worker does too ("Dean Smith records it").
ART_AFTER = re.compile(r"[ \t]+(?i:on[ \t]+repeat|songs|albums?|tunes|concerts?|gigs?)\b")
# "listening to Sarah Jones tell me", "listening to Sarah Jones and she was right": someone
# heard saying something, or followed by more said of them, is a person; a singer is
# listened to with nothing after, or when and where ("the night I got out", "on repeat").
HEARD_SAYING = re.compile(r"[ \t]*(?:,|[ \t](?i:tell|telling|say|saying|talk|talking|go[ \t]+on"
                          r"|going[ \t]+on|explain|explaining|moan|moaning|about|who|when|and"
                          r"|but|cos|because|so|properly|for[ \t]+once|from|on[ \t]+the"
                          r"|said|says|told|tells|rang|asked"
                          r"|in[ \t]+the[ \t]+(?:class|group|unit|workshop)"
                          r"|(?:on|in|at)[ \t]+(?:association|education|visits?"
                          r"|[A-Z][ \t]+wing))\b)")


# "Rocky was my film inside", "Lucy is my favourite song": said to be a film, a song or a
# book, a name is its title ("my mate Rocky" is cued, and never read here).
TITLE_SAID = re.compile(
    r"[ \t]+(?:is|was)[ \t]+(?:my|me|our|his|her|the)[ \t]+(?:(?:favourite|favorite|fave|first"
    r"|best|all[ \t-]time)[ \t]+)?(?:film|movie|song|tune|book|programme|show|album|track)\b",
    re.IGNORECASE)


# "prison isn't like Hollywood", "Hollywood films": a place compared with, or whose films or
# stars are meant, is where nobody here lives ("not like Swindon where I grew up" is).
COMPARED_BEFORE = re.compile(r"\b(?i:isn['’]?t|is[ \t]+not|wasn['’]?t|not|nothing|just)[ \t]+"
                             r"(?i:like)[ \t]+$")
WHERE_AFTER = re.compile(r"[ \t]*,?[ \t]+(?i:where|when)\b")
INDUSTRY_AFTER = re.compile(r"[ \t]+(?i:films?|movies?|stars?|actors?|endings?)\b")


def _compared_or_industry(text: str, cand: Candidate) -> bool:
    """A place said as a comparison or as its film industry, not as anyone's whereabouts."""
    return cand.label == "place" and (
        bool(INDUSTRY_AFTER.match(text, cand.end)) or (
            bool(COMPARED_BEFORE.search(text[max(0, cand.start - 20):cand.start]))
            and not WHERE_AFTER.match(text, cand.end)))


def famous_or_team(text: str, cand: Candidate, cued: bool = False) -> bool:
    """Say whether a candidate is a warning level, a team or a famous name said as art.

    Args:
        text: the whole text.
        cand: a name, place or hostel candidate.
        cued: True when a cue names the person ("my keyworker Sarah Jones"): never famous.

    Returns:
        True for "went to Amber" with the weather said, "the Crystal Palace game",
        "Liverpool won", "Bob Marley on repeat", "Rocky was my film", "not like Hollywood";
        False for "Amber said", "Dean won".
    """
    if cued or TITLE_SAID.match(text, cand.end):
        return not cued
    word = text[cand.start:cand.end]
    # The model may tag only the surname of a full name ("Amy Winehouse"): read it whole.
    first = FIRST_BEFORE.search(text[max(0, cand.start - 20):cand.start])
    start = cand.start - len(first.group()) if first else cand.start
    if word.lower() in WARNING_COLOURS:
        return _said_as_level(text, cand)
    # "Wrexham are doing well", "Ross Kemp did a programme about it".
    if (_said_as_team(text, cand, start) or said_as_club(text, cand)
            or _compared_or_industry(text, cand)
            or said_as_public_figure(text, start, cand)):
        return True
    if len(text[start:cand.end].split()) < FULL_NAME_WORDS or cand.label != "name":
        return False
    after = ART_AFTER.match(text, cand.end)
    if after:
        return not HEARD_SAYING.match(text, after.end())
    return bool(ART_BEFORE.search(text[max(0, start - 25):start])
                and not HEARD_SAYING.match(text, cand.end))


def _said_as_team(text: str, cand: Candidate, start: int) -> bool:
    """A place with a game after it or doing as teams do ("Liverpool won"); a name only with
    "the" before it or fans after it ("the Crystal Palace game", "Sarah games" is a person)."""
    team = TEAM_AFTER.match(text, cand.end)
    if cand.label != "name":
        return bool(team or TEAM_DOES.match(text, cand.end))
    return bool(team and (TEAM_FANS_AFTER.match(text, cand.end)
                          or THE_BEFORE.search(text[max(0, start - 5):start])))


def _said_as_level(text: str, cand: Candidate) -> bool:
    """A warning colour said as the level: gone to with the weather close, or "an Amber warning"."""
    if POSSESSIVE_AFTER.match(text, cand.end) or shows_a_person(text, cand.start, cand.end):
        return False
    words_before = text[:cand.start].split()[-(WEATHER_NEAR_WORDS + 1):]
    words_after = text[cand.end:].split()[:WEATHER_NEAR_WORDS + 1]
    if LEVEL_AFTER.match(text, cand.end):
        # "an Amber warning", "Amber warning for snow"; not "I gave Amber warning".
        return bool(re.search(r"\b(?i:an|the)[ \t]+$", text[max(0, cand.start - 5):cand.start])
                    or WEATHER.search(" ".join(words_after[1:])))
    return bool(LEVEL_BEFORE.search(text[max(0, cand.start - 12):cand.start])
                and WEATHER.search(" ".join(words_before + words_after)))


FULL_NAME_WORDS = 2
FIRST_BEFORE = re.compile(r"[A-Z][a-z]+[ \t]+$")
