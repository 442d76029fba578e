"""A verb written joined to its particle by a hyphen is one noun ("move-on", "follow-up").

``vocabulary.prepare_text`` reads hyphens as spaces so "through-the-gate" is found as a
term; "move-on" then reads as the verb "move" and the preposition "on", and no phrase holds
it: a sixth held-out response's question on "move-on from hostels" gave its answer no name
but "Current hostel". Written with the hyphen, the pair names a thing ("a move-on fund",
"step-down beds", "a drop-in"); apart ("move on from hostels") it stays a verb.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["PARTICLES", "phrasal_nouns"]

PARTICLES = frozenset(["on", "up", "in", "out", "down", "off", "over", "back", "away"])


def phrasal_nouns(tokens: Sequence[Any], text: str) -> set[int]:
    """Places of verbs (tagged a verb or, before a noun, a noun) joined by a hyphen to the
    particle after them.

    Args:
        tokens: spaCy tokens of ``prepare_text(text)`` (offsets are the same in ``text``).
        text: the text as written, with its hyphens.

    Returns:
        Indices into ``tokens`` of each such verb; its particle is the next token.
    """
    out = set()
    for i in range(len(tokens) - 1):
        verb, particle = tokens[i], tokens[i + 1]
        gap = text[verb.idx + len(verb.text):particle.idx]
        if verb.pos_ in ("VERB", "NOUN") and particle.lower_ in PARTICLES and gap == "-":
            out.add(i)
    return out
