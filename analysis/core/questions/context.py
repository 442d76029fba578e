"""Where a passage sits: the heading above it, or the facilitator's question before it.

Document passages carry their headings as short first lines (``split_passages`` keeps a
heading with the paragraph after it); a heading holds until the next one. In a
transcript, a facilitator's turn that asks something opens a question, and the members'
turns after it answer it until the facilitator asks the next one. A document's preamble
(``preamble_rows``) comes before its answers and answers no question.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["asking_turns", "document_headings", "heading_lines", "preamble_rows"]

HEADING_WORDS = 12
# Headings of what a document says about itself, not about any question.
# A summary is left out: it sums up the answers, so it may well answer questions.
PREAMBLE_HEADING = re.compile(r"^(about\b|introduction\b|intro\b|foreword\b|preface\b|"
                              r"(table of )?contents\b|(a )?message from\b|welcome\b)",
                              re.IGNORECASE)
# A summary of the answers ("Summary and key recommendations", "Executive summary", "Key
# points"): a response puts it before Q1, yet it answers the questions, so it is its own
# section, never a preamble, even before the first numbered heading.
SUMMARY_HEADING = re.compile(r"^((executive |overall )?summary\b|(key |our )?recommendations\b|"
                             r"key (points|findings|messages)\b|conclusions?\b)",
                             re.IGNORECASE)
# A heading that names a question by number ("Q4. Housing", "Question 12a"). Only such a
# heading starts a document's answers: one that asks is as often the writer's own ("HOW CAN
# WE HELP?" closes the charity's briefing), and made a preamble of everything above it.
# A year after it makes a quarter ("Q3 2025/26 figures"), not a question.
NUMBERED_HEADING = re.compile(r"^(q|question)\s*\d{1,4}[a-z]?\b(?!\s*(19|20)\d\d\b)",
                              re.IGNORECASE)
# A heading that names a question or asks one.
QUESTION_HEADING = re.compile(NUMBERED_HEADING.pattern + r"|\?$", re.IGNORECASE)


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


def preamble_rows(sequences: Sequence[str], positions: Sequence[int],
                  headings: Sequence[str]) -> set[int]:
    """Rows of documents' preambles: what sits under an "About ..."/"Introduction"/"Foreword"/
    "Contents"/"A message from ..." heading, and, in a document with a heading naming a
    question by number, everything before the first such heading. A passage under a heading
    naming or asking a question, or summing up the answers ("Summary and key
    recommendations"), is never a preamble.

    Args:
        sequences: row-aligned sequence names ("" for a passage read alone).
        positions: row-aligned reading order within each sequence.
        headings: row-aligned heading each passage sits under (``document_headings``).

    Returns:
        The row numbers (a transcript's turns have no headings, so never any of them).
    """
    parts = [[part.strip() for part in heading.split(" – ") if part.strip()]
             for heading in headings]
    asking = [any(QUESTION_HEADING.search(part) for part in row)
              or (bool(row) and SUMMARY_HEADING.match(row[-1]) is not None) for row in parts]
    first: dict[str, int] = {}
    for row, sequence in enumerate(sequences):
        if sequence and any(NUMBERED_HEADING.match(part) for part in parts[row]):
            first[sequence] = min(first.get(sequence, positions[row]), positions[row])
    out = set()
    for row, sequence in enumerate(sequences):
        if not sequence or asking[row]:
            continue
        # The innermost heading says what the passage is: a title above it does not.
        named = bool(parts[row]) and PREAMBLE_HEADING.match(parts[row][-1]) is not None
        if named or (sequence in first and positions[row] < first[sequence]):
            out.add(row)
    return out
