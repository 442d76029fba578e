"""Property-based: any text in officer fields and quotes renders as plain text in PDF and Word."""
from __future__ import annotations

import io
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from exports.document import Quote, ResponseDocument, Section
from exports.markup import clean_text
from exports.renderers import render_docx, render_pdf

from .conftest import docx_document, squash

PAYLOADS = st.sampled_from([
    "<script>alert(1)</script>", '<img src="file:///etc/passwd">', "<img src=http://127.0.0.1:9/x>",
    '<a rel="attachment" href="file:///etc/passwd">x</a>', "{{ config }}", "{% raw %}",
    "&amp; &lt;", "]]><!--", "\u202e\u200b\u0301", "👩🏽‍⚕️", "\x00\x07\x1b", "'; DROP TABLE x; --",
])
# Letters, digits, punctuation and symbols from across Unicode, plus the payloads above.
TEXT = st.lists(
    st.one_of(PAYLOADS, st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)),
                min_size=1, max_size=4).map(" ".join)


def _document(officer: str, quote: str) -> ResponseDocument:
    section = Section("Q1", "What should change?", f"Members said {officer}", ("Housing",),
                      (Quote(1, f"Quote {quote}", "Forum member", "Tablet survey"),))
    return ResponseDocument(title="Response", organisation="Forum", date=date(2026, 11, 23),
                            introduction=officer, sections=(section,))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(officer=TEXT, quote=TEXT)
def test_any_text_is_plain_text_in_word(officer, quote):
    document = docx_document(render_docx(_document(officer, quote)))
    text = squash(" ".join(p.text for p in document.paragraphs))
    assert squash(clean_text(f"Quote {quote}")) in text
    assert "<script" not in document.element.xml


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(officer=TEXT, quote=TEXT)
def test_any_text_in_a_pdf_fetches_links_and_embeds_nothing(officer, quote):
    reader = PdfReader(io.BytesIO(render_pdf(_document(officer, quote))))
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            # Only the contents' internal links: no URI actions from user text.
            assert "/URI" not in action
        resources = page.get("/Resources") or {}
        assert "/XObject" not in resources or all(
            obj.get_object().get("/Subtype") != "/Image"
            for obj in resources["/XObject"].get_object().values())
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
