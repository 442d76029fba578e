"""Rate-limit counts kept in the database, so every gunicorn worker sees the same counts.

Flask-Limiter's default memory storage counts per process: with two workers an attacker got
twice the tries. With ``REDIS_URL`` set the counts live in Redis; otherwise in the
``throttle_counts`` table through this storage (URI ``forum-db://``). Each call uses the
app's engine on a connection of its own, so it never commits a request's work.
"""
from __future__ import annotations

import time

from huey import crontab
from limits.storage import Storage
from sqlalchemy import delete, select, text
from sqlalchemy.exc import SQLAlchemyError

from forum.extensions import db
from forum.models.throttle import ThrottleCount
from forum.queue import huey, worker_app

TABLE = ThrottleCount.__table__
# One statement, atomic on SQLite and PostgreSQL: a window that has ended starts again.
INCREMENT = text(
    "INSERT INTO throttle_counts (key, count, expires_at) VALUES (:key, :amount, :now + :expiry) "
    "ON CONFLICT (key) DO UPDATE SET "
    "count = CASE WHEN throttle_counts.expires_at <= :now THEN :amount "
    "ELSE throttle_counts.count + :amount END, "
    "expires_at = CASE WHEN throttle_counts.expires_at <= :now THEN :now + :expiry "
    "ELSE throttle_counts.expires_at END "
    "RETURNING count")


class DatabaseStorage(Storage):
    """A ``limits`` storage for fixed windows on the app's database."""

    STORAGE_SCHEME = ["forum-db"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        with db.engine.begin() as conn:
            return int(conn.execute(INCREMENT, {"key": key, "amount": amount, "now": time.time(),
                                                "expiry": float(expiry)}).scalar_one())

    def get(self, key: str) -> int:
        with db.engine.connect() as conn:
            count = conn.execute(select(TABLE.c.count).where(
                TABLE.c.key == key, TABLE.c.expires_at > time.time())).scalar()
        return int(count or 0)

    def get_expiry(self, key: str) -> float:
        with db.engine.connect() as conn:
            expires = conn.execute(select(TABLE.c.expires_at).where(TABLE.c.key == key)).scalar()
        return float(expires) if expires and expires > time.time() else time.time()

    def check(self) -> bool:
        try:
            with db.engine.connect() as conn:
                conn.execute(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with db.engine.begin() as conn:
            return conn.execute(delete(TABLE)).rowcount

    def clear(self, key: str) -> None:
        with db.engine.begin() as conn:
            conn.execute(delete(TABLE).where(TABLE.c.key == key))

    def purge_expired(self) -> int:
        """Delete windows that have ended (they count as empty anyway)."""
        with db.engine.begin() as conn:
            return conn.execute(delete(TABLE).where(TABLE.c.expires_at <= time.time())).rowcount


@huey.periodic_task(crontab(minute="7"))
def purge_throttle_counts() -> None:
    """Hourly in the worker: drop windows that have ended (each address or email tried has one)."""
    with worker_app().app_context():
        DatabaseStorage().purge_expired()
