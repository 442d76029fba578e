"""The Easy Read "You said, we did" summary as a Word file, for a charity to edit or adapt.

The same words as the Easy Read PDF (``easy_read_view``) in the same large type: 18 pt text,
16 pt for the smaller lines, never under the 14 pt Easy Read asks for. Word gets no pictures:
python-docx cannot place the shipped SVG pictograms, and many charities add their own
picture library's images in Word anyway; the PDF keeps them.
"""
from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.shared import Pt

from exports.document import EasyReadDocument
from exports.renderers.docx import set_language
from exports.renderers.easyread import easy_read_view

__all__ = ["render_easy_read_docx"]

FONT = "Arial"
TEXT, SMALL, HEADING, TITLE = Pt(18), Pt(16), Pt(22), Pt(30)


def render_easy_read_docx(doc: EasyReadDocument) -> bytes:
    """Write the Easy Read summary as a .docx file.

    Args:
        doc: the checked summary (see ``exports.document``).

    Returns:
        The .docx bytes: the title, each topic as Heading 1 with "The question was:" under
        it, "You said:" and the quote in the Quote style, "We did:" and its lines, then
        "Questions?" and the contact lines.
    """
    view = easy_read_view(doc)
    labels = view["labels"]
    word = Document()
    _styles(word)
    set_language(word, view["language"])
    props = word.core_properties
    props.title, props.author = view["title"], view["organisation"]
    props.language = view["language"]
    props.subject = "Easy Read summary"

    word.add_paragraph(view["organisation"], style="Subtitle")
    word.add_paragraph(view["title"], style="Title")
    word.add_paragraph(view["date_text"], style="Subtitle")
    for line in view["intro"]:
        word.add_paragraph(line)
    for item in view["themes"]:
        word.add_heading(item["theme"], level=1)
        if item["asked"]:
            asked = word.add_paragraph()
            _run(asked, labels["asked"] + " ", SMALL, bold=True)
            _run(asked, item["asked"], SMALL)
        _run(word.add_paragraph(), labels["said"], TEXT, bold=True)
        if item["quote"]:
            word.add_paragraph(f"“{item['quote']}”", style="Quote")
        else:
            word.add_paragraph(labels["no_quote"])
        for number, line in enumerate(item["did"]):
            if number == 0:
                _run(word.add_paragraph(), labels["did"], TEXT, bold=True)
            word.add_paragraph(line)
    if view["contact"]:
        word.add_heading(labels["contact"], level=1)
        for line in view["contact"]:
            word.add_paragraph(line)

    out = BytesIO()
    word.save(out)
    return out.getvalue()


def _styles(word) -> None:
    # Every style the file uses gets Easy Read's large type and a plain font; python-docx's
    # template sets 11 pt Calibri and grey-blue italic quotes, hard to read for members.
    for name, size in (("Normal", TEXT), ("Title", TITLE), ("Subtitle", SMALL),
                       ("Heading 1", HEADING), ("Quote", TEXT)):
        style = word.styles[name]
        style.font.name, style.font.size = FONT, size
        style.font.italic = False
        style.paragraph_format.space_after = Pt(10)
    word.styles["Quote"].font.color.rgb = None
    word.styles["Subtitle"].font.color.rgb = None


def _run(paragraph, text: str, size, bold: bool = False) -> None:
    run = paragraph.add_run(text)
    run.font.size, run.bold = size, bold or None
