"""Group commit on SQLite: each piece of work stands alone, and nothing is answered uncommitted."""
import threading

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import IntegrityError

from surveys.services.sqlite_writes import GroupCommit


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'writes.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        conn.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
    yield engine
    engine.dispose()


def names(engine):
    with engine.connect() as conn:
        return sorted(conn.exec_driver_sql("SELECT name FROM t").scalars())


def insert(name):
    return lambda conn: conn.execute(text("INSERT INTO t (name) VALUES (:n)"),
                                     {"n": name}).lastrowid


def test_many_threads_each_get_their_own_result_once_committed(engine):
    group, results, errors = GroupCommit(), {}, []
    barrier = threading.Barrier(20)

    def send(n):
        barrier.wait()
        try:
            row_id = group.run(engine, insert(f"r{n}"))
            # answered only after the commit: another connection sees it
            with engine.connect() as conn:
                assert conn.execute(text("SELECT name FROM t WHERE id = :i"),
                                    {"i": row_id}).scalar() == f"r{n}"
            results[n] = row_id
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=send, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results.values())) == 20
    assert names(engine) == sorted(f"r{n}" for n in range(20))


def test_a_failing_piece_of_work_undoes_only_its_own_rows(engine):
    group = GroupCommit()
    group.run(engine, insert("taken"))

    def half_then_fail(conn):
        insert("half")(conn)
        insert("taken")(conn)  # unique name: fails

    with pytest.raises(Exception, match="UNIQUE"):
        group.run(engine, half_then_fail)
    group.run(engine, insert("after"))
    assert names(engine) == ["after", "taken"]


def test_a_failed_commit_reports_the_error_and_stores_nothing(engine):
    event.listen(engine, "connect", lambda dbapi, _record: dbapi.execute("PRAGMA foreign_keys=ON"))
    engine.dispose()
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) "
                             "DEFERRABLE INITIALLY DEFERRED)")

    def row_then_orphan(conn):
        insert("kept only if committed")(conn)
        conn.exec_driver_sql("INSERT INTO child VALUES (99)")  # checked at COMMIT, which fails

    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        GroupCommit().run(engine, row_then_orphan)
    assert names(engine) == []
    engine.dispose()  # and from a new connection too: nothing was committed
    assert names(engine) == []


def test_work_for_two_databases_at_once_lands_in_its_own(tmp_path, engine):
    other = create_engine(f"sqlite:///{tmp_path / 'other.db'}")
    with other.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
    group, barrier = GroupCommit(), threading.Barrier(20)

    def send(target, name):
        barrier.wait()
        group.run(target, insert(name))

    threads = [threading.Thread(target=send, args=(engine if n % 2 else other, f"r{n}"))
               for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert names(engine) == sorted(f"r{n}" for n in range(20) if n % 2)
    assert names(other) == sorted(f"r{n}" for n in range(20) if not n % 2)
    other.dispose()
