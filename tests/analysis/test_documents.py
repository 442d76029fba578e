"""Reading public documents: each type by content, bad files refused, paragraph passages."""
import io
import zipfile

import pytest

from analysis.core.documents import (
    DocumentError,
    check_document,
    extract_text,
    sniff_kind,
    split_passages,
)
from tests.analysis.document_files import (
    blank_pdf_bytes,
    docx_bytes,
    encrypted_pdf_bytes,
    pdf_bytes,
)

PLAN = ["Priority 2: Reducing reoffending",
        "Most crime is committed by a small number of people. Many leave prison with nowhere to "
        "live.",
        "We will fund a through the gate service for everyone released from prison."]
MB = 1024 * 1024


def test_text_file_is_read():
    found = check_document("\n\n".join(PLAN).encode("utf-8"), MB)
    assert found.kind == "txt" and "nowhere to live" in found.text


def test_word_file_is_read_by_content_whatever_its_name():
    data = docx_bytes(PLAN)
    assert sniff_kind(data) == "docx"
    text = extract_text(data).text
    assert "through the gate" in text and "Reducing reoffending" in text


def test_pdf_is_read_and_its_pages_counted():
    found = check_document(pdf_bytes(PLAN), MB)
    assert found.kind == "pdf" and found.pages == 1
    assert "nowhere to live" in " ".join(extract_text(pdf_bytes(PLAN)).text.split())


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "not a PDF, Word"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, r"old Word \(\.doc\)"),
    (b"%PDF-1.7\n this is not really a pdf", "damaged"),
])
def test_bad_files_get_a_plain_reason(data, message):
    with pytest.raises(DocumentError, match=message):
        check_document(data, MB)


def test_scanned_pdf_without_text_is_refused_as_a_possible_scan():
    with pytest.raises(DocumentError, match="no text we can read – it may be a scan"):
        check_document(blank_pdf_bytes(), MB)


def test_password_protected_pdf_is_refused():
    with pytest.raises(DocumentError, match="password"):
        check_document(encrypted_pdf_bytes(PLAN), MB)


def test_zip_that_is_not_a_word_file_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(DocumentError, match="Word file is damaged"):
        check_document(out.getvalue(), MB)


def test_too_large_file_is_refused_before_reading():
    with pytest.raises(DocumentError, match="too large"):
        check_document(b"a" * (MB + 1), MB)


def test_pdf_wrapped_lines_become_one_paragraph_with_its_heading():
    text = ("Priority 2: Reducing reoffending\n"
            "Most crime in the county is committed by a small number of people who come\n"
            "back into contact with the police again and again. Many leave prison with no-\n"
            "where to live.\n"
            "We will fund a through the gate service that meets people at the prison gate.")
    passages = split_passages(text)
    assert passages[0].startswith("Priority 2: Reducing reoffending\nMost crime")
    assert "who come back into contact" in passages[0] and "nowhere to live." in passages[0]
    assert passages[-1].endswith("at the prison gate.")


def test_headings_in_a_row_stay_with_the_first_paragraph():
    text = ("Westmarsh Police and Crime Plan 2026 to 2029\n\nA message from the Police and Crime "
            "Commissioner"
            "\n\nThis plan sets out what I will ask of the police over the next three years.")
    assert split_passages(text) == [
        "Westmarsh Police and Crime Plan 2026 to 2029\nA message from the Police and Crime "
        "Commissioner\n"
        "This plan sets out what I will ask of the police over the next three years."]


def test_long_paragraphs_are_split_between_sentences():
    sentence = ("The plan sets out how partners will work together to reduce reoffending in the "
                "county.")
    passages = split_passages(" ".join([sentence] * 30))
    assert len(passages) > 1
    assert all(p.endswith(".") and len(p.split()) <= 150 for p in passages)


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>Plan</text></svg>'


@pytest.mark.parametrize("name, data, message", [
    ("report.pdf", "\n\n".join(PLAN).encode(), "is not a PDF: it holds plain text"),
    ("report.pdf", SVG, "is not a PDF: it holds the code of a web page or a picture"),
    ("report.docx", SVG, r"is not a Word \(\.docx\) file: it holds the code of a web page"),
    ("report.docx", "\n\n".join(PLAN).encode(), r"is not a Word \(\.docx\) file: it holds plain"),
    ("notes.txt", SVG, r"is not a text file: it holds the code of a web page or a picture "
                       r"\(HTML, SVG or XML tags\), not the words of a document"),
    ("plan.svg", SVG, r"is not a PDF, Word \(\.docx\) or text file: only files ending"),
    ("plan", "\n\n".join(PLAN).encode(), r"is not a PDF, Word \(\.docx\) or text file"),
])
def test_content_that_does_not_match_the_name_is_refused(name, data, message):
    """A text or SVG file named .pdf was read as text, and its markup became passages."""
    with pytest.raises(DocumentError, match=message):
        check_document(data, MB, name)


def test_a_pdf_or_word_file_named_for_the_other_is_refused():
    with pytest.raises(DocumentError, match="is not a PDF: it holds a Word"):
        check_document(docx_bytes(PLAN), MB, "plan.pdf")
    with pytest.raises(DocumentError, match=r"is not a Word \(\.docx\) file: it holds a PDF"):
        check_document(pdf_bytes(PLAN), MB, "plan.DOCX")
    assert check_document(pdf_bytes(PLAN), MB, "Plan.PDF").kind == "pdf"


@pytest.mark.parametrize("opening", [
    "<html> was the first thing we learned on the computer course at the hostel.",
    "<svg> pictures came up too: the tutor said they are drawings made of words.",
    "<?xml is how those files start, which is why nobody could read the letter.",
])
def test_prose_that_opens_like_markup_is_a_text_document(opening):
    """Judged by how the text starts, a member's words were refused as markup."""
    data = (opening + "\n\n" + "\n\n".join(PLAN)).encode()
    assert check_document(data, MB, "notes.txt").kind == "txt"


def test_a_web_page_is_refused_wherever_its_markup_starts():
    """Only the first 1,024 bytes were looked at: a page after a line of text got through."""
    page = ("Saved from the council website on Monday\n\n<!DOCTYPE html><html><head><style>"
            "body { font-family: arial; }</style></head><body><div class=\"main\"><p>We will "
            "house people.</p></div></body></html>")
    with pytest.raises(DocumentError, match="is not a text file: it holds the code of a web "
                                            "page or a picture"):
        check_document(page.encode(), MB, "plan.txt")
