"""Bidi controls (U+202A-E, U+2066-9) in an uploaded transcript (.txt, .docx, .vtt, .srt) or a
CSV import are dropped where the file's text is read, as typed input's are on the way in
(``text_direction.TypedRequest``): the stored turns, speakers and answers kept them ("my file
\u202egnp.exe" stored as it was sent), and a CSV heading holding one never matched the column
chosen for it (the choice arrives without it)."""
import pytest

from forum.access import Role
from forum.extensions import db
from forum.models import Transcript
from surveys.models import CsvImportAnswer
from surveys.services.imports import choose_columns, headings
from surveys.services.imports import upload as upload_csv
from tests.analysis.document_files import docx_bytes
from tests.analysis.views.test_transcripts import (  # noqa: F401
    session_with_members,
    upload,
)
from tests.surveys.conftest import consultation  # noqa: F401

RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"
LINES = [f"Dave: My file {RLO}gnp.exe went missing at the hostel.",
         f"{LRI}Marcia{PDI}: They never {LRI}gave{PDI} it back."]
FILES = {
    "group.txt": "\n".join(LINES).encode(),
    "group.docx": docx_bytes(LINES),
    "group.vtt": ("WEBVTT\n\n" + "".join(
        f"00:00:0{n}.000 --> 00:00:0{n}.900\n{line}\n\n"
        for n, line in enumerate(LINES, 1))).encode(),
    "group.srt": "".join(f"{n}\n00:00:0{n},000 --> 00:00:0{n},900\n{line}\n\n"
                         for n, line in enumerate(LINES, 1)).encode(),
}


@pytest.mark.parametrize("filename", list(FILES))
def test_an_uploaded_transcript_is_stored_without_bidi_controls(
        auth, session_with_members, filename):  # noqa: F811
    auth.login(Role.FACILITATOR)
    response = upload(auth, session_with_members[0], FILES[filename], filename)
    assert response.status_code == 302, response.data[-800:]
    transcript = db.session.scalar(db.select(Transcript))
    assert [t.original_text for t in transcript.turns] == [
        "My file gnp.exe went missing at the hostel.", "They never gave it back."]
    assert [s.label for s in transcript.speakers] == ["Dave", "Marcia"]
    for stored in (transcript.original_text, *(t.redacted_text for t in transcript.turns)):
        assert not any(c in stored for c in (RLO, LRI, PDI)), stored


def test_a_csv_import_is_stored_without_bidi_controls(app, consultation):  # noqa: F811
    data = (f"id,Q1 {RLO}text\nR{LRI}1{PDI},My file {RLO}gnp.exe went missing\n"
            "R2,Somewhere to live\n").encode()
    record = upload_csv(consultation, "other-tool.csv", data, None)
    assert RLO not in record.original_text and headings(record) == ["id", "Q1 text"]
    # As a browser sends the choice: without the override.
    choose_columns(record, "id", {"Q1 text": consultation.questions[0].id})
    answers = db.session.scalars(db.select(CsvImportAnswer).order_by(CsvImportAnswer.id)).all()
    assert [(a.respondent_ref, a.text) for a in answers] == [
        ("R1", "My file gnp.exe went missing"), ("R2", "Somewhere to live")]
