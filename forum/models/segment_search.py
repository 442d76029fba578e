"""Keyword search over segment text with the database's own full-text engine.

SQLite: an FTS5 table with the porter tokenizer, kept current by triggers on ``segments``.
PostgreSQL: a GIN index on ``to_tsvector('english', text)``, kept current by PostgreSQL.
Both stem words the same way ("breach" finds "breached" and "breaching"); nothing here
stems by hand. The objects are created with the segments table (``create_all``) and by the
migration ``0009_search_fulltext`` for existing databases. A later migration that changes
``segments`` in batch mode must use ``batch_alter_segments``: on SQLite batch mode recreates
the table, which drops the triggers (``tests/forum/test_search_migrations.py`` checks).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, func, literal_column, select, text
from sqlalchemy.sql import ColumnElement, Select

from forum.models.segments import Segment

FTS_TABLE = "segments_fts"
PG_INDEX = "ix_segments_text_search"
# FTS5 keeps its index in shadow tables named after the virtual table.
_FTS_NAMES = {FTS_TABLE} | {f"{FTS_TABLE}_{part}" for part in ("data", "idx", "docsize", "config",
                                                              "content")}

_SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(text, content='segments', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS segments_fts_insert AFTER INSERT ON segments BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS segments_fts_delete AFTER DELETE ON segments BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER IF NOT EXISTS segments_fts_update AFTER UPDATE OF text ON segments BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    # Index the rows already there (a migrated database); a no-op on an empty table.
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
_SQLITE_DROP = [f"DROP TRIGGER IF EXISTS segments_fts_{op}"
                for op in ("insert", "delete", "update")] + [f"DROP TABLE IF EXISTS {FTS_TABLE}"]
_PG_CREATE = [f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON segments "
              "USING gin (to_tsvector('english', text))"]
_PG_DROP = [f"DROP INDEX IF EXISTS {PG_INDEX}"]


def create_search_index(connection) -> None:
    """Create the full-text index (and its triggers) and index existing segments.

    Args:
        connection: a SQLAlchemy connection to SQLite or PostgreSQL.
    """
    statements = _SQLITE_CREATE if connection.dialect.name == "sqlite" else _PG_CREATE
    for statement in statements:
        connection.execute(text(statement))


def drop_search_index(connection) -> None:
    """Drop what ``create_search_index`` made.

    Args:
        connection: a SQLAlchemy connection to SQLite or PostgreSQL.
    """
    statements = _SQLITE_DROP if connection.dialect.name == "sqlite" else _PG_DROP
    for statement in statements:
        connection.execute(text(statement))


def has_search_index(connection) -> bool:
    """Whether the full-text table (SQLite) or index (PostgreSQL) exists on this database."""
    if connection.dialect.name == "sqlite":
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"
        return connection.execute(text(query), {"name": FTS_TABLE}).first() is not None
    found = connection.execute(text("SELECT to_regclass(:name)"), {"name": PG_INDEX}).scalar()
    return found is not None


@contextmanager
def batch_alter_segments(op, **kwargs) -> Iterator:
    """``op.batch_alter_table("segments")`` for migrations, keeping keyword search working.

    Before the search migration there is nothing to keep, so a migration earlier in the
    chain behaves exactly like a plain batch alter.

    Args:
        op: Alembic's ``op`` (or an ``Operations``).
        **kwargs: passed to ``batch_alter_table`` (``recreate``, ``table_args``...).

    Yields:
        The batch operations object.
    """
    from sqlalchemy import inspect

    from forum.models.segment_versions import create_version_triggers

    had_index = has_search_index(op.get_bind())
    with op.batch_alter_table("segments", **kwargs) as batch_op:
        yield batch_op
    if had_index:
        create_search_index(op.get_bind())  # idempotent; re-indexes the copied rows
    if inspect(op.get_bind()).has_table("segment_versions"):
        create_version_triggers(op.get_bind())  # SQLite's recreated table lost them too


def include_name(name, type_, parent_names) -> bool:
    """Alembic filter: the FTS5 tables and the expression index are not in the models."""
    return not ((type_ == "table" and name in _FTS_NAMES)
                or (type_ == "index" and name == PG_INDEX))


def _parts(term: str) -> tuple[list[str], bool]:
    words = term.split()
    return [w.rstrip("*") for w in words], words[-1].endswith("*")


def _fts5_query(terms: list[str]) -> str:
    # Each term one FTS5 string (a phrase when it holds several words), so no typed character
    # is read as query syntax; "*" after the string makes its last word a prefix.
    out = []
    for term in terms:
        words, prefix = _parts(term)
        out.append('"' + " ".join(words).replace('"', '""') + '"' + (" *" if prefix else ""))
    return " OR ".join(out)


def _tsquery(terms: list[str]) -> str:
    # Each word quoted as a tsquery lexeme (so none is read as an operator; a backslash would
    # escape the closing quote), a phrase's
    # words joined by <-> (followed by), ":*" on a prefix; PostgreSQL stems each one.
    out = []
    for term in terms:
        words, prefix = _parts(term)
        lexemes = ["'" + w.replace("\\", "").replace("'", "''") + "'" for w in words]
        lexemes[-1] += ":*" if prefix else ""
        out.append("(" + " <-> ".join(lexemes) + ")")
    return " | ".join(out)


def keyword_match(dialect: str, terms: list[str]) -> ColumnElement[bool]:
    """A condition on ``Segment`` true where the text holds any of the terms, in any form.

    Args:
        dialect: "sqlite" or "postgresql".
        terms: what to find (at least one), as ``analysis.services.query_words.keywords``
            gives them: a word ("breach"), a prefix ("hous*"), or a phrase ("missed
            appointment", its last word maybe a prefix). Only letters, digits, apostrophes.

    Returns:
        A SQLAlchemy condition to use in ``where``.
    """
    if dialect == "sqlite":
        match = literal_column(FTS_TABLE).op("MATCH")(_fts5_query(terms))
        fts: Select[tuple[int]] = (
            select(literal_column("rowid")).select_from(text(FTS_TABLE)).where(match))
        return Segment.id.in_(fts)
    # The configuration is written out, not bound, so the condition matches the GIN index.
    english: ColumnElement[str] = literal_column("'english'")
    query = func.to_tsquery(english, _tsquery(terms))
    return func.to_tsvector(english, Segment.text).op("@@")(query)


@event.listens_for(Segment.__table__, "after_create")
def _after_create(target, connection, **kw) -> None:
    create_search_index(connection)


@event.listens_for(Segment.__table__, "before_drop")
def _before_drop(target, connection, **kw) -> None:
    drop_search_index(connection)
