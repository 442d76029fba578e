"""Several things named in one sentence: "a, b and c" (or "a, b or c").

The one joiner for every layer that writes such sentences (the methods paragraph, transcript
and memo notes, the upload page): it sits in the analysis core, the lowest layer those can
all import. ``surveys`` sits below it and keeps its own.
"""
from __future__ import annotations

from collections.abc import Sequence

__all__ = ["word_list"]

PAIR = 2


def word_list(items: Sequence[str], last: str = "and") -> str:
    """Join words as a sentence lists them.

    Args:
        items: the things to name, in order.
        last: the word before the last one ("and", "or").

    Returns:
        "" for none, "a" for one, "a and b", "a, b and c".
    """
    if len(items) < PAIR:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
