"""Segment ids are never reused on SQLite: a saved draft version, an analysis run's result, a
theme-history snapshot or an audit entry naming a deleted segment must never name new words."""
import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from analysis.services.search import keyword_ids
from forum.extensions import db
from tests.conftest import reset_database

BEFORE = "0020_walk17_agreement_app_coding"


def _add_segment(words: str, segment_id: int | None = None) -> int:
    # An explicit NULL id is refused by PostgreSQL: leave the column out to get a new one.
    column, value = ("id, ", ":id, ") if segment_id is not None else ("", "")
    with db.engine.begin() as conn:
        return conn.execute(text(
            f"INSERT INTO segments ({column}consultation_id, source_type, position, text, "
            "text_hash, held, needs_review, risk_flagged, quote_cleared, created_at) VALUES "
            f"({value}1, 'document', 0, :words, 'h', false, false, false, false, "
            "CURRENT_TIMESTAMP) RETURNING id"), {"id": segment_id, "words": words}).scalar_one()


def _consultation() -> None:
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO consultations (id, title, consulting_body, status, "
                          "created_at) VALUES (1, 'C', 'Body', 'open', CURRENT_TIMESTAMP)"))


def test_a_new_segment_never_takes_a_deleted_segments_id(app):
    reset_database()
    upgrade()
    _consultation()
    _add_segment("First words.")
    newest = _add_segment("Words a facilitator later redacted: Mr Hartley.")
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM segments WHERE id = :id"), {"id": newest})
    assert _add_segment("Words a facilitator later redacted: Mr [name].") > newest


def test_the_migration_keeps_segments_and_starts_above_ids_already_used(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL sequences never reuse ids")
    reset_database()
    upgrade(revision=BEFORE)
    _consultation()
    for n in (1, 2, 3):
        _add_segment(f"They breached me, time {n}.", n)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO segment_memos (segment_id, text, updated_at) "
                          "VALUES (2, 'A note', CURRENT_TIMESTAMP)"))
        # Segment 4 was deleted before the upgrade; only the audit log still names its id.
        conn.execute(text("INSERT INTO audit_events (at, action, object_type, object_id, detail) "
                          "VALUES ('2026-01-02 00:00:00', 'x', 'Segment', 4, '{}')"))
        conn.execute(text("DELETE FROM segments WHERE id = 3"))
    upgrade()
    db.session.remove()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM segment_memos")).scalar() == 1, \
            "rebuilding the table must not cascade-delete what refers to segments"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert _add_segment("They breached me again.") == 5
    assert keyword_ids(1, ["breach"]) == {1, 2, 5}, "keyword search still kept up to date"
