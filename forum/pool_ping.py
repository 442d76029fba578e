"""Pinging pooled PostgreSQL connections only when they may have gone stale.

A connection from the pool can be dead if PostgreSQL restarted or a firewall dropped it
while it sat idle. SQLAlchemy's ``pool_pre_ping`` checks with a round trip (``SELECT 1``)
at every checkout: on the sync endpoint that was a tenth of the web process's CPU, and
work for PostgreSQL too. A connection handed back moments ago is as alive as the
statement it just ran, so only one idle for ``IDLE_SECONDS`` or more is pinged; a dead
one is replaced before use, as with pre-ping. A connection that dies between two uses
closer together than that fails its statement once, and SQLAlchemy then discards every
connection made before the failure.
"""
from __future__ import annotations

import time

from flask import Flask
from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError

from forum.extensions import db

IDLE_SECONDS = 2.0
_IDLE_SINCE = "forum.idle_since"


def init_app(app: Flask) -> None:
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        return
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection, record) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
        idle_since = record.info.get(_IDLE_SINCE)  # None: connected just now
        if idle_since is None or time.monotonic() - idle_since < IDLE_SECONDS:
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)  # what pre-ping runs
        except Exception as error:  # noqa: BLE001  (any failure: make a new connection)
            raise DisconnectionError(str(error)) from error
        if not alive:
            raise DisconnectionError("the connection did not answer a ping")
