"""PostgreSQL sync writes: one prepared statement per response, group commits, failures apart."""
import threading
import time

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from forum.extensions import db
from forum.models.base import utcnow
from surveys.models import SurveyAnswer, SurveyDevice, SurveyResponse
from surveys.services.devices import Tablet, register_device
from surveys.services.payload import normalise
from surveys.services.pg_writes import PostgresGroupCommit, store_params
from surveys.services.sync import payload_digest
from tests.surveys.conftest import make_payload


@pytest.fixture
def pg(app):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: run with DATABASE_URL=postgresql://...")
    return db.engine


def params_for(app, version, questions, device, **changes):
    payload, spec = normalise(make_payload(version, questions, **changes),
                              app.extensions["surveys"]["specs"])
    tablet = Tablet(device.id, device.token_hash)
    return store_params(payload, payload_digest(payload), spec.kinds, tablet, utcnow())


def test_threads_share_commits_and_each_gets_its_own_row(app, pg, version, questions, tablet):
    group, batches = PostgresGroupCommit(), []
    real = group._write
    group._write = lambda engine, batch: batches.append(len(batch)) or real(engine, batch)
    work = [params_for(app, version, questions, tablet[0]) for _ in range(24)]
    results, barrier = {}, threading.Barrier(12)

    def send(items):
        barrier.wait()
        for params in items:
            results[params["uuid"]] = group.run(pg, params)

    threads = [threading.Thread(target=send, args=(work[n::12],)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = {row.uuid: row.id
           for row in db.session.execute(select(SurveyResponse.uuid, SurveyResponse.id))}
    assert {u: (ids[u], True, p["hash"]) for u, p in ((p["uuid"], p) for p in work)} == {
        u: tuple(r) for u, r in results.items()}
    assert sum(batches) == 24 and len(batches) < 24, "some commits should carry several responses"
    assert db.session.scalar(select(func.count(SurveyAnswer.id))) == 24 * 6
    db.session.expire_all()
    assert db.session.get(SurveyDevice, tablet[0].id).last_sync_at is not None


def test_a_resend_in_the_same_batch_is_found_not_stored_twice(app, pg, version, questions, tablet):
    params = params_for(app, version, questions, tablet[0])
    group = PostgresGroupCommit()
    from surveys.services.sqlite_writes import QueuedWork

    first, again = QueuedWork(params), QueuedWork(dict(params))
    group._write(pg, [first, again])
    assert first.result[1] is True and again.result[1] is False
    assert first.result[0] == again.result[0] and again.result[2] == params["hash"]
    assert db.session.scalar(select(func.count(SurveyResponse.id))) == 1
    assert db.session.scalar(select(func.count(SurveyAnswer.id))) == 6


def test_one_failing_response_leaves_the_rest_of_its_batch_stored(app, pg, version, questions,
                                                                  tablet):
    from surveys.services.sqlite_writes import QueuedWork

    good = [QueuedWork(params_for(app, version, questions, tablet[0])) for _ in range(3)]
    bad = QueuedWork({**params_for(app, version, questions, tablet[0]), "version_id": 999_999})
    PostgresGroupCommit()._write(pg, [good[0], bad, *good[1:]])
    assert isinstance(bad.error, IntegrityError) and bad.result is None
    assert all(item.error is None and item.result[1] for item in good)
    assert db.session.scalar(select(func.count(SurveyResponse.id))) == 3


def test_the_statement_is_prepared_once_per_connection(app, pg, version, questions, tablet):
    group = PostgresGroupCommit()
    for _ in range(3):
        group.run(pg, params_for(app, version, questions, tablet[0]))
    with pg.connect() as conn:
        raw = conn.connection.driver_connection
        prepared = raw.execute(
            "SELECT count(*) FROM pg_prepared_statements "
            "WHERE statement LIKE '%%ON CONFLICT (uuid) DO NOTHING%%'").fetchone()[0]
    assert prepared == 1, "the pool should hand back the connection that prepared it"


def test_a_conflicting_resend_does_not_mark_the_tablet_synced(app, pg, version, questions, tablet):
    device_id = tablet[0].id
    params = params_for(app, version, questions, tablet[0])
    group = PostgresGroupCommit()
    group.run(pg, params)
    db.session.execute(SurveyDevice.__table__.update().values(last_sync_at=None))
    db.session.commit()
    other = {**params, "hash": "0" * 64}
    _, stored, stored_hash = group.run(pg, other)
    assert not stored and stored_hash == params["hash"]
    db.session.expire_all()
    assert db.session.get(SurveyDevice, device_id).last_sync_at is None


def _wait_for_a_blocked_statement(engine, writer: threading.Thread) -> None:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for _ in range(600):
            if conn.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE "
                                "wait_event_type = 'Lock' AND datname = current_database()")):
                return
            assert writer.is_alive(), "the first response was not held up by the lock"
            time.sleep(0.05)
    raise AssertionError("the first response never reached its lock")


def test_a_response_does_not_wait_for_another_writers_commit(app, pg, version, questions,
                                                             tablet):
    """PostgreSQL writes transactions side by side: a writer held up (here by a lock on its
    tablet's row) does not hold up another tablet's response in the same process."""
    other = register_device("Tablet 2", None)[0]
    group, results = PostgresGroupCommit(), {}
    held = params_for(app, version, questions, tablet[0])
    free = params_for(app, version, questions, other)
    first = threading.Thread(target=lambda: results.update(held=group.run(pg, held)))
    second = threading.Thread(target=lambda: results.update(free=group.run(pg, free)))
    with pg.connect() as blocker:
        blocker.execute(text("SELECT id FROM survey_devices WHERE id = :d FOR UPDATE"),
                        {"d": tablet[0].id})
        first.start()
        _wait_for_a_blocked_statement(pg, first)
        second.start()
        second.join(timeout=20)  # with one writer it would wait for the lock below to go
        stored_while_held = not second.is_alive()
        blocker.rollback()
    first.join()
    second.join()
    assert stored_while_held, "the second response waited for the first one's commit"
    assert results["held"][1] and results["free"][1]


def test_rows_are_stored_as_the_orm_stores_them(app, pg, version, questions, tablet):
    """The raw statement's rows against the ORM's for the same values, column by column."""
    answers = make_payload(version, questions)["answers"]
    answers[4]["value"] = 'Caf\u00e9 "quoted" \\ back\nslash \U0001f600 \u2028 end'
    params = params_for(app, version, questions, tablet[0], read_aloud=True, answers=answers)
    response_id = PostgresGroupCommit().run(pg, params)[0]
    stored = db.session.get(SurveyResponse, response_id)
    orm = SurveyResponse(
        uuid="orm", version_id=stored.version_id, device_id=stored.device_id, member_id=None,
        completed=stored.completed, read_aloud=stored.read_aloud, started_at=stored.started_at,
        finished_at=stored.finished_at, received_at=stored.received_at,
        payload_hash=stored.payload_hash,
        answers=[SurveyAnswer(question_id=a.question_id, value=a.value, text=a.text,
                              created_at=a.created_at) for a in stored.answers])
    db.session.add(orm)
    db.session.commit()

    def rows(response):
        return [tuple(row) for row in db.session.execute(text(
            "SELECT r.version_id, r.device_id, r.member_id, r.completed, r.read_aloud, "
            "r.started_at, r.finished_at, r.received_at, r.payload_hash, a.question_id, "
            "a.value::text, a.value IS NULL, a.text, a.created_at FROM survey_responses r "
            "JOIN survey_answers a ON a.response_id = r.id WHERE r.id = :r ORDER BY a.id"),
            {"r": response})]

    assert rows(response_id) == rows(orm.id)
    assert len(rows(response_id)) == 6 and stored.answers[4].text == answers[4]["value"]
