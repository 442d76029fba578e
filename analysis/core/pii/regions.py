"""Nations and regions kept when redacting places (``data/kept_regions.txt``).

Read by every detector that proposes a place, so a country or a region is kept however it
was found ("lives in Jamaica" as well as "from Tuzla, in Bosnia").
"""
from __future__ import annotations

import re

from ..lists import load_set

__all__ = ["COMPASS_WORD", "is_kept_region"]

# "South London", "North Wales", "Greater Manchester": a compass part of a kept region is
# a region too; "North Leeds" is still one city.
COMPASS_WORD = r"(?:north|south|east|west|mid|central|greater|inner|outer)"
COMPASS = re.compile(rf"^(?:{COMPASS_WORD}(?:[ -](?:east|west))?\s+)+")


def _key(span: str) -> str:
    """The span as ``kept_regions.txt`` writes it: lower case, no possessive or "the",
    "Saint" and "St." as "st", "&" as "and" ("Saint Lucia", "Antigua & Barbuda")."""
    low = re.sub(r"\s+", " ", span.lower().strip())
    low = re.sub(r"\b(?:saint\b|st\.)[ ]?", "st ", low).replace("&", "and")
    low = re.sub(r"\s+", " ", low)
    return re.sub(r"['’]s?$", "", low).removeprefix("the ")


def is_kept_region(span: str) -> bool:
    """Say whether a place is a nation or region kept under the default policy.

    Args:
        span: the place as written ("the North East", "South London's", "Leeds").

    Returns:
        True for nations, countries, regions, their compass parts and counties.
    """
    kept = load_set("kept_regions.txt")
    key = _key(span)
    return any(k in kept or f"the {k}" in kept for k in (key, COMPASS.sub("", key)))
