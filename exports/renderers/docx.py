"""Consultation responses as Word files with real styles, so officers can go on editing them.

Styles come from python-docx's default template: Title, Heading 1/2, Quote, List Number,
List Bullet and Table Grid. python-docx writes every string as text (never as markup); the
view has already removed control characters, which XML cannot carry.
"""
from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from exports.document import ResponseDocument
from exports.markup import Block, BulletList, Paragraph, Run, SubHeading
from exports.renderers.view import (Part, ResponseView, figure_share, quote_attribution,
                                    quote_text, response_view)

__all__ = ["render_docx"]

GREY = RGBColor(0x50, 0x5A, 0x5F)


def render_docx(doc: ResponseDocument) -> bytes:
    """Write a response as a .docx file.

    Args:
        doc: the checked response (see ``exports.document``).

    Returns:
        The .docx bytes: cover, a contents field Word fills in, parts with Heading 1,
        sub-headings with Heading 2, quotes in the Quote style, numbered recommendations,
        the theme figures as a table and the notes as endnotes.
    """
    view = response_view(doc)
    word = Document()
    _set_language(word, view.language)
    props = word.core_properties
    props.title, props.author, props.language = view.title, view.organisation, view.language
    props.subject = "Consultation response"

    _cover(word, view)
    for part in view.parts:
        word.add_heading(part.title, level=1)
        _part(word, view, part)

    out = BytesIO()
    word.save(out)
    return out.getvalue()


def _cover(word, view: ResponseView) -> None:
    word.add_paragraph(view.organisation, style="Subtitle")
    word.add_paragraph(view.title, style="Title")
    word.add_paragraph(view.date_text)
    for line in view.contact_lines:
        word.add_paragraph(line)
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    word.add_paragraph("Contents", style="TOC Heading" if _has_style(word, "TOC Heading")
                       else "Heading 1")
    _contents_field(word.add_paragraph())
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _part(word, view: ResponseView, part: Part) -> None:
    if part.kind == "text":
        _blocks(word, part.blocks)
    elif part.kind == "recommendations":
        for item in part.items:
            _blocks(word, item, paragraph_style="List Number")
    elif part.kind == "chart":
        _figures_table(word, view)
    elif part.kind == "section":
        if part.themes:
            themes = word.add_paragraph()
            themes.add_run("Themes: ").bold = True
            themes.add_run("; ".join(part.themes))
        _blocks(word, part.blocks)
        for quote in part.quotes:
            word.add_paragraph(f"“{quote_text(quote)}”", style="Quote")
            attribution = word.add_paragraph(style="Quote")
            run = attribution.add_run(f"— {quote_attribution(quote)}")
            run.italic, run.font.size, run.font.color.rgb = False, Pt(9), GREY
    elif part.kind == "contact":
        word.add_paragraph("For further information, or to arrange to hear from members of our "
                           "forum, please contact:")
        for line in view.contact_lines:
            word.add_paragraph().add_run(line).bold = True
    elif part.kind == "notes":
        for number, runs in view.notes:
            paragraph = word.add_paragraph()
            paragraph.add_run(f"{number}. ")
            _runs(paragraph, runs)


def _blocks(word, blocks: tuple[Block, ...], paragraph_style: str | None = None) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            _runs(word.add_paragraph(style=paragraph_style), block.runs)
            paragraph_style = None  # only a recommendation's first paragraph is numbered
        elif isinstance(block, BulletList):
            for item in block.items:
                _runs(word.add_paragraph(style="List Bullet"), item)
        elif isinstance(block, SubHeading):
            word.add_heading(block.text, level=2)


def _runs(paragraph, runs: tuple[Run, ...]) -> None:
    for run in runs:
        if run.note is not None:
            paragraph.add_run(str(run.note)).font.superscript = True
        else:
            added = paragraph.add_run(run.text)
            added.bold, added.italic = run.bold or None, run.italic or None


def _figures_table(word, view: ResponseView) -> None:
    word.add_paragraph("Number of forum members who raised each theme, out of everyone who "
                       "took part.", style="Caption")
    table = word.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Theme", "Members", "Share of members")):
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table.rows[0])
    for figure in view.figures:
        cells = table.add_row().cells
        cells[0].text = " ".join(figure.label.split())
        cells[1].text = f"{figure.members} of {figure.total_members}"
        cells[2].text = f"{round(100 * figure_share(figure))}%"


def _contents_field(paragraph) -> None:
    # A TOC field: Word (and LibreOffice) fill in headings and page numbers on update.
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, r'TOC \o "1-2" \h \z \u'), ("separate", None),
                       ("text", "Right-click and choose Update Field to show the contents."),
                       ("end", None)):
        if kind == "text":
            run.add_text(text)
            continue
        element = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            element.set(qn("w:fldCharType"), kind)
        else:
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _set_language(word, language: str) -> None:
    # The document default language drives Word's spelling and grammar checks.
    defaults = word.styles.element.find(qn("w:docDefaults"))
    run_props = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_props.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_props.append(lang)
    lang.set(qn("w:val"), language)


def _has_style(word, name: str) -> bool:
    return any(style.name == name for style in word.styles)
