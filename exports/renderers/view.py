"""A ResponseDocument laid out as parts in printing order, shared by the PDF and Word renderers.

Officer text is parsed once here, and notes are numbered across the whole document in the
order they appear, so the PDF and the Word file carry the same numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from exports.document import Quote, ResponseDocument, Section, ThemeFigure
from exports.markup import Block, BulletList, NoteBook, Paragraph, Run, clean_text

__all__ = ["ANSWERS", "UNANSWERED", "Part", "ResponseView", "response_view", "long_date",
           "quote_text", "quote_attribution", "chart_summary"]

# The heading the questions sit under when the consultation has no chapters of its own.
ANSWERS = "Our answers to the consultation's questions"
# The part after the answers that names the questions the response leaves out.
UNANSWERED = "Questions we have not answered"


CHART_FROM = 2  # themes ticked before "What members raised most often" is charted


@dataclass
class Part:
    """One numbered part of the response: its heading, anchor and content."""

    id: str
    title: str
    kind: str  # "text", "recommendations", "chart", "heading", "section", "contact", "notes"
    # 1 for a part of the response, 2 for a question under its chapter (or under "answers").
    level: int = 1
    blocks: tuple[Block, ...] = ()
    items: list[tuple[Block, ...]] = field(default_factory=list)  # recommendations
    section: Section | None = None
    themes: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass
class ResponseView:
    title: str
    organisation: str
    date_text: str
    contact_lines: list[str]
    language: str
    parts: list[Part]
    notes: list[tuple[int, tuple[Run, ...]]]
    figures: tuple[ThemeFigure, ...]


def long_date(value: date) -> str:
    """A date as printed in a response: "3 March 2026"."""
    return f"{value.day} {value:%B %Y}"


def quote_text(quote: Quote) -> str:
    """A quote's words on one line, without control characters."""
    return " ".join(clean_text(quote.text).split())


def quote_attribution(quote: Quote) -> str:
    """Who said it and where: "Forum member, Focus group, 3 March 2026"."""
    who = clean_text(quote.attribution).strip() or "Forum member"
    where = clean_text(quote.source).strip()
    return f"{who}, {where}" if where else who


def chart_summary(figures: tuple[ThemeFigure, ...]) -> str:
    """The chart in words, used as its text alternative."""
    parts = [f"{clean_text(f.label)}: {f.members} of {f.total_members} members"
             for f in figures]
    return "Bar chart of how many forum members raised each theme. " + "; ".join(parts) + "."


def response_view(doc: ResponseDocument) -> ResponseView:
    """Lay out a response as parts, with notes numbered through the document.

    Args:
        doc: the checked response.

    Returns:
        The view both renderers print; empty fields give no part.
    """
    notebook = NoteBook()
    parts: list[Part] = []

    def text_part(anchor: str, title: str, text: str) -> None:
        blocks = notebook.blocks(text)
        if blocks:
            parts.append(Part(anchor, title, "text", blocks=blocks))

    text_part("about", f"About {clean_text(doc.organisation)}", doc.about)
    text_part("introduction", "Introduction", doc.introduction)
    text_part("summary", "Summary", doc.summary)
    recommendations = [notebook.blocks(r) for r in doc.recommendations]
    recommendations = [r for r in recommendations if r]
    if recommendations:
        parts.append(Part("recommendations", "Key recommendations", "recommendations",
                          items=recommendations))
    text_part("methods", "How we gathered members' views", doc.methods)
    # A chart of one bar compares nothing: with one theme ticked it is left out.
    charted = doc.theme_figures if len(doc.theme_figures) >= CHART_FROM else ()
    if charted:
        parts.append(Part("themes", "What members raised most often", "chart"))
    parts += _question_parts(doc.sections, notebook)
    if doc.unanswered:
        parts.append(_unanswered_part(doc.unanswered))
    contact_lines = [line.strip() for line in clean_text(doc.contact).split("\n") if line.strip()]
    if contact_lines:
        parts.append(Part("contact", "Further information", "contact"))
    if notebook.notes:
        parts.append(Part("notes", "Notes", "notes"))
    return ResponseView(
        title=clean_text(doc.title).strip() or "Consultation response",
        organisation=clean_text(doc.organisation).strip(),
        date_text=long_date(doc.date),
        contact_lines=contact_lines,
        language=clean_text(doc.language).strip() or "en-GB",
        parts=parts,
        notes=notebook.notes,
        figures=tuple(replace(f, label=" ".join(clean_text(f.label).split()))
                      for f in charted),
    )


def _question_heading(section: Section) -> str:
    number, question = clean_text(section.number).strip(), clean_text(section.question).strip()
    return f"{number}. {question}" if number and question else number or question


def _unanswered_part(sections: tuple[Section, ...]) -> Part:
    """The questions left out, listed as the consultation words them (never read as markup)."""
    lead = "We have not answered these questions:"
    items = tuple((Run(" ".join(_question_heading(s).split())),) for s in sections)
    return Part("unanswered", UNANSWERED, "text", blocks=(Paragraph((Run(lead),)),
                                                          BulletList(items)))


def _question_parts(sections: tuple[Section, ...], notebook: NoteBook) -> list[Part]:
    """Each question under its chapter heading (or under one "answers" heading), one level down.

    A question is its own part at level 2, so contents, PDF bookmarks and Word headings nest
    it under the heading it belongs to, never under whatever part happened to come before.
    """
    parts: list[Part] = []
    current = None
    for index, section in enumerate(sections, start=1):
        chapter = " ".join(clean_text(section.chapter).split()) or ANSWERS
        if chapter != current:
            current = chapter
            parts.append(Part(f"chapter-{index}", chapter, "heading"))
        parts.append(Part(f"section-{index}", _question_heading(section), "section", level=2,
                          section=section,
                          blocks=notebook.blocks(section.text),
                          themes=tuple(clean_text(t) for t in section.themes if t.strip()),
                          quotes=tuple(q for q in section.quotes if quote_text(q))))
    return parts
