"""Tablets: issue a sync token when a researcher sets one up, check it, revoke it."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from sqlalchemy import bindparam, func, select

from forum.extensions import db
from forum.models import User
from forum.models.base import utcnow
from surveys.models import SurveyDevice, SurveyResponse

NAME_MAX = 60


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def register_device(name: str, user: Optional[User]) -> tuple[SurveyDevice, str]:
    """Create a device and return it with its token (shown once, kept only on the tablet)."""
    token = secrets.token_urlsafe(32)
    device = SurveyDevice(name=(name.strip() or "Tablet")[:NAME_MAX], token_hash=token_hash(token),
                          created_by=user)
    db.session.add(device)
    db.session.commit()
    return device, token


DEVICES = SurveyDevice.__table__
# Built once for the sync endpoint, which looks a token up on every request.
ACTIVE_DEVICE = select(DEVICES.c.id).where(DEVICES.c.token_hash == bindparam("hash"),
                                           DEVICES.c.revoked_at.is_(None))


def active_device_id(token: str) -> Optional[int]:
    """The id of the active device holding this token, or None (unknown or revoked)."""
    if not token or len(token) > 200:
        return None
    with db.engine.connect() as conn:
        return conn.execute(ACTIVE_DEVICE, {"hash": token_hash(token)}).scalar()


def revoke_device(device: SurveyDevice, user: Optional[User]) -> None:
    if device.revoked_at is None:
        device.revoked_at, device.revoked_by = utcnow(), user
        db.session.commit()


@dataclass(frozen=True)
class DeviceRow:
    device: SurveyDevice
    responses: int
    last_response_at: Optional[datetime]


def list_devices() -> list[DeviceRow]:
    """Every device with how many responses it sent; active ones first, newest sync first."""
    counts = dict(db.session.execute(
        select(SurveyResponse.device_id, func.count(SurveyResponse.id))
        .where(SurveyResponse.device_id.is_not(None)).group_by(SurveyResponse.device_id)).all())
    latest = dict(db.session.execute(
        select(SurveyResponse.device_id, func.max(SurveyResponse.received_at))
        .where(SurveyResponse.device_id.is_not(None)).group_by(SurveyResponse.device_id)).all())
    devices = db.session.scalars(select(SurveyDevice).order_by(
        SurveyDevice.revoked_at.is_not(None), SurveyDevice.last_sync_at.is_(None),
        SurveyDevice.last_sync_at.desc(), SurveyDevice.id))
    return [DeviceRow(d, counts.get(d.id, 0), latest.get(d.id)) for d in devices]
