"""Server-side sign-ins: started at sign-in, checked on every request, ended on demand.

A signed cookie alone can be copied and replayed; each sign-in also has a row here, and a
session counts only while its row is live. Ending the row (sign out, sign out of all
devices, disabling, a role or password change) ends every copy of that cookie.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update

from forum.extensions import db
from forum.models import SignIn
from forum.models.base import utcnow

# How often a live sign-in's last_seen_at is written: often enough for the idle limit,
# rarely enough that reading a page is not a database write.
TOUCH_EVERY = timedelta(seconds=60)
# The key in the (signed) session cookie that holds this browser's sign-in id.
SESSION_KEY = "sign_in"
MAX_TOKEN_CHARS = 100  # ours are 43; a longer cookie value is not worth a database read


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(user_id: int, ip: str | None = None) -> str:
    """Record a new sign-in (committed) and return the random id to keep in the session."""
    token = secrets.token_urlsafe(32)
    db.session.add(SignIn(user_id=user_id, token_hash=_hash(token), ip_address=ip))
    db.session.commit()
    return token


def is_live(token: str | None, user_id: int, idle: timedelta) -> bool:
    """True when this sign-in belongs to the user, was not ended and was used within ``idle``."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return False
    now = utcnow()
    table = SignIn.__table__
    with db.engine.begin() as conn:  # its own connection: never commits the request's work
        row = conn.execute(select(table.c.id, table.c.last_seen_at).where(
            table.c.token_hash == _hash(token), table.c.user_id == user_id,
            table.c.ended_at.is_(None), table.c.last_seen_at > now - idle)).first()
        if row is None:
            return False
        conn.execute(update(table).where(table.c.id == row.id,
                                         table.c.last_seen_at < now - TOUCH_EVERY)
                     .values(last_seen_at=now))
    return True


def end(token: str | None) -> None:
    """End one sign-in (this browser's); the caller commits."""
    if token:
        db.session.execute(update(SignIn).where(SignIn.token_hash == _hash(token),
                                                SignIn.ended_at.is_(None))
                           .values(ended_at=utcnow()))


def end_all(user_id: int) -> int:
    """End every sign-in of a user; the caller commits. Returns how many were live."""
    result = db.session.execute(update(SignIn).where(SignIn.user_id == user_id,
                                                     SignIn.ended_at.is_(None))
                                .values(ended_at=utcnow()))
    return int(getattr(result, "rowcount", 0))  # an UPDATE's result is a CursorResult


def live_count(user_id: int) -> int:
    """How many sign-ins of this user are not ended (some may have gone idle)."""
    return len(db.session.scalars(select(SignIn.id).where(
        SignIn.user_id == user_id, SignIn.ended_at.is_(None))).all())
