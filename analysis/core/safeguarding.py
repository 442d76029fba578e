"""Flag text that suggests risk (suicide, self-harm, abuse, danger) for a person to review.

This over-flags on purpose. A flag only holds a turn out of analysis and quotes until a
facilitator has read it, so a false alarm costs a minute; a miss could leave someone at
risk unnoticed. Patterns therefore match past tense and third person ("she tried to
kill herself", "I'd planned it"), and ignore negation ("I'm not suicidal" is flagged:
it is still worth a person's eyes). The patterns live in ``data/safeguarding.txt``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lists import load_list

__all__ = ["CATEGORIES", "RiskFlag", "find_risks", "load_patterns"]

CATEGORIES = ("suicide", "self-harm", "abuse", "danger")


@dataclass(frozen=True)
class RiskFlag:
    """One passage that suggests risk: offsets into the text, category, and the words."""

    start: int
    end: int
    category: str
    matched: str


@cache
def load_patterns(name: str = "safeguarding.txt") -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Read and compile ``category | regex`` lines from a data file.

    Args:
        name: file name inside ``analysis/core/data/``.

    Returns:
        (category, compiled pattern) pairs in file order.

    Raises:
        ValueError: for a malformed line or an unknown category, naming the line.
    """
    patterns = []
    for line in load_list(name):
        category, sep, regex = (part.strip() for part in line.partition("|"))
        if not sep or category not in CATEGORIES or not regex:
            raise ValueError(
                f"{name}: expected 'category | pattern' with a known category: {line!r}")
        # Straight and curly apostrophes both occur in transcripts.
        regex = regex.replace("'", "['’]")
        patterns.append((category, re.compile(rf"\b(?:{regex})\b", re.IGNORECASE)))
    return tuple(patterns)


def find_risks(text: str) -> list[RiskFlag]:
    """Find passages suggesting risk to the speaker or someone else.

    Args:
        text: a turn's text (original or redacted).

    Returns:
        Flags sorted by position; where two flags of the same category overlap only
        the longer is kept.
    """
    found: list[RiskFlag] = []
    for category, pattern in load_patterns():
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append(RiskFlag(m.start(), m.end(), category, m.group()))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[RiskFlag] = []
    for flag in found:
        if any(k.category == flag.category and k.start <= flag.start < k.end for k in kept):
            continue
        kept.append(flag)
    return kept
