"""Receiving responses from tablets, each stored exactly once.

A tablet sends a response with a UUID it made. Same UUID and same content again:
"already received". Same UUID with different content: a conflict. A unique
constraint on the UUID makes this hold even when two copies arrive at once.
"""
from __future__ import annotations

import hashlib
import json
import threading
from contextlib import nullcontext
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from forum.extensions import db
from forum.models import Member
from forum.models.base import utcnow
from forum.services.busy import retry_when_locked
from surveys.models import SurveyAnswer, SurveyDevice, SurveyResponse
from surveys.services.payload import PayloadError, VersionSpecs, normalise, parse_time

RESPONSES = SurveyResponse.__table__
ANSWERS = SurveyAnswer.__table__
DEVICES = SurveyDevice.__table__

__all__ = ["Received", "SyncConflict", "PayloadError", "VersionSpecs", "receive_response",
           "payload_digest"]

# SQLite has one writer at a time and its busy wait sleeps in steps of up to 100 ms; queuing
# this process's writers on a lock instead keeps the wait short and fair.
_SQLITE_WRITE = threading.Lock()

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


def receive_response(device: SurveyDevice, body, specs: VersionSpecs) -> Received:
    """Validate and store one response from a tablet.

    The insert is tried first: a new response (the usual case) costs one round of
    statements; a resend fails on the UUID's unique constraint and is then compared.

    Raises:
        PayloadError: the body is not a valid response (says what is wrong).
        SyncConflict: the UUID was already used for different content.
    """
    payload, spec = normalise(body, specs)
    digest = payload_digest(payload)
    if payload["member_id"] is not None and db.session.get(Member, payload["member_id"]) is None:
        raise PayloadError(["The member this response is linked to no longer exists; "
                            "link it to another member or leave it anonymous"])
    now = utcnow()
    sqlite = db.engine.dialect.name == "sqlite"
    with _SQLITE_WRITE if sqlite else nullcontext():
        # Other processes write too; past SQLite's busy wait the write is tried again.
        return retry_when_locked(lambda: _store(payload, digest, spec, device, now))


def _store(payload: dict, digest: str, spec, device: SurveyDevice, now) -> Received:
    conn = db.session.connection()
    try:
        response_id = conn.execute(insert(RESPONSES).values(
            uuid=payload["uuid"], version_id=payload["survey_version_id"], device_id=device.id,
            member_id=payload["member_id"], completed=payload["completed"],
            read_aloud=payload["read_aloud"], started_at=parse_time(payload["started_at"]),
            finished_at=parse_time(payload["finished_at"]), received_at=now,
            payload_hash=digest).returning(RESPONSES.c.id)).scalar_one()
        rows = []
        for answer in payload["answers"]:
            is_text = spec.kinds[answer["question_id"]] == "free_text"
            rows.append({"response_id": response_id, "question_id": answer["question_id"],
                         "value": None if is_text else answer["value"],
                         "text": answer["value"] if is_text else None, "created_at": now})
        if rows:
            conn.execute(insert(ANSWERS), rows)
        _mark_synced(conn, device, now)
        db.session.commit()
    except IntegrityError:
        # Already stored: by an earlier send, or by another request a moment ago.
        db.session.rollback()
        return _existing(payload["uuid"], digest, device)
    return Received(STORED, payload["uuid"], response_id)


def _existing(uuid: str, digest: str, device: SurveyDevice) -> Received:
    row = db.session.execute(select(SurveyResponse.id, SurveyResponse.payload_hash)
                             .where(SurveyResponse.uuid == uuid)).first()
    if row is None:  # the insert failed for another reason (a foreign key): not a resend
        raise PayloadError(["The response refers to something that no longer exists"])
    if row.payload_hash != digest:
        raise SyncConflict(
            "A different response was already received with this id. It has not been changed.")
    _mark_synced(db.session.connection(), device, utcnow())
    db.session.commit()
    return Received(ALREADY, uuid, row.id)


def _mark_synced(conn, device: SurveyDevice, when) -> None:
    conn.execute(update(DEVICES).where(DEVICES.c.id == device.id).values(last_sync_at=when))
