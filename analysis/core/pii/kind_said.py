"""What a sentence says a named place is: a word of kind after the name, in apposition
or before it ("the Carver Street hostel", "Ashwood, that's a recovery house", "a refuge
called Oasis"), or the nearest thing said about it (a curfew for a hostel, a section for a
hospital, a stretch for a prison). Read by ``institutions.find_by_kind``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .common import sentence_parts
from .hospitals import HOSPITAL_CONTEXT
from .kind_frames import NAME
from .prisons import PRISON_SENTENCE
from .word_lists import HOSTEL_DOINGS, KIND_NOUNS

__all__ = ["KINDS", "apposed_kind", "nearest_doing", "patterns", "said_kind"]

KINDS = ("prison", "hospital", "hostel")  # the order a tie is settled in, as in redact.LABELS
# "Dean, a hostel worker": the kind describes a person, not the place.
WORKERS = (r"(?i:workers?|staff|managers?|officers?|nurses?|doctors?|cooks?|wardens?|residents?"
           r"|mates?|pals?|lads?|girls?)\b")
THEN = re.compile(r"\b(?i:then)\b")
NAMED = re.compile(r"(?<=\s)[A-Z][a-z]")  # a capitalised word past a clause's first
REACH = 90  # characters either side where what is said about a name still describes it


def _alternatives(phrases: Iterable[str]) -> str:
    return "|".join(sorted(phrases, key=len, reverse=True))


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """Compiled kind tests: a word of kind after, before or in apposition, and what each
    kind of place is said to do."""
    kinds = {k: _alternatives(v) for k, v in KIND_NOUNS.items()}
    any_kind = "|".join(rf"(?P<{k}>{v})" for k, v in kinds.items())
    return {
        "after": re.compile(rf"[ \t]+(?i:{any_kind})\b"),
        # "Ashwood, that's a recovery house", "Oasis, the women's refuge", "pennine view
        # which is a wet hostel".
        "apposed": re.compile(
            rf",?[ \t]+(?i:(?:which|that|it|this)(?:['’]s|[ \t]+is|[ \t]+was)"
            rf"|that['’]s|it['’]s|the|a|an|one of the)[ \t]+(?:[\w'’-]+[ \t]+){{0,4}}?"
            rf"(?i:{any_kind})\b(?![ \t-]+{WORKERS})"),
        # "My release address was Harrowgate, an approved premises": said to be one, after
        # any verb.
        "explained": re.compile(
            rf"\b(?P<name>{NAME}),[ \t]+(?i:the|a|an|that['’]s|it['’]s)"
            rf"[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?(?i:{any_kind})\b(?![ \t-]+{WORKERS})"),
        # "a refuge called Oasis", "the night shelter at St Aidan's", "Hostels, shelters,
        # Bramley Grange", "Night shelter, then Parkview" (the one rule for a name after its
        # kind: places.py has no copy).
        "before": re.compile(
            rf"\b(?i:{any_kind})(?:[ \t]+(?i:called|named|at)[ \t]+|,[ \t]+(?:then[ \t]+)?)"
            rf"(?:(?i:the)[ \t]+)?(?P<name>{NAME})(?!['’\w])"),
        # "The Bridge is a wet hostel", "Lakeside was the locked unit", "Larkhill's a dry
        # house": a sentence's subject.
        "subject": re.compile(
            rf"(?:^|(?<=[.!?][ \t])|(?<=\n))(?:(?i:the)[ \t]+)?(?P<name>{NAME})"
            rf"(?=(?:[ \t]+(?:is|was)|['’]s)[ \t]+(?:a|an|the)[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?"
            rf"(?i:{any_kind})\b)"),
        # "St Aidan's night shelter shuts at 8": a sentence opening on a name and its kind.
        "opening": re.compile(
            rf"(?:^|(?<=[.!?][ \t])|(?<=\n))(?:(?i:the)[ \t]+)?(?P<name>{NAME})"
            rf"(?=[ \t]+(?i:{any_kind})\b(?![ \t-]+{WORKERS}))"),
        "prison": PRISON_SENTENCE,
        "hospital": HOSPITAL_CONTEXT,
        "hostel": re.compile(rf"\b(?:{_alternatives(HOSTEL_DOINGS)}|{kinds['hostel']})\b",
                             re.IGNORECASE),
    }


def said_kind(m: re.Match[str] | None) -> str | None:
    """The kind whose named group matched."""
    return next((k for k in KINDS if m.group(k)), None) if m else None


def apposed_kind(text: str, end: int) -> str | None:
    """The kind said in apposition after a name, by its last word of kind: "Arden, the
    locked rehab unit" is a unit, "Ashwood, that's a recovery house" a house."""
    m = patterns()["apposed"].match(text, end)
    if not m:
        return None
    head = patterns()["after"].match(text, m.end())
    return said_kind(head) or said_kind(m)


def _own_clause(before: str, after: str) -> tuple[str, str]:
    """"the Orchard for my detox then into the Nest": past "then", what is said is of the
    other name said there ("sofa surfing then Millstone" still says of Millstone)."""
    head = THEN.split(before)[-1]
    before = head if NAMED.search(before[:len(before) - len(head)].strip()) else before
    tail = THEN.split(after, maxsplit=1)[0]
    after = tail if NAMED.search(after[len(tail):].strip()) else after
    return before, after


def nearest_doing(text: str, start: int, end: int) -> str | None:
    """The kind of the nearest thing said about the name in its sentence, within REACH and
    not past "then" where another name is said (``_own_clause``)."""
    before, after = sentence_parts(text, start, end)
    before, after = _own_clause(before, after)
    before, after = before[-REACH:], after[:REACH]
    best: tuple[int, int, str] | None = None
    for rank, kind in enumerate(KINDS):
        pattern = patterns()[kind]
        hits = [len(before) - m.end() for m in pattern.finditer(before)]
        hits += [m.start() for m in pattern.finditer(after)]
        if hits and (best is None or (min(hits), rank) < best[:2]):
            best = (min(hits), rank, kind)
    return best[2] if best else None
