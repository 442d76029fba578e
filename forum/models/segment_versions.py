"""A number per consultation that changes whenever its segments' ids or text hashes change:
a segment added, deleted, moved to another consultation or given a new text hash. It is kept
by the database itself (triggers), whoever writes: the ORM, a bulk statement, or a cascade
from a deleted member, turn or consultation.

Search by meaning keeps each consultation's (id, text hash) rows in the worker between
searches and reads them again only when this number has changed
(``analysis.services.meaning``): reading them cost 30-65 ms a search at 50,000 segments.
Other updates (holding a segment, clearing a quote) leave those rows, and so the number, as
they were.

SQLite: row triggers. PostgreSQL: statement triggers over the changed rows (a bulk insert
of 50,000 segments bumps each consultation's number once, not 50,000 times); its UPDATE
trigger cannot name columns (a transition table forbids it), so it compares the old and new
rows itself. Deleting a consultation deletes its number (a trigger on ``consultations``;
on SQLite it fires after the cascade to the segments has bumped the number, on PostgreSQL
before, so there a bump skips a consultation that is gone). The objects are made with the
tables (``create_all``) and by the migrations ``0010_scale_segment_versions`` and
``0012_pgsync_segment_versions``; ``segment_search.batch_alter_segments`` makes them again
after SQLite's batch mode has recreated ``segments``.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, event, text
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import Model


class SegmentVersion(Model):
    __tablename__ = "segment_versions"

    # No foreign key: the cascade from a deleted consultation to its segments bumps this row
    # (inserting it if missing), so a trigger on ``consultations`` deletes it afterwards.
    consultation_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger, default=0)


_BUMP = ("INSERT INTO segment_versions (consultation_id, version) VALUES ({id}, 1) "
         "ON CONFLICT (consultation_id) DO UPDATE SET version = segment_versions.version + 1")
# What search by meaning keeps of a segment: its id (never updated), consultation and hash.
_CHANGED = ("old.text_hash IS NOT new.text_hash OR old.consultation_id IS NOT new.consultation_id")
_SQLITE_DROP = [f"DROP TRIGGER IF EXISTS segments_version_{op}"
                for op in ("insert", "delete", "update")] + [
    "DROP TRIGGER IF EXISTS consultations_segment_version_delete"]
_SQLITE_CREATE = [
    *_SQLITE_DROP,  # CREATE TRIGGER cannot replace: an older definition goes first
    "CREATE TRIGGER segments_version_insert AFTER INSERT ON segments BEGIN "
    + _BUMP.format(id="new.consultation_id") + "; END",
    "CREATE TRIGGER segments_version_delete AFTER DELETE ON segments BEGIN "
    + _BUMP.format(id="old.consultation_id") + "; END",
    "CREATE TRIGGER segments_version_update AFTER UPDATE OF text_hash, consultation_id "
    f"ON segments WHEN {_CHANGED} BEGIN " + _BUMP.format(id="old.consultation_id") + "; "
    + _BUMP.format(id="new.consultation_id") + "; END",
    # SQLite runs a delete's foreign-key cascades before its AFTER triggers.
    "CREATE TRIGGER consultations_segment_version_delete AFTER DELETE ON consultations BEGIN "
    "DELETE FROM segment_versions WHERE consultation_id = old.id; END",
]
# Only for consultations that still exist: the statement triggers of a cascade from a deleted
# consultation fire after the consultation's own triggers, so they must not bring its row back.
_PG_BUMP = ("INSERT INTO segment_versions (consultation_id, version) "
            "SELECT DISTINCT consultation_id, 1 FROM {rows} "
            "WHERE consultation_id IN (SELECT id FROM consultations) "
            "ON CONFLICT (consultation_id) DO UPDATE SET version = segment_versions.version + 1")
# An update's changed rows, old and new consultation each: a full join, so a changed id counts.
_PG_CHANGED = ("(SELECT c.consultation_id FROM old_rows o FULL JOIN new_rows n ON n.id = o.id, "
               "LATERAL (VALUES (o.consultation_id), (n.consultation_id)) AS c(consultation_id) "
               "WHERE c.consultation_id IS NOT NULL AND (o.id, o.text_hash, o.consultation_id) "
               "IS DISTINCT FROM (n.id, n.text_hash, n.consultation_id)) AS changed")
_PG_CREATE = [
    "CREATE OR REPLACE FUNCTION segments_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP = 'INSERT' THEN " + _PG_BUMP.format(rows="new_rows") + "; END IF; "
    "IF TG_OP = 'DELETE' THEN " + _PG_BUMP.format(rows="old_rows") + "; END IF; "
    "IF TG_OP = 'UPDATE' THEN " + _PG_BUMP.format(rows=_PG_CHANGED) + "; END IF; "
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
    "CREATE OR REPLACE FUNCTION segment_versions_forget() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN DELETE FROM segment_versions WHERE consultation_id = old.id; RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS consultations_segment_version_delete ON consultations",
    "CREATE TRIGGER consultations_segment_version_delete AFTER DELETE ON consultations "
    "FOR EACH ROW EXECUTE FUNCTION segment_versions_forget()",
]
_PG_DROP = [f"DROP TRIGGER IF EXISTS segments_version_{op} ON segments"
            for op in ("insert", "delete", "update")] + [
    "DROP TRIGGER IF EXISTS consultations_segment_version_delete ON consultations",
    "DROP FUNCTION IF EXISTS segments_version_bump()",
    "DROP FUNCTION IF EXISTS segment_versions_forget()"]


def create_version_triggers(connection) -> None:
    """Create (or replace) the triggers; ``segments``, ``segment_versions`` and
    ``consultations`` must exist."""
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
    if {"segments", "segment_versions", "consultations"} <= tables:
        create_version_triggers(connection)
