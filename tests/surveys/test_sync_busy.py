"""SQLite busy under concurrent writers: the sync API retries instead of failing."""
import json
import sqlite3
import threading
import time

import pytest
from sqlalchemy import func, select

from forum.extensions import db
from surveys.models import SurveyResponse
from tests.surveys.conftest import make_payload


@pytest.fixture
def short_busy_wait(app):
    """Make SQLite give up waiting after 50 ms, so "database is locked" comes at once."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    app.config["SQLITE_BUSY_TIMEOUT_MS"] = 50
    db.session.commit()  # hands the connection back, so dispose() closes every one
    db.engine.dispose()
    return db.engine.url.database


def _hold_write_lock(path: str, seconds: float, ready: threading.Event) -> threading.Thread:
    """Another process-like writer holding the database's write lock for a while."""
    def hold():
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        ready.set()
        time.sleep(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    ready.wait(5)
    return thread


def _send(client, token, body):
    return client.post("/api/v1/responses", data=json.dumps(body), content_type="application/json",
                       headers={"Authorization": f"Bearer {token}"})


def test_a_locked_database_is_retried_and_the_response_stored(client, version, questions, tablet,
                                                              short_busy_wait):
    _, token = tablet
    body = make_payload(version, questions)
    holder = _hold_write_lock(short_busy_wait, 0.5, threading.Event())
    response = _send(client, token, body)
    holder.join()
    assert response.status_code == 201, response.get_json()
    assert db.session.scalar(select(func.count(SurveyResponse.id))) == 1


def test_locked_past_every_retry_is_a_plain_503_and_the_resend_is_stored_once(
        client, version, questions, tablet, short_busy_wait):
    _, token = tablet
    body = make_payload(version, questions)
    holder = _hold_write_lock(short_busy_wait, 4.5, threading.Event())
    response = _send(client, token, body)
    holder.join()
    assert response.status_code == 503 and response.headers["Retry-After"] == "2"
    assert "busy" in response.get_json()["error"]
    assert _send(client, token, body).status_code == 201
    assert _send(client, token, body).status_code == 200
    assert db.session.scalar(select(func.count(SurveyResponse.id))) == 1


def test_many_concurrent_writers_get_no_server_errors(app, version, questions, tablet):
    _, token = tablet
    bodies = [make_payload(version, questions) for _ in range(40)]
    statuses, barrier = [], threading.Barrier(8)

    def tablet_thread(share):
        client = app.test_client()
        barrier.wait()
        for body in share:
            statuses.append(_send(client, token, body).status_code)

    threads = [threading.Thread(target=tablet_thread, args=(bodies[n::8],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(statuses)) == [201]
    assert db.session.scalar(select(func.count(SurveyResponse.id))) == 40
