"""Turn uploaded bytes into text safely: size limit, encodings, binary refusal."""
from __future__ import annotations

import codecs
import unicodedata

from .model import TranscriptError

__all__ = ["DEFAULT_MAX_BYTES", "check_size", "decode_text"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Share of control or unassigned characters above which text is treated as binary.
MAX_UNPRINTABLE = 0.05
ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
ZIP_MAGIC = b"PK\x03\x04"
EMPTY = "This file is empty. Check you chose the transcript, or paste its words instead."
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


UTF16_MIN_BYTES = 8  # fewer bytes are too few to judge
# English in UTF-16 has a zero high byte in most characters and almost never a zero low byte.
MOSTLY_ZERO, RARELY_ZERO = 0.6, 0.1


def check_size(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse empty and over-size uploads.

    Args:
        data: the uploaded bytes.
        max_bytes: the largest upload accepted.

    Raises:
        TranscriptError: if the file is empty or too large.
    """
    if not data.strip():
        raise TranscriptError(EMPTY)
    if len(data) > max_bytes:
        raise TranscriptError(
            f"This file is too large ({len(data) / 1_048_576:.1f} MB). "
            f"The limit is {max_bytes / 1_048_576:.0f} MB: split the transcript or remove images."
        )


def _guess_bomless_utf16(data: bytes) -> str | None:
    """Spot UTF-16 saved without a byte-order mark: mostly-zero odd or even bytes."""
    sample = data[:4000]
    if len(sample) < UTF16_MIN_BYTES or len(sample) % 2:
        return None
    odd_zero = sample[1::2].count(0) / (len(sample) // 2)
    even_zero = sample[0::2].count(0) / (len(sample) // 2)
    if odd_zero > MOSTLY_ZERO and even_zero < RARELY_ZERO:
        return "utf-16-le"
    if even_zero > MOSTLY_ZERO and odd_zero < RARELY_ZERO:
        return "utf-16-be"
    return None


def _decode(data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise TranscriptError(
                    "This text file is damaged: its characters cannot be read.") from None
    guessed = _guess_bomless_utf16(data)
    if guessed:
        try:
            return data.decode(guessed)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise TranscriptError("This does not look like a text file.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Word and older Windows tools save "smart quotes" and £ as cp1252. A file pasted
        # together from both had every UTF-8 line garbled ("CafÃ©"): each line is read alone.
        return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return line.decode(encoding)
        except UnicodeDecodeError:
            pass
    return line.decode("latin-1")


def decode_text(data: bytes) -> str:
    """Decode a plain-text upload and normalise its line endings.

    Tries a byte-order mark (UTF-8, UTF-16, UTF-32), UTF-16 without one, UTF-8, then
    Windows cp1252. Refuses zip archives (a Word file renamed .txt) and content that
    is mostly control characters.

    Args:
        data: the uploaded bytes (already size-checked).

    Returns:
        The text with ``\\n`` line endings.

    Raises:
        TranscriptError: if the bytes are not text.
    """
    if data.startswith(ZIP_MAGIC):
        raise TranscriptError(
            "This does not look like a text file. It may be a Word or OpenDocument file: "
            "check its name ends in .docx or .odt, or paste its words instead."
        )
    text = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise TranscriptError(EMPTY)
    bad = sum(
        1 for ch in text
        if (unicodedata.category(ch) in ("Cc", "Cn", "Cs", "Co") and ch not in ALLOWED_CONTROLS)
        or ch == "\ufffd"
    )
    if bad / len(text) > MAX_UNPRINTABLE:
        raise TranscriptError("This does not look like a text file.")
    # A stray NUL survives some encodings; databases (PostgreSQL) refuse it in text.
    return text.replace("\x00", "")
