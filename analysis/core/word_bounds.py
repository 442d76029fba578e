"""Python's Unicode ``\\b`` and ``\\B`` for RE2, whose own boundaries are ASCII only.

In RE2 "é" is not a word character, so ``\\bcafé\\b`` never matches "café" and ``\\bcafé``
matches inside "cafés". RE2 has no look-around, so a boundary cannot be rewritten as a test of
the characters on either side. Instead this module reads the pattern and rewrites each
boundary whose surroundings the pattern itself decides:

- between two pieces whose characters are each all word characters or all not (``o\\b ``,
  ``é\\b-``), the boundary is always or never there: it is dropped, or made to fail;
- at the very start or end of the match, next to such a piece (``\\bcafé\\b``), it becomes one
  consumed character of the right kind, or the edge of the text, in a marker group that
  ``BoundedPattern`` takes back off the match, so spans are those Python gives.

Elsewhere (next to ``.``, a class mixing letters and signs, or an optional piece) RE2's ASCII
boundary stays: exact for English text, and the codebook help says so.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .regex_tree import (
    EDGE,
    NONE,
    NOT,
    WORD,
    Alt,
    Assert,
    Group,
    Node,
    Repeat,
    Unread,
    asserts,
    ends,
    read_pattern,
    write,
)

__all__ = ["BoundedPattern", "Span", "word_bounds"]

WORD_CLASS, NOT_WORD_CLASS = r"[\pL\pN_]", r"[^\pL\pN_]"
NEVER = r"\b\B"  # a position cannot be both


def _decide(node: Assert, before: frozenset[str], after: frozenset[str],
            at_start: bool, at_end: bool) -> None:
    wanted = node.text == r"\b"  # \b: the kinds differ; \B: they are the same
    if before in (WORD, NOT) and after in (WORD, NOT):
        node.out = "" if (before != after) == wanted else NEVER
    elif at_start and before == {EDGE} and after in (WORD, NOT):
        node.edge, node.out = "lead", WORD_CLASS if (after == NOT) == wanted else NOT_WORD_CLASS
    elif at_end and after == {EDGE} and before in (WORD, NOT):
        node.edge, node.out = "trail", WORD_CLASS if (before == NOT) == wanted else NOT_WORD_CLASS


def _walk(node: Node | list[Node], before: frozenset[str], after: frozenset[str],
          at_start: bool, at_end: bool) -> None:
    """Decide every boundary, knowing what can stand before and after ``node``."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            chars, nullable = ends(node[:i], first=False)
            ahead, empty = ends(node[i + 1:], first=True)
            _walk(item, chars | (before if nullable else NONE),
                  ahead | (after if empty else NONE), at_start and i == 0,
                  at_end and i == len(node) - 1)
    elif isinstance(node, Assert) and node.text in (r"\b", r"\B"):
        _decide(node, before, after, at_start, at_end)
    elif isinstance(node, Group):
        _walk(node.body, before, after, at_start, at_end)
    elif isinstance(node, Alt):
        for branch in node.branches:
            _walk(branch, before, after, at_start, at_end)
    elif isinstance(node, Repeat) and not isinstance(node.body, Assert):
        last, _ = node.body.ends(first=False)  # the previous time round comes before it
        head, _ = node.body.ends(first=True)
        _walk(node.body, before | (last if node.many else NONE),
              after | (head if node.many else NONE), False, False)


def _leads(node: Node) -> bool:
    """Whether every way through the pattern starts with a boundary rewritten at the edge."""
    if isinstance(node, Assert):
        return node.edge == "lead"
    if isinstance(node, Group):
        return _leads(node.body)
    if isinstance(node, Alt):
        return all(branch and _leads(branch[0]) for branch in node.branches)
    return False


def word_bounds(pattern: str) -> tuple[str, list[str]]:
    """The pattern with Unicode word boundaries where RE2 can have them (see the module).

    Args:
        pattern: a staff pattern (Python/RE2 syntax).

    Returns:
        The pattern for RE2, and the names of the marker groups at the match's edges (empty:
        compile and use it as it is; otherwise wrap it in ``BoundedPattern``).
    """
    try:
        tree = read_pattern(pattern)
    except Unread:
        return pattern, []  # RE2 reports what is wrong, or runs it with its own boundaries
    _walk(tree, frozenset({EDGE}), frozenset({EDGE}), True, True)
    if not _leads(tree):  # a search from one character back must not find a match there
        for node in asserts(tree):
            if node.edge == "lead":
                node.edge, node.out = "", None
    names: list[str] = []

    def rewrite(node: Assert) -> str:
        if not node.edge:
            return node.text if node.out is None else node.out
        names.append(f"fvb_{node.edge}{len(names)}")
        marked = f"(?P<{names[-1]}>{node.out})"
        edge = r"\A" if node.edge == "lead" else r"\z"
        return marked if node.out == WORD_CLASS else f"(?:{marked}|{edge})"

    return write(tree, rewrite), names


@dataclass(frozen=True)
class Span:
    """A match's place in the text (``start()`` and ``end()``, as ``re.Match`` has)."""

    first: int
    last: int
    text: str

    def start(self) -> int:
        """Returns: where the match starts."""
        return self.first

    def end(self) -> int:
        """Returns: where the match ends."""
        return self.last


class BoundedPattern:
    """An RE2 pattern (compiled from bytes) whose edge boundaries consume a marker character.

    Matches are found as Python would: each search starts one character before the end of
    the last match when the pattern starts with a marker, since that character decides it.
    """

    def __init__(self, regex: Any, names: list[str]):
        index = {key.decode(): value for key, value in regex.groupindex.items()}
        self.regex = regex
        self.leads = [index[n] for n in names if "_lead" in n]
        self.trails = [index[n] for n in names if "_trail" in n]

    def _span(self, match: Any) -> tuple[int, int]:
        start = next((match.end(g) for g in self.leads if match.start(g) >= 0), match.start())
        end = next((match.start(g) for g in self.trails if match.start(g) >= 0), match.end())
        return start, end

    def _byte_spans(self, data: bytes) -> Iterator[tuple[int, int]]:
        floor = 0
        while floor <= len(data):
            back = floor
            if self.leads and back > 0:
                back -= 1
                while back > 0 and data[back] & 0xC0 == 0x80:  # noqa: PLR2004 - UTF-8
                    back -= 1
            match = self.regex.search(data, back)
            if match is not None and self._span(match)[0] < floor:
                match = self.regex.search(data, floor)
            if match is None:
                return
            start, end = self._span(match)
            yield start, end
            floor = end if end > start else end + 1
            while floor < len(data) and data[floor] & 0xC0 == 0x80:  # noqa: PLR2004
                floor += 1

    def finditer(self, text: str) -> Iterator[Span]:
        """Args: text. Yields: each match, left to right, as ``re.finditer`` would."""
        data, byte, char = text.encode(), 0, 0
        for start, end in self._byte_spans(data):
            char += len(data[byte:start].decode())
            first, byte = char, start
            char += len(data[byte:end].decode())
            byte = end
            yield Span(first, char, text[first:char])

    def search(self, text: str) -> Span | None:
        """Args: text. Returns: the first match, or None."""
        return next(self.finditer(text), None)

    def findall(self, text: str) -> list[str]:
        """Args: text. Returns: the text of every match (never groups)."""
        return [span.text for span in self.finditer(text)]
