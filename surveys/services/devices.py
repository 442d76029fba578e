"""Tablets: issue a sync token when a researcher sets one up, check it, rename or revoke it."""
from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select

from forum.extensions import db
from forum.models import User
from forum.models.base import utcnow
from surveys.models import SurveyDevice, SurveyResponse

NAME_MAX = 60
MAX_TOKEN_CHARS = 200  # ours are 43; a longer header is not worth a database read
# A name is needed: an empty one used to become "Tablet 7", a name nobody chose, shown to
# nobody before it was made, and (then) never changed.
NAME_NEEDED = "Enter a name for this tablet, like \u2018Hostel tablet 2\u2019"
NAME_TOO_LONG = f"The name must be {NAME_MAX} characters or fewer"


class DeviceNameError(ValueError):
    """A tablet name that cannot be used, in plain words."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def clean_name(name: str) -> str:
    """A tablet's name as set up or renamed: the one rule for both.

    Raises:
        DeviceNameError: empty, or longer than NAME_MAX.
    """
    name = name.strip()
    if not name:
        raise DeviceNameError(NAME_NEEDED)
    if len(name) > NAME_MAX:
        raise DeviceNameError(NAME_TOO_LONG)
    return name


def register_device(name: str, user: User | None) -> tuple[SurveyDevice, str]:
    """Create a device and return it with its token (shown once, kept only on the tablet).

    Raises:
        DeviceNameError: the name breaks ``clean_name``'s rule; nothing is made.
    """
    token = secrets.token_urlsafe(32)
    device = SurveyDevice(name=clean_name(name), token_hash=token_hash(token), created_by=user)
    db.session.add(device)
    db.session.commit()
    return device, token


def rename_device(device: SurveyDevice, name: str) -> str:
    """Give a tablet a new name; returns the old one.

    Raises:
        DeviceNameError: the name breaks ``clean_name``'s rule; nothing changed.
    """
    old, device.name = device.name, clean_name(name)
    db.session.commit()
    return old


DEVICES = SurveyDevice.__table__
# Built once for the sync endpoint, which looks a token up on every request.
ACTIVE_DEVICE = select(DEVICES.c.id).where(DEVICES.c.token_hash == bindparam("hash"),
                                           DEVICES.c.revoked_at.is_(None))


@dataclass(frozen=True)
class Tablet:
    """A tablet as the sync endpoint knows it: its device id and the hash of its token."""

    id: int
    token_hash: str


def find_tablet(token: str) -> Tablet | None:
    """The active tablet holding this token, read from the database, or None."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    hashed = token_hash(token)
    # Autocommit: one read needs no transaction, and on PostgreSQL that saves the round
    # trips of BEGIN and of the ROLLBACK when the connection goes back to the pool.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        device_id = conn.execute(ACTIVE_DEVICE, {"hash": hashed}).scalar()
    return None if device_id is None else Tablet(device_id, hashed)


def active_device_id(token: str) -> int | None:
    """The id of the active device holding this token, or None (unknown or revoked)."""
    tablet = find_tablet(token)
    return None if tablet is None else tablet.id


class KnownTablets:
    """Tablets whose token this process has already found active, so that their next
    responses skip the lookup. Safe because the write itself checks again, in its own
    transaction, that the device still holds that token and is not revoked
    (``sync.TabletRefused`` when not): revoking a tablet takes effect at once everywhere."""

    LIMIT = 10_000  # tokens, about 1 MB: far more tablets than a consultation has

    def __init__(self) -> None:
        self._tablets: dict[str, Tablet] = {}

    def get(self, token: str) -> tuple[Tablet | None, bool]:
        """The tablet for ``token`` and whether the database was read just now for it."""
        if not token or len(token) > MAX_TOKEN_CHARS:
            return None, True
        tablet = self._tablets.get(token_hash(token))
        if tablet is not None:
            return tablet, False
        tablet = find_tablet(token)
        if tablet is not None:
            if len(self._tablets) >= self.LIMIT:
                self._tablets.clear()
            self._tablets[tablet.token_hash] = tablet
        return tablet, True

    def forget(self, tablet: Tablet) -> None:
        self._tablets.pop(tablet.token_hash, None)


def revoke_device(device: SurveyDevice, user: User | None) -> None:
    if device.revoked_at is None:
        device.revoked_at, device.revoked_by = utcnow(), user
        db.session.commit()


def revoke_devices_registered_by(user: User, acting: User | None = None) -> str | None:
    """Revoke every active tablet ``user`` registered (uncommitted: the caller commits).

    Connected to ``forum.signals.user_disabled``: a disabled researcher's tablets stop
    sending in the same step.

    Returns:
        A plain-English note of what was revoked, or None when there was nothing to revoke.
    """
    devices = list(db.session.scalars(select(SurveyDevice).where(
        SurveyDevice.created_by_id == user.id, SurveyDevice.revoked_at.is_(None))
        .order_by(SurveyDevice.name)))
    if not devices:
        return None
    now = utcnow()
    for device in devices:
        device.revoked_at, device.revoked_by = now, acting
    names = ", ".join(f"\u2018{device.name}\u2019" for device in devices)
    if len(devices) == 1:
        return f"The tablet they registered ({names}) can no longer send responses."
    return f"The {len(devices)} tablets they registered ({names}) can no longer send responses."


def on_user_disabled(user: User, acting: User | None = None,
                     **_extra: Any) -> str | None:
    """Receiver of ``forum.signals.user_disabled``."""
    return revoke_devices_registered_by(user, acting)


@dataclass(frozen=True)
class DeviceRow:
    device: SurveyDevice
    responses: int
    last_response_at: datetime | None
    # How many tablets have this name (this one too): above 1, the page says how to tell them apart.
    same_name: int = 1


def list_devices() -> list[DeviceRow]:
    """Every device with how many responses it sent; active ones first, newest sync first."""
    counts = dict(db.session.execute(
        select(SurveyResponse.device_id, func.count(SurveyResponse.id))
        .where(SurveyResponse.device_id.is_not(None)).group_by(SurveyResponse.device_id)).all())
    latest = dict(db.session.execute(
        select(SurveyResponse.device_id, func.max(SurveyResponse.received_at))
        .where(SurveyResponse.device_id.is_not(None)).group_by(SurveyResponse.device_id)).all())
    devices = list(db.session.scalars(select(SurveyDevice).order_by(
        SurveyDevice.revoked_at.is_not(None), SurveyDevice.last_sync_at.is_(None),
        SurveyDevice.last_sync_at.desc(), SurveyDevice.id)))
    names = Counter(d.name.strip().lower() for d in devices)
    return [DeviceRow(d, counts.get(d.id, 0), latest.get(d.id), names[d.name.strip().lower()])
            for d in devices]
