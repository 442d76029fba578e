"""Consultation responses as Word files with real styles, so officers can go on editing them.

Styles come from python-docx's default template: Title, Heading 1/2, Quote, List Number,
List Bullet and Table Grid. python-docx writes every string as text (never as markup); the
view has already removed control characters, which XML cannot carry.
"""
from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from analysis.charts import figure_share
from exports.document import ResponseDocument
from exports.markup import Block, BulletList, Paragraph, Run, SubHeading
from exports.renderers.view import Part, ResponseView, quote_attribution, quote_text, response_view

__all__ = ["render_docx", "set_language"]

GREY = RGBColor(0x50, 0x5A, 0x5F)


def render_docx(doc: ResponseDocument) -> bytes:
    """Write a response as a .docx file.

    Args:
        doc: the checked response (see ``exports.document``).

    Returns:
        The .docx bytes: cover, a contents page with its entries written out (linked to
        the headings), parts with Heading 1, questions with Heading 2 under their chapter,
        officer sub-headings one level below, quotes in the Quote style, numbered recommendations,
        the theme figures as a table and the notes as endnotes.
    """
    view = response_view(doc)
    word = Document()
    set_language(word, view.language)
    props = word.core_properties
    props.title, props.author, props.language = view.title, view.organisation, view.language
    props.subject = "Consultation response"

    _page_footer(word)
    _cover(word, view)
    _contents(word, view)
    for number, part in enumerate(view.parts, start=1):
        _bookmark(word.add_heading(part.title, level=part.level), part, number)
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


def _page_footer(word) -> None:
    # "Page 3 of 9" as fields, so the numbers stay right however officers edit the text.
    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for words, field in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
        paragraph.add_run(words)
        _field_char(paragraph.add_run(), "begin")
        code = OxmlElement("w:instrText")
        code.set(qn("xml:space"), "preserve")
        code.text = f" {field} "
        paragraph.add_run()._r.append(code)
        _field_char(paragraph.add_run(), "separate")
        paragraph.add_run("1")  # shown until Word updates the field
        _field_char(paragraph.add_run(), "end")
    for run in paragraph.runs:
        run.font.size, run.font.color.rgb = Pt(9), GREY


def _part(word, view: ResponseView, part: Part) -> None:
    sub = part.level + 1  # an officer's "### " sub-heading sits one level below its part
    if part.kind == "text":
        _blocks(word, part.blocks, level=sub)
    elif part.kind == "recommendations":
        for item in part.items:
            _blocks(word, item, paragraph_style="List Number", level=sub)
    elif part.kind == "chart":
        _figures_table(word, view)
    elif part.kind == "section":
        if part.themes:
            themes = word.add_paragraph()
            themes.add_run("Themes: ").bold = True
            themes.add_run("; ".join(part.themes))
        _blocks(word, part.blocks, level=sub)
        for quote in part.quotes:
            words = word.add_paragraph(f"“{quote_text(quote)}”", style="Quote")
            # A page break never parts a member's words or leaves their attribution alone.
            words.paragraph_format.keep_together = words.paragraph_format.keep_with_next = True
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


def _blocks(word, blocks: tuple[Block, ...], paragraph_style: str | None = None,
            level: int = 2) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            _runs(word.add_paragraph(style=paragraph_style), block.runs)
            paragraph_style = None  # only a recommendation's first paragraph is numbered
        elif isinstance(block, BulletList):
            for item in block.items:
                _runs(word.add_paragraph(style="List Bullet"), item)
        elif isinstance(block, SubHeading):
            word.add_heading(block.text, level=level)


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
    titles = ("Theme", "Members", "Share of members")
    for cell, text in zip(table.rows[0].cells, titles, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table.rows[0])
    for figure in view.figures:
        cells = table.add_row().cells
        cells[0].text = " ".join(figure.label.split())
        cells[1].text = f"{figure.members} of {figure.total_members}"
        cells[2].text = f"{round(100 * figure_share(figure))}%"


def _contents(word, view: ResponseView) -> None:
    """The contents page, written out: one linked entry per part and question.

    The entries are the cached result of a TOC field, so Word shows them as they are (no
    "Update Field" needed) and can still rebuild them, adding page numbers, on request.
    """
    word.add_paragraph("Contents", style="TOC Heading" if _has_style(word, "TOC Heading")
                       else "Heading 1")
    styles = {level: _toc_style(word, level) for level in {p.level for p in view.parts}}
    entries = [word.add_paragraph(style=styles[part.level]) for part in view.parts]
    if entries:
        _field_char(entries[0].add_run(), "begin")
        instruction = OxmlElement("w:instrText")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = r' TOC \o "1-2" \h \z \u '
        entries[0].add_run()._r.append(instruction)
        _field_char(entries[0].add_run(), "separate")
        for paragraph, part in zip(entries, view.parts, strict=True):
            _hyperlink(paragraph, part.title, _anchor(part))
        _field_char(entries[-1].add_run(), "end")
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _toc_style(word, level: int):
    # Word's own names for contents entries; it uses (and restyles) them when it updates.
    name = f"toc {level}"
    if _has_style(word, name):
        return word.styles[name]
    style = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = word.styles["Normal"]
    style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
    style.paragraph_format.space_after = Pt(4)
    return style


def _field_char(run, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    run._r.append(element)


def _anchor(part: Part) -> str:
    # Word bookmark names: letters, digits and underscores, starting with a letter (or _Toc).
    return "_Toc_" + "".join(c if c.isalnum() else "_" for c in part.id)


def _hyperlink(paragraph, text: str, anchor: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _bookmark(paragraph, part: Part, number: int) -> None:
    # Around the heading's words: the contents entry links here, and Word's TOC finds it.
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), _anchor(part))
    end.set(qn("w:id"), str(number))
    first = paragraph.runs[0]._r if paragraph.runs else None
    if first is not None:
        first.addprevious(start)
    else:
        paragraph._p.append(start)
    paragraph._p.append(end)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def set_language(word, language: str) -> None:
    """Set a Word document's default language (both Word renderers use it).

    Args:
        word: a python-docx Document.
        language: a language tag such as "en-GB".
    """
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
