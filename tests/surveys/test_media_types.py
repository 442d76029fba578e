"""Survey pictures and audio are checked by content; a name or type that disagrees is refused."""
import io

import pytest
from sqlalchemy import func, select

from forum.access import Role
from forum.extensions import db
from surveys.models import MediaKind, SurveyMedia
from surveys.services.media import MediaError, save_media
from tests.surveys.test_builder_views import PNG, WAV, question_form

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 32
OGG = b"OggS\x00\x02" + b"\x00" * 40


@pytest.mark.parametrize("kind, name, data, claimed, message", [
    (MediaKind.PICTURE, "house.png", JPEG, None,
     "\u2018house.png\u2019 but its content is a JPEG picture"),
    (MediaKind.PICTURE, "house.gif", PNG, "image/gif", "but its content is a PNG picture"),
    (MediaKind.PICTURE, "house.html", PNG, None,
     "\u2018house.html\u2019 but its content is a PNG picture"),
    (MediaKind.PICTURE, "house", JPEG, "image/png",
     "sent as a PNG picture but its content is a JPEG picture"),
    (MediaKind.AUDIO, "question.mp3", WAV, None, "but its content is WAV audio"),
    (MediaKind.AUDIO, "question.wav.exe", OGG, "audio/ogg", "\u2018question.wav.exe\u2019"),
    (MediaKind.PICTURE, "page.png", b"<html><script>alert(1)</script>", "image/png",
     "must be a PNG, JPEG"),
    (MediaKind.AUDIO, "song.mp3", PNG, "audio/mpeg", "must be an MP3, WAV, Ogg, WebM or M4A"),
])
def test_content_that_disagrees_with_the_name_or_type_is_refused(app, tmp_path, kind, name, data,
                                                                 claimed, message):
    """Each case: a file whose name or declared type claims one format and whose bytes another."""
    folder = tmp_path / "uploads"
    with pytest.raises(MediaError, match=message):
        save_media(folder, 1, kind, name, io.BytesIO(data), claimed)
    assert not [f for f in folder.rglob("*") if f.is_file()], "nothing is stored"


@pytest.mark.parametrize("kind, name, data, claimed, expected", [
    (MediaKind.PICTURE, "house.JPG", JPEG, "image/jpeg", "image/jpeg"),
    (MediaKind.PICTURE, "house.jpeg", JPEG, "image/pjpeg", "image/jpeg"),
    (MediaKind.PICTURE, "house", PNG, "application/octet-stream", "image/png"),
    (MediaKind.AUDIO, "question.wav", WAV, "audio/x-wav", "audio/wav"),
    (MediaKind.AUDIO, "recording.ogg", OGG, "video/ogg", "audio/ogg"),
])
def test_matching_names_and_types_are_accepted(app, tmp_path, kind, name, data, claimed, expected):
    media = save_media(tmp_path / "uploads", 1, kind, name, io.BytesIO(data), claimed)
    assert media.content_type == expected


def test_a_renamed_picture_is_refused_on_the_builder_page(auth, survey):
    auth.login(Role.FACILITATOR)
    response = auth.client.post(f"/surveys/{survey.id}/questions/new", data={
        **question_form(picture_alt="A house"),
        "picture": (io.BytesIO(JPEG), "house.png", "image/png")},
        content_type="multipart/form-data")
    page = response.data.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "but its content is a JPEG picture" in page
    assert "Where did you sleep?" in page, "the form keeps what was typed"
    assert db.session.scalar(select(func.count(SurveyMedia.id))) == 0
