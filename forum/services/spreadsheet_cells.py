"""The one rule that stops a spreadsheet running a downloaded cell as a formula.

Every CSV or workbook the app writes (the audit log, coded segments, the coding matrix)
passes its text cells through ``spreadsheet_safe``: Excel, LibreOffice and Google Sheets
read a cell starting with = + - @ (or a tab or carriage return before one) as a formula,
so text a person typed ("=HYPERLINK(...)", "-1 for housing") could run on an officer's
machine. A leading apostrophe makes the spreadsheet show it as text. Spaces before the sign
(" =HYPERLINK(...)") and the full-width and small forms of the signs ("\uff1d", "\ufe66", as
typed on an East Asian keyboard) start a formula too: they are read through (NFKC).
"""
from __future__ import annotations

import unicodedata

from forum.services.text_direction import without_bidi_controls

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
    """Whether the text's first sign, after any spaces, in any width, starts a formula."""
    first = unicodedata.normalize("NFKC", value.lstrip()[:1])
    return value.startswith(FORMULA_START) or first.startswith(FORMULA_START[:4])
