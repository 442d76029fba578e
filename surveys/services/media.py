"""Pictures and recorded audio for questions: checked by their first bytes, stored by hash."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path, PurePath
from typing import BinaryIO

from sqlalchemy import select

from forum.extensions import db
from surveys.models import MediaKind, SurveyMedia

PICTURE_MAX = 5 * 1024 * 1024
AUDIO_MAX = 10 * 1024 * 1024
# An MPEG audio frame starts with 11 set bits: 0xFF, then the top three bits of the next byte.
MP3_SYNC, MP3_SYNC_LOW = 0xFF, 0xE0


class MediaError(ValueError):
    """An upload we cannot use, in plain English."""


# (content type, test of the file's first bytes), tried in order
PICTURE_SIGNATURES: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("image/png", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ("image/jpeg", lambda head: head.startswith(b"\xff\xd8\xff")),
    ("image/gif", lambda head: head[:6] in (b"GIF87a", b"GIF89a")),
    ("image/webp", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
)
AUDIO_SIGNATURES: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("audio/mpeg", lambda head: head[:3] == b"ID3" or (
        len(head) > 1 and head[0] == MP3_SYNC and head[1] & MP3_SYNC_LOW == MP3_SYNC_LOW)),
    ("audio/wav", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WAVE"),
    ("audio/ogg", lambda head: head[:4] == b"OggS"),
    ("audio/webm", lambda head: head[:4] == b"\x1a\x45\xdf\xa3"),
    ("audio/mp4", lambda head: head[4:8] == b"ftyp"),
)


def sniff(kind: MediaKind, head: bytes) -> str | None:
    """The content type from the file's first bytes, or None if not an allowed format.

    Pictures: PNG, JPEG, GIF, WebP (no SVG: it can carry script). Audio: MP3, WAV, Ogg,
    WebM (what browsers record), MP4/M4A.
    """
    signatures = PICTURE_SIGNATURES if kind == MediaKind.PICTURE else AUDIO_SIGNATURES
    return next((content_type for content_type, matches in signatures if matches(head)), None)


# What a file's name says it is. A name and content that disagree are refused: the file may
# have been renamed to slip past a check, or saved wrongly, and either way is not what was meant.
EXTENSION_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".mp3": "audio/mpeg", ".wav": "audio/wav", ".ogg": "audio/ogg",
    ".oga": "audio/ogg", ".opus": "audio/ogg", ".webm": "audio/webm", ".m4a": "audio/mp4",
    ".mp4": "audio/mp4",
}
TYPE_NAMES = {"image/png": "a PNG picture", "image/jpeg": "a JPEG picture",
              "image/gif": "a GIF picture",
              "image/webp": "a WebP picture", "audio/mpeg": "MP3 audio", "audio/wav": "WAV audio",
              "audio/ogg": "Ogg audio", "audio/webm": "WebM audio", "audio/mp4": "M4A audio"}
# Browsers send these for the same formats.
TYPE_ALIASES = {"image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "audio/mp3": "audio/mpeg",
                "audio/x-wav": "audio/wav", "audio/wave": "audio/wav",
                "audio/vnd.wave": "audio/wav",
                "audio/x-m4a": "audio/mp4", "video/webm": "audio/webm", "video/mp4": "audio/mp4",
                "application/ogg": "audio/ogg", "video/ogg": "audio/ogg"}


def claim_problem(filename: str, claimed_type: str | None, actual: str) -> str | None:
    """Why the name or declared type disagrees with the content, or None if they agree."""
    name = PurePath(filename or "").name
    ext = PurePath(name).suffix.lower()
    if ext and EXTENSION_TYPES.get(ext) != actual:
        return (f"The file is called \u2018{name}\u2019 but its content is {TYPE_NAMES[actual]}. "
                "Check you chose the right file, or save it again with the right ending")
    claimed = TYPE_ALIASES.get((claimed_type or "").lower(), (claimed_type or "").lower())
    if claimed in TYPE_NAMES and claimed != actual:
        return (f"The file was sent as {TYPE_NAMES[claimed]} but its content is "
                f"{TYPE_NAMES[actual]}. "
                "Check you chose the right file")
    return None


def media_dir(data_dir: Path) -> Path:
    folder = Path(data_dir) / "survey-media"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def media_path(data_dir: Path, media: SurveyMedia) -> Path:
    return media_dir(data_dir) / media.sha256


def save_media(data_dir: Path, survey_id: int, kind: MediaKind, filename: str,
               stream: BinaryIO, claimed_type: str | None = None) -> SurveyMedia:
    """Store an upload and return its (uncommitted) row.

    Args:
        claimed_type: the content type the browser sent, if any; checked against the content.

    Raises:
        MediaError: wrong format, name or type that disagrees with the content, empty, or too big.
    """
    limit = PICTURE_MAX if kind == MediaKind.PICTURE else AUDIO_MAX
    data = stream.read(limit + 1)
    if not data:
        raise MediaError(f"The {kind.value} file is empty")
    if len(data) > limit:
        raise MediaError(f"The {kind.value} must be smaller than {limit // (1024 * 1024)} MB")
    content_type = sniff(kind, data[:16])
    if content_type is None:
        raise MediaError("The picture must be a PNG, JPEG, GIF or WebP file"
                         if kind == MediaKind.PICTURE
                         else "The audio must be an MP3, WAV, Ogg, WebM or M4A file")
    problem = claim_problem(filename, claimed_type, content_type)
    if problem:
        raise MediaError(problem)
    digest = hashlib.sha256(data).hexdigest()
    path = media_dir(data_dir) / digest
    if not path.exists():
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    media = SurveyMedia(survey_id=survey_id, kind=kind, filename=(filename or kind.value)[-255:],
                        content_type=content_type, size=len(data), sha256=digest)
    db.session.add(media)
    return media


def find_media(survey_id: int, kind: MediaKind, media_id: str | int | None) -> SurveyMedia | None:
    """An upload of this survey and kind by its id (as a form sends it), or None."""
    if not str(media_id or "").isdigit():
        return None
    return db.session.scalar(select(SurveyMedia).where(
        SurveyMedia.id == int(str(media_id)), SurveyMedia.survey_id == survey_id,
        SurveyMedia.kind == kind))
