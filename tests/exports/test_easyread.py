"""The Easy Read PDF: large type, a picture beside each idea, quotes and what we did."""
from __future__ import annotations

from dataclasses import replace

from exports.document import EasyReadItem, Quote
from exports.renderers import render_easy_read_pdf
from exports.renderers.easyread import easy_read_html, picture

from .conftest import hostile_text, pdf_pages_text, pdf_reader


def text_points(data: bytes) -> list[tuple[str, float]]:
    """Each run of visible text with its font size in points."""
    runs = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            runs.append((text.strip(), size * abs(tm[0]) * abs(cm[0])))  # CSS px to points

    for page in pdf_reader(data).pages:
        page.extract_text(visitor_text=visit)
    return runs


def smallest_text_points(data: bytes) -> float:
    """The smallest font size used for visible text, in points."""
    return min(size for _, size in text_points(data))


def test_large_type_pictures_quotes_and_what_we_did(easy_read):
    data = render_easy_read_pdf(easy_read)
    assert round(smallest_text_points(data), 1) >= 16  # Easy Read asks for 14 pt at least
    text = " ".join(pdf_pages_text(data))
    for item in easy_read.items:
        assert item.theme in text
        assert f"“{item.quote.text}”" in text
        for line in item.what_we_did.split("\n"):
            assert line in text
    assert text.count("You said:") == text.count("We did:") == len(easy_read.items)
    reader = pdf_reader(data)
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.metadata.title == "You said, we did"
    assert "Page 1 of" in text


def test_every_line_has_a_picture_slot_and_pictures_have_alt_text(easy_read):
    html = easy_read_html(easy_read)
    assert html.count('class="line') == html.count('class="slot')
    assert 'src="static:exports/easyread/clock.svg" alt="A clock: waiting"' in html
    assert "one shared record" in html and "tell your story once" in html


def test_unknown_or_path_pictures_fall_back_to_a_shipped_one(easy_read):
    assert picture("../../../etc/passwd") is None
    assert picture("nope.svg") is None
    item = EasyReadItem("Theme", None, "We did a thing.", picture="../response.css")
    html = easy_read_html(replace(easy_read, items=(item,)))
    assert "response.css\" alt" not in html
    assert "static:exports/easyread/speech.svg" in html
    assert "Many of you talked about this." in html


def test_hostile_text_is_escaped(easy_read):
    bad = hostile_text()
    item = EasyReadItem(f"Theme {bad}", Quote(1, f"Quote {bad}"), f"Did {bad}")
    doc = replace(easy_read, title=f"Title {bad}", intro=(f"Intro {bad}",), items=(item,),
                  contact=f"Call {bad}")
    html = easy_read_html(doc)
    assert "<script>" not in html and '<img src="file:' not in html
    data = render_easy_read_pdf(doc)
    assert b"/EmbeddedFile" not in data
    assert "<script>alert(1)</script>" in " ".join(pdf_pages_text(data))


def test_a_question_without_a_plain_heading_shows_its_number_and_smaller_wording(easy_read):
    """"Question 5" is the heading; the consultation's hard words sit below it, smaller."""
    bad = hostile_text()
    item = EasyReadItem("Question 5", Quote(1, "I need a job."), "We asked for work coaches.",
                        asked=f"What would help people on probation get into work? {bad}")
    doc = replace(easy_read, items=(item, replace(item, theme="Getting a job", asked="")))
    html = easy_read_html(doc)
    assert "<h2>Question 5</h2>" in html and "<h2>Getting a job</h2>" in html
    assert html.count('class="asked"') == 1 and "<script>" not in html
    data = render_easy_read_pdf(doc)
    text = " ".join(pdf_pages_text(data))
    assert text.index("Question 5") < text.index("The question was:") < text.index(
        "What would help people on probation") < text.index("You said:")
    sizes = dict(text_points(data))
    heading, asked = sizes["Question 5"], sizes["The question was:"]
    assert 14 <= asked < sizes["“I need a job.”"] < heading


def test_an_item_is_never_split_across_pages(easy_read):
    """Short headings let two items share a page; a quote once fell onto the next page alone."""
    mental_health = EasyReadItem(
        "Question 4", Quote(1, "... And there was this nurse in the custody suite, from the "
                            "liaison and diversion team, and she actually sat with me and asked "
                            "what was going on."),
        "We asked for mental health nurses at every police station and court.",
        asked="How can mental health, drug and alcohol services work better with the police, "
              "courts and probation?")
    women = EasyReadItem(
        "Question 7", Quote(2, "And nobody asked me, not once, is it safe to go back there. "
                            "They just wanted an address in the box."),
        "We asked for safe places to live that are just for women.",
        asked="How can services better meet the needs of women in contact with the justice "
              "system?")
    doc = replace(easy_read, intro=(), items=(mental_health, women) * 2)
    for page in pdf_pages_text(render_easy_read_pdf(doc)):
        assert page.count("You said:") == page.count("We did:") == page.count("“")


def test_the_word_version_has_the_same_words_in_large_type_with_real_headings(easy_read):
    from exports.renderers import render_easy_read_docx

    from .conftest import docx_document

    document = docx_document(render_easy_read_docx(easy_read))
    styled = {}
    for paragraph in document.paragraphs:
        styled.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert styled["Title"] == [easy_read.title]
    assert styled["Heading 1"] == [item.theme for item in easy_read.items] + ["Questions?"]
    assert styled["Quote"] == [f"“{item.quote.text}”" for item in easy_read.items]
    text = [p.text for p in document.paragraphs]
    assert text.count("You said:") == text.count("We did:") == len(easy_read.items)
    for item in easy_read.items:
        for line in item.what_we_did.split("\n"):
            assert line in text
    sizes = [run.font.size or paragraph.style.font.size
             for paragraph in document.paragraphs if paragraph.text for run in paragraph.runs]
    assert None not in sizes and min(size.pt for size in sizes) >= 16  # as the PDF
    assert document.core_properties.title == "You said, we did"
    assert document.core_properties.language == "en-GB"


def test_the_word_version_keeps_hostile_text_as_words(easy_read):
    from exports.renderers import render_easy_read_docx

    from .conftest import docx_document

    bad = hostile_text()
    item = EasyReadItem(f"Theme {bad}", Quote(1, f"Quote {bad}"), f"Did {bad}")
    document = docx_document(render_easy_read_docx(replace(easy_read, items=(item,))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "<script>alert(1)</script>" in text and "\x00" not in text
