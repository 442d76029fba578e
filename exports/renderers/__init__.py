"""Renderers: a checked ResponseDocument or EasyReadDocument in, file bytes out.

Renderers never touch the database; WeasyPrint and python-docx load only when called.
"""
from __future__ import annotations

from exports.document import EasyReadDocument, ResponseDocument

__all__ = ["render_pdf", "render_docx", "render_easy_read_pdf", "render_easy_read_docx"]


def render_pdf(doc: ResponseDocument) -> bytes:
    """The response as a tagged PDF (see ``exports.renderers.pdf``)."""
    from exports.renderers.pdf import render_pdf as render

    return render(doc)


def render_docx(doc: ResponseDocument) -> bytes:
    """The response as an editable Word file (see ``exports.renderers.docx``)."""
    from exports.renderers.docx import render_docx as render

    return render(doc)


def render_easy_read_pdf(doc: EasyReadDocument) -> bytes:
    """The "You said, we did" Easy Read PDF (see ``exports.renderers.easyread``)."""
    from exports.renderers.easyread import render_easy_read_pdf as render

    return render(doc)


def render_easy_read_docx(doc: EasyReadDocument) -> bytes:
    """The Easy Read summary as a Word file (see ``exports.renderers.easyread_docx``)."""
    from exports.renderers.easyread_docx import render_easy_read_docx as render

    return render(doc)
