"""The full-text index behind keyword search: built by migration 0009, used by the database."""
from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from analysis.services.search import keyword_ids
from forum.extensions import db
from forum.models import Segment
from forum.models.segment_search import keyword_match
from tests.conftest import reset_database


def test_migration_indexes_segments_stored_before_it(app):
    reset_database()
    upgrade(revision="0009_drafting_theme_history")
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO consultations (id, title, consulting_body, status, created_at) "
                          "VALUES (1, 'C', 'Body', 'open', CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO segments (id, consultation_id, source_type, position, text, "
                          "text_hash, held, needs_review, created_at) VALUES (7, 1, 'document', 0, "
                          "'They were breaching people for nothing.', 'h', false, false, "
                          "CURRENT_TIMESTAMP)"))
    upgrade()
    assert keyword_ids(1, ["breached"]) == {7}
    # New writes after the migration are indexed too.
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE segments SET text = 'Housing on release' WHERE id = 7"))
    db.session.expire_all()
    assert keyword_ids(1, ["breached"]) == set() and keyword_ids(1, ["houses"]) == {7}


def test_postgresql_answers_from_the_gin_index(app):
    if db.engine.dialect.name != "postgresql":
        return  # SQLite reads its FTS5 table, which is the index itself
    with db.engine.begin() as conn:
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        query = select(Segment.id).where(keyword_match("postgresql", ["breach"]))
        plan = conn.execute(text("EXPLAIN " + str(query.compile(
            dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})))).scalars().all()
    assert any("ix_segments_text_search" in line for line in plan), plan


def test_migration_0024_indexes_words_for_prefixes(app):
    # A database made before 0024 has the stemmed index only: "evicti*" found nothing there.
    reset_database()
    upgrade()
    downgrade(revision="0023_refusal_reasons_list")
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO consultations (id, title, consulting_body, status, created_at) "
                 "VALUES (1, 'C', 'Body', 'open', CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO segments (id, consultation_id, source_type, position, text, "
                          "text_hash, held, needs_review, risk_flagged, quote_cleared, "
                          "created_at) VALUES (7, 1, 'document', 0, 'The eviction came first.', "
                          "'h', false, false, false, false, CURRENT_TIMESTAMP)"))
    upgrade()
    assert keyword_ids(1, ["evicti*"]) == {7} and keyword_ids(1, ["evict"]) == {7}
