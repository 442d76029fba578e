"""Where a passage sits: the heading above it, or the facilitator's question before it.

Document passages carry their headings as short first lines (``split_passages`` keeps a
heading with the paragraph after it); a heading holds until the next one. In a
transcript, a facilitator's turn that asks something opens a question, and the members'
turns after it answer it until the facilitator asks the next one.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["asking_turns", "document_headings", "heading_lines"]

HEADING_WORDS = 12


def heading_lines(text: str) -> str:
    """Args: a passage's text. Returns: its leading heading lines joined, or ""."""
    lines = text.split("\n")
    heads = []
    for raw in lines[:-1]:  # the last line is the paragraph itself
        line = raw.strip()
        if line and len(line.split()) < HEADING_WORDS and not re.search(r"[.!]$", line):
            heads.append(line)
        else:
            break
    return " – ".join(heads)


def document_headings(texts: Sequence[str]) -> list[str]:
    """The heading each passage of one document sits under, in document order.

    Args:
        texts: the document's passages in order.

    Returns:
        Row-aligned headings ("" before the first heading).
    """
    current, out = "", []
    for text in texts:
        current = heading_lines(text) or current
        out.append(current)
    return out


def asking_turns(turns: Sequence[tuple[bool, str]]) -> list[str]:
    """The facilitator's question each turn answers.

    Args:
        turns: (spoken by a facilitator, redacted text) for each turn, in order.

    Returns:
        Row-aligned: for a member's turn, the last facilitator turn before it that asks
        something (has a question mark); "" before any question and for facilitators.
    """
    current, out = "", []
    for by_facilitator, text in turns:
        if by_facilitator:
            if "?" in text:
                current = text
            out.append("")
        else:
            out.append(current)
    return out
