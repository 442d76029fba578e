"""PostgreSQL writes for the sync endpoint: one statement per response, committed in groups.

Each response is one statement (one round trip): it checks that the tablet is still
active, inserts the response unless its UUID is already stored (``ON CONFLICT DO
NOTHING``), inserts its answers, marks the tablet as synced, and returns either the new
id or the stored response's id and hash, for a resend to be compared (or an id of None
when the tablet was revoked: nothing stored). psycopg sends it as a prepared statement,
parsed and planned once per connection.

Group commit, as on SQLite: while the writers are busy, the others queue their responses;
the next writer sends every queued statement in one transaction through psycopg's
pipeline (one round trip for the lot) and commits once. A response that arrives alone
is its own transaction (autocommit), without BEGIN and the pipeline's extra work. Nobody is
answered before that commit is on disk (``synchronous_commit`` is left as PostgreSQL sets
it). If any statement fails (a foreign key, a deadlock), PostgreSQL aborts the whole
transaction, so each statement of the batch is then run again on its own, and only the
failing one's request sees the error.

Unlike SQLite, PostgreSQL writes several transactions at once (and flushes commits that
arrive together in one WAL write), so a process has ``WRITERS`` writers, not one. With one,
every other thread waited out each commit's round trip and disk flush: a burst stored
170-200 responses/s where SQLite stored 580-690 (2 shared cores, load 10-17); with four,
550-810, at the same CPU per response (docs/perf/README.md).
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from surveys.services.devices import Tablet
from surveys.services.payload import parse_time
from surveys.services.sqlite_writes import GroupCommit, QueuedWork

# Plain SQL: it goes straight to psycopg, which prepares it (prepare=True below).
STORE = """
WITH tablet AS (
    SELECT id FROM survey_devices
    WHERE id = %(device_id)s AND token_hash = CAST(%(token_hash)s AS varchar)
      AND revoked_at IS NULL
), new AS (
    INSERT INTO survey_responses (uuid, version_id, device_id, member_id, completed,
                                  read_aloud, started_at, finished_at, received_at, payload_hash)
    SELECT CAST(%(uuid)s AS varchar), CAST(%(version_id)s AS int), tablet.id,
           CAST(%(member_id)s AS int), CAST(%(completed)s AS bool), CAST(%(read_aloud)s AS bool),
           CAST(%(started_at)s AS timestamptz), CAST(%(finished_at)s AS timestamptz),
           CAST(%(now)s AS timestamptz), CAST(%(hash)s AS varchar)
    FROM tablet
    ON CONFLICT (uuid) DO NOTHING
    RETURNING id
), answers AS (
    INSERT INTO survey_answers (response_id, question_id, value, text, created_at)
    SELECT new.id, a.question_id, COALESCE(a.value, CAST('null' AS json)), a.text, %(now)s
    FROM new, ROWS FROM (json_to_recordset(CAST(%(answers)s AS json)) AS (q int, v json, t text))
              WITH ORDINALITY AS a(question_id, value, text, n)
    ORDER BY a.n
), synced AS (
    UPDATE survey_devices SET last_sync_at = %(now)s
    WHERE id IN (SELECT id FROM tablet) AND (EXISTS (SELECT 1 FROM new) OR EXISTS (
        SELECT 1 FROM survey_responses WHERE uuid = %(uuid)s AND payload_hash = %(hash)s))
)
SELECT id, TRUE AS stored, CAST(%(hash)s AS varchar) AS payload_hash FROM new
UNION ALL
SELECT r.id, FALSE, r.payload_hash FROM survey_responses AS r, tablet WHERE r.uuid = %(uuid)s
UNION ALL
SELECT NULL, FALSE, NULL WHERE NOT EXISTS (SELECT 1 FROM tablet)
"""
# The statement above reads with the snapshot it started with: a copy committed by another
# transaction while it waited on the UUID is not in it, so that rare case looks again.
FIND = "SELECT id, FALSE, payload_hash FROM survey_responses WHERE uuid = %(uuid)s"


def store_params(payload: dict[str, Any], digest: str, kinds: dict[int, str], tablet: Tablet,
                 now: datetime) -> dict[str, Any]:
    """The bound values of ``STORE`` for one normalised response.

    Args:
        payload: the response from ``payload.normalise``.
        digest: its payload hash.
        kinds: question id -> kind, from the version's spec.
        tablet: the tablet that sent it.
        now: when it was received.

    Returns:
        A dict of parameters; the answers go as one JSON array (a fixed statement text, so
        one prepared statement serves any number of answers; one string for psycopg to send
        where three arrays cost it more than the rest of the parameters).
    """
    answers = []
    for answer in payload["answers"]:
        is_text = kinds[answer["question_id"]] == "free_text"
        answers.append({"q": answer["question_id"], "v": None if is_text else answer["value"],
                        "t": answer["value"] if is_text else None})
    return {"uuid": payload["uuid"], "version_id": payload["survey_version_id"],
            "device_id": tablet.id, "token_hash": tablet.token_hash,
            "member_id": payload["member_id"],
            "completed": payload["completed"], "read_aloud": payload["read_aloud"],
            "started_at": parse_time(payload["started_at"]),
            "finished_at": parse_time(payload["finished_at"]), "now": now, "hash": digest,
            # json.dumps as the ORM's JSON column does: each "v" is stored as written here
            # (json_to_recordset keeps a json field's text), a null one as JSON null as the
            # ORM stores None (not SQL NULL).
            "answers": json.dumps(answers)}


def _wrap(error: Exception) -> Exception:
    """psycopg's error as SQLAlchemy's (IntegrityError and so on), as the rest of the app knows."""
    if isinstance(error, psycopg.Error):
        return DBAPIError.instance(STORE, None, error, psycopg.Error)
    return error


class PostgresGroupCommit(GroupCommit):
    """Queues ``store_params`` dicts; ``run`` returns ``(id, stored, payload_hash)``."""

    # Measured with 8 threads a process: 4 and 8 writers alike; more threads than writers
    # still share commits when they arrive together.
    WRITERS = 4

    # The base's _write is a static method; this one is called the same way (self._write).
    def _write(self, engine: Engine, batch: list[QueuedWork]) -> None:  # type: ignore[override]
        if len(batch) == 1:  # nothing to group (a quiet moment): skip BEGIN and the pipeline
            item = batch[0]
            item.result, item.error = self._write_one(engine, item.work)
            return
        # Same order in every process: two batches lock tablets' rows and UUIDs alike, never
        # crosswise.
        batch = sorted(batch, key=lambda item: (item.work["device_id"], item.work["uuid"]))
        try:
            with engine.connect() as conn:
                raw = _psycopg(conn)
                with raw.pipeline(), raw.transaction():
                    cursors = [raw.execute(STORE, item.work, prepare=True) for item in batch]
                for item, cursor in zip(batch, cursors, strict=True):
                    item.result = cursor.fetchone() or _find(raw, item.work)
        except Exception:  # noqa: BLE001  (the batch was rolled back: each on its own below)
            for item in batch:
                item.result, item.error = self._write_one(engine, item.work)

    @staticmethod
    def _write_one(engine: Engine, params: dict[str, Any],
                   ) -> tuple[tuple[Any, ...] | None, Exception | None]:
        """One response alone. Its statement is a transaction of its own (autocommit): all or
        nothing, and committed before psycopg hands back its row, with one round trip."""
        try:
            with engine.connect() as conn:
                raw = _psycopg(conn)
                raw.autocommit = True
                try:
                    row = raw.execute(STORE, params, prepare=True).fetchone() or _find(raw, params)
                finally:
                    raw.autocommit = False
                return row, None
        except Exception as error:  # noqa: BLE001  (handed back to its request)
            return None, _wrap(error)


def _psycopg(conn: Connection) -> psycopg.Connection[Any]:
    """The psycopg connection under SQLAlchemy's."""
    raw: psycopg.Connection[Any] | None = conn.connection.driver_connection
    if raw is None:
        raise RuntimeError("the database connection is closed")
    return raw


def _find(raw: psycopg.Connection[Any], params: dict[str, Any]) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = raw.execute(
        FIND, {"uuid": params["uuid"]}, prepare=True).fetchone()
    return row
