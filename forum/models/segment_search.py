"""Keyword search over segment text with the database's own full-text engine.

SQLite: an FTS5 table with the porter tokenizer, kept current by triggers on ``segments``.
PostgreSQL: a GIN index on ``to_tsvector('english', text)``, kept current by PostgreSQL.
Both stem words the same way ("breach" finds "breached" and "breaching"); nothing here
stems by hand. The objects are created with the segments table (``create_all``) and by the
migration ``0009_search_fulltext`` for existing databases. A later migration that changes
``segments`` in batch mode must use ``batch_alter_segments``: on SQLite batch mode recreates
the table, which drops the triggers (``tests/forum/test_search_migrations.py`` checks).

A prefix ("evicti*") is also looked up among the words as written (an unstemmed FTS5 table;
PostgreSQL's 'simple' configuration): the stemmer indexes "eviction" as "evict", which does
not start with "evicti". Migration ``0024_officer23_prefix_words`` adds it; at 50,000 answers
it costs 0.7 MB and 2.4 s of inserts in all (``bench/prefix_index_cost.py``).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, func, literal_column, or_, select, text
from sqlalchemy.sql import ColumnElement, Select

from forum.models.segments import Segment

FTS_TABLE = "segments_fts"
WORDS_TABLE = "segments_words"
PG_INDEX = "ix_segments_text_search"
PG_WORDS_INDEX = "ix_segments_text_words"
# FTS5 keeps its index in shadow tables named after the virtual table.
_FTS_NAMES = {name for table in (FTS_TABLE, WORDS_TABLE) for name in [table] + [
    f"{table}_{part}" for part in ("data", "idx", "docsize", "config", "content")]}

def _fts5_create(table: str, tokenize: str) -> list[str]:
    """An external-content FTS5 table over ``segments.text``, kept up to date by triggers."""
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(text, content='segments', "
        f"content_rowid='id', tokenize='{tokenize}')",
        f"CREATE TRIGGER IF NOT EXISTS {table}_insert AFTER INSERT ON segments BEGIN "
        f"INSERT INTO {table}(rowid, text) VALUES (new.id, new.text); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_delete AFTER DELETE ON segments BEGIN "
        f"INSERT INTO {table}({table}, rowid, text) VALUES ('delete', old.id, old.text); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_update AFTER UPDATE OF text ON segments BEGIN "
        f"INSERT INTO {table}({table}, rowid, text) VALUES ('delete', old.id, old.text); "
        f"INSERT INTO {table}(rowid, text) VALUES (new.id, new.text); END",
        # Index the rows already there (a migrated database); a no-op on an empty table.
        f"INSERT INTO {table}({table}) VALUES ('rebuild')",
    ]


def _fts5_drop(table: str) -> list[str]:
    """Drop what ``_fts5_create`` made."""
    return [f"DROP TRIGGER IF EXISTS {table}_{op}" for op in ("insert", "delete", "update")] + [
        f"DROP TABLE IF EXISTS {table}"]


_SQLITE_CREATE = _fts5_create(FTS_TABLE, "porter unicode61 remove_diacritics 2")
_SQLITE_DROP = _fts5_drop(FTS_TABLE)
_SQLITE_WORDS_CREATE = _fts5_create(WORDS_TABLE, "unicode61 remove_diacritics 2")
_SQLITE_WORDS_DROP = _fts5_drop(WORDS_TABLE)
_PG_CREATE = [f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON segments "
              "USING gin (to_tsvector('english', text))"]
_PG_DROP = [f"DROP INDEX IF EXISTS {PG_INDEX}"]
_PG_WORDS_CREATE = [f"CREATE INDEX IF NOT EXISTS {PG_WORDS_INDEX} ON segments "
                    "USING gin (to_tsvector('simple', text))"]
_PG_WORDS_DROP = [f"DROP INDEX IF EXISTS {PG_WORDS_INDEX}"]


def _run(connection, sqlite: list[str], postgresql: list[str]) -> None:
    for statement in sqlite if connection.dialect.name == "sqlite" else postgresql:
        connection.execute(text(statement))


def create_search_index(connection) -> None:
    """Create the full-text indexes (stemmed and words as written, with their triggers) and
    index existing segments. Idempotent.

    Args:
        connection: a SQLAlchemy connection to SQLite or PostgreSQL.
    """
    _run(connection, _SQLITE_CREATE, _PG_CREATE)
    create_word_index(connection)


def drop_search_index(connection) -> None:
    """Drop what ``create_search_index`` made.

    Args:
        connection: a SQLAlchemy connection to SQLite or PostgreSQL.
    """
    drop_word_index(connection)
    _run(connection, _SQLITE_DROP, _PG_DROP)


def create_word_index(connection) -> None:
    """Create the unstemmed index prefixes are looked up in, and index existing segments.

    Args:
        connection: a SQLAlchemy connection to SQLite or PostgreSQL.
    """
    _run(connection, _SQLITE_WORDS_CREATE, _PG_WORDS_CREATE)


def drop_word_index(connection) -> None:
    """Drop what ``create_word_index`` made.

    Args:
        connection: a SQLAlchemy connection to SQLite or PostgreSQL.
    """
    _run(connection, _SQLITE_WORDS_DROP, _PG_WORDS_DROP)


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
                or (type_ == "index" and name in (PG_INDEX, PG_WORDS_INDEX)))


def _parts(term: str) -> list[tuple[str, bool]]:
    # Each word of a term and whether it is a prefix ("hous* first": hous is, first is not).
    return [(w.rstrip("*"), w.endswith("*")) for w in term.split()]


def _fts5_query(terms: list[str]) -> str:
    # Each word one FTS5 string, so no typed character is read as query syntax (a colon would
    # name a column); "*" after a string makes it a prefix; "+" joins a phrase's strings.
    out = []
    for term in terms:
        out.append(" + ".join('"' + w.replace('"', '""') + '"' + (" *" if prefix else "")
                              for w, prefix in _parts(term)))
    return " OR ".join(out)


def _tsquery(terms: list[str]) -> str:
    # Each word quoted as a tsquery lexeme (so none is read as an operator; a backslash would
    # escape the closing quote), a phrase's
    # words joined by <-> (followed by), ":*" on a prefix; PostgreSQL stems each one.
    out = []
    for term in terms:
        lexemes = ["'" + w.replace("\\", "").replace("'", "''") + "'" + (":*" if prefix else "")
                   for w, prefix in _parts(term)]
        out.append("(" + " <-> ".join(lexemes) + ")")
    return " | ".join(out)


def _fts5_in(table: str, terms: list[str]) -> ColumnElement[bool]:
    match = literal_column(table).op("MATCH")(_fts5_query(terms))
    fts: Select[tuple[int]] = (
        select(literal_column("rowid")).select_from(text(table)).where(match))
    return Segment.id.in_(fts)


def _pg_match(config: str, terms: list[str]) -> ColumnElement[bool]:
    # The configuration is written out, not bound, so the condition matches the GIN index.
    written: ColumnElement[str] = literal_column(f"'{config}'")
    query = func.to_tsquery(written, _tsquery(terms))
    return func.to_tsvector(written, Segment.text).op("@@")(query)


def keyword_match(dialect: str, terms: list[str],
                  as_written: list[str] | None = None) -> ColumnElement[bool]:
    """A condition on ``Segment`` true where the text holds any of the terms, in any form.

    Args:
        dialect: "sqlite" or "postgresql".
        terms: what to find (at least one), as ``analysis.services.query_words.keywords``
            gives them: a word ("breach"), a prefix ("hous*"), or a phrase ("missed
            appointment", its last word maybe a prefix). Only letters, digits, apostrophes.
        as_written: terms with a prefix looked up only among the words as written: on
            PostgreSQL a prefix that is a stop word ("keep a*") is left out of the stemmed
            query, which then finds every "keep".

    Returns:
        A SQLAlchemy condition to use in ``where``.
    """
    # A term with a prefix is also looked up among the words as written: the stemmer makes
    # "eviction" "evict", which "evicti*" does not start. Its other words then match only as
    # typed there; the stemmed lookup still finds their other forms.
    prefixed = [term for term in terms if "*" in term] + list(as_written or [])
    conditions = []
    if dialect == "sqlite":
        conditions += [_fts5_in(FTS_TABLE, terms)] if terms else []
        conditions += [_fts5_in(WORDS_TABLE, prefixed)] if prefixed else []
    else:
        conditions += [_pg_match("english", terms)] if terms else []
        conditions += [_pg_match("simple", prefixed)] if prefixed else []
    return or_(*conditions) if len(conditions) > 1 else conditions[0]


@event.listens_for(Segment.__table__, "after_create")
def _after_create(target, connection, **kw) -> None:
    create_search_index(connection)


@event.listens_for(Segment.__table__, "before_drop")
def _before_drop(target, connection, **kw) -> None:
    drop_search_index(connection)
