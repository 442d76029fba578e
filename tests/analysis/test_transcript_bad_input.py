"""Bad uploads fail with one clear TranscriptError; odd encodings still decode."""
from __future__ import annotations

import contextlib
import io
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.core.transcripts import TranscriptError, parse_text, read_transcript

SAMPLE = "Facilitator: How was the hostel?\nMarcia: Grim. £40 a week for a room – and “support”.\n"


def make_docx(text: str = "Dave: hello") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("data",
                         [b"", b"   \n\r\n\t ", "\ufeff".encode("utf-8"), b"\xef\xbb\xbf  \n"])
def test_empty_files(data):
    with pytest.raises(TranscriptError, match="empty"):
        read_transcript(data, "session.txt")


def test_binary_file_named_txt():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(TranscriptError, match="does not look like a text file"):
        read_transcript(png, "notes.txt")


def test_control_characters_without_nul_are_refused():
    with pytest.raises(TranscriptError, match="does not look like a text file"):
        read_transcript(bytes(range(1, 32)) * 40, "notes.txt")


def test_word_file_renamed_txt_gets_a_hint():
    with pytest.raises(TranscriptError, match=r"\.docx"):
        read_transcript(make_docx(), "session.txt")


def test_corrupt_docx():
    with pytest.raises(TranscriptError, match="damaged or not a real .docx"):
        read_transcript(b"PK\x03\x04 this is not really a zip file at all", "session.docx")
    with pytest.raises(TranscriptError, match="session.docx is not a Word .* it holds plain text"):
        read_transcript(b"just some text", "session.docx")


def test_zip_without_word_document_is_not_a_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(TranscriptError, match="damaged or not a real .docx"):
        read_transcript(buffer.getvalue(), "session.docx")


def test_truncated_docx():
    data = make_docx("Dave: hello there")
    with pytest.raises(TranscriptError, match="damaged"):
        read_transcript(data[: len(data) // 2], "session.docx")


def test_zip_bomb_docx_is_refused_before_unpacking():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        # 50 MB of zeros squeezes to ~50 KB: a 1000:1 ratio, like a real bomb.
        archive.writestr("word/document.xml", b"\x00" * (50 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 200_000
    with pytest.raises(TranscriptError, match="unpack"):
        read_transcript(data, "bomb.docx")


def test_zip_bomb_odt_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("content.xml", b" " * (20 * 1024 * 1024))
    with pytest.raises(TranscriptError, match="unpack"):
        read_transcript(buffer.getvalue(), "bomb.odt")


def test_odt_with_entity_expansion_is_refused():
    content = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
               '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", content)
    with pytest.raises(TranscriptError, match="damaged"):
        read_transcript(buffer.getvalue(), "laughs.odt")


def test_too_large_file_uses_the_configurable_limit():
    with pytest.raises(TranscriptError, match="too large"):
        read_transcript(b"Dave: hello\n" * 200, "big.txt", max_bytes=1000)
    assert read_transcript(b"Dave: hello\n" * 80, "ok.txt", max_bytes=1000).turns


def test_default_limit_is_20_mb():
    with pytest.raises(TranscriptError, match="20 MB"):
        read_transcript(b"a" * (20 * 1024 * 1024 + 1), "huge.txt")


@pytest.mark.parametrize("filename, message", [
    ("old.doc", "Save As"), ("scan.pdf", "PDF"), ("photo.jpg", ".jpg cannot be read"),
])
def test_unsupported_formats(filename, message):
    with pytest.raises(TranscriptError, match=message):
        read_transcript(b"something", filename)


@pytest.mark.parametrize("encoding",
                         ["cp1252", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_encodings_decode(encoding):
    t = read_transcript(SAMPLE.encode(encoding), "session.txt")
    assert [turn.speaker for turn in t.turns] == ["Facilitator", "Marcia"]
    assert t.turns[1].text == "Grim. £40 a week for a room – and “support”."


def test_windows_line_endings():
    t = read_transcript(SAMPLE.replace("\n", "\r\n").encode("cp1252"), "session.txt")
    assert [(turn.line_start, turn.line_end) for turn in t.turns] == [(1, 1), (2, 2)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000),
       name=st.sampled_from(["a.txt", "a.docx", "a.odt", "a.vtt", "a.srt", "a", "a.xyz"]))
def test_any_bytes_only_ever_raise_transcript_error(data, name):
    try:
        transcript = read_transcript(data, name, max_bytes=2000)
    except TranscriptError as exc:
        assert str(exc)
    else:
        assert transcript.turns and all(turn.text for turn in transcript.turns)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=2000))
def test_any_text_only_ever_raises_transcript_error(text):
    try:
        transcript = parse_text(text)
    except TranscriptError:
        return
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for turn in transcript.turns:
        assert 1 <= turn.line_start <= turn.line_end <= len(lines)


_LINE = st.one_of(
    st.text(max_size=60),
    st.builds(lambda n, t: f"{n}: {t}", st.sampled_from(["Dave", "Speaker 1", "Note", "https"]),
              st.text(max_size=40)),
    st.builds(lambda n, m, s: f"{n}  {m}:{s:02d}", st.sampled_from(["Kerry", "Speaker 2"]),
              st.integers(0, 99), st.integers(0, 59)),
    st.sampled_from(["", "WEBVTT", "00:00:01.000 --> 00:00:02.000", "<v Alex>hi</v>", "1"]),
)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(_LINE, max_size=30), name=st.sampled_from(["a.txt", "a.vtt", "a.srt"]))
def test_transcript_shaped_text_never_crashes(lines, name):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    with contextlib.suppress(TranscriptError):
        read_transcript(data, name)


@pytest.mark.parametrize("filename, data, message", [
    ("session.docx", SAMPLE.encode(), r"session\.docx is not a Word \(\.docx\) file: it holds "
                                      r"plain text\. .*rename the file to end in \.txt"),
    ("session.odt", make_docx(), r"session\.odt is not an OpenDocument \(\.odt\) file: it holds "
                                 r"a Word \(\.docx\) file\. Rename it to end in \.docx"),
    ("session.txt", make_docx(), r"session\.txt is not a text file: it holds a Word \(\.docx\) "
                                 r"file\. Rename it to end in \.docx"),
    ("session.vtt", b"%PDF-1.7\n" + SAMPLE.encode() * 5,
     r"session\.vtt is not a text file: it holds a PDF, which cannot be read here"),
    ("session.txt", b"<!DOCTYPE html><html><body><p>" + SAMPLE.encode() + b"</p></body></html>",
     "session.txt is not a text file: it holds the code of a web page or a picture"),
])
def test_a_name_that_does_not_match_the_content_is_refused_as_documents_are(filename, data,
                                                                             message):
    """A text file named .docx said only "damaged"; a PDF or a web page named .txt or .vtt
    was read as words, its code becoming turns."""
    with pytest.raises(TranscriptError, match=message):
        read_transcript(data, filename)


def test_a_transcript_that_opens_with_a_tag_is_still_read():
    text = "Facilitator: What is <html>?\nMarcia: <html> is what web pages start with.\n"
    assert [t.speaker for t in read_transcript(text.encode(), "session.txt").turns] == [
        "Facilitator", "Marcia"]


NEXT_STEP = ("upload", "paste", "save", "choose")


@pytest.mark.parametrize(("data", "name"), [
    (b"", "session.txt"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "session.docx"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "session.odt"),
    (b"PK\x03\x04" + b"\x00" * 300, "session.docx"),
    (b"PK\x03\x04" + b"\x00" * 300, "session.txt"),
    (make_docx(""), "session.docx"),
])
def test_every_refused_file_says_what_to_do_next(data, name):
    """A facilitator saw "This Word file is damaged or not a real .docx file." and no way on."""
    with pytest.raises(TranscriptError) as refused:
        read_transcript(data, name)
    assert any(step in str(refused.value).lower() for step in NEXT_STEP), str(refused.value)


def test_a_file_mixing_utf8_and_windows_lines_reads_each_line_right():
    """One Windows (cp1252) line made the whole file read as cp1252: 'Café' became 'CafÃ©'."""
    from analysis.core.transcripts.decoding import decode_text

    data = ("Facilitator: Café first, then £5 each.\n".encode()
            + "Marcia: It was “fine” – long.\n".encode("cp1252"))
    assert decode_text(data) == ("Facilitator: Café first, then £5 each.\n"
                                 "Marcia: It was “fine” – long.\n")
