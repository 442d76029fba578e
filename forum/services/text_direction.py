"""The one rule that stops a piece of text turning the words round: explicit bidi controls go.

U+202A-U+202E (embeddings and overrides) and U+2066-U+2069 (isolates) make a screen, a PDF
or a spreadsheet show text in another order than it was typed: a member's "my file
\u202egnp.exe" shows as "my file exe.png", and an override left open turns round whatever
follows it on the line (a quote's attribution, the next words of a cell). Nobody says them
aloud, so neither members' words nor staff's text need them: pages (``template_finalize``),
exported documents and data files (``exports.markup.clean_text``) and every spreadsheet cell
(``spreadsheet_cells.spreadsheet_safe``) drop them. Words in a right-to-left script still read
right to left: their letters carry their direction.

They go on the way in too (``TypedRequest``): every form field, query argument and JSON body
(the tablets' sync API reads its own body: ``without_bidi_in``) loses them before a view
reads it, so no memo, name or answer is stored with them. A password is the one field kept
as typed: it is never shown, and one set with them would no longer match. A field named
``password`` keeps them in ``form``; every password field (``TypedPasswordField``, whatever
its name) reads ``form_as_typed``. Uploaded files lose them where their text is read: a
transcript's (``analysis.services.transcripts``, through ``read_transcript``'s ``clean``) and
a CSV import's (``surveys.services.imports.decode``).
"""
from __future__ import annotations

import re
from typing import Any

from flask import Request
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from werkzeug.utils import cached_property

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


def without_bidi_in(value: Any) -> Any:
    """Args: decoded JSON (or any value). Returns: it with every text in it, keys too, without
    bidi controls; numbers, booleans and None as they were."""
    if isinstance(value, str):
        return without_bidi_controls(value)
    if isinstance(value, list):
        return [without_bidi_in(item) for item in value]
    if isinstance(value, dict):
        return {without_bidi_in(key): without_bidi_in(item) for key, item in value.items()}
    return value


class TypedRequest(Request):
    """The app's request: form fields, query arguments and JSON arrive without bidi controls."""

    def _load_form_data(self) -> None:
        loaded = "form" in self.__dict__
        super()._load_form_data()
        if not loaded:
            # As typed, for the password fields (``forum.forms.fields.TypedPasswordField``),
            # whatever their names ("current", "confirm").
            self.__dict__["form_as_typed"] = self.__dict__["form"]
            self.__dict__["form"] = _cleaned(self.__dict__["form"], self.parameter_storage_class)

    @cached_property
    def args(self) -> MultiDict[str, str]:
        """The query arguments, without bidi controls."""
        return _cleaned(super().args, self.parameter_storage_class)

    def get_json(self, force: bool = False, silent: bool = False,
                 cache: bool = True) -> Any:
        """The JSON body (``Request.get_json``), every text in it without bidi controls."""
        return without_bidi_in(super().get_json(force=force, silent=silent, cache=cache))


def _cleaned(fields: MultiDict[str, str], kind: type[MultiDict[str, str]]) -> MultiDict[str, str]:
    """The fields, each value but a password's without bidi controls."""
    return kind([(name, value if "password" in name else without_bidi_controls(value))
                 for name, value in fields.items(multi=True)])
