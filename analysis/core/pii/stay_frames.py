"""More ways a sentence says a name is somewhere someone lived, for kind_frames.

A stretch spent at it ("six weeks at the Harbour", "three year at the Anchorage") is in
``STAYS``: with nothing else said in the sentence, a hostel's; the sentence may say a
rehab, a ward or a prison. A plural word taken as one thing ("the Oaks is full of people
coming off the gear": "the Oaks" said with "is" is one place, not oak trees) is what the
sentence says, else a place (an estate, "the Gurnos is rough", as often as a home). Where
someone went on release ("got out of Styal and went straight to the Oaks") is a hostel,
whatever the sentence says of the prison; so is the next stop gone "into" after "then".
Towns, regions, services and shops are never read (``institutions._excluded``,
``part_or_town``).
"""
from __future__ import annotations

import re

from .common import CAP_WORD

__all__ = ["ONE_PLACE_PLURAL", "RELEASED_TO", "RELEASE_ADDRESS", "SPENT_AT", "THEN_INTO"]

_THE = r"(?:(?i:the)[ \t]+)?"
_NAME = rf"{CAP_WORD}(?:[ \t]+{CAP_WORD}){{0,2}}"
SPENT_AT = re.compile(
    r"\b(?i:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twenty|thirty|forty)(?:[ \t-][a-z]+)?"
    r"|couple[ \t]+of)[ \t]+(?i:years?|months?|weeks?|nights?)(?:[ \t]+(?i:and[ \t]+a[ \t]+half))?"
    rf"[ \t]+(?:(?i:at)[ \t]+{_THE}|(?i:in)[ \t]+(?i:the)[ \t]+)(?P<name>{_NAME})(?![\w'’-])")
ONE_PLACE_PLURAL = re.compile(
    rf"(?<![\w'’])(?i:the)[ \t]+(?P<name>(?:{CAP_WORD}[ \t]+)?[A-Z][a-z]+[a-rt-z]s)"
    r"(?=[ \t]+(?:is|was|has)\b)(?![ \t]+\w+[ \t]+on\b)")  # "the Simpsons was on": the telly
# "got out of Styal and went straight to the Oaks": where someone goes on release is where
# they were housed, whatever the sentence says of the prison.
RELEASED_TO = re.compile(
    r"\b(?i:got[ \t]+out|released|came[ \t]+out|let[ \t]+out)\b[^.!?\n]{0,40}?\b(?i:went"
    r"|sent|moved|put|taken|took)[ \t]+(?:(?i:me|us|him|her)[ \t]+)?(?:(?i:straight|right)[ \t]+)?"
    rf"(?i:to|into)[ \t]+(?i:the)[ \t]+(?P<name>{_NAME})(?![\w'’-])")
# "the Orchard for my detox then into the Nest": the next stop in a run of stays, gone into
# after "then"; what was said before "then" is of the stop before (kind_said.nearest_doing).
THEN_INTO = re.compile(
    r"\b(?i:then)[ \t]+(?:(?i:went|moved|got|go|going|straight|back)[ \t]+){0,2}(?i:into)[ \t]+"
    rf"{_THE}(?P<name>{_NAME})(?![\w'’-])")
# "my release address was Beacon View", "bail address is Kestrel View": a name given as
# the address one is released or bailed to is where one is housed (an approved premises).
RELEASE_ADDRESS = re.compile(
    r"\b(?i:release|bail|licence|discharge)[ \t]+(?i:address)(?:[ \t]+(?i:is|was|were)|['’]s)?"
    rf"[ \t]*:?[ \t]+{_THE}(?P<name>{_NAME})(?![\w'’-])")
