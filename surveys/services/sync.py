"""Receiving responses from tablets, each stored exactly once.

A tablet sends a response with a UUID it made. Same UUID and same content again:
"already received". Same UUID with different content: a conflict. A unique
constraint on the UUID makes this hold even when two copies arrive at once.

This is the sync endpoint's hot path, so it uses prebuilt Core statements (compiled
once, run with parameters) rather than ORM objects. A tablet is told a response arrived
only once the transaction holding it is committed: on PostgreSQL one per response, on
SQLite a group commit (see ``sqlite_writes``).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from forum.extensions import db
from forum.models import Member
from forum.models.base import utcnow
from forum.services.busy import retry_when_locked
from surveys.models import SurveyAnswer, SurveyDevice, SurveyResponse
from surveys.services.payload import PayloadError, VersionSpecs, normalise, parse_time
from surveys.services.sqlite_writes import GroupCommit, savepoint

RESPONSES = SurveyResponse.__table__
ANSWERS = SurveyAnswer.__table__
DEVICES = SurveyDevice.__table__
MEMBERS = Member.__table__

# Built once: SQLAlchemy caches their compiled form, so a request only binds values.
INSERT_RESPONSE = insert(RESPONSES).returning(RESPONSES.c.id)
INSERT_ANSWERS = insert(ANSWERS)
MARK_SYNCED = (update(DEVICES).where(DEVICES.c.id == bindparam("device"))
               .values(last_sync_at=bindparam("when")))
FIND_RESPONSE = select(RESPONSES.c.id, RESPONSES.c.payload_hash).where(
    RESPONSES.c.uuid == bindparam("uuid"))
MEMBER_EXISTS = select(MEMBERS.c.id).where(MEMBERS.c.id == bindparam("member"))

__all__ = ["Received", "SyncConflict", "PayloadError", "VersionSpecs", "receive_response",
           "payload_digest"]

# One per process: SQLite responses from this process's threads share commits.
_GROUP = GroupCommit()

STORED = "received"
ALREADY = "already received"


class SyncConflict(Exception):
    """A different response was already stored under this UUID."""


@dataclass(frozen=True)
class Received:
    status: str          # STORED or ALREADY
    uuid: str
    response_id: int


def payload_digest(payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def receive_response(device_id: int, body, specs: VersionSpecs) -> Received:
    """Validate and store one response from a tablet.

    The insert is tried first: a new response (the usual case) costs one round of
    statements; a resend fails on the UUID's unique constraint and is then compared.

    Args:
        device_id: the active device that sent it (see ``devices.active_device_id``).
        body: the decoded JSON body.
        specs: the app's cache of published versions.

    Returns:
        Whether it was stored now or had been already, with its id.

    Raises:
        PayloadError: the body is not a valid response (says what is wrong).
        SyncConflict: the UUID was already used for different content.
    """
    payload, spec = normalise(body, specs)
    digest = payload_digest(payload)
    engine = db.engine  # connections of its own, not the ORM session: less work per request
    if payload["member_id"] is not None:
        with engine.connect() as conn:
            if conn.execute(MEMBER_EXISTS, {"member": payload["member_id"]}).first() is None:
                raise PayloadError(["The member this response is linked to no longer exists; "
                                    "link it to another member or leave it anonymous"])
    if engine.dialect.name == "sqlite":
        # Other processes (the worker) write too: past SQLite's busy wait, try the batch again.
        return retry_when_locked(lambda: _GROUP.run(
            engine, lambda conn: _store_in_savepoint(conn, payload, digest, spec, device_id)))
    with engine.connect() as conn:
        return _store(conn, payload, digest, spec, device_id)


def _insert(conn, payload: dict, digest: str, spec, device_id: int, now) -> int:
    response_id = conn.execute(INSERT_RESPONSE, {
        "uuid": payload["uuid"], "version_id": payload["survey_version_id"],
        "device_id": device_id, "member_id": payload["member_id"],
        "completed": payload["completed"], "read_aloud": payload["read_aloud"],
        "started_at": parse_time(payload["started_at"]),
        "finished_at": parse_time(payload["finished_at"]), "received_at": now,
        "payload_hash": digest}).scalar_one()
    rows = []
    for answer in payload["answers"]:
        is_text = spec.kinds[answer["question_id"]] == "free_text"
        rows.append({"response_id": response_id, "question_id": answer["question_id"],
                     "value": None if is_text else answer["value"],
                     "text": answer["value"] if is_text else None, "created_at": now})
    if rows:
        conn.execute(INSERT_ANSWERS, rows)
    conn.execute(MARK_SYNCED, {"device": device_id, "when": now})
    return response_id


def _store(conn, payload: dict, digest: str, spec, device_id: int) -> Received:
    """PostgreSQL: a transaction per response (its commits overlap, so no grouping)."""
    try:
        response_id = _insert(conn, payload, digest, spec, device_id, utcnow())
        conn.commit()
    except IntegrityError:
        # Already stored: by an earlier send, or by another request a moment ago.
        conn.rollback()
        received = _existing(conn, payload["uuid"], digest, device_id)
        conn.commit()
        return received
    return Received(STORED, payload["uuid"], response_id)


def _store_in_savepoint(conn, payload: dict, digest: str, spec, device_id: int) -> Received:
    """SQLite, inside a group commit: a savepoint undoes a resend's half-made rows."""
    try:
        with savepoint(conn, "fv_insert"):
            response_id = _insert(conn, payload, digest, spec, device_id, utcnow())
    except IntegrityError:
        return _existing(conn, payload["uuid"], digest, device_id)
    return Received(STORED, payload["uuid"], response_id)


def _existing(conn, uuid: str, digest: str, device_id: int) -> Received:
    row = conn.execute(FIND_RESPONSE, {"uuid": uuid}).first()
    if row is None:  # the insert failed for another reason (a foreign key): not a resend
        raise PayloadError(["The response refers to something that no longer exists"])
    if row.payload_hash != digest:
        raise SyncConflict(
            "A different response was already received with this id. It has not been changed.")
    conn.execute(MARK_SYNCED, {"device": device_id, "when": utcnow()})
    return Received(ALREADY, uuid, row.id)
