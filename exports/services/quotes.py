"""Checking quotes against what members said, and describing who said them.

A quote may be shortened with "..." (or "…"); every piece between the dots must appear in
the segment's current redacted text, in order. Whitespace differences never count.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from forum.models import Member, Segment, SegmentSource

ELLIPSIS = re.compile(r"\.\.\.|…")
# What a quote may leave off its ends without dots: opening or closing punctuation only.
LEFT_OFF_BEFORE = re.compile(r"[\s\"“‘'(\[]*")
LEFT_OFF_AFTER = re.compile(r"[\s.,;:!?…\"”’')\]]*")
MIN_GROUP = 5
ANYONE = "Forum member"
GENDER_WORDS = {"Woman": "a woman", "Man": "a man", "Non-binary": "a non-binary person"}


def normalise(text: str) -> str:
    """Collapse runs of whitespace and trim, so line breaks and double spaces never matter."""
    return " ".join((text or "").split())


def _pieces_found(quote: str, source: str) -> list[tuple[int, int]] | None:
    """Where each piece of the quote is in the normalised source, in order; None: not all."""
    source = normalise(source)
    pieces = [normalise(p) for p in ELLIPSIS.split(quote or "")]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    at, spans = 0, []
    for piece in pieces:
        found = source.find(piece, at)
        if found < 0:
            return None
        at = found + len(piece)
        spans.append((found, at))
    return spans


def quote_matches(quote: str, source: str) -> bool:
    """Whether a (possibly shortened) quote is faithful to its source.

    Args:
        quote: the words as the officer will print them, perhaps with "..." where words
            were left out.
        source: the segment's current redacted text.

    Returns:
        True when every piece of the quote appears in the source in the same order.
    """
    return _pieces_found(quote, source) is not None


def mark_cuts(quote: str, source: str) -> str:
    """The quote with "..." before or after it where it leaves out the source's words.

    The one rule for every quote taken from part of a segment: one starting mid-sentence, or
    after words it leaves out, gets "... " in front; one stopping before the source's end
    (more than its closing punctuation) gets " ..." after. Dots already there are kept.

    Args:
        quote: the words chosen, perhaps with "..." inside.
        source: the segment's redacted text.

    Returns:
        The quote, normalised, with the dots it needs; unchanged if it does not match.
    """
    spans = _pieces_found(quote, source)
    if spans is None:
        return quote
    text, source = normalise(quote), normalise(source)
    if not LEFT_OFF_BEFORE.fullmatch(source[:spans[0][0]]) and not ELLIPSIS.match(text):
        text = "... " + text
    if not LEFT_OFF_AFTER.fullmatch(source[spans[-1][1]:]) and not text.endswith(("...", "…")):
        text += " ..."
    return text


def _age_words(band: str | None) -> str | None:
    if not band or band.startswith("Prefer"):
        return None
    if band.endswith("or over"):
        return f"aged {band}"
    low, _, high = band.partition("-")
    return f"aged {low} to {high}" if high else None


def attribution(member: Member | None, members_heard: Iterable[Member]) -> str:
    """What may be printed under a quote.

    Demographic details are added only with the member's consent to be quoted with them,
    and only when at least ``MIN_GROUP`` members heard in the consultation share every
    detail printed; otherwise a coarser description (or none) is used.

    Args:
        member: who said it.
        members_heard: every member whose words the consultation may use.

    Returns:
        "Forum member", or e.g. "Forum member, a woman aged 25 to 34".
    """
    if member is None or not member.may_quote_with_demographics:
        return ANYONE
    gender, age = GENDER_WORDS.get(member.gender or ""), _age_words(member.age_band)
    heard = list(members_heard)
    both = Counter((m.gender, m.age_band) for m in heard)[(member.gender, member.age_band)]
    by_gender = Counter(m.gender for m in heard)[member.gender]
    by_age = Counter(m.age_band for m in heard)[member.age_band]
    candidates = []
    if gender and age:
        candidates.append((f", {gender} {age}", both))
    if gender:
        candidates.append((f", {gender}", by_gender))
    if age:
        candidates.append((f" {age}", by_age))
    for words, group in candidates:
        if group >= MIN_GROUP:
            return ANYONE + words
    return ANYONE


def source_label(segment: Segment) -> str:
    """Where the words were said: "Focus group, 3 March 2026" or "Tablet survey".

    Args:
        segment: the quoted segment.
    Returns:
        A focus group's date, or the name search and theme pages give the source.
    """
    if segment.source_type == SegmentSource.TRANSCRIPT and segment.turn is not None:
        held_on = segment.turn.transcript.session.held_on
        return f"Focus group, {held_on.day} {held_on:%B %Y}"
    if segment.source_type == SegmentSource.TRANSCRIPT:
        return "Focus group"
    return segment.source_type.label  # "Tablet survey", as every other page says
