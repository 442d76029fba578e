"""SQLite writes from many request threads: queued fairly and committed in groups.

SQLite allows one writer at a time, and each commit waits for the disk (fsync). Two
things keep the sync endpoint fast under load without weakening durability:

- Writers queue on an exclusive lock on a file beside the database, so the next one
  starts as soon as the last commits (SQLite's own busy handler polls with sleeps of up
  to 100 ms instead).
- Group commit: while one thread writes, others queue their work; the next writer runs
  every queued piece of work in one transaction, each in its own savepoint (so one
  failure undoes only its own rows), then commits once. Nobody is answered before the
  commit holding their rows has reached the disk.

``GroupCommit.WRITERS`` is how many batches of one engine a process writes at once: one for
SQLite (one writer at a time anyway); ``pg_writes`` allows several.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

_FILES: dict[tuple[int, str], int] = {}


def _lock_file(path: str) -> int:
    key = (os.getpid(), path)   # a forked worker opens its own: flock is per open file
    fd = _FILES.get(key)
    if fd is None:
        fd = _FILES[key] = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return fd


@contextmanager
def file_write_lock(engine: Engine) -> Iterator[None]:
    """Hold the write turn for ``engine``'s database among processes (no-op in memory)."""
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    fd = _lock_file(os.path.abspath(database) + "-writer.lock")
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def driver_sql(conn: Connection, sql: str, params: Sequence[Any] = ()) -> Any:
    """Run ``sql`` on the driver's own connection under ``conn`` (sqlite3), in its transaction.

    For the few fixed statements of the sync endpoint: SQLAlchemy's execute (even
    ``exec_driver_sql``) costs several times what sqlite3 does for them. sqlite3's errors come
    back as SQLAlchemy's (``IntegrityError``, ``OperationalError``), as the rest of the app knows.

    Returns:
        The sqlite3 cursor (``rowcount``, ``fetchone``).
    """
    try:
        return conn.connection.driver_connection.execute(sql, params)  # type: ignore[union-attr]
    except sqlite3.Error as error:
        raise DBAPIError.instance(sql, params, error, sqlite3.Error) from error


@contextmanager
def savepoint(conn: Connection, name: str) -> Iterator[None]:
    """A savepoint sent as plain SQL: SQLAlchemy's ``begin_nested`` compiles its statements
    anew each time, a fifth of this endpoint's CPU time. Rolled back if the block raises."""
    driver_sql(conn, f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        driver_sql(conn, f"ROLLBACK TO {name}")
        driver_sql(conn, f"RELEASE {name}")
        raise
    driver_sql(conn, f"RELEASE {name}")


class QueuedWork:
    """One request's work in a group commit's queue, with its result or error once written."""

    # Here a callable(connection); PostgresGroupCommit queues store_params dicts instead.
    def __init__(self, work: Any):
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self.taken = False                  # by a writer, into its batch
        self.done = threading.Event()       # set once its batch is written (or failed)


class _Lane:
    """The queue and the writing turn of one engine in this process."""

    def __init__(self, writers: int) -> None:
        self.queue: list[QueuedWork] = []
        self.queue_lock = threading.Lock()
        self.turns = threading.Semaphore(writers)   # writing threads per engine at a time


class GroupCommit:
    """Runs pieces of work on an SQLite engine, many to a transaction, each in a savepoint."""

    WRITERS = 1  # batches written at once per engine in this process

    def __init__(self) -> None:
        # One lane per engine, so work never lands in another app's database (tests make many).
        self._lanes: weakref.WeakKeyDictionary[Any, _Lane] = weakref.WeakKeyDictionary()
        self._lanes_lock = threading.Lock()

    def _lane(self, engine: Engine) -> _Lane:
        with self._lanes_lock:
            lane = self._lanes.get(engine)
            if lane is None:
                lane = self._lanes[engine] = _Lane(self.WRITERS)
            return lane

    def run(self, engine: Engine, work: Any) -> Any:
        """Run ``work(connection)`` in a savepoint; return its result once committed.

        ``work`` is a callable(connection) here; ``PostgresGroupCommit`` takes parameters.

        Raises:
            Whatever ``work`` raised (its savepoint rolled back), or the commit's error.
        """
        lane, item = self._lane(engine), QueuedWork(work)
        with lane.queue_lock:
            lane.queue.append(item)
        with lane.turns:
            # A writer takes the whole queue. If another writer took this item meanwhile,
            # this thread has nothing to write: it waits below for that writer's commit.
            with lane.queue_lock:
                batch: list[QueuedWork] = []
                if not item.taken:
                    batch, lane.queue = lane.queue, []
                    for queued in batch:
                        queued.taken = True
            if batch:
                try:
                    self._write(engine, batch)
                finally:
                    for queued in batch:
                        queued.done.set()
        item.done.wait()
        if item.error is not None:
            raise item.error
        return item.result

    @staticmethod
    def _write(engine: Engine, batch: list[QueuedWork]) -> None:
        try:
            with file_write_lock(engine), engine.connect() as conn:
                # An explicit BEGIN: without it the driver lets the first savepoint's
                # RELEASE commit on its own. IMMEDIATE takes SQLite's write lock now.
                conn.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    if len(batch) == 1:
                        _write_alone(conn, batch[0])
                    else:
                        for item in batch:
                            try:
                                with savepoint(conn, "fv_work"):
                                    item.result = item.work(conn)
                            except Exception as error:  # noqa: BLE001  (back to its request)
                                item.error = error
                        conn.commit()
                except Exception:
                    # A failed COMMIT (a deferred constraint, a full disk) leaves SQLite's
                    # transaction open: end it here, not when the pooled connection is reused.
                    driver = conn.connection.driver_connection
                    if driver is not None:  # None only once the connection is closed
                        driver.rollback()
                    raise
        except Exception as error:  # noqa: BLE001
            # the commit failed: nothing of this batch is stored
            for item in batch:
                if item.error is None:
                    item.result, item.error = None, error


def _write_alone(conn: Connection, item: QueuedWork) -> None:
    """A batch of one (the usual case when responses arrive one at a time): its transaction
    is its savepoint, so a failure rolls the transaction back, with two statements fewer."""
    try:
        item.result = item.work(conn)
    except Exception as error:  # noqa: BLE001  (handed back to its request)
        item.error = error
        conn.rollback()
        return
    conn.commit()
