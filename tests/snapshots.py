"""Fixture states built once per test process and put back for each later test that needs them.

The demo data and an analysis run cost seconds a test, and some sixty tests want each. A
fixture that builds through ``cached_step`` has the database and the data folder saved after
its first build; a later test that reaches the same point (the same steps before it in the same
order, nothing else written since) gets that copy back instead: the same rows, ids, sequence
positions and files. SQLite copies the database with its backup API; PostgreSQL copies the
rows back from a schema of their own (``INSERT ... SELECT``, triggers off, as a restore
should). A write outside a step (a test's own fixture, say) makes every later step build
itself as before, so a state is only ever put back over the state it was saved on.
"""
from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import event, text

from forum.extensions import db

TRACKER_KEY = "test_fixture_steps"
# Statements that read: anything else marks the database as changed outside a step.
READS = ("SELECT", "PRAGMA", "SHOW", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT")
SNAPSHOT_FILES = Path(tempfile.mkdtemp(prefix="forum-test-snapshots-"))


@dataclass
class Snapshot:
    result: Any
    data: Path  # a copy of the data folder
    calls_before: list[str]  # what the fake embedder had embedded before the step ...
    calls_after: list[str]  # ... and after it: a restored step leaves it the same
    sqlite: sqlite3.Connection | None = None
    schema: str = ""  # PostgreSQL: the schema holding the rows
    tables: dict[str, str] = field(default_factory=dict)  # table: its column list
    sequences: dict[str, int | None] = field(default_factory=dict)  # name: last value


SNAPSHOTS: dict[tuple, Snapshot | None] = {}  # None: this database cannot have them
NUMBERS = itertools.count(1)


@dataclass
class Tracker:
    """Which steps made the app's state, and whether anything else has written since."""

    data_dir: Path
    steps: tuple[str, ...] = ()
    changed: bool = False
    files: list[tuple[str, int]] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)  # steps put back rather than built

    def clean(self) -> bool:
        return not self.changed and self.files == listing(self.data_dir)

    def advance(self, name: str) -> None:
        self.steps += (name,)
        self.changed = False
        self.files = listing(self.data_dir)


def listing(folder: Path) -> list[tuple[str, int]]:
    """Every file under the folder with its size."""
    return sorted((str(Path(root, name).relative_to(folder)), os.path.getsize(Path(root, name)))
                  for root, _, names in os.walk(folder) for name in names)


def track(app: Flask, *, build_everything: bool = False) -> None:
    """Start following the app's database from its empty state (inside its app context)."""
    tracker = app.extensions[TRACKER_KEY] = Tracker(app.config["DATA_DIR"])
    tracker.files = listing(tracker.data_dir)
    tracker.changed = build_everything

    @event.listens_for(db.engine, "before_cursor_execute")
    def _note_writes(conn, cursor, statement, parameters, context, executemany):
        words = statement.lstrip().split(None, 1)
        if (not words or words[0].upper() not in READS
                or "setval" in statement or "nextval" in statement):
            tracker.changed = True


def known_step(app: Flask, name: str, build: Callable[[], Any]) -> Any:
    """Run a cheap step that writes the same rows each time: later steps may still be put back."""
    tracker: Tracker = app.extensions[TRACKER_KEY]
    was_clean = tracker.clean()
    result = build()
    if was_clean:
        tracker.advance(name)
    return result


def cached_step(app: Flask, name: str, build: Callable[[], Any]) -> Any:
    """Run the step, or put back what it made in an earlier test from the same state.

    ``build`` must return something that stays valid in another test (ids, counts).
    """
    from analysis.services.embeddings import EMBEDDER_KEY, WORDS_KEY

    tracker: Tracker = app.extensions[TRACKER_KEY]
    if not tracker.clean():
        return build()
    embedder = app.extensions.get(EMBEDDER_KEY)
    calls = getattr(embedder, "calls", [])
    key = (tracker.steps + (name,), date.today(), type(embedder).__name__,
           type(app.extensions.get(WORDS_KEY)).__name__, db.engine.dialect.name)
    snapshot = SNAPSHOTS.get(key)
    if snapshot is not None and snapshot.calls_before == calls:
        restore(app, snapshot)
        calls[:] = snapshot.calls_after
        tracker.restored.append(name)
        result = snapshot.result
    else:
        before = list(calls)
        result = build()
        if key not in SNAPSHOTS:
            SNAPSHOTS[key] = save(app, result, before, list(calls))
    tracker.advance(name)
    return result


def save(app: Flask, result: Any, calls_before: list[str],
         calls_after: list[str]) -> Snapshot | None:
    """Copy the database and the data folder; None if this database cannot have rows put back."""
    from sqlalchemy.exc import DBAPIError

    db.session.commit()
    number = next(NUMBERS)
    data = SNAPSHOT_FILES / f"data-{number}"
    snapshot = Snapshot(result, data, calls_before, calls_after)
    with db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            snapshot.sqlite = sqlite3.connect(":memory:", check_same_thread=False)
            conn.connection.driver_connection.backup(snapshot.sqlite)
        else:
            try:  # what a restore needs: only a superuser may switch triggers off
                conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
            except DBAPIError:
                return None
            _save_rows(conn, snapshot, f"{_schema(conn)}_snap{number}")
            conn.commit()
    shutil.copytree(app.config["DATA_DIR"], data, copy_function=_share_or_copy)
    return snapshot


def _save_rows(conn, snapshot: Snapshot, schema: str) -> None:
    """Copy each table that has rows into a schema of the snapshot's own (a few statements)."""
    here = _schema(conn)
    columns = dict(conn.execute(text(
        "SELECT table_name, string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)"
        " FROM information_schema.columns WHERE table_schema = :schema"
        " AND is_generated = 'NEVER' GROUP BY table_name"), {"schema": here}).tuples().all())
    names = [table.name for table in db.metadata.sorted_tables if table.name in columns]
    filled = conn.exec_driver_sql(" UNION ALL ".join(
        f"SELECT '{name}' WHERE EXISTS (SELECT FROM \"{here}\".\"{name}\")"
        for name in names)).scalars().all()
    snapshot.schema = schema
    snapshot.tables = {name: columns[name] for name in names if name in filled}
    conn.exec_driver_sql("; ".join([f'CREATE SCHEMA "{schema}"'] + [
        f'CREATE UNLOGGED TABLE "{schema}"."{name}" AS SELECT {cols} FROM "{here}"."{name}"'
        for name, cols in snapshot.tables.items()]))
    snapshot.sequences = dict(conn.execute(text(
        "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = :schema"),
        {"schema": here}).tuples().all())


def restore(app: Flask, snapshot: Snapshot) -> None:
    """Put the snapshot's rows and files back, and the encryption key its rows were made with."""
    from forum import encryption

    db.session.commit()
    with db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            assert snapshot.sqlite is not None
            snapshot.sqlite.backup(conn.connection.driver_connection)
        else:
            conn.exec_driver_sql(_restore_sql(snapshot))
            conn.commit()
    db.session.expire_all()
    shutil.rmtree(app.config["DATA_DIR"])
    shutil.copytree(snapshot.data, app.config["DATA_DIR"], copy_function=_share_or_copy)
    encryption.init_app(app)


def _restore_sql(snapshot: Snapshot) -> str:
    """One script: empty every table, copy the rows back, set each sequence where it was."""
    # Triggers (foreign keys' too) stay off: the copied rows are already whole and consistent.
    statements = ["SET LOCAL session_replication_role = replica"]
    statements += [f'DELETE FROM "{table.name}"' for table in db.metadata.sorted_tables]
    statements += [f'INSERT INTO "{name}" ({columns}) OVERRIDING SYSTEM VALUE'
                   f' SELECT {columns} FROM "{snapshot.schema}"."{name}"'
                   for name, columns in snapshot.tables.items()]
    # Every sequence of the schema: where the snapshot had it, or back to the start.
    values = ", ".join(["(NULL::name, NULL::bigint)"] + [
        f"('{name}', {'NULL' if value is None else value})"
        for name, value in snapshot.sequences.items()])
    statements.append(
        "SELECT setval(quote_ident(s.sequencename), coalesce(v.value, 1), v.value IS NOT NULL)"
        f" FROM pg_sequences s LEFT JOIN (VALUES {values}) AS v(name, value)"
        " ON v.name = s.sequencename WHERE s.schemaname = current_schema()")
    return "; ".join(statements)


def _schema(conn) -> str:
    return conn.execute(text("SELECT current_schema()")).scalar()


def _share_or_copy(source: str, target: str) -> None:
    """Speech audio is only ever replaced, never written in place: share it; copy the rest."""
    if source.endswith(".wav"):
        try:
            os.link(source, target)
            return
        except OSError:
            pass
    shutil.copy2(source, target)


def drop_snapshots(conn) -> None:
    """Drop this process's PostgreSQL snapshot schemas (at the end of the run)."""
    for snapshot in SNAPSHOTS.values():
        if snapshot is not None and snapshot.schema:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{snapshot.schema}" CASCADE'))
