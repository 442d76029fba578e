"""What the renderers print: a consultation response as plain data, already checked.

Drafts (``exports.services.drafts``) build these from the database, applying consent,
redaction and quote checks; renderers (``exports.renderers``) turn them into PDF, Word or
Easy Read without touching the database, so every format shows the same checked content.

Officer text (``about``, ``introduction``, ``summary``, ``Section.text``, ...) is a small,
safe markup, parsed by ``exports.markup``; everything else is shown as it is. All text is
escaped by the renderers; nothing in it is ever treated as HTML:

- a blank line separates paragraphs; ``**bold**`` and ``*italic*`` inside a paragraph;
- lines starting ``- `` make a bulleted list; a line starting ``### `` is a sub-heading;
- ``[^1]`` marks a note, and a line ``[^1]: text`` anywhere in the same field gives its text
  (printed as numbered endnotes / footnotes).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from analysis.charts import ThemeFigure

__all__ = ["Quote", "Section", "ThemeFigure", "ResponseDocument", "EasyReadItem",
           "EasyReadDocument"]


@dataclass(frozen=True)
class Quote:
    """A member's words, checked against the redacted segment they came from.

    ``attribution`` is what may be printed ("Forum member", or "Forum member, a woman in
    her 30s" only with consent and a group of at least 5); ``source`` says where it was
    said ("Focus group, 3 March 2026", "Tablet survey").
    """

    segment_id: int
    text: str
    attribution: str = "Forum member"
    source: str = ""


@dataclass(frozen=True)
class Section:
    """One consultation question, in the consultation's own numbering ("Q18").

    ``chapter`` is the consultation's own chapter or part heading the question sits under
    ("Chapter 3: Employment"); questions without one are printed under one "answers" heading.
    """

    number: str
    question: str
    text: str = ""
    themes: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    chapter: str = ""


@dataclass(frozen=True)
class ResponseDocument:
    """A whole consultation response, in printing order."""

    title: str
    organisation: str
    date: date
    contact: str = ""
    about: str = ""
    introduction: str = ""
    summary: str = ""
    recommendations: tuple[str, ...] = ()
    methods: str = ""
    sections: tuple[Section, ...] = ()
    theme_figures: tuple[ThemeFigure, ...] = ()
    language: str = "en-GB"
    # The consultation's questions the response does not answer (number, question, chapter):
    # printed as a list after the answers, so a reader knows they were skipped, not lost.
    unanswered: tuple[Section, ...] = ()


@dataclass(frozen=True)
class EasyReadItem:
    """One thing members said, one quote, and what the charity did about it.

    ``theme`` is the heading: a theme's label, a question's plain heading, or "Question 5";
    ``asked`` is then the consultation's own wording, printed smaller under it ("" for none).
    """

    theme: str
    quote: Quote | None
    what_we_did: str
    picture: str = ""  # a static file name under exports/static/easyread/, or "" for none
    asked: str = ""


@dataclass(frozen=True)
class EasyReadDocument:
    """The "You said, we did" summary for forum members: short lines, one idea each."""

    title: str
    organisation: str
    date: date
    intro: tuple[str, ...] = ()
    items: tuple[EasyReadItem, ...] = ()
    contact: str = ""
    language: str = "en-GB"
