"""Read the editable word and pattern lists kept in ``analysis/core/data/``."""
from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["DATA_DIR", "load_list", "load_set"]

DATA_DIR = Path(__file__).with_name("data")


@cache
def load_list(name: str) -> tuple[str, ...]:
    """Return the non-blank, non-comment lines of a data file, in file order.

    Args:
        name: file name inside ``analysis/core/data/`` (e.g. ``"prisons.txt"``).

    Returns:
        The stripped lines; anything after a ``#`` that starts a line is a comment.
    """
    lines = []
    for raw in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        # Only whole-line comments: some entries (St Thomas') contain punctuation.
        if line and not line.startswith("#"):
            lines.append(line)
    return tuple(lines)


@cache
def load_set(name: str) -> frozenset[str]:
    """Return a data file's lines lower-cased, as a set for membership tests.

    Args:
        name: file name inside ``analysis/core/data/``.

    Returns:
        The lines, lower-cased.
    """
    return frozenset(line.lower() for line in load_list(name))
