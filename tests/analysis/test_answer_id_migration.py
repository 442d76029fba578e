"""Migration 0009_arch_answer_id: survey answer ids leave ``position`` for their own column."""
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from forum.extensions import db
from tests.conftest import reset_database

SEGMENT = ("INSERT INTO segments (id, consultation_id, source_type, source_id, position, text, "
           "text_hash, held, needs_review, created_at) "
           "VALUES (:id, 1, :kind, 5, :position, 't', 'h', :no, :no, CURRENT_TIMESTAMP)")


def test_packed_positions_are_unpacked_and_packed_again(app):
    reset_database()
    upgrade(revision="0008")
    with db.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO consultations (id, title, consulting_body, status, created_at) "
                          "VALUES (1, 'C', 'B', 'open', CURRENT_TIMESTAMP)"))
        for row in ({"id": 1, "kind": "survey", "position": 900201},
                    {"id": 2, "kind": "csv_import", "position": 4500},
                    {"id": 3, "kind": "transcript", "position": 12}):
            conn.execute(text(SEGMENT), {**row, "no": False})
    upgrade(revision="0009_arch_answer_id")
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, answer_id, position FROM segments ORDER BY id")).all()
    assert [tuple(r) for r in rows] == [(1, 9002, 1), (2, 45, 0), (3, None, 12)]
    downgrade(revision="0008")
    with db.engine.connect() as conn:
        positions = conn.execute(text("SELECT position FROM segments ORDER BY id")).scalars().all()
    assert positions == [900201, 4500, 12]
    reset_database()
