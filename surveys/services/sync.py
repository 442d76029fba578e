"""Receiving responses from tablets, each stored exactly once.

A tablet sends a response with a UUID it made. Same UUID and same content again:
"already received". Same UUID with different content: a conflict. A unique
constraint on the UUID makes this hold even when two copies arrive at once.

This is the sync endpoint's hot path, so it uses prebuilt statements rather than ORM
objects. A tablet is told a response arrived only once the transaction holding it is
committed; on both databases responses arriving together share a commit (group commit:
``sqlite_writes`` for SQLite, ``pg_writes`` for PostgreSQL, where a response is one
prepared statement).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.exc import IntegrityError

from forum.extensions import db
from forum.models import Member
from forum.models.base import utcnow
from forum.services.busy import retry_when_locked
from forum.services.text_direction import without_bidi_in
from surveys.models import SurveyAnswer, SurveyResponse
from surveys.services.devices import Tablet
from surveys.services.payload import PayloadError, VersionSpec, VersionSpecs, normalise, parse_time
from surveys.services.pg_writes import PostgresGroupCommit, store_params
from surveys.services.sqlite_writes import GroupCommit, driver_sql, savepoint

RESPONSES = SurveyResponse.__table__
ANSWERS = SurveyAnswer.__table__
MEMBERS = Member.__table__

# SQLite: plain SQL run on sqlite3 itself (``sqlite_writes.driver_sql``), the values
# converted by SQLAlchemy's own SQLite types (datetimes and JSON stored as before). The UPDATE
# is also the write's own check of the tablet: no row updated means it was revoked meanwhile.
MARK_SYNCED = ("UPDATE survey_devices SET last_sync_at = ? "
               "WHERE id = ? AND token_hash = ? AND revoked_at IS NULL")
INSERT_RESPONSE = ("INSERT INTO survey_responses (uuid, version_id, device_id, member_id, "
                   "completed, read_aloud, started_at, finished_at, received_at, payload_hash) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
INSERT_ANSWER = ("INSERT INTO survey_answers (response_id, question_id, value, text, created_at) "
                 "VALUES (?, ?, ?, ?, ?)")
_SQLITE = sqlite_dialect()
SQLITE_TIME = RESPONSES.c.received_at.type.dialect_impl(_SQLITE).bind_processor(_SQLITE)
SQLITE_JSON = ANSWERS.c.value.type.dialect_impl(_SQLITE).bind_processor(_SQLITE)
FIND_RESPONSE = select(RESPONSES.c.id, RESPONSES.c.payload_hash).where(
    RESPONSES.c.uuid == bindparam("uuid"))
MEMBER_EXISTS = select(MEMBERS.c.id).where(MEMBERS.c.id == bindparam("member"))

__all__ = ["Received", "SyncConflict", "TabletRefused", "PayloadError", "VersionSpecs",
           "receive_response", "payload_digest"]

# One per process: responses from this process's threads share commits.
_GROUP = GroupCommit()
_PG_GROUP = PostgresGroupCommit()

STORED = "received"
ALREADY = "already received"


class SyncConflict(Exception):
    """A different response was already stored under this UUID."""


class TabletRefused(Exception):
    """The tablet was revoked (or its token changed) after its token was last checked."""


@dataclass(frozen=True)
class Received:
    status: str          # STORED or ALREADY
    uuid: str
    response_id: int


def payload_digest(payload: dict[str, Any]) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def receive_response(tablet: Tablet, body: Any, specs: VersionSpecs) -> Received:
    """Validate and store one response from a tablet.

    The insert is tried first: a new response (the usual case) costs one round of
    statements; a resend fails on the UUID's unique constraint and is then compared.
    The same transaction checks that the tablet is still active, so a token checked
    earlier (``devices.KnownTablets``) cannot store anything once the tablet is revoked.

    Args:
        tablet: the tablet that sent it (see ``devices.find_tablet``).
        body: the decoded JSON body.
        specs: the app's cache of published versions.

    Returns:
        Whether it was stored now or had been already, with its id.

    Raises:
        PayloadError: the body is not a valid response (says what is wrong).
        SyncConflict: the UUID was already used for different content.
        TabletRefused: the tablet is no longer active; nothing was stored.
    """
    sent, spec = normalise(body, specs)
    # The hash is of what the tablet sent, bidi controls and all, as it was before they were
    # dropped on the way in: a response queued then and resent now still matches. The text
    # stored is without them (``text_direction``).
    digest = payload_digest(sent)
    payload = without_bidi_in(sent)
    digests = (digest, payload_digest(payload))
    engine = db.engine  # connections of its own, not the ORM session: less work per request
    if payload["member_id"] is not None:
        with engine.connect() as conn:
            if conn.execute(MEMBER_EXISTS, {"member": payload["member_id"]}).first() is None:
                # Erased while the tablet was offline (ids are never reused): keep the answers,
                # credit them to nobody. The digest above is of what the tablet sent, so a
                # resend still matches.
                payload = {**payload, "member_id": None}
    if engine.dialect.name == "sqlite":
        # Other processes (the worker) write too: past SQLite's busy wait, try the batch again.
        received: Received = retry_when_locked(lambda: _GROUP.run(
            engine, lambda conn: _store_in_savepoint(conn, payload, digests, spec, tablet)))
        return received
    return _store_on_postgres(engine, payload, digests, spec, tablet)


def _store_on_postgres(engine: Engine, payload: dict[str, Any], digests: tuple[str, str],
                       spec: VersionSpec, tablet: Tablet) -> Received:
    """One statement, sent with others in a group commit; a resend is compared after."""
    digest, cleaned = digests
    try:
        response_id, stored, stored_hash = _PG_GROUP.run(
            engine, store_params(payload, digest, spec.kinds, tablet, utcnow()))
    except IntegrityError:  # a foreign key: the version or member went while it was checked
        raise PayloadError(["The response refers to something that no longer exists"]) from None
    if response_id is None:
        raise TabletRefused
    if stored:
        return Received(STORED, payload["uuid"], response_id)
    return _compare(payload["uuid"], digest, (response_id, stored_hash), cleaned)


def _mark_synced(conn: Connection, tablet: Tablet, now: datetime) -> None:
    if driver_sql(conn, MARK_SYNCED, (_time(now), tablet.id, tablet.token_hash)).rowcount != 1:
        raise TabletRefused


def _time(value: datetime | None) -> Any:
    return SQLITE_TIME(value) if SQLITE_TIME is not None else value


def _insert(conn: Connection, payload: dict[str, Any], digest: str, spec: VersionSpec,
            tablet: Tablet, now: datetime) -> int:
    _mark_synced(conn, tablet, now)  # first: a revoked tablet stores nothing
    created = _time(now)
    response_id: int = driver_sql(conn, INSERT_RESPONSE, (
        payload["uuid"], payload["survey_version_id"], tablet.id, payload["member_id"],
        payload["completed"], payload["read_aloud"], _time(parse_time(payload["started_at"])),
        _time(parse_time(payload["finished_at"])), created, digest)).fetchone()[0]
    for answer in payload["answers"]:
        is_text = spec.kinds[answer["question_id"]] == "free_text"
        value = None if is_text else answer["value"]
        driver_sql(conn, INSERT_ANSWER, (
            response_id, answer["question_id"],
            SQLITE_JSON(value) if SQLITE_JSON is not None else value,
            answer["value"] if is_text else None, created))
    return response_id


def _store_in_savepoint(conn: Connection, payload: dict[str, Any], digests: tuple[str, str],
                        spec: VersionSpec, tablet: Tablet) -> Received:
    """SQLite, inside a group commit: a savepoint undoes a resend's half-made rows."""
    digest, cleaned = digests
    try:
        with savepoint(conn, "fv_insert"):
            response_id = _insert(conn, payload, digest, spec, tablet, utcnow())
    except IntegrityError:
        return _existing(conn, payload["uuid"], digests, tablet)
    return Received(STORED, payload["uuid"], response_id)


def _existing(conn: Connection, uuid: str, digests: tuple[str, str], tablet: Tablet) -> Received:
    # The group commit's savepoint undoes this if the resend turns out to be a conflict.
    _mark_synced(conn, tablet, utcnow())
    row = conn.execute(FIND_RESPONSE, {"uuid": uuid}).first()
    if row is None:  # the insert failed for another reason (a foreign key): not a resend
        raise PayloadError(["The response refers to something that no longer exists"])
    return _compare(uuid, digests[0], row, digests[1])


def _compare(uuid: str, digest: str, row: Sequence[Any], cleaned: str) -> Received:
    """A resend of the stored response ``row`` (id, payload hash): the same, or a conflict.
    ``cleaned`` is the hash without bidi controls, which a release hashed for a while."""
    response_id, stored_hash = row
    if stored_hash not in (digest, cleaned):
        raise SyncConflict(
            "A different response was already received with this id. It has not been changed.")
    return Received(ALREADY, uuid, response_id)
