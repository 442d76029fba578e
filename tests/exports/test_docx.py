"""The Word file, read back with python-docx: real styles, order, notes, escaping."""
from __future__ import annotations

from dataclasses import replace

from exports.renderers import render_docx
from exports.renderers.view import ANSWERS

from .conftest import docx_document, hostile_response, hostile_text, squash


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def test_real_styles_are_used(response):
    document = docx_document(render_docx(response))
    assert styled(document, "Title") == [response.title]
    headings = styled(document, "Heading 1")
    assert headings == ["About Northway Together", "Introduction", "Summary",
                        "Key recommendations", "How we gathered members' views",
                        "What members raised most often", ANSWERS,
                        "Further information", "Notes"]
    assert styled(document, "Heading 2") == [f"{s.number}. {s.question}" for s in response.sections]
    assert "What members suggested" in styled(document, "Heading 3")
    assert len(styled(document, "List Number")) == len(response.recommendations)
    assert len(styled(document, "List Bullet")) >= 3
    quotes = styled(document, "Quote")
    for section in response.sections:
        for quote in section.quotes:
            assert f"“{squash(quote.text)}”" in quotes
            assert f"— {quote.attribution}, {quote.source}" in quotes


def test_bold_italic_and_note_marks_are_runs_not_markup(response):
    document = docx_document(render_docx(response))
    about = next(p for p in document.paragraphs if "service user forum" in p.text)
    assert "**" not in about.text
    assert any(run.bold and run.text == "service user forum" for run in about.runs)
    intro = next(p for p in document.paragraphs if p.text.startswith("We welcome"))
    assert any(run.italic and run.text == "joined-up care in the community" for run in intro.runs)
    assert any(run.font.superscript and run.text == "1" for run in intro.runs)
    notes = document.paragraphs[-2:]
    assert notes[0].text.startswith("1. See our briefing")
    assert notes[1].text.startswith("2. Eleven of the 31 members")


def test_theme_figures_are_a_table_and_metadata_is_set(response):
    document = docx_document(render_docx(response))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Theme", "Members", "Share of members"]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert rows[0] == ["Waiting times and being left without help", "21 of 31", "68%"]
    assert len(rows) == len(response.theme_figures)
    assert document.core_properties.title == response.title
    assert document.core_properties.language == "en-GB"
    lang = document.styles.element.xpath("//w:docDefaults//w:lang")[0]
    assert lang.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "en-GB"


def test_hostile_text_and_control_characters_stay_plain_text():
    document = docx_document(render_docx(hostile_response()))
    text = "\n".join(p.text for p in document.paragraphs)
    cleaned = hostile_text().replace("\x00", "").replace("\x07", "").replace("\x1b", "")
    assert f"“Quote {squash(cleaned)}”" in text  # as typed, minus the control characters
    assert "<script>alert(1)</script>" in text
    assert "\x00" not in text
    xml = document.element.xml
    assert "<script>" not in xml and "&lt;script&gt;" in xml


def test_empty_response_still_opens(response):
    doc = replace(response, about="", introduction="", summary="", recommendations=(),
                  methods="", sections=(), theme_figures=(), contact="")
    document = docx_document(render_docx(doc))
    assert styled(document, "Title") == [response.title]
    assert styled(document, "Heading 1") == []


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_contents_entries_are_written_out_and_link_to_their_headings(response):
    """Word shows the contents as they are: no "Update Field" placeholder to right-click."""
    document = docx_document(render_docx(response))
    xml = document.element.xml
    assert "Update Field" not in xml
    level_1, level_2 = styled(document, "toc 1"), styled(document, "toc 2")
    assert level_1 == styled(document, "Heading 1")
    assert level_2 == styled(document, "Heading 2")
    # Every entry is a link to a bookmark that sits on its heading.
    body = document.element.body
    anchors = [link.get(f"{W}anchor") for link in body.iter(f"{W}hyperlink")]
    marks = {mark.get(f"{W}name"): mark.getparent() for mark in body.iter(f"{W}bookmarkStart")}
    assert len(anchors) == len(level_1) + len(level_2)
    for anchor in anchors:
        heading = marks[anchor]
        assert heading.xpath("string(.)") in level_1 + level_2
    # Still a TOC field (begin, separate, end), so Word can rebuild it with page numbers.
    kinds = [c.get(f"{W}fldCharType") for c in body.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert "TOC" in "".join(t.text for t in body.iter(f"{W}instrText"))
    assert not list(document.settings.element.iter(f"{W}updateFields"))


def test_questions_sit_under_the_consultations_own_chapters(response):
    first, second, *rest = response.sections
    doc = replace(response, sections=(replace(first, chapter="Chapter 2: Support"),
                                      replace(second, chapter="Chapter 2: Support"),
                                      *(replace(s, chapter="Chapter 3: Employment") for s in rest)))
    document = docx_document(render_docx(doc))
    names = [(p.style.name, p.text) for p in document.paragraphs
             if p.style.name in ("Heading 1", "Heading 2")]
    start = names.index(("Heading 1", "Chapter 2: Support"))
    assert names[start:start + 4] == [
        ("Heading 1", "Chapter 2: Support"), ("Heading 2", f"Q1. {first.question}"),
        ("Heading 2", f"Q2. {second.question}"), ("Heading 1", "Chapter 3: Employment")]
    assert ANSWERS not in [text for _, text in names]
    assert "Chapter 3: Employment" in styled(document, "toc 1")


def test_chapter_of_reads_the_consultations_own_chapters(app):
    from exports.services.drafts import chapter_of
    from forum.models import Consultation
    from forum.services.consultations import save_consultation
    from forum.services.questions import parse_questions

    consultation = save_consultation(
        Consultation(title="C", consulting_body="B"),
        parse_questions(
            "Q1. Before any chapter?\nChapter 3: Employment\nQ2. What helps you into work?"))
    first, second = consultation.questions
    assert chapter_of(first) == ""
    assert chapter_of(second) == "Chapter 3: Employment"


def test_a_quote_is_never_parted_from_its_attribution_by_a_page_break(response):
    """Word put "— Forum member, Focus group" alone at the top of a page, under nobody's words."""
    document = docx_document(render_docx(response))
    paragraphs = document.paragraphs
    quotes = [(p, paragraphs[i + 1]) for i, p in enumerate(paragraphs)
              if p.style.name == "Quote" and p.text.startswith("“")]
    assert quotes
    for words, attribution in quotes:
        assert attribution.text.startswith("— ")
        assert words.paragraph_format.keep_with_next and words.paragraph_format.keep_together


def test_every_page_has_a_page_number_in_the_footer(response):
    """The Word file had no page numbers, so a printed copy could not be referred to by page."""
    document = docx_document(render_docx(response))
    footer = document.sections[0].footer
    assert not footer.is_linked_to_previous
    xml = footer._element.xml
    instructions = [i.strip() for i in footer._element.xpath(".//w:instrText/text()")]
    assert instructions == ["PAGE", "NUMPAGES"]  # fields, so Word counts the pages itself
    assert "Page " in footer.paragraphs[0].text and " of " in footer.paragraphs[0].text
    assert "w:fldChar" in xml
