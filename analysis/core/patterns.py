"""Staff-written regular expressions (codebook ``re:`` terms), run in linear time.

Python's ``re`` backtracks: a pattern like ``(a|a)+$`` takes time doubling with each
character and freezes a web worker. These patterns run on RE2 (``google-re2``), whose time
grows only in line with the text. RE2 has no look-around and no back-references; a pattern
using them is refused with a plain message when it is saved. ``\w`` and ``\W`` are made to
mean letters of any alphabet (``unicode_words``), and ``\b`` and ``\B`` too wherever the
pattern decides the characters beside them (``word_bounds``), as in Python.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, Protocol

from .word_bounds import BoundedPattern, word_bounds

__all__ = ["CompiledPattern", "PatternError", "compile_pattern", "unicode_words"]

UNSUPPORTED = (
    (re.compile(r"\(\?<?[=!]"), "look-ahead and look-behind, like (?=…) or (?<!…),"),
    (re.compile(r"\\[1-9]|\(\?P=|\\g<"), "a back-reference to an earlier group, like \\1,"),
    (re.compile(r"\(\?>|[*+?}][+]"), "an atomic group or possessive repeat, like (?>…) or a++,"),
)


class PatternError(ValueError):
    """A pattern the safe engine cannot run, with the reason in plain English."""


class PatternMatch(Protocol):
    """The part of an RE2 match this app uses (the same as ``re.Match``)."""

    def start(self) -> int: ...

    def end(self) -> int: ...


class CompiledPattern(Protocol):
    """The part of a compiled RE2 pattern this app uses (the same as ``re.Pattern``)."""

    def search(self, text: str) -> PatternMatch | None: ...

    def findall(self, text: str) -> list[Any]: ...

    def finditer(self, text: str) -> Iterator[PatternMatch]: ...


def _options() -> Any:  # google-re2 ships no type hints
    import re2

    options = re2.Options()
    options.case_sensitive = False
    options.log_errors = False  # a refused pattern is the user's typo, not a server log line
    return options


def unicode_words(pattern: str) -> str:
    """The pattern with ``\\w`` and ``\\W`` meaning letters of any alphabet, as in Python.

    RE2's ``\\w`` is ASCII only, so ``caf\\w+`` would miss "café"; ``\\pL`` (any letter)
    and ``\\pN`` (any digit) are its Unicode classes. (``\\W`` inside ``[...]`` stays ASCII:
    RE2 has no way to say "not a letter" there.)

    Args:
        pattern: a staff pattern.

    Returns:
        The same pattern for RE2.
    """
    out, in_class, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            if escaped == "w":
                out.append(r"\pL\pN_" if in_class else r"[\pL\pN_]")
            elif escaped == "W" and not in_class:
                out.append(r"[^\pL\pN_]")
            else:
                out.append(char + escaped)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


@functools.lru_cache(maxsize=512)
def compile_pattern(pattern: str) -> CompiledPattern:
    """Compile a staff pattern for RE2, ignoring case.

    Args:
        pattern: the text after ``re:``.

    Returns:
        A compiled RE2 pattern (``search``, ``findall``, ``finditer`` as in ``re``).

    Raises:
        PatternError: RE2 cannot run it (look-around, back-references, bad syntax).
    """
    import re2

    bounded, markers = word_bounds(pattern)
    try:
        if not markers:
            compiled: CompiledPattern = re2.compile(unicode_words(bounded), _options())
            return compiled
        # Marker groups at the match's edges: searched as UTF-8 bytes, spans given back.
        return BoundedPattern(re2.compile(unicode_words(bounded).encode(), _options()), markers)
    except re2.error as error:
        for shape, what in UNSUPPORTED:
            if shape.search(pattern):
                raise PatternError(f"{what} can make a search run for minutes, so it is not "
                                   "supported: rewrite the pattern without it") from None
        detail = error.args[0].decode("utf-8", "replace") if error.args and isinstance(
            error.args[0], bytes) else str(error)
        raise PatternError(f"this pattern cannot be run safely ({detail})") from None
