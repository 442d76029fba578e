"""The one rule that stops a piece of text turning the words round: explicit bidi controls go.

U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates) make a screen, a PDF
or a spreadsheet show text in another order than it was typed: a member's "my file
\u202egnp.exe" shows as "my file exe.png", and an override left open turns round whatever
follows it on the line (a quote's attribution, the next words of a cell). Nobody says them
aloud, so neither members' words nor staff's text need them: pages (``template_finalize``),
exported documents and data files (``exports.markup.clean_text``) and every spreadsheet cell
(``spreadsheet_cells.spreadsheet_safe``) drop them. Words in a right-to-left script still read
right to left: their letters carry their direction.
"""
from __future__ import annotations

import re

from markupsafe import Markup

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    """Args: text. Returns: it without explicit bidi embeddings, overrides and isolates."""
    return BIDI_CONTROLS.sub("", text)


def template_finalize(value: object) -> object:
    """Jinja's ``finalize``: every value a template prints loses its bidi controls.

    Markup stays Markup (taking characters out adds no markup); anything else that is not
    text (a number, None, a form field) is printed as before.
    """
    if isinstance(value, Markup):
        return Markup(without_bidi_controls(str(value)))
    if isinstance(value, str):
        return without_bidi_controls(value)
    return value
