"""Public documents (PDF, Word, text) into paragraph-sized passages for search and coding.

No Flask or database here: bytes in, text and passages out, and ``DocumentError`` with a
message fit to show a policy officer when a file cannot be used. The type is decided by
the file's content (its first bytes), never by its name; and the name must agree with it
(a text or SVG file named .pdf was read as text, and its markup became passages): the rule
in ``analysis.core.transcripts.upload_names``, which transcripts use too.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.core.transcripts import upload_names
from analysis.core.transcripts.upload_names import Accepted

if TYPE_CHECKING:
    from pypdf import PdfReader

__all__ = [
    "DocumentError", "DocumentText", "KINDS", "NameMismatch", "check_document", "extract_text",
    "check_name", "sniff_kind", "split_passages",
]

KINDS = {"pdf": "PDF", "docx": "Word", "txt": "Text"}
# The kind each accepted name ending promises (the upload page's "accept" list).
DOCUMENT_FILES = Accepted({".pdf": "pdf", ".docx": "docx", ".txt": "txt"},
                          "a PDF, Word (.docx) or text file", "document")
# Pages read during the upload to prove a PDF has text; the rest may be read by a job.
CHECK_PAGES = 3
# Extracted text past this is refused: no public plan is anywhere near 5 million characters.
MAX_CHARS = 5_000_000
# Passages aim for a paragraph: long enough to carry a point, short enough to read.
PASSAGE_MIN_WORDS, PASSAGE_MAX_WORDS, PASSAGE_MAX_SENTENCES = 30, 150, 6
# A line this short without a full stop is a heading, read with the paragraph after it.
HEADING_WORDS = 12
SCAN = "this PDF has no text we can read – it may be a scan. Save it with text (OCR) and try again."


class DocumentError(ValueError):
    """A file that cannot be used, in plain English (without the file name)."""


class NameMismatch(DocumentError):
    """Content not what the name says; the message follows the name ("report.pdf is not...")."""


@dataclass(frozen=True)
class DocumentText:
    """What a document gave: its kind, text and how many pages (PDF only)."""

    kind: str
    text: str
    pages: int = 0


def sniff_kind(data: bytes) -> str:
    """Decide a file's kind from its first bytes.

    Args:
        data: the uploaded bytes.

    Returns:
        ``"pdf"``, ``"docx"`` or ``"txt"``.

    Raises:
        DocumentError: empty, another binary type, or a zip that is not a Word file.
    """
    if not data.strip():
        raise DocumentError("this file is empty.")
    kind = upload_names.content_kind(data)
    if kind == "doc":
        raise DocumentError(
            "this is an old Word (.doc) file. In Word choose Save As, pick .docx, and upload that.")
    if kind == "binary":
        raise DocumentError("this is not a PDF, Word (.docx) or text file.")
    # Any other archive is read as Word, whose reader says what is wrong with it.
    return "docx" if kind in ("odt", "zip") else kind


def check_name(filename: str, kind: str, data: bytes) -> None:
    """Refuse a file whose content (``kind`` as sniffed; text checked for markup) is not
    what its name ends with, or whose name ends other than .pdf, .docx or .txt.

    Raises:
        NameMismatch: saying what the file holds instead.
    """
    try:
        upload_names.check_name(filename, kind, data, DOCUMENT_FILES)
    except upload_names.NameMismatch as error:
        raise NameMismatch(str(error)) from None


def check_document(data: bytes, max_bytes: int, filename: str | None = None) -> DocumentText:
    """Quick checks for an upload: size, kind, name, opens, and has text on its first pages.

    Cheap enough to run on every file of a batch before anything is stored; for a PDF
    only the first pages are read (``extract_text`` reads them all).

    Args:
        data: the uploaded bytes.
        max_bytes: the largest file accepted.
        filename: the name it was uploaded with; when given, it must agree with the content.

    Returns:
        The kind, the text found so far, and the page count.

    Raises:
        DocumentError: with the reason, e.g. a scanned PDF with no text.
    """
    if len(data) > max_bytes:
        raise DocumentError(f"this file is too large ({len(data) / 1_048_576:.1f} MB); "
                            f"the limit is {max_bytes / 1_048_576:.0f} MB.")
    kind = sniff_kind(data)
    if filename is not None:
        check_name(filename, kind, data)
    if kind == "pdf":
        reader = _pdf_reader(data)
        pages = len(reader.pages)
        text = _pdf_pages_text(reader, CHECK_PAGES)
        if not text.strip():
            # A few cover pages may be pictures; look further before calling it a scan.
            text = _pdf_pages_text(reader, min(pages, 20))
        if not text.strip():
            raise DocumentError(SCAN)
        return DocumentText(kind, text, pages)
    return extract_text(data, kind)


def extract_text(data: bytes, kind: str | None = None) -> DocumentText:
    """Read all of a document's text.

    Args:
        data: the uploaded bytes.
        kind: the kind if already sniffed.

    Returns:
        The document's text, paragraphs separated by blank lines.

    Raises:
        DocumentError: damaged, encrypted, too long, or no text.
    """
    kind = kind or sniff_kind(data)
    pages = 0
    if kind == "pdf":
        reader = _pdf_reader(data)
        pages = len(reader.pages)
        text = _pdf_pages_text(reader, pages)
        empty = SCAN
    elif kind == "docx":
        text = _docx_text(data)
        empty = "this Word file has no text."
    else:
        from analysis.core.transcripts.decoding import decode_text
        from analysis.core.transcripts.model import TranscriptError

        try:
            text = decode_text(data)
        except TranscriptError:
            raise DocumentError("this is not a PDF, Word (.docx) or text file.") from None
        empty = "this file is empty."
    if not text.strip():
        raise DocumentError(empty)
    if len(text) > MAX_CHARS:
        raise DocumentError(
            "this document is too long (over 5 million characters). Split it and upload the parts.")
    return DocumentText(kind, text, pages)


def _pdf_reader(data: bytes) -> PdfReader:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError(
                "this PDF is protected with a password. Save a copy without one and try again.")
        len(reader.pages)
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise DocumentError("this PDF is damaged and cannot be read.") from None
    return reader


def _pdf_pages_text(reader: PdfReader, count: int) -> str:
    pages = []
    for page in list(reader.pages)[:count]:
        try:
            pages.append(page.extract_text() or "")
        except Exception:  # pypdf raises many types on broken page content; all mean damaged
            raise DocumentError("this PDF is damaged and cannot be read.") from None
    return "\n\n".join(pages)


def _docx_text(data: bytes) -> str:
    from analysis.core.transcripts.model import TranscriptError
    from analysis.core.transcripts.office import docx_text

    try:
        # One Word paragraph is one paragraph here too: keep them apart with blank lines.
        return "\n\n".join(docx_text(data).split("\n"))
    except TranscriptError as error:
        message = str(error)
        raise DocumentError(message[0].lower() + message[1:]) from None


def split_passages(text: str) -> list[str]:
    """Split a document's text into paragraph-sized passages.

    Lines wrapped by a PDF are joined back into paragraphs (a paragraph ends at a blank
    line, or at a short line ending a sentence); headings (short lines without a full
    stop) are kept, on their own lines, with the paragraph after them; a long paragraph
    is split between sentences.

    Args:
        text: a document's text.

    Returns:
        The passages in document order.
    """
    from analysis.core.segmenting import segment_text

    passages: list[str] = []
    carry = ""
    for paragraph in _paragraphs(text):
        if len(paragraph.split()) < HEADING_WORDS and not re.search(r"[.?!]$", paragraph):
            # headings read with what follows
            carry = f"{carry}\n{paragraph}" if carry else paragraph
            continue
        passage, carry = (f"{carry}\n{paragraph}" if carry else paragraph), ""
        passages.extend(s.text for s in segment_text(
            passage, min_words=PASSAGE_MIN_WORDS, max_words=PASSAGE_MAX_WORDS,
            max_sentences=PASSAGE_MAX_SENTENCES))
    if carry:
        passages.append(carry)
    return passages


def _paragraphs(text: str) -> list[str]:
    paragraphs = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        width = max(len(line) for line in lines)
        current = ""
        for line, after in zip(lines, lines[1:] + [""], strict=True):
            current = _join(current, line)
            if len(line) < 0.7 * width and (_ends_sentence(line) or _is_heading(line, after)):
                paragraphs.append(current)
                current = ""
        if current:
            paragraphs.append(current)
    return paragraphs


def _ends_sentence(line: str) -> bool:
    # A line well short of the block's width that ends a sentence ends a paragraph.
    return bool(re.search(r"[.?!:][\"”’)]?$", line))


def _is_heading(line: str, after: str) -> bool:
    # A short line with no full stop, before a line that starts a new sentence.
    return len(line.split()) < HEADING_WORDS and after[:1].isupper()


def _join(current: str, line: str) -> str:
    if not current:
        return line
    if current.endswith("-") and line[:1].islower():
        return current[:-1] + line  # a word hyphenated at the end of a PDF line
    return f"{current} {line}"
