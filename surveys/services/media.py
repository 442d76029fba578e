"""Pictures and recorded audio for questions: checked by their first bytes, stored by hash."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO, Optional

from forum.extensions import db
from surveys.models import MediaKind, SurveyMedia

PICTURE_MAX = 5 * 1024 * 1024
AUDIO_MAX = 10 * 1024 * 1024


class MediaError(ValueError):
    """An upload we cannot use, in plain English."""


def sniff(kind: MediaKind, head: bytes) -> Optional[str]:
    """The content type from the file's first bytes, or None if not an allowed format.

    Pictures: PNG, JPEG, GIF, WebP (no SVG: it can carry script). Audio: MP3, WAV, Ogg,
    WebM (what browsers record), MP4/M4A.
    """
    if kind == MediaKind.PICTURE:
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return "image/png"
        if head.startswith(b"\xff\xd8\xff"):
            return "image/jpeg"
        if head[:6] in (b"GIF87a", b"GIF89a"):
            return "image/gif"
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            return "image/webp"
        return None
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[:4] == b"OggS":
        return "audio/ogg"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "audio/webm"
    if head[4:8] == b"ftyp":
        return "audio/mp4"
    return None


def media_dir(data_dir: Path) -> Path:
    folder = Path(data_dir) / "survey-media"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def media_path(data_dir: Path, media: SurveyMedia) -> Path:
    return media_dir(data_dir) / media.sha256


def save_media(data_dir: Path, survey_id: int, kind: MediaKind, filename: str,
               stream: BinaryIO) -> SurveyMedia:
    """Store an upload and return its (uncommitted) row.

    Raises:
        MediaError: wrong format, empty, or too big.
    """
    limit = PICTURE_MAX if kind == MediaKind.PICTURE else AUDIO_MAX
    data = stream.read(limit + 1)
    if not data:
        raise MediaError(f"The {kind.value} file is empty")
    if len(data) > limit:
        raise MediaError(f"The {kind.value} must be smaller than {limit // (1024 * 1024)} MB")
    content_type = sniff(kind, data[:16])
    if content_type is None:
        raise MediaError("The picture must be a PNG, JPEG, GIF or WebP file" if kind == MediaKind.PICTURE
                         else "The audio must be an MP3, WAV, Ogg, WebM or M4A file")
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
