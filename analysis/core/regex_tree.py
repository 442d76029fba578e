"""A staff regular expression read into pieces that keep their source text.

``word_bounds`` needs to know, for each ``\\b``, what kind of character can stand on either
side: a word character (a letter, digit or ``_`` of any alphabet), another character, or the
edge of the match. ``read_pattern`` reads Python/RE2 syntax into ``Atom`` (one character of a
known kind), ``Assert`` (matches no character), ``Group``, ``Repeat`` and ``Alt`` pieces, and
``write`` puts them back together; ``ends`` says what a piece can start or end with.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeAlias

__all__ = ["BOTH", "EDGE", "NONE", "NOT", "WORD", "Alt", "Assert", "Atom", "Group", "Node",
           "Repeat", "Unread", "asserts", "ends", "read_pattern", "write"]

W, N, EDGE = "word", "not", "edge"  # a word character (any alphabet), any other, the match edge
WORD, NOT, BOTH = frozenset({W}), frozenset({N}), frozenset({W, N})
NONE: frozenset[str] = frozenset()
_ESCAPES = {"w": WORD, "d": WORD, "W": NOT, "s": NOT, "D": BOTH, "S": BOTH,
            **dict.fromkeys("ntrfva", NOT)}
_POSIX = {"alpha": WORD, "alnum": WORD, "digit": WORD, "word": WORD, "lower": WORD,
          "upper": WORD, "punct": NOT, "space": NOT, "blank": NOT, "cntrl": NOT}
_REPEAT = re.compile(r"\{(\d+)(,(\d*))?\}")
_ASSERTS = {"A", "z", "Z", "b", "B"}


class Unread(ValueError):
    """A pattern this reader does not follow: its boundaries stay RE2's own."""


@dataclass
class Atom:
    """One character of the kinds in ``chars`` (a letter, ``.``, ``\\d``, ``[...]``)."""

    text: str
    chars: frozenset[str]

    def ends(self, first: bool) -> tuple[frozenset[str], bool]:
        """Returns: the kinds it can start (or end) with, and whether it can be empty."""
        return self.chars, False


@dataclass
class Assert:
    """Matches no character: ``\\b``, ``\\B``, ``^``, ``$``, ``\\A``, ``\\z``, or ``(?i)`` flags."""

    text: str
    out: str | None = None  # what to write instead (None: the text)
    edge: str = ""  # "lead" or "trail" when it stands for a character beside the match

    def ends(self, first: bool) -> tuple[frozenset[str], bool]:
        """Returns: no kinds; always empty."""
        return NONE, True


@dataclass
class Alt:
    """Branches separated by ``|``; each is a sequence of pieces."""

    branches: list[list[Node]] = field(default_factory=list)

    def ends(self, first: bool) -> tuple[frozenset[str], bool]:
        """Returns: the kinds any branch can start (or end) with; empty if any branch can be."""
        found = [ends(branch, first) for branch in self.branches]
        return frozenset().union(*(c for c, _ in found)), any(n for _, n in found)


@dataclass
class Group:
    """``(...)``, ``(?:...)``, ``(?P<name>...)`` or ``(?i:...)``."""

    opener: str
    body: Alt

    def ends(self, first: bool) -> tuple[frozenset[str], bool]:
        """Returns: those of its body."""
        return self.body.ends(first)


@dataclass
class Repeat:
    """A piece with ``*``, ``+``, ``?`` or ``{m,n}``; ``many`` when it can come twice."""

    body: Node
    quantifier: str
    nullable: bool
    many: bool

    def ends(self, first: bool) -> tuple[frozenset[str], bool]:
        """Returns: those of its body, empty if it may be left out."""
        chars, nullable = self.body.ends(first)
        return chars, nullable or self.nullable


Node: TypeAlias = Atom | Assert | Group | Repeat | Alt


def _char(char: str) -> frozenset[str]:
    return WORD if re.fullmatch(r"\w", char) else NOT


def _chars_of_range(low: str, high: str) -> frozenset[str]:
    if ord(high) - ord(low) > 512:  # noqa: PLR2004 - wide ranges hold both kinds
        return BOTH
    return frozenset().union(*(_char(chr(c)) for c in range(ord(low), ord(high) + 1)))


class _Reader:
    """Recursive descent over RE2/Python syntax, keeping each piece's source text."""

    def __init__(self, pattern: str):
        self.text, self.at = pattern, 0

    def peek(self, size: int = 1) -> str:
        return self.text[self.at:self.at + size]

    def alt(self) -> Alt:
        node = Alt([self.seq()])
        while self.peek() == "|":
            self.at += 1
            node.branches.append(self.seq())
        return node

    def seq(self) -> list[Node]:
        items: list[Node] = []
        while self.at < len(self.text) and self.peek() not in "|)":
            item = self.item()
            match = _REPEAT.match(self.text, self.at)
            if self.peek() in ("*", "+", "?") or match:
                end = match.end() if match else self.at + 1
                low = int(match.group(1)) if match else (1 if self.peek() == "+" else 0)
                high = (match.group(3) if match.group(2) else match.group(1)) if match else None
                many = self.peek() != "?" if not match else high in ("", None) or int(high) > 1
                if self.text[end:end + 1] in ("?", "+"):
                    end += 1
                item = Repeat(item, self.text[self.at:end], low == 0, many)
                self.at = end
            items.append(item)
        return items

    def item(self) -> Node:
        char = self.peek()
        if char == "(":
            return self.group()
        if char == "[":
            return self.char_class()
        if char == "\\":
            text, chars = self.escape()
            return Assert(text) if chars is None else Atom(text, chars)
        self.at += 1
        if char in "^$":
            return Assert(char)
        return Atom(char, BOTH if char == "." else _char(char))

    def group(self) -> Node:
        start = self.at
        flags = re.compile(r"\(\?[a-zA-Z-]*[:)]|\(\?P?<[A-Za-z_]\w*>|\(").match(self.text, start)
        if flags is None:
            raise Unread("look-around, back-reference or comment")
        self.at = flags.end()
        if flags.group().endswith(")") and flags.group() != "(":
            return Assert(flags.group())  # (?i): flags for the rest, matches nothing
        body = self.alt()
        if self.peek() != ")":
            raise Unread("unclosed group")
        self.at += 1
        return Group(flags.group(), body)

    def escape(self) -> tuple[str, frozenset[str] | None]:
        start, letter = self.at, self.text[self.at + 1:self.at + 2]
        self.at += 2
        if letter in _ASSERTS:
            return self.text[start:self.at], None
        if letter in _ESCAPES:
            return self.text[start:self.at], _ESCAPES[letter]
        if letter in ("p", "P"):
            name = re.compile(r"\{\^?(\w+)\}|\w").match(self.text, self.at)
            if name is None:
                raise Unread("bad class")
            self.at = name.end()
            category = name.group(1) or name.group()  # L, Lu, N, Nd: letters and digits
            chars = WORD if letter == "p" and re.fullmatch(r"[LN][a-z]?", category) else BOTH
            return self.text[start:self.at], chars
        if letter == "x":
            code = re.compile(r"\{([0-9a-fA-F]+)\}|[0-9a-fA-F]{2}").match(self.text, self.at)
            if code is None:
                raise Unread("bad hex escape")
            self.at = code.end()
            return self.text[start:self.at], _char(chr(int(code.group(1) or code.group(), 16)))
        if not letter or letter.isalnum():
            raise Unread(f"escape \\{letter}")
        return self.text[start:self.at], _char(letter)

    def char_class(self) -> Atom:
        start = self.at
        self.at += 1
        negated = self.peek() == "^"
        self.at += negated
        chars: frozenset[str] = NONE
        first = True
        while self.peek() != "]" or first:
            if not self.peek():
                raise Unread("unclosed class")
            first = False
            posix = re.compile(r"\[:(\w+):\]").match(self.text, self.at)
            if posix:
                self.at = posix.end()
                chars |= _POSIX.get(posix.group(1), BOTH)
                continue
            low, kinds = self.class_char()
            if self.peek() == "-" and self.text[self.at + 1:self.at + 2] not in ("]", ""):
                self.at += 1
                high, _ = self.class_char()
                kinds = _chars_of_range(low, high) if low and high else BOTH
            chars |= kinds
        self.at += 1
        return Atom(self.text[start:self.at], BOTH if negated else chars)

    def class_char(self) -> tuple[str, frozenset[str]]:
        """One member of a class: (the character or "" for a set, its kinds)."""
        if self.peek() != "\\":
            self.at += 1
            return self.text[self.at - 1], _char(self.text[self.at - 1])
        text, chars = self.escape()
        if chars is None:
            raise Unread("assertion in a class")
        single = len(text) == 2 and not text[1].isalnum()  # noqa: PLR2004 - "\\." etc.
        return (text[1] if single else ""), chars


def ends(items: list[Node], first: bool) -> tuple[frozenset[str], bool]:
    """The kinds of character a sequence can start (or end) with, and whether it can be empty."""
    kinds: frozenset[str] = NONE
    for item in (items if first else reversed(items)):
        chars, nullable = item.ends(first)
        kinds |= chars
        if not nullable:
            return kinds, False
    return kinds, True


def asserts(node: Node | list[Node]) -> Iterator[Assert]:
    """Yields: every ``Assert`` in the piece, in pattern order."""
    if isinstance(node, list):
        for item in node:
            yield from asserts(item)
    elif isinstance(node, Assert):
        yield node
    elif isinstance(node, Group | Repeat):
        yield from asserts(node.body)
    elif isinstance(node, Alt):
        for branch in node.branches:
            yield from asserts(branch)


def write(node: Node | list[Node], rewrite: Callable[[Assert], str]) -> str:
    """The piece as pattern text, each ``Assert`` written by ``rewrite``."""
    if isinstance(node, list):
        return "".join(write(item, rewrite) for item in node)
    if isinstance(node, Group):
        return f"{node.opener}{write(node.body, rewrite)})"
    if isinstance(node, Repeat):
        return write(node.body, rewrite) + node.quantifier
    if isinstance(node, Alt):
        return "|".join(write(branch, rewrite) for branch in node.branches)
    return rewrite(node) if isinstance(node, Assert) else node.text


def read_pattern(pattern: str) -> Alt:
    """Read a pattern into pieces.

    Args:
        pattern: Python/RE2 syntax.

    Returns:
        The pattern as one ``Alt``.

    Raises:
        Unread: look-around, back-references, comments or broken syntax.
    """
    reader = _Reader(pattern)
    try:
        tree = reader.alt()
    except IndexError:
        raise Unread("unexpected end") from None
    if reader.at != len(pattern):
        raise Unread("unbalanced )")
    return tree
