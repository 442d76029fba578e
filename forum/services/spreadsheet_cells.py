"""The one rule that stops a spreadsheet running a downloaded cell as a formula.

Every CSV or workbook the app writes (the audit log, coded segments, the coding matrix)
passes its text cells through ``spreadsheet_safe``: Excel, LibreOffice and Google Sheets
read a cell starting with = + - @ (or a tab or carriage return before one) as a formula,
so text a person typed ("=HYPERLINK(...)", "-1 for housing") could run on an officer's
machine. A leading apostrophe makes the spreadsheet show it as text. Spaces before the sign
(" =HYPERLINK(...)") and the full-width and small forms of the signs ("\uff1d", "\ufe66", as
typed on an East Asian keyboard) start a formula too: they are read through (NFKC). So are
characters nobody sees before the sign ("\u200b=HYPERLINK(...)"): zero-width spaces and
joiners, the word joiner, a byte order mark, direction marks and the other Unicode format
characters, Hangul fillers and variation selectors, which some spreadsheets drop first.
"""
from __future__ import annotations

import unicodedata

from forum.services.text_direction import without_bidi_controls

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Shown as nothing, yet not whitespace to str.strip(): a combining grapheme joiner, Khmer
# inherent vowels, Hangul fillers, variation selectors (format characters, "Cf", are found by
# their category: zero-width spaces and joiners, U+2060, U+FEFF, direction marks, soft hyphen).
_INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0"
                       + "".join(map(chr, range(0xFE00, 0xFE10))))


def spreadsheet_safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe.

    Args:
        value: a cell; anything but text (a number, a date, None) is returned as it is.

    Returns:
        The value, with "'" in front when it is text starting like a formula, and without
        explicit bidi controls (``text_direction``), which would show the cell turned round.
    """
    if not isinstance(value, str):
        return value
    # First: "\u202e=1+1" would start with "=" once anything else dropped the override.
    value = without_bidi_controls(value)
    return "'" + value if _starts_like_formula(value) else value


def _starts_like_formula(value: str) -> bool:
    """Whether the text's first sign, after any spaces or invisible characters, in any width,
    starts a formula."""
    if value.startswith(FORMULA_START):
        return True
    first = next((c for c in value if not _skipped(c)), "")
    return unicodedata.normalize("NFKC", first).startswith(FORMULA_START[:4])


def _skipped(char: str) -> bool:
    """Whether a spreadsheet may pass over this character before reading a formula."""
    return char.isspace() or char in _INVISIBLE or unicodedata.category(char) == "Cf"
