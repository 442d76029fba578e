"""CSV import: choose columns, each bad row reported by line number, nothing imported till clean."""
import io

import pytest
from sqlalchemy import func, select

from forum.access import Role
from forum.extensions import db
from forum.models import Job, Member
from forum.services.members import save_member
from surveys.models import CsvImport, CsvImportAnswer, CsvImportStatus
from surveys.services.imports import CsvProblem, choose_columns, decode, read_table, upload

GOOD = (b"Respondent,Age,What helped?,What should change?\r\n"
        b"R1,34,\"My key worker, who listened\",More housing\r\n"
        b"R2,51,,\"Stop short sentences.\nThey do nothing.\"\r\n"
        b"\r\n"
        b"R3,29,Peer mentors,\r\n")


def answers():
    return db.session.scalar(select(func.count(CsvImportAnswer.id)))


def test_a_clean_file_is_imported(consultation):
    q1, q2, _ = consultation.questions
    save_member(Member(), "R3")
    record = upload(consultation, "export.csv", GOOD, None)
    assert record.status == CsvImportStatus.UPLOADED
    choose_columns(record, "Respondent",
                   {"What helped?": q1.id, "What should change?": q2.id, "Age": 0})
    assert record.status == CsvImportStatus.IMPORTED  # the worker runs inline in tests
    assert record.row_count == 3 and record.answer_count == 4
    rows = [(a.line_number, a.respondent_ref, a.question_id, a.text, a.member_id is not None)
            for a in record.answers]
    assert rows == [(2, "R1", q1.id, "My key worker, who listened", False),
                    (2, "R1", q2.id, "More housing", False),
                    (3, "R2", q2.id, "Stop short sentences.\nThey do nothing.", False),
                    (6, "R3", q1.id, "Peer mentors", True)]
    assert db.session.get(Job, record.job_id).status.value == "done"


def test_bad_rows_are_reported_by_line_and_nothing_is_imported(consultation):
    q1 = consultation.questions[0]
    data = (b"id,text\n"
            b"A1,fine\n"
            b",no id here\n"
            b"A1,same id again\n"
            b"A4,too,many\n"
            b"A5,\"a long\nanswer over\nthree lines\"\n"
            b"A6," + b"x" * 10_001 + b"\n")
    record = upload(consultation, "bad.csv", data, None)
    choose_columns(record, "id", {"text": q1.id})
    assert record.status == CsvImportStatus.PROBLEMS
    assert record.problems == [
        "Line 3: the respondent id (\u2018id\u2019) is empty",
        "Line 4: respondent id \u2018A1\u2019 is also on line 2",
        "Line 5: has 3 cells but the heading row has 2",
        "Line 9, column \u2018text\u2019: the text is longer than 10,000 characters",
    ]
    assert answers() == 0


def test_files_that_cannot_be_read(consultation):
    with pytest.raises(CsvProblem, match="Line 3: the file is not UTF-8"):
        decode(b"a,b\n1,2\n3,caf\xe9\n")
    assert decode("\ufeffid,text\n".encode("utf-8")) == "id,text\n"
    with pytest.raises(CsvProblem, match="Line 1: column 2 has no heading"):
        read_table("id,,text\n")
    with pytest.raises(CsvProblem, match="columns 1 and 2 are both called"):
        read_table("Text,text\n")
    # Says what to do next, as the other refusals do.
    with pytest.raises(CsvProblem, match="empty: check you chose the file with the answers"):
        read_table("")
    with pytest.raises(CsvProblem, match="cannot be read as CSV"):
        read_table('id,text\n1,"never closed\n')


NOT_CSV = "This is not a CSV file: save it from your spreadsheet as CSV (comma separated)"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01",  # a picture
    b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb6",  # .docx or .xlsx (a zip)
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",  # a PDF
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00",  # an old .xls or .doc
    bytes(range(256)) * 4,  # anything else that is mostly not text
])
def test_a_file_that_is_clearly_not_text_is_called_not_a_csv_file(data):
    # "Line 1: the file is not UTF-8 text" sent someone with a .png to look for an encoding.
    with pytest.raises(CsvProblem, match=NOT_CSV.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


def test_text_in_another_encoding_still_says_which_line(consultation):
    with pytest.raises(CsvProblem, match="Line 2: the file is not UTF-8"):
        decode("id,text\n1,caf\u00e9 \u00a3\n".encode("cp1252"))
    with pytest.raises(CsvProblem, match="Line 1: the file is not UTF-8"):
        decode("id,text\n1,hello\n".encode("utf-16"))


def test_a_file_of_headings_only_says_there_are_no_answers():
    # It went on to 'Choose columns' and then said only what was wrong with the choice.
    with pytest.raises(CsvProblem, match="only a heading row: there are no answers"):
        read_table("id,What helped?\n\n")


@pytest.mark.parametrize("separator", [";", "\t"])
def test_semicolons_or_tabs_between_columns_are_read_as_columns(separator):
    """Saved by a tool set up for Europe (or as tab-separated), it was one column 'id;text'."""
    text = f"id{separator}What helped?\n1{separator}A worker, who listened\n"
    table = read_table(text)
    assert table.headings == ["id", "What helped?"]
    assert table.rows == [(2, ["1", "A worker, who listened"])]


def test_the_columns_must_make_sense(consultation):
    record = upload(consultation, "x.csv", GOOD, None)
    q1 = consultation.questions[0]
    with pytest.raises(CsvProblem, match="respondent id"):
        choose_columns(record, "Nope", {"What helped?": q1.id})
    with pytest.raises(CsvProblem, match="at least one text column"):
        choose_columns(record, "Respondent", {"What helped?": 0})
    with pytest.raises(CsvProblem, match="cannot also be a text column"):
        choose_columns(record, "Respondent", {"Respondent": q1.id})
    with pytest.raises(CsvProblem, match="this consultation"):
        choose_columns(record, "Respondent", {"What helped?": 99999})


def test_the_import_pages(auth, consultation):
    auth.login(Role.POLICY_OFFICER)
    response = auth.client.post("/surveys/imports/new", data={
        "consultation_id": consultation.id, "file": (io.BytesIO(b"a,b\n1,caf\xe9\n"), "bad.csv")},
        content_type="multipart/form-data")
    assert "Line 2: the file is not UTF-8 text" in response.data.decode()
    response = auth.client.post("/surveys/imports/new", data={
        "consultation_id": consultation.id,
        "file": (io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "answers.png")},
        content_type="multipart/form-data")
    assert NOT_CSV in response.data.decode()
    response = auth.client.post("/surveys/imports/new", data={
        "consultation_id": consultation.id, "file": (io.BytesIO(GOOD), "good.csv")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    record = db.session.scalar(select(CsvImport))
    page = auth.client.get(response.headers["Location"]).data.decode()
    assert "Which column holds the respondent id?" in page
    assert "Column \u2018What helped?\u2019" in page
    response = auth.client.post(f"/surveys/imports/{record.id}", data={
        "respondent_column": "Respondent", "column-2": consultation.questions[0].id},
        follow_redirects=True)
    page = response.data.decode()
    assert "3 answers from 3 rows were imported" not in page  # R2 has no text in that column
    assert "2 answers from 3 rows were imported" in page


def test_problems_are_listed_on_the_page(auth, consultation):
    auth.login(Role.FACILITATOR)
    record = upload(consultation, "bad.csv", b"id,text\n,<b>no id</b>\n", None)
    response = auth.client.post(f"/surveys/imports/{record.id}", data={
        "respondent_column": "id", "column-1": consultation.questions[0].id}, follow_redirects=True)
    page = response.data.decode()
    assert "Nothing was imported: fix these rows" in page
    assert "Line 2: the respondent id" in page
    assert answers() == 0
