"""Property-based tests: hostile input to the sync API and the CSV import never gives a 500.

What is tried (hypothesis draws from these; the counts are kept modest so the suite stays fast):
- sync API bodies: random bytes; random JSON of any shape; hand-written nasties (deep
  nesting, 5,000-digit numbers, NaN/Infinity, lone surrogates, UTF-16, byte-order marks,
  duplicate keys, truncated JSON);
- a valid response with one field, or one answer's question id or value, replaced by any JSON
  value (wrong types, huge integers, floats, nested lists and objects, odd Unicode, HTML);
- free-text answers of any Unicode, huge strings, HTML and script payloads, which when
  stored must appear escaped on the results page;
- CSV uploads of random bytes, and tables of random cells and headings (quotes, commas,
  new lines, odd Unicode, HTML) run through the check-and-import job, whose page must
  escape what it shows.
"""
import csv
import io
import json
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from sqlalchemy import select

from forum.access import Role
from forum.extensions import db
from forum.services.text_direction import without_bidi_controls
from surveys.models import CsvImport, CsvImportStatus
from surveys.services.imports import CsvProblem, upload
from tests.surveys.conftest import make_payload

URL = "/api/v1/responses"
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HOSTILE = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</textarea><b>bold</b>",
    "javascript:alert(1)", "{{ 7 * 7 }}", "{% raw %}", "${7*7}", "%s%s%n", "' OR 1=1 --",
    "Robert'); DROP TABLE members;--", "../../etc/passwd", "\u202egnp.exe", "a\u200bb\u200dc",
    "\ufeffstart", "e\u0301\u0301\u0301", "🙂👩🏽‍🦱🏳️‍🌈", "ǅungla", "\r\n\r\n", "\t", " ", "",
    "null", "true", "\\", "\"", "مرحبا", "𝕳𝖊𝖑𝖑𝖔", "\x07\x1b[31mred", "\x00",
]
MARKUP = [text for text in HOSTILE if "<" in text] + ["Answer <b>text</b>"]
texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=200),
                  st.builds(lambda piece, times: piece * times,
                            st.sampled_from(["x", "<b>", "é", "🙂", "a "]), st.integers(1, 15_000)))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2 ** 70), 2 ** 70)
    | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=12)
RAW_BODIES = [
    b"", b"{", b"[]", b"null", b"\"text\"", b"{\"uuid\": ", b"[" * 100_000 + b"]" * 100_000,
    b"{\"a\":" * 5_000 + b"1" + b"}" * 5_000, b"9" * 5_000, b"NaN", b"Infinity", b"-Infinity",
    b"{\"completed\": NaN}", b"1e99999", b"\xef\xbb\xbf{}", "{}".encode("utf-16"),
    b"{\"uuid\": \"\\ud800\"}", b"{\"uuid\": \"\\udfff\\ud800\"}", b"\xff\xfe\x00",
    b"{\"uuid\": 1, \"uuid\": 2}", b"{\"answers\": [{\"value\": \"\\u0000\"}]}",
]


def post(client, token, data: bytes):
    return client.post(URL, data=data, content_type="application/json",
                       headers={"Authorization": f"Bearer {token}"})


def assert_clear_answer(response, allowed=(200, 201, 409, 413, 422)):
    assert response.status_code in allowed, (response.status_code, response.data[:300])
    body = response.get_json()
    assert isinstance(body, dict)
    if response.status_code >= 400:
        assert body["error"] and not body["error"].startswith("Traceback")
    else:
        assert body["status"] in ("received", "already received")


def test_any_bytes_get_a_clear_refusal(client, tablet):
    _, token = tablet
    for raw in RAW_BODIES:
        assert_clear_answer(post(client, token, raw), allowed=(413, 422))

    @SOME
    @given(st.binary(max_size=3000))
    def check(raw):
        assert_clear_answer(post(client, token, raw), allowed=(413, 422))

    check()


def test_any_json_shape_gets_a_clear_refusal(client, tablet):
    _, token = tablet

    @SOME
    @given(json_values)
    def check(value):
        assert_clear_answer(post(client, token, json.dumps(value).encode()), allowed=(413, 422))

    check()


def test_one_wrong_field_in_a_real_response_is_refused_or_stored_never_a_500(client, version,
                                                                             questions, tablet):
    _, token = tablet
    fields = ["uuid", "survey_version_id", "completed", "read_aloud", "member_id", "started_at",
              "finished_at", "answers", "unexpected"]

    @SOME
    @given(st.sampled_from(fields), json_values)
    def check(field, value):
        body = make_payload(version, questions)
        body[field] = value
        assert_clear_answer(post(client, token, json.dumps(body).encode()))

    check()


def test_one_wrong_answer_is_refused_or_stored_never_a_500(client, version, questions, tablet):
    _, token = tablet

    @SOME
    @given(st.integers(0, 5), st.sampled_from(["question_id", "value", "extra"]), json_values)
    def check(index, key, value):
        body = make_payload(version, questions)
        body["answers"][index][key] = value
        assert_clear_answer(post(client, token, json.dumps(body).encode()))

    check()


def test_free_text_is_stored_or_refused_and_shown_escaped(client, auth, version, questions, tablet):
    _, token = tablet
    auth.login(Role.ADMIN)
    results_url = f"/surveys/{version.survey_id}/results"

    @FEW
    @given(texts)
    def check(text):
        # A marker in front, so a short text such as "<" cannot be found in the page's own markup.
        text = "Zq7" + text
        body = make_payload(version, questions)
        body["answers"][4]["value"] = text
        response = post(client, token, json.dumps(body).encode())
        assert_clear_answer(response, allowed=(201, 422))
        if response.status_code == 201 and "<" in text:
            page = client.get(results_url).data.decode()
            assert str(escape(text.strip())) in page
            assert text.strip() not in page, "user text reached the page unescaped"

    check()
    for raw in ("\\ud800", "\\udfff", "a\\u0000b"):
        body = json.dumps(make_payload(version, questions)).replace(
            "My key worker listened to me.", raw)
        response = post(client, token, body.encode())
        assert response.status_code == 422 and "answers[4].value" in response.get_json()["error"]
    assert client.get(results_url).status_code == 200


def test_any_csv_bytes_are_imported_or_refused_plainly(client, auth, consultation):
    auth.login(Role.FACILITATOR)

    @SOME
    @given(st.one_of(st.binary(max_size=2000),
                     st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass"))))
    def check(data):
        try:
            upload(consultation, "x.csv", data, None)
        except CsvProblem as problem:
            assert str(problem)
        db.session.rollback()
        response = client.post("/surveys/imports/new", data={
            "consultation_id": consultation.id, "file": (io.BytesIO(data), "upload.csv")},
            content_type="multipart/form-data")
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 200:
            assert "There is a problem" in response.data.decode()

    check()


def _csv(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


def test_csv_tables_of_any_cells_import_or_list_problems_and_are_shown_escaped(client, auth,
                                                                               consultation):
    auth.login(Role.FACILITATOR)
    question = consultation.questions[0]
    cells = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))

    @FEW
    @given(st.sampled_from(HOSTILE + MARKUP),
           st.lists(st.tuples(cells, cells), min_size=0, max_size=8))
    def check(heading, rows):
        data = _csv([["Respondent id", heading]] + [list(row) for row in rows])
        response = client.post("/surveys/imports/new", data={
            "consultation_id": consultation.id, "file": (io.BytesIO(data), "answers.csv")},
            content_type="multipart/form-data")
        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert "There is a problem" in response.data.decode()
            return
        record = db.session.scalars(select(CsvImport).order_by(CsvImport.id.desc())).first()
        # Each column is told apart by its place, and mapped to the first question.
        shown = client.post(f"/surveys/imports/{record.id}", data={
            "respondent_column": "Respondent id", "column-1": question.id})
        assert shown.status_code in (200, 302)
        page = client.get(f"/surveys/imports/{record.id}")
        assert page.status_code == 200
        db.session.refresh(record)
        assert record.status in (CsvImportStatus.IMPORTED, CsvImportStatus.PROBLEMS,
                                 CsvImportStatus.UPLOADED)
        html = page.data.decode()
        for text in [heading, *(cell for row in rows for cell in row)]:
            if text in MARKUP:
                assert text not in html, "user text reached the page unescaped"
        if record.status != CsvImportStatus.IMPORTED:  # the column choices show the headings
            # As pages print any text: without bidi controls (forum.services.text_direction).
            assert str(escape(without_bidi_controls(heading.strip()))) in html

    check()


def test_a_hostile_uuid_never_collides_with_a_real_one(client, version, questions, tablet):
    _, token = tablet
    first = make_payload(version, questions)
    assert post(client, token, json.dumps(first).encode()).status_code == 201
    for fake in (first["uuid"] + " ", first["uuid"] + "\u200b", " " + first["uuid"],
                 first["uuid"].replace("-", ""), str(uuid.UUID(first["uuid"])).upper() + "\x00"):
        response = post(client, token, json.dumps({**first, "uuid": fake}).encode())
        assert_clear_answer(response)
        assert response.status_code != 201
