"""Word and OpenDocument files whose words cannot all be read are refused saying why: one
with no readable text was called "empty", and words in a Word text box were silently left out."""
from __future__ import annotations

import io

import docx
import pytest

from analysis.core.transcripts import TranscriptError, read_transcript


def _docx(paragraphs: list[str], text_box: str | None = None) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if text_box is not None:  # Word keeps a text box's words in w:txbxContent
        from docx.oxml import parse_xml

        run = document.add_paragraph().add_run()
        run._r.append(parse_xml(
            '<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><v:shape><v:textbox><w:txbxContent><w:p>'
            f'<w:r><w:t>{text_box}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
            '</w:pict>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_file_with_no_readable_text_says_why_not_that_it_is_empty():
    with pytest.raises(TranscriptError, match="no words that can be read"):
        read_transcript(_docx([]), "group.docx")


def test_a_word_file_with_words_in_text_boxes_is_refused_not_half_read():
    with pytest.raises(TranscriptError, match="text box"):
        read_transcript(_docx(["Dave: hello"], text_box="Marcia: I was inside."), "group.docx")
    assert [t.text for t in read_transcript(_docx(["Dave: hello"]), "group.docx").turns] == [
        "hello"]


def test_an_empty_text_box_beside_the_words_does_not_refuse_the_file():
    data = _docx(["Dave: hello"], text_box="")
    assert [t.text for t in read_transcript(data, "group.docx").turns] == ["hello"]


def test_an_opendocument_file_with_no_readable_text_says_why_not_that_it_is_empty():
    from tests.analysis.test_transcript_formats import make_odt

    with pytest.raises(TranscriptError, match="This OpenDocument file has no words that can be"):
        read_transcript(make_odt("<text:p> </text:p>"), "group.odt")
