"""CSV, XLSX and REFI-QDA codebook exports: columns, the consent gate, formulas, XML."""
from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from defusedxml import ElementTree as SafeET

from analysis.models.themes import CodebookEntry, SegmentQuestionMap, Theme, ThemeSegment
from exports.data import COLUMNS, codebook_qdc, segments_csv, segments_xlsx
from forum.extensions import db
from forum.models import (
    ConsentRecord,
    Consultation,
    FocusGroupSession,
    Member,
    Question,
    Segment,
    SegmentSource,
    Transcript,
)
from forum.services.segments import text_hash

QDC = "{urn:QDA-XML:codebook:1.0}"
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def member(pseudonym, **consent):
    person = Member(pseudonym=pseudonym)
    if consent:
        person.consents.append(ConsentRecord(**consent))
    db.session.add(person)
    return person


@pytest.fixture
def coded(app):
    """A consultation with members of every consent state, two themes and a codebook."""
    consultation = Consultation(title="Community mental health", consulting_body="DHSC")
    # Numbers as the consultation form stores them; data files show them as pages do, "Q1".
    q1 = Question(number="1", position=1, text="Vision?")
    q2 = Question(number="2", position=2, text="Waiting?")
    consultation.questions.extend([q1, q2])
    session = FocusGroupSession(consultation=consultation, title="Tuesday group",
                                held_on=date(2026, 3, 4))
    transcript = Transcript(session=session, filename="t.txt")
    db.session.add_all([consultation, session, transcript])
    people = {
        "quotable": member("Robin", take_part=True, may_quote=True),
        "no_quote": member("Sparrow", take_part=True, may_quote=False),
        "withdrawn": member("Wren", take_part=True, may_quote=True),
        "never_asked": member("Finch"),
    }
    db.session.flush()
    people["withdrawn"].consents.insert(0, ConsentRecord(take_part=True, may_quote=True,
                                                         withdrawn=True))
    db.session.flush()

    def segment(person, text, question=None, held=False, source=SegmentSource.TRANSCRIPT):
        row = Segment(consultation_id=consultation.id, source_type=source,
                      source_id=transcript.id if source == SegmentSource.TRANSCRIPT else None,
                      member_id=person.id if person else None, text=text,
                      text_hash=text_hash(text), held=held,
                      question_id=question.id if question else None)
        db.session.add(row)
        return row

    rows = {
        "robin": segment(people["quotable"], "Nobody rang me back for months.", q1),
        "robin_formula": segment(people["quotable"], '=HYPERLINK("http://x","click")'),
        "robin_control": segment(people["quotable"], "Bell\x07 and <script>alert(1)</script>"),
        "robin_held": segment(people["quotable"], "Held words about my neighbour.", held=True),
        "sparrow": segment(people["no_quote"], "Sparrow said this privately."),
        "wren": segment(people["withdrawn"], "Wren withdrew these words."),
        "finch": segment(people["never_asked"], "Finch never gave consent."),
        "document": segment(None, "The consultation says services will work together.",
                            source=SegmentSource.DOCUMENT),
    }
    entries = [CodebookEntry(consultation_id=consultation.id, position=1, name="Waiting",
                             description="Time spent waiting for help.", examples=["months"]),
               CodebookEntry(consultation_id=consultation.id, position=2, name="Housing",
                             description="Somewhere to live & <safe>.")]
    waiting = Theme(consultation_id=consultation.id, label="Waiting", code="Waiting",
                    keywords=["wait", "months"], position=1)
    found = Theme(consultation_id=consultation.id, label="Being heard <b>", position=2,
                  keywords=["listen"], label_by="suggested")
    from_code = Theme(consultation_id=consultation.id, label="Housing first", code="Housing",
                      position=3)
    db.session.add_all(entries + [waiting, found, from_code])
    db.session.flush()
    for key, segment in rows.items():
        theme = waiting if key in ("robin", "sparrow", "wren", "robin_held") else found
        db.session.add(ThemeSegment(theme_id=theme.id, segment_id=segment.id))
    db.session.add(SegmentQuestionMap(segment_id=rows["robin_formula"].id, question_id=q2.id))
    db.session.commit()
    return consultation.id, rows


def read_xlsx(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data))["Segments"]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def read_csv(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_columns_rows_and_consent_gate(coded):
    consultation_id, rows = coded
    data = segments_csv(consultation_id)
    table = read_csv(data)
    assert tuple(table[0].keys()) == COLUMNS
    assert [int(r["Segment ID"]) for r in table] == [
        rows[k].id for k in ("robin", "document", "robin_formula", "robin_control")]
    first = table[0]
    assert first == {"Segment ID": str(rows["robin"].id), "Theme": "Waiting",
                     "Theme label set by": "the analysis", "Question": "Q1",
                     "Member pseudonym": "Robin", "Source": "Focus group: Tuesday group",
                     "Date": "2026-03-04", "Text": "Nobody rang me back for months."}
    assert table[2]["Question"] == "Q2"  # the model's mapping when no person linked one
    # A codebook name only suggested is printed as it is, and the file says nobody checked it.
    assert table[1]["Theme"] == "Being heard <b>"
    assert table[1]["Theme label set by"] == "a codebook suggestion, not checked by a person"
    assert table[1]["Member pseudonym"] == "" and table[1]["Source"] == "Document"
    text = data.decode("utf-8-sig")
    for absent in ("Sparrow", "Wren", "Finch", "privately", "withdrew", "never gave", "Held"):
        assert absent not in text


def test_csv_defuses_formulas_and_strips_control_characters(coded):
    consultation_id, rows = coded
    table = read_csv(segments_csv(consultation_id))
    by_id = {int(r["Segment ID"]): r for r in table}
    assert by_id[rows["robin_formula"].id]["Text"] == '\'=HYPERLINK("http://x","click")'
    assert by_id[rows["robin_control"].id]["Text"] == "Bell and <script>alert(1)</script>"


def test_xlsx_has_the_same_rows_as_text_never_formulas(coded):
    from openpyxl import load_workbook

    consultation_id, rows = coded
    data = segments_xlsx(consultation_id)
    sheet = load_workbook(io.BytesIO(data))["Segments"]
    values = read_xlsx(data)
    assert tuple(values[0]) == COLUMNS
    assert [row[0] for row in values[1:]] == [
        rows[k].id for k in ("robin", "document", "robin_formula", "robin_control")]
    formula_cell = next(row for row in sheet.iter_rows(min_row=2)
                        if row[0].value == rows["robin_formula"].id)[-1]
    assert formula_cell.data_type == "s"
    assert formula_cell.value == '=HYPERLINK("http://x","click")'
    flat = repr(values)
    for absent in ("Sparrow", "Wren", "Finch", "privately", "Held", "\x07"):
        assert absent not in flat


def test_qdc_is_well_formed_with_every_theme_and_code(coded):
    consultation_id, _ = coded
    data = codebook_qdc(consultation_id)
    assert data.startswith(b"<?xml")
    root = SafeET.fromstring(data)
    assert root.tag == f"{QDC}CodeBook" and root.get("origin") == "Forum Voice"
    codes = root.find(f"{QDC}Codes")
    every = list(codes.iter(f"{QDC}Code"))
    names = [code.get("name") for code in every]
    # "Waiting" theme kept its entry's name: one code; the other two themes are codes too.
    assert sorted(names) == sorted(["Waiting", "Housing", "Housing first", "Being heard <b>"])
    for code in every:
        assert GUID.match(code.get("guid")) and code.get("isCodable") == "true"
        children = list(code)
        if children and children[0].tag == f"{QDC}Description":
            assert all(c.tag == f"{QDC}Code" for c in children[1:])  # schema order
    assert len({code.get("guid") for code in every}) == len(every)
    housing = next(c for c in codes if c.get("name") == "Housing")
    assert [c.get("name") for c in housing.findall(f"{QDC}Code")] == ["Housing first"]
    assert housing.find(f"{QDC}Description").text.startswith("Somewhere to live & <safe>.")
    assert b"&lt;safe&gt;" in data
    waiting = next(c for c in codes if c.get("name") == "Waiting")
    assert "Keywords: wait, months." in waiting.find(f"{QDC}Description").text
    assert codebook_qdc(consultation_id) == data  # stable GUIDs: re-import updates


def test_withdrawing_later_removes_the_member_from_every_data_file(coded):
    consultation_id, rows = coded
    robin = rows["robin"].member
    robin.consents.insert(0, ConsentRecord(take_part=True, may_quote=True, withdrawn=True))
    db.session.commit()
    csv_text = segments_csv(consultation_id).decode("utf-8-sig")
    xlsx_text = repr(read_xlsx(segments_xlsx(consultation_id)))
    for text in (csv_text, xlsx_text):
        assert "Robin" not in text and "rang me back" not in text
        assert "The consultation says" in text
    assert [r["Source"] for r in read_csv(segments_csv(consultation_id))] == ["Document"]
