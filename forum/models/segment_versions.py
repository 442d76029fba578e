"""A number per consultation that changes whenever any of its segments is added, changed or
deleted, kept by the database itself (triggers), whoever writes: the ORM, a bulk statement,
or a cascade from a deleted member, turn or consultation.

Search by meaning keeps each consultation's (id, text hash) rows in the worker between
searches and reads them again only when this number has changed
(``analysis.services.meaning``): reading them cost 30-65 ms a search at 50,000 segments.

SQLite: row triggers. PostgreSQL: statement triggers over the changed rows (a bulk insert
of 50,000 segments bumps each consultation's number once, not 50,000 times); its UPDATE
trigger cannot name columns (a transition table forbids it), so any update of a segment
counts. The objects are made with the tables (``create_all``) and by the migration
``0010_scale_segment_versions``; ``segment_search.batch_alter_segments`` makes them again
after SQLite's batch mode has recreated ``segments``.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, event, text
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import Model


class SegmentVersion(Model):
    __tablename__ = "segment_versions"

    # No foreign key: the row outlives a deleted consultation's cascade (harmlessly).
    consultation_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


_BUMP = ("INSERT INTO segment_versions (consultation_id, version) VALUES ({id}, 1) "
         "ON CONFLICT (consultation_id) DO UPDATE SET version = segment_versions.version + 1")
_SQLITE_CREATE = [
    "CREATE TRIGGER IF NOT EXISTS segments_version_insert AFTER INSERT ON segments BEGIN "
    + _BUMP.format(id="new.consultation_id") + "; END",
    "CREATE TRIGGER IF NOT EXISTS segments_version_delete AFTER DELETE ON segments BEGIN "
    + _BUMP.format(id="old.consultation_id") + "; END",
    "CREATE TRIGGER IF NOT EXISTS segments_version_update AFTER UPDATE OF text, text_hash, "
    "consultation_id ON segments BEGIN " + _BUMP.format(id="old.consultation_id") + "; "
    + _BUMP.format(id="new.consultation_id") + "; END",
]
_SQLITE_DROP = [f"DROP TRIGGER IF EXISTS segments_version_{op}"
                for op in ("insert", "delete", "update")]
_PG_BUMP = ("INSERT INTO segment_versions (consultation_id, version) "
            "SELECT DISTINCT consultation_id, 1 FROM {rows} "
            "ON CONFLICT (consultation_id) DO UPDATE SET version = segment_versions.version + 1")
_PG_CREATE = [
    "CREATE OR REPLACE FUNCTION segments_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP IN ('INSERT', 'UPDATE') THEN " + _PG_BUMP.format(rows="new_rows") + "; END IF; "
    "IF TG_OP IN ('DELETE', 'UPDATE') THEN " + _PG_BUMP.format(rows="old_rows") + "; END IF; "
    "RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS segments_version_insert ON segments",
    "CREATE TRIGGER segments_version_insert AFTER INSERT ON segments "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segments_version_bump()",
    "DROP TRIGGER IF EXISTS segments_version_delete ON segments",
    "CREATE TRIGGER segments_version_delete AFTER DELETE ON segments "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segments_version_bump()",
    "DROP TRIGGER IF EXISTS segments_version_update ON segments",
    "CREATE TRIGGER segments_version_update AFTER UPDATE ON segments "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION segments_version_bump()",
]
_PG_DROP = [f"DROP TRIGGER IF EXISTS segments_version_{op} ON segments"
            for op in ("insert", "delete", "update")] + [
    "DROP FUNCTION IF EXISTS segments_version_bump()"]


def create_version_triggers(connection) -> None:
    """Create (or replace) the triggers; ``segments`` and ``segment_versions`` must exist."""
    statements = _SQLITE_CREATE if connection.dialect.name == "sqlite" else _PG_CREATE
    for statement in statements:
        connection.execute(text(statement))


def drop_version_triggers(connection) -> None:
    statements = _SQLITE_DROP if connection.dialect.name == "sqlite" else _PG_DROP
    for statement in statements:
        connection.execute(text(statement))


def segments_version(connection, consultation_id: int) -> int:
    """The consultation's number now (0 before any segment was written since it was set up)."""
    found = connection.execute(text("SELECT version FROM segment_versions "
                                    "WHERE consultation_id = :c"), {"c": consultation_id}).scalar()
    return int(found or 0)


@event.listens_for(Model.metadata, "after_create")
def _after_create(target, connection, **kw) -> None:
    tables = {t.name for t in kw.get("tables") or target.sorted_tables}
    if {"segments", "segment_versions"} <= tables:
        create_version_triggers(connection)
