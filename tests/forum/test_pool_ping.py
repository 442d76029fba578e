"""PostgreSQL pool: a connection is pinged only after sitting idle, and a dead one is replaced."""
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from forum import pool_ping
from forum.extensions import db


@pytest.fixture
def pings(app, monkeypatch):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: run with DATABASE_URL=postgresql://...")
    count = []
    real = db.engine.dialect.do_ping
    monkeypatch.setattr(db.engine.dialect, "do_ping", lambda conn: count.append(1) or real(conn))
    db.session.remove()
    return count


def backend_pid() -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT pg_backend_pid()")).scalar()


def test_a_connection_used_moments_ago_is_not_pinged(pings):
    for _ in range(5):
        backend_pid()
    assert pings == []


def test_a_connection_idle_for_a_while_is_pinged_and_replaced_when_dead(pings, monkeypatch):
    first = backend_pid()
    outside = create_engine(db.engine.url, poolclass=NullPool)
    with outside.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
    outside.dispose()
    monkeypatch.setattr(pool_ping, "IDLE_SECONDS", 0.0)  # every pooled connection counts as idle
    # Without the ping, the dead connection would fail a statement when its turn came.
    assert first not in {backend_pid() for _ in range(db.engine.pool.size() + 2)}
    assert pings
