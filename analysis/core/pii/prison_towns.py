"""Prisons named like their town (`` *`` in ``prisons.txt``) said with a prison's own things.

* The prison number someone had there: "my number in Lincoln was A1234BC", "prison number
  A 1234 BC from Lincoln" (a number a few words before or after, found as an ID number).
* A part only a prison has, after the town's possessive: "Lincoln's seg", "on Lincoln's
  induction wing"; or just before the town: "same landin' in Lincoln", "the seg in Hull".
* Said in step with a prison found already: "in Lincoln for the first one and Ranby for
  the second" (the listing rules in ``prisons`` join only short words).

A town said so is the prison, labelled ``prison`` as the other town-named prisons are.
"""
from __future__ import annotations

import re

from .common import Candidate
from .places import listed

__all__ = ["prison_towns"]

NUMBER_IN = re.compile(
    r"\b(?i:(?:prison(?:er)?[ \t]+)?(?:number|no\.?))[ \t]+(?i:in|at|from)[ \t]+$")
FROM_AFTER_ID = re.compile(r"[ \t]+(?i:from|in|at)[ \t]+$")
PART_AFTER = re.compile(
    r"['’]s[ \t]+(?:(?i:old|new|own)[ \t]+)?(?i:seg|segregation|block|induction|healthcare"
    r"|reception|chaplaincy|gym|cells?|wings?|landings?|visits?|canteen|governor|screws)\b")
# "same landin' in Lincoln", "down the seg in Hull", "on the block at Durham": a part only
# a prison has, the town straight after it.
PART_BEFORE = re.compile(
    r"\b(?i:seg|segregation(?:[ \t]+unit)?|the[ \t]+block|landin(?:gs?\b|['’])|wings?|cells?)"
    r"[ \t]+(?i:in|at)[ \t]+$")
STEP_AFTER = re.compile(
    r"[ \t]+for[ \t]+(?:the|my)[ \t]+(?:first|second|third|last|next|other)(?:[ \t]+(?:one|time"
    r"|sentence|stretch|lie|bit))?[ \t]*,?[ \t]+(?:and|then)[ \t]+(?:then[ \t]+)?")
NUMBER_AFTER_REACH = 12  # "in Lincoln was A4417KT": the number a few words after the town
ID_BEFORE_REACH = 8  # "A 5520 RB from Exeter": the town straight after the number


def prison_towns(text: str, found: list[Candidate]) -> list[Candidate]:
    """Find town-named prisons said with a prison number, a prison's part (before or after
    the town), or in step with a prison found already.

    Args:
        text: the whole text.
        found: candidates found so far (ID numbers and prisons are read).

    Returns:
        More candidates labelled ``prison``.
    """
    _, ambiguous = listed("prisons.txt")
    if ambiguous is None:
        return []
    ids = [c for c in found if c.label == "ID number"]
    prisons = {c.start for c in found if c.label == "prison"}
    out = []
    for m in ambiguous.finditer(text):
        start, end = m.span()
        numbered = NUMBER_IN.search(text, max(0, start - 30), start) and any(
            0 <= c.start - end <= NUMBER_AFTER_REACH for c in ids)
        numbered = numbered or any(
            0 <= start - c.end <= ID_BEFORE_REACH and FROM_AFTER_ID.search(text, c.end, start)
            for c in ids)
        step = STEP_AFTER.match(text, end)
        part = PART_AFTER.match(text, end) or PART_BEFORE.search(text, max(0, start - 30), start)
        if numbered or part or (step and step.end() in prisons):
            out.append(Candidate(start, end, "prison"))
    return out
