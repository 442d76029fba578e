"""The response PDF, read back: structure, tags, metadata, contents, quotes and escaping."""
from __future__ import annotations

import re
import threading
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from exports.renderers import render_pdf
from exports.renderers.pdf import html_to_pdf, response_html

from .conftest import hostile_response, pdf_pages_text, pdf_reader, pdftotext, squash


@pytest.fixture(scope="module")
def sample_pdf():
    from exports.samples import sample_response

    doc = sample_response()
    return doc, render_pdf(doc)


def struct_tags(reader) -> list[tuple[str, object]]:
    """Every (tag, alt text) in the PDF's structure tree, depth first."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if "/S" in node:
                found.append((str(node["/S"]), node.get("/Alt")))
            kids = node.get("/K")
            if kids is not None:
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_tagged_with_title_and_language(sample_pdf):
    doc, data = sample_pdf
    reader = pdf_reader(data)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == doc.title
    assert reader.metadata.author == doc.organisation
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    tags = [tag for tag, _ in struct_tags(reader)]
    for tag in ("/H1", "/H2", "/H3", "/BlockQuote", "/Figure", "/L", "/LI"):
        assert tag in tags


def test_chart_has_a_text_alternative(sample_pdf):
    doc, data = sample_pdf
    alts = [str(alt) for tag, alt in struct_tags(pdf_reader(data)) if tag == "/Figure"]
    assert len(alts) == 1
    for figure in doc.theme_figures:
        assert f"{figure.label}: {figure.members} of {figure.total_members} members" in alts[0]


def test_headings_in_order_with_page_footer_and_running_header(sample_pdf):
    doc, data = sample_pdf
    pages = pdf_pages_text(data)
    assert pages[0].startswith("Northway Together") and doc.title in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
    for text in pages[1:]:
        assert doc.title in text  # the running header
    body = " ".join(pages[2:])
    headings = ["About Northway Together", "Introduction", "Summary", "Key recommendations",
                "How we gathered members' views", "What members raised most often"]
    headings += [f"{s.number}. {s.question}" for s in doc.sections]
    headings += ["Further information", "Notes"]
    positions = [body.find(heading) for heading in headings]
    assert -1 not in positions, dict(zip(headings, positions, strict=True))
    assert positions == sorted(positions)


def test_contents_page_numbers_point_at_the_headings(sample_pdf):
    doc, data = sample_pdf
    pages = pdf_pages_text(data)
    contents = pages[1]
    assert "Contents" in contents
    for section in doc.sections:
        heading = f"{section.number}. {section.question}"
        match = re.search(re.escape(heading) + r"[ .]*?(\d+)(?= |$)", contents)
        assert match, heading
        page = int(match[1])
        assert heading in pages[page - 1] or heading[:40] in pages[page - 1], heading


def test_quotes_recommendations_and_notes_are_printed(sample_pdf):
    doc, data = sample_pdf
    text = " ".join(pdf_pages_text(data))
    for section in doc.sections:
        for quote in section.quotes:
            assert f"“{squash(quote.text)}”" in text
            assert f"— {quote.attribution}, {quote.source}" in text
    for recommendation in doc.recommendations:
        assert recommendation.replace("*", "")[:40] in text
    assert "See our briefing Passed Around" in text
    # Numbered (list markers are tagged as labels) and set apart in a box.
    html = response_html(doc)
    assert re.search(r'<div class="recommendations">\s*<ol>', html)


def test_pdftotext_reads_the_same_text_when_installed(sample_pdf):
    doc, data = sample_pdf
    text = pdftotext(data)
    if text is None:
        pytest.skip("pdftotext not installed (scripts/test.sh installs poppler-utils)")
    assert "Page 1 of" in text
    assert squash(doc.sections[0].quotes[0].text) in squash(text)


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (http.server's name)
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_hostile_text_is_escaped_fetches_nothing_and_embeds_nothing(http_server, monkeypatch):
    from exports.renderers import fetcher as fetcher_module

    asked: list[str] = []
    original = fetcher_module.StaticOnlyFetcher.fetch
    monkeypatch.setattr(fetcher_module.StaticOnlyFetcher, "fetch",
                        lambda self, url, headers=None: asked.append(url) or original(self, url))
    doc = hostile_response(http_server)
    html = response_html(doc)
    assert "<script>" not in html and '<img src="file:' not in html
    assert 'rel="attachment"' not in html and "<link rel=\"attachment" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\x00" not in html and "\x1b" not in html

    data = render_pdf(doc)
    assert _Recorder.hits == []
    assert all(url.startswith(("static:", "data:")) for url in asked), asked
    assert b"/EmbeddedFile" not in data and b"/FileAttachment" not in data
    text = " ".join(pdf_pages_text(data))
    assert '<script>alert(1)</script>' in text          # shown as the words typed
    assert '<img src="file:///etc/passwd">' in text
    assert "root:x:0:0" not in text


def test_attachments_are_never_embedded_even_from_static_files():
    html = ('<!DOCTYPE html><html lang="en-GB"><head><title>t</title>'
            '<link rel="attachment" href="static:exports/response.css"></head><body><p>'
            '<a rel="attachment" href="static:exports/easyread/tick.svg">file</a></p>'
            '</body></html>')
    data = html_to_pdf(html)
    assert b"/EmbeddedFile" not in data and b"/FileAttachment" not in data


def test_empty_fields_leave_no_empty_parts():
    from exports.samples import sample_response

    doc = replace(sample_response(1), about="", summary="  ", recommendations=(),
                  theme_figures=(), contact="")
    text = " ".join(pdf_pages_text(render_pdf(doc)))
    for missing in ("About Northway", "Summary", "Key recommendations",
                    "What members raised most often", "Further information"):
        assert missing not in text
    assert "Introduction" in text


def _outline(reader, items=None) -> list:
    """The PDF's bookmarks as (title, [children]) pairs."""
    items = reader.outline if items is None else items
    found: list = []
    for item in items:
        if isinstance(item, list):
            found[-1][1].extend(_outline(reader, item))
        else:
            found.append((item.title, []))
    return found


def test_questions_nest_under_the_answers_heading_not_the_chart(sample_pdf):
    from exports.renderers.view import ANSWERS

    doc, data = sample_pdf
    (title, parts), = _outline(pdf_reader(data))  # everything sits under the document title
    assert title == doc.title
    outline = dict(parts)
    assert outline["What members raised most often"] == []
    assert [title for title, _ in outline[ANSWERS]] == [f"{s.number}. {s.question}"
                                                        for s in doc.sections]
    html = response_html(doc)
    chart = html.index('class="contents-chart contents-level-1"')
    answers = html.index('class="contents-heading contents-level-1"')
    first = html.index('class="contents-section contents-level-2"')
    assert chart < answers < first


def test_chapters_group_questions_in_contents_and_bookmarks(sample_pdf):
    doc, _ = sample_pdf
    first, *rest = doc.sections
    chaptered = replace(doc, sections=(replace(first, chapter="Chapter 2: Support"),
                                       *(replace(s, chapter="Chapter 3: Employment")
                                         for s in rest)))
    outline = dict(_outline(pdf_reader(render_pdf(chaptered)))[0][1])
    assert [t for t, _ in outline["Chapter 2: Support"]] == [f"Q1. {first.question}"]
    assert len(outline["Chapter 3: Employment"]) == len(rest)


def test_a_heading_ending_in_a_full_stop_gets_no_second_one_from_the_leader():
    """The leader's first dot used to sit one dot-pitch after "answer.", reading "answer..".

    Text extraction puts a space there either way, so the test measures where poppler
    places the words: the gap before the leader must be clearly wider than its dot pitch.
    """
    import shutil
    import subprocess
    from xml.etree import ElementTree

    from exports.samples import sample_response

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed (scripts/test.sh installs poppler-utils)")
    doc = sample_response(1)
    section = replace(doc.sections[0], question="Do you agree? Please explain your answer.")
    data = render_pdf(replace(doc, sections=(section,)))
    page = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", "-", "-"], input=data,
                          capture_output=True, check=True).stdout.decode()
    words = [w for w in ElementTree.fromstring(page).iter() if w.tag.endswith("word")]
    at = next(i for i, w in enumerate(words) if w.text == "answer.")
    end, dot, next_dot = (float(words[at + k].get(edge))
                          for k, edge in ((0, "xMax"), (1, "xMin"), (2, "xMin")))
    assert words[at + 1].text == "." and words[at + 2].text == "."
    pitch = next_dot - dot
    assert dot - end > 1.5 * pitch, (dot - end, pitch)


def test_a_contents_entry_that_fills_its_line_keeps_its_page_number_beside_words():
    """The demo's 'Q1. What are the main barriers ... leave prison?' filled its line, and its
    dots and page number went on a line of their own, a row of dots under the question."""
    import shutil
    import subprocess

    from exports.samples import sample_response

    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler's pdftotext")
    sample = sample_response()
    # The demo's Q1 fills its line; its Q4's words but the last fill it exactly (one try left
    # 'Q4.' alone on a line); the sample's own questions end just short of the line (a fix that
    # pushed words left put their dots alone instead).
    long = ["What are the main barriers people face in stopping offending after they leave "
            "prison?", "How can mental health, drug and alcohol services work better with the "
            "police, courts and probation?"]
    for doc in (sample, replace(sample, sections=[replace(s, question=long[n % 2])
                                                  for n, s in enumerate(sample.sections)])):
        contents = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", "-", "-"],
                                  input=render_pdf(doc), capture_output=True, check=True
                                  ).stdout.decode("utf-8")
        alone = [line for line in contents.splitlines()
                 if re.fullmatch(r"\s*[. ]+\d+|\s*Q\d+\.\s*", line)]
        assert alone == [], alone
    assert re.search(r"prison\? [. ]+\d+$", contents, re.M), contents
    assert re.search(r"probation\? [. ]+\d+$", contents, re.M), contents


def test_a_long_web_address_or_word_stays_inside_the_page():
    """A web address pasted into an answer ran off the right edge of the page, cut off (a
    walk pasted a 160-letter word into Q5; a link with a long name does the same)."""
    import shutil
    import subprocess
    from xml.etree import ElementTree

    from exports.samples import sample_response

    if not shutil.which("pdftotext"):
        pytest.skip("needs poppler's pdftotext")
    # WeasyPrint breaks a line after a "/" but nowhere inside a long run of letters.
    link = ("https://consult.example.org/s/ReducingReoffendingCallForEvidenceAnnexB"
            "TechnicalAnnexAndEvidenceReviewOfResettlementServices")
    doc = sample_response(1)
    section = replace(doc.sections[0], text=f"Read the evidence at {link} before you answer.",
                      quotes=(replace(doc.sections[0].quotes[0], text=f"They sent me {link}"),))
    data = render_pdf(replace(doc, sections=(section,), contact=f"Policy team, {link}"))
    bbox = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()
    root = ElementTree.fromstring(bbox)
    pages = [p for p in root.iter() if p.tag.endswith("page")]
    outside = [(w.text, float(w.get("xMax")), float(p.get("width")))
               for p in pages for w in p.iter() if w.tag.endswith("word")
               if float(w.get("xMax")) > float(p.get("width")) - 30]
    assert outside == [], outside
