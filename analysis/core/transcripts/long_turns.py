"""Cut a turn too long to review into turns of a readable size, at sentence ends.

A transcript pasted from a website has no line breaks, so it was one unlabelled turn: 110 KB
was one block on the review page, with every proposed redaction somewhere in it. A turn longer
than ``LONG_TURN`` characters is cut into pieces of at most ``PIECE_MOST``, each ending where
a sentence (or else a paragraph, or else a word) ends, so no word and no sentence is split.
Every piece keeps its turn's speaker, time and lines; the turns are numbered again from 1.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import ParsedTurn

__all__ = ["LONG_TURN", "PIECE_MOST", "split_long_turns"]

LONG_TURN = 1500  # characters: about a screen of text at 768 wide on the review page
PIECE_MOST = 1200
PARAGRAPH = re.compile(r"\n")
# A full stop, ! or ? (and any closing quote or bracket) before a space and a capital, a digit
# or an opening quote; not the stop after Mr, Mrs, Ms, Dr or St ("St. Mungo's").
SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?\u2026]+[\"\u201d\u2019')\]]*"
    r"(?=\s+[\"\u201c\u2018'(\[]?[A-Z0-9])")
SPACE = re.compile(r"\s")


def split_long_turns(turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """The turns with each one over ``LONG_TURN`` characters cut into pieces, renumbered."""
    if all(len(turn.text) <= LONG_TURN for turn in turns):
        return turns
    out: list[ParsedTurn] = []
    for turn in turns:
        texts = _pieces(turn.text) if len(turn.text) > LONG_TURN else [turn.text]
        out.extend(replace(turn, index=len(out) + 1, text=text) for text in texts)
    return out


def _pieces(text: str) -> list[str]:
    pieces, rest = [], text
    while len(rest) > PIECE_MOST:
        at = _cut_at(rest, PIECE_MOST)
        pieces.append(rest[:at].strip())
        rest = rest[at:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _cut_at(text: str, most: int) -> int:
    """Where to end the next piece: the last paragraph or sentence end in its second half,
    else the last space not inside a name or number, else ``most`` (one word of more than half
    a piece)."""
    window, least = text[:most + 1], most // 2
    for pattern in (PARAGRAPH, SENTENCE_END):
        ends = [m.end() for m in pattern.finditer(window, least) if m.end() <= most]
        if ends:
            return ends[-1]
    spaces = [m.start() for m in SPACE.finditer(window, least)]
    apart = [at for at in spaces if not _may_join(text, at)]
    return (apart or spaces)[-1] if spaces else most


def _may_join(text: str, at: int) -> bool:
    """Whether the space at ``at`` may be inside a name, number or address ("Karen Whitfield",
    "07700 900123", "14 Aldgrove Road"): redaction sees each piece alone, so cut there it
    found neither half."""
    before, after = text[at - 1:at], text[at + 1:at + 2]
    return before.isdigit() or after.isdigit() or after.isupper()
