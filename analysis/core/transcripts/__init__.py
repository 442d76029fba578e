"""Read uploaded or pasted transcripts into speaker turns.

Public API: ``read_transcript`` (bytes + file name), ``parse_text`` (pasted text),
the ``ParsedTranscript`` and ``ParsedTurn`` shapes, ``speaker_counts`` and ``TranscriptError``,
the only exception either function raises, with a message fit to show a facilitator.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from analysis.core.transcripts.upload_names import Accepted, NameMismatch, check_name, content_kind

from .captions import looks_like_captions, parse_captions
from .cue_check import check_cues, has_cue_times
from .decoding import DEFAULT_MAX_BYTES, EMPTY, check_size, decode_text
from .long_turns import split_long_turns
from .model import ParsedTranscript, ParsedTurn, TranscriptError, speaker_counts
from .office import docx_text, odt_text
from .speakers import parse_speaker_text

__all__ = [
    "DEFAULT_MAX_BYTES", "SUPPORTED_EXTENSIONS", "ParsedTranscript", "TranscriptError",
    "ParsedTurn",
    "parse_text", "read_transcript", "speaker_counts",
]

TEXT_EXTENSIONS = (".txt", ".text", ".vtt", ".srt", ".md", "")
SUPPORTED_EXTENSIONS = (".txt", ".docx", ".odt", ".vtt", ".srt")
# What each ending promises, checked against the content by the rule documents use too
# (a Word file named .txt, or a text or web page named .docx, said so plainly).
TRANSCRIPT_FILES = Accepted({**{e: "txt" for e in TEXT_EXTENSIONS}, ".docx": "docx",
                             ".odt": "odt"},
                            "a .txt, .docx, .odt, .vtt or .srt file", "transcript")
UNSUPPORTED = {
    ".doc": "Old Word (.doc) files cannot be read. In Word choose Save As, pick .docx, and upload "
            "that.",
    ".pdf": "PDF files cannot be read yet. Copy the text into a .txt file, or paste it instead.",
    ".rtf": "Rich Text (.rtf) files cannot be read. Save it as .docx or .txt and upload that.",
}


def parse_text(text: str, fmt: str | None = None) -> ParsedTranscript:
    """Parse transcript text (e.g. pasted into a form) into turns.

    Args:
        text: the transcript text.
        fmt: ``"vtt"``, ``"srt"`` or ``"txt"``; None sniffs for caption files.

    Returns:
        The parsed ``ParsedTranscript``.

    Raises:
        TranscriptError: if no words are found, or a caption cue is not well formed (the
            message names its line).
    """
    # A byte-order mark pasted with the text hid an .srt file's first cue number.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TranscriptError(EMPTY)
    turns = []
    if fmt in ("vtt", "srt") or looks_like_captions(text):
        header = text.lstrip("\ufeff \n\t").startswith("WEBVTT")
        if header or has_cue_times(text):  # a caption file: every cue must be well formed
            check_cues(text, srt=not header and fmt != "vtt")
        turns = parse_captions(text)
        fmt = fmt or ("vtt" if text.lstrip().startswith("WEBVTT") else "srt")
    if not turns:  # a .vtt/.srt that is really plain text still gets read
        turns = parse_speaker_text(text)
    if not turns:
        raise TranscriptError("No words were found in this file. Check it is the transcript, or "
                              "paste its words instead.")
    return ParsedTranscript(fmt or "txt", text, split_long_turns(turns))


def read_transcript(data: bytes, filename: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                    clean: Callable[[str], str] | None = None) -> ParsedTranscript:
    """Read an uploaded transcript file into turns.

    Args:
        data: the file's bytes.
        filename: the name it was uploaded with; its extension picks the reader.
        max_bytes: the largest upload accepted (default 20 MB).
        clean: applied to the file's text as read, before it is split into turns (the app
            drops bidi controls: ``forum.services.text_direction``); None keeps it as read.

    Returns:
        The parsed ``ParsedTranscript``; ``format`` is the extension without the dot.

    Raises:
        TranscriptError: for empty, over-size, binary, damaged or unsupported files.
    """
    check_size(data, max_bytes)
    ext = PurePath(filename or "").suffix.lower()
    if ext in UNSUPPORTED:
        raise TranscriptError(UNSUPPORTED[ext])
    if ext in TRANSCRIPT_FILES.endings:
        try:
            check_name(filename or "", content_kind(data), data, TRANSCRIPT_FILES)
        except NameMismatch as error:
            name = PurePath(filename or "").name or "This file"
            raise TranscriptError(f"{name} {error}") from None
    fmt: str | None
    if ext == ".docx":
        text, fmt = docx_text(data), "docx"
    elif ext == ".odt":
        text, fmt = odt_text(data), "odt"
    elif ext in TEXT_EXTENSIONS:
        text, fmt = decode_text(data), {".vtt": "vtt", ".srt": "srt"}.get(ext)
    else:
        raise TranscriptError(
            f"Files ending in {ext} cannot be read. Upload a .txt, .docx, .odt, .vtt or .srt "
            "file, or paste the text.")
    return parse_text(clean(text) if clean else text, fmt)
