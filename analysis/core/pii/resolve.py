"""What every detector's candidates become: the rules about what a found thing is, whichever
detector proposed it, and which of two overlapping candidates is kept (``redact`` reads both).
"""
from __future__ import annotations

import bisect

from . import blocks, public_names, whereabouts
from .common import Candidate

__all__ = ["LABELS", "resolve", "where_things_are"]

# Most specific first: on a tie in length the earlier label wins.
LABELS = (
    "email", "phone", "NI number", "ID number", "date of birth", "postcode",
    "prison", "hospital", "hostel", "place", "name",
)
PRIORITY = {label: rank for rank, label in enumerate(LABELS)}


def _union_same_label(cands: list[Candidate]) -> list[Candidate]:
    """Merge overlapping candidates that share a label into one covering span."""
    merged: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.label, c.start, -c.end)):
        last = merged[-1] if merged else None
        if last and last.label == cand.label and cand.start < last.end:
            merged[-1] = Candidate(last.start, max(last.end, cand.end), last.label)
        else:
            merged.append(cand)
    return merged


def resolve(cands: list[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates, preferring longer, then more specific, ones.

    Args:
        cands: every candidate, overlapping or not.

    Returns:
        Non-overlapping candidates sorted by start.
    """
    chosen: list[Candidate] = []  # kept sorted by start; never overlapping
    starts: list[int] = []
    order = sorted(_union_same_label(cands),
                   key=lambda c: (-(c.end - c.start), PRIORITY[c.label], c.start))
    for cand in order:
        i = bisect.bisect_left(starts, cand.start)
        clashes = (i > 0 and chosen[i - 1].end > cand.start) or (i < len(chosen)
                                                                 and chosen[i].start < cand.end)
        if cand.end > cand.start and not clashes:
            chosen.insert(i, cand)
            starts.insert(i, cand.start)
    return chosen


def where_things_are(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Apply the rules about what a place or a name is, whatever detector proposed it.

    Where a relative lives is a place, never a prison ("Brixton is where my mum lives");
    a place inside a public landmark ("on Trafalgar Square") is nobody's address. Only
    places: a name, a prison or a hostel there is still redacted. A name, place or home
    inside a brand, programme or character ("Marks and Spencer", "Harry Potter") is no one;
    one inside a court's name is public ("Southwark Crown Court"); a block of flats said as
    a home is a place, not a hostel ("I live at Marlowe Court").

    Args:
        text: the whole text.
        cands: every candidate found so far.

    Returns:
        The candidates kept, with the places relatives live in added.
    """
    cands = blocks.blocks_and_courts(text, public_names.drop_public_names(text, cands))
    homes = whereabouts.find_relatives_places(text)
    public = whereabouts.landmarks(text)
    kept = [c for c in cands
            if not (c.label == "place" and any(s <= c.start and c.end <= e for s, e in public))
            and not (c.label == "prison" and any(h.start <= c.start and c.end <= h.end
                                                  for h in homes))]
    return kept + homes
