"""Read text out of Word (.docx) and OpenDocument (.odt) files, guarding against zip bombs."""
from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from .model import TranscriptError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from docx.table import Table

__all__ = ["MAX_UNCOMPRESSED_BYTES", "docx_text", "odt_text"]

# Real transcripts are text: even a 3-hour session is a few MB of XML.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100  # total uncompressed / compressed; bombs run at 1000:1 and more
MAX_MEMBERS = 5_000
ODF_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

# Each says what to do next: a refusal with no way on left facilitators stuck.
DAMAGED_DOCX = ("This Word file is damaged or not a real .docx file. Open it in Word, save it "
                "again as .docx and upload that, or paste its words instead.")
DAMAGED_ODT = ("This OpenDocument file is damaged or not a real .odt file. Open it, save it "
               "again as .odt or .docx and upload that, or paste its words instead.")

NO_WORDS_DOCX = ("This Word file has no words that can be read: words in pictures, headers, "
                 "footers or comments are not read. Put the transcript's words in the body of the "
                 "document and upload it again, or paste its words instead.")
IN_TEXT_BOXES = ("This Word file has words inside text boxes, which cannot be read, so it was not "
                 "saved (part of the transcript would be missing). Move the words out of the text "
                 "boxes into the body of the document and upload it again, or paste its words "
                 "instead.")
TEXT_BOX_WORDS = re.compile(
    rb"<w:txbxContent\b(?:(?!</w:txbxContent>).)*?<w:t(?:\s[^>]*)?>\s*[^<\s]", re.DOTALL)

# Transcript tables: "speaker | words", or "time | speaker | words".
SPEAKER_AND_WORDS, TIME_SPEAKER_AND_WORDS = 2, 3


def _open_zip(data: bytes, damaged: str) -> zipfile.ZipFile:
    """Open a zip after checking its declared sizes, before anything is decompressed.

    ``zipfile`` never inflates a member past its declared size, so checking the
    directory bounds the memory any later read (ours or python-docx's) can take.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise TranscriptError(damaged) from None
    total = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if len(members) > MAX_MEMBERS or total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_RATIO:
        raise TranscriptError(
            "This file is too large when unpacked, or is built to unpack to a huge size, "
            "so it was not opened. Save the transcript again as a normal document and retry."
        )
    return archive


def docx_text(data: bytes) -> str:
    """Return a .docx file's paragraphs and table rows as lines of text.

    A two-column table row becomes ``"cell1: cell2"`` (speaker and words); a row of
    three whose first cell is a time becomes ``"[time] cell2: cell3"``.

    Args:
        data: the uploaded bytes.

    Returns:
        The document text, one paragraph per line.

    Raises:
        TranscriptError: if the file is damaged, not a .docx, or a zip bomb.
    """
    archive = _open_zip(data, DAMAGED_DOCX)
    if "word/document.xml" not in archive.namelist():
        raise TranscriptError(DAMAGED_DOCX)
    try:
        body = archive.read("word/document.xml")
    except Exception:  # zlib, encryption, a bad CRC: all mean "damaged".
        raise TranscriptError(DAMAGED_DOCX) from None
    # python-docx reads no text boxes: their words would silently be missing from the turns.
    if TEXT_BOX_WORDS.search(body):
        raise TranscriptError(IN_TEXT_BOXES)
    try:
        import docx  # python-docx; its XML parser does not resolve entities.
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.extend(_table_lines(block))
    except Exception:  # python-docx raises many types on bad packages; all mean "damaged".
        raise TranscriptError(DAMAGED_DOCX) from None
    if not any(line.strip() for line in lines):
        raise TranscriptError(NO_WORDS_DOCX)
    return "\n".join(lines)


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells = [" ".join(c.text.split()) for c in row.cells]
        cells = [c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1])]
        if len(cells) == SPEAKER_AND_WORDS:
            lines.append(f"{cells[0]}: {cells[1]}")
        elif (len(cells) == TIME_SPEAKER_AND_WORDS and any(ch.isdigit() for ch in cells[0])
              and ":" in cells[0]):
            lines.append(f"[{cells[0]}] {cells[1]}: {cells[2]}")
        else:
            lines.append(" ".join(cells))
    return lines


def odt_text(data: bytes) -> str:
    """Return an .odt file's paragraphs and headings as lines of text.

    Args:
        data: the uploaded bytes.

    Returns:
        The document text, one paragraph per line.

    Raises:
        TranscriptError: if the file is damaged, not an .odt, or a zip bomb.
    """
    from defusedxml import ElementTree  # refuses entity expansion and external DTDs

    archive = _open_zip(data, DAMAGED_ODT)
    lines: list[str] = []
    try:
        root = ElementTree.fromstring(archive.read("content.xml"))
        _collect_paragraphs(root, lines)
    except Exception:  # defusedxml refusals, zlib, encryption, bad XML, deep nesting.
        raise TranscriptError(DAMAGED_ODT) from None
    if not any(line.strip() for line in lines):
        raise TranscriptError(NO_WORDS_DOCX.replace("Word file", "OpenDocument file"))
    return "\n".join(lines)


def _collect_paragraphs(element: Element, lines: list[str]) -> None:
    for child in element:
        if child.tag in (f"{{{ODF_NS}}}p", f"{{{ODF_NS}}}h"):
            lines.append("".join(_inline_text(child)))
        else:
            _collect_paragraphs(child, lines)


def _space_count(value: str) -> int:
    """Read text:s's repeat count, capped so a hostile file cannot ask for a billion spaces."""
    try:
        return max(1, min(int(value), 100))
    except ValueError:
        return 1


def _inline_text(element: Element) -> list[str]:
    """Flatten a paragraph, honouring ODF's space, tab and line-break elements."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{{{ODF_NS}}}s":
            parts.append(" " * _space_count(child.get(f"{{{ODF_NS}}}c", "1")))
        elif child.tag == f"{{{ODF_NS}}}tab":
            parts.append("\t")
        elif child.tag == f"{{{ODF_NS}}}line-break":
            parts.append("\n")
        else:
            parts.extend(_inline_text(child))
        parts.append(child.tail or "")
    return parts
