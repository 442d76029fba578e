"""Retrying a write when SQLite reports "database is locked" after its busy wait."""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy.exc import OperationalError

from forum.extensions import db

T = TypeVar("T")
# On top of SQLite's own busy wait (15 s by default): about 3 s more in growing steps.
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8, 1.6)


def is_locked(error: BaseException) -> bool:
    """True for SQLite's "database is locked" (or "busy"), which goes away when retried."""
    if not isinstance(error, OperationalError):
        return False
    message = str(error.orig).lower()
    return "database is locked" in message or "database table is locked" in message or (
        "busy" in message and "sqlite" in type(error.orig).__module__)


def retry_when_locked(write: Callable[[], T], delays: Sequence[float] = RETRY_DELAYS) -> T:
    """Run ``write`` (which commits), rolling back and trying again while the database is locked.

    Raises:
        OperationalError: still locked after every retry, or any other database error.
    """
    for delay in (*delays, None):
        try:
            return write()
        except OperationalError as error:
            db.session.rollback()
            if delay is None or not is_locked(error):
                raise
            time.sleep(delay)
    raise AssertionError("unreachable")
