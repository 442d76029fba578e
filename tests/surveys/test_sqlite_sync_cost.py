"""SQLite sync writes: sqlite3 runs the fixed statements itself, and a response that arrives
alone is its own transaction (no group-commit savepoint), with nothing stored differently."""
import json

import pytest
from sqlalchemy import event, select, text

from forum.extensions import db
from surveys.models import SurveyAnswer, SurveyResponse
from tests.surveys.conftest import make_payload

URL = "/api/v1/responses"


@pytest.fixture
def sqlite_only(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")


def send(client, token, body):
    return client.post(URL, data=json.dumps(body), content_type="application/json",
                       headers={"Authorization": f"Bearer {token}"})


def test_a_lone_response_costs_sqlalchemy_one_statement_and_sqlite_no_group_savepoint(
        sqlite_only, client, version, questions, tablet):
    _, token = tablet
    assert send(client, token, make_payload(version, questions)).status_code == 201  # known now
    through_sqlalchemy, through_sqlite = [], []

    def before(_conn, _cursor, statement, *_args):
        through_sqlalchemy.append(statement)

    def trace(connection, _record):
        connection.set_trace_callback(through_sqlite.append)

    event.listen(db.engine, "before_cursor_execute", before)
    db.engine.dispose()  # new connections, each traced
    event.listen(db.engine, "connect", trace)
    try:
        assert send(client, token, make_payload(version, questions)).status_code == 201
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
        event.remove(db.engine, "connect", trace)
        db.engine.dispose()
    assert through_sqlalchemy == ["BEGIN IMMEDIATE"]
    written = [s for s in through_sqlite if not s.startswith("PRAGMA")]
    assert not any("fv_work" in s for s in written), written
    assert written[0] == "BEGIN IMMEDIATE" and written[-1] == "COMMIT", written


def test_values_are_stored_as_sqlalchemy_stores_them(sqlite_only, client, version, questions,
                                                     tablet):
    device, token = tablet
    body = make_payload(version, questions, read_aloud=True)
    assert send(client, token, body).status_code == 201
    saved = db.session.scalar(select(SurveyResponse).where(SurveyResponse.uuid == body["uuid"]))
    # What the ORM writes for the same kinds of value, for the raw rows to be compared with.
    db.session.add(SurveyAnswer(response_id=saved.id, question_id=questions[1].id, value=None,
                                text="orm", created_at=saved.received_at))
    db.session.commit()
    rows = db.session.execute(text(
        "SELECT quote(value), typeof(created_at), length(created_at), text "
        "FROM survey_answers WHERE response_id = :r"), {"r": saved.id}).all()
    orm = rows[-1]
    free_text = [r for r in rows[:-1] if r[3] is not None]
    assert free_text and all(r[0] == orm[0] for r in free_text)  # JSON null, as the ORM
    assert {(r[1], r[2]) for r in rows} == {(orm[1], orm[2])}    # same datetime format
    assert saved.read_aloud is True and saved.device_id == device.id
    assert saved.received_at == saved.answers[0].created_at
    assert db.session.execute(text("SELECT typeof(last_sync_at) FROM survey_devices "
                                   "WHERE id = :d"), {"d": device.id}).scalar() == "text"


def test_a_failed_lone_response_stores_nothing_and_the_next_one_is_stored(
        sqlite_only, client, version, questions, tablet, monkeypatch):
    _, token = tablet
    from surveys.services import sync

    real = sync.INSERT_ANSWER
    monkeypatch.setattr(sync, "INSERT_ANSWER", real.replace("survey_answers", "no_such_table"))
    failed = make_payload(version, questions)
    assert send(client, token, failed).status_code == 500  # the database error page
    monkeypatch.setattr(sync, "INSERT_ANSWER", real)
    db.session.rollback()
    assert db.session.scalar(select(SurveyResponse.id).where(
        SurveyResponse.uuid == failed["uuid"])) is None
    assert send(client, token, make_payload(version, questions)).status_code == 201
