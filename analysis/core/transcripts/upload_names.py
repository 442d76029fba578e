"""The one rule for an uploaded file's name: it must end with what the file holds.

Public documents (``analysis.core.documents``) and transcripts (``analysis.core.transcripts``)
both use it. What a file holds is read from its bytes (``content_kind``), never from its
name; a text file that is really a web page or a picture's code (``is_markup``) is refused
too, judged by how much of the whole file is tags, not by how it starts: prose that opens
with "<html" or "<svg" is still prose.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from analysis.core.word_list import word_list

from .captions import looks_like_captions
from .decoding import decode_text
from .model import TranscriptError

__all__ = ["Accepted", "NameMismatch", "check_name", "content_kind", "is_markup", "markup_spans"]

PDF_MAGIC, ZIP_MAGIC, OLE_MAGIC = b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
NAMED = {"pdf": "a PDF", "docx": "a Word (.docx) file", "txt": "a text file",
         "odt": "an OpenDocument (.odt) file"}
# Tags, comments and declarations: what a browser or a picture viewer reads and a person
# does not. (A script's body is not counted: one "<script>" in a member's words is still words.)
# Comments and CDATA are found with str.find (markup_spans), not a lazy ".*?" pattern: that
# searched the rest of the text from every "<!--" never closed, 40 KB took seconds and a 20 MB
# upload days. A tag ends at the next "<" or ">", so its pattern reads each character once.
TAG = re.compile(r"<[!?/]?[A-Za-z][^<>]*>", re.IGNORECASE)
ENCLOSED = (("<!--", "-->"), ("<![CDATA[", "]]>"))
# The share is judged on the first million characters: a web page shows itself long before,
# and a 20 MB upload (the limit) is not read through for it.
MARKUP_WINDOW = 1_000_000
# A file wrapped whole in one of these is a web page or a picture whatever its share of tags.
WRAPPED = re.compile(r"^(<\?xml[^>]*>\s*)?(<!doctype[^>]*>\s*)?<(html|svg)\b.*</\3\s*>$",
                     re.IGNORECASE | re.DOTALL)
# Over this share of its non-space characters in tags, a text is code: a saved web page runs
# at a half and more, an SVG near all of it; prose that mentions a tag or two, a few percent.
MARKUP_SHARE = 0.3


class NameMismatch(ValueError):
    """Content not what the name says; the message follows the name ("notes.txt is not...")."""


@dataclass(frozen=True)
class Accepted:
    """What one upload page takes: each name ending and the kind it promises."""

    endings: dict[str, str]
    said: str  # how the page names what it takes: "a PDF, Word (.docx) or text file"
    thing: str  # what the file should hold: "document", "transcript"


def content_kind(data: bytes) -> str:
    """What a file holds, from its bytes.

    Args:
        data: the uploaded bytes.

    Returns:
        ``"pdf"``, ``"docx"``, ``"odt"``, ``"txt"``, ``"doc"`` (old Word), ``"zip"`` (an
        archive that is neither Word nor OpenDocument) or ``"binary"`` (anything else).
    """
    if data[:1024].lstrip().startswith(PDF_MAGIC):
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        # The first member of an OpenDocument is "mimetype", stored as is; Word's parts are
        # named in the zip's (uncompressed) headers.
        if data[30:38] == b"mimetype" and b"opendocument.text" in data[38:100]:
            return "odt"
        return "docx" if b"word/document.xml" in data else "zip"
    if data.startswith(OLE_MAGIC):
        return "doc"
    try:
        decode_text(data)
    except TranscriptError:
        return "binary"
    return "txt"


def is_markup(text: str) -> bool:
    """Say whether a text file is a web page or a picture's code rather than words to read.

    Judged over the whole file: wrapped whole in ``<html>`` or ``<svg>``, or more than
    ``MARKUP_SHARE`` of its non-space characters (in its first ``MARKUP_WINDOW``) in tags.
    Caption files (WebVTT, SRT) are never markup: their voice tags are how they name speakers.

    Args:
        text: the decoded text.

    Returns:
        True for markup.
    """
    text = text.strip()
    if not text or looks_like_captions(text):
        return False
    if WRAPPED.match(text):
        return True
    text = text[:MARKUP_WINDOW]
    solid = len(re.sub(r"\s+", "", text))
    tags = 0
    for start, end in markup_spans(text):
        tags += len(re.sub(r"\s+", "", text[start:end]))
        if tags > MARKUP_SHARE * solid:
            return True  # decided: the rest cannot bring the share down
    return False


def markup_spans(text: str) -> Iterator[tuple[int, int]]:
    """Find the tags, comments and CDATA sections in a text, in one pass.

    The same spans, left to right, as the pattern ``<!--.*?-->|<!\\[CDATA\\[.*?\\]\\]>|``
    followed by ``TAG`` (ignoring case, "." matching newlines), but reading each character a
    bounded number of times: a closing mark searched for and not found is not searched again.

    Args:
        text: the decoded text.

    Returns:
        (start, end) of each span, as slice bounds.
    """
    closes: dict[str, int] = {}  # closing mark -> where it was last found (-1: nowhere after)
    at = text.find("<")
    while at != -1:
        end = -1
        for opening, closing in ENCLOSED:
            if text[at:at + len(opening)].upper() == opening:
                end = _closed_at(text, closing, at + len(opening), closes)
                break
        else:
            tag = TAG.match(text, at)
            end = tag.end() if tag else -1
        if end == -1:
            at = text.find("<", at + 1)
        else:
            yield at, end
            at = text.find("<", end)


def _closed_at(text: str, closing: str, start: int, closes: dict[str, int]) -> int:
    """End of the first ``closing`` at or after ``start``, or -1; found once per mark."""
    found = closes.get(closing)
    if found is None or (found != -1 and found < start):
        found = closes[closing] = text.find(closing, start)
    return -1 if found == -1 else found + len(closing)


def check_name(filename: str, kind: str, data: bytes, accepted: Accepted) -> None:
    """Refuse a file whose content is not what its name ends with, or that is markup.

    Args:
        filename: the name it was uploaded with.
        kind: what ``content_kind`` (or a caller's narrower reading of it) found.
        data: the bytes, read as text for the markup check when ``kind`` is text.
        accepted: the endings the page takes.

    Raises:
        NameMismatch: saying what the file holds instead.
    """
    endings = accepted.endings
    expected = endings.get(PurePath(filename).suffix.lower())
    if expected is None:
        shown = sorted({e for e in endings if e}, key=list(endings).index)
        listed = word_list(shown, "or")
        raise NameMismatch(f"is not {accepted.said}: only files ending {listed} can be "
                           "uploaded.")
    said = f"is not {NAMED[expected]}: "
    if kind == "txt" and _markup(data):
        raise NameMismatch(said + "it holds the code of a web page or a picture (HTML, SVG or "
                           f"XML tags), not the words of a {accepted.thing}. Upload the "
                           f"{accepted.thing} itself, or copy its words into a .txt file.")
    if kind == expected or kind not in NAMED:
        return  # the same, or nothing a name could promise: the reader says what is wrong
    if kind == "txt":
        raise NameMismatch(said + "it holds plain text. Upload the real "
                           f"{accepted.thing}, or rename the file to end in .txt if the text is "
                           "what you meant.")
    ending = next((e for e, k in endings.items() if k == kind), None)
    if ending is None:
        raise NameMismatch(said + f"it holds {NAMED[kind]}, which cannot be read here. Save "
                           f"it as {accepted.said} and upload that.")
    raise NameMismatch(said + f"it holds {NAMED[kind]}. Rename it to end in {ending} "
                              "and upload it again.")


def _markup(data: bytes) -> bool:
    return is_markup(decode_text(data))
