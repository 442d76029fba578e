"""Issue #12 point 9: member ids are never reused, so an erased member's id names nobody new."""
import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from forum.extensions import db
from forum.models import ConsentRecord, Member
from forum.services.privacy import erase_member
from tests.conftest import reset_database


def _sqlite() -> bool:
    return db.engine.dialect.name == "sqlite"


def test_point9_a_new_member_never_takes_an_erased_members_id(app, users):
    first, last = Member(pseudonym="Member A"), Member(pseudonym="Member B")
    db.session.add_all([first, last])
    db.session.commit()
    erased_id = last.id
    erase_member(last, None)
    newcomer = Member(pseudonym="Member C")
    db.session.add(newcomer)
    db.session.commit()
    assert newcomer.id > erased_id


def test_point9_migration_keeps_members_and_starts_above_erased_ids(app):
    if not _sqlite():
        pytest.skip("PostgreSQL sequences never reuse ids")
    reset_database()
    upgrade(revision="0008")
    with db.engine.begin() as conn:
        for n in (1, 2, 3):
            conn.execute(
                text("INSERT INTO members (id, pseudonym, pseudonym_chosen, lived_experience, "
                     "created_at) VALUES (:id, :p, 0, '[]', '2026-01-01 00:00:00')"),
                {"id": n, "p": f"Member {n}"})
            conn.execute(text("INSERT INTO consent_records (member_id, take_part, may_quote, "
                              "may_quote_with_demographics, audio_recording, withdrawn, "
                              "recorded_at) "
                              "VALUES (:id, 1, 1, 0, 0, 0, '2026-01-01 00:00:00')"), {"id": n})
        # Member 4 was erased before the upgrade; only the audit log still names the id.
        conn.execute(text("INSERT INTO audit_events (at, action, object_type, object_id, detail) "
                          "VALUES ('2026-01-02 00:00:00', 'member_erased', 'Member', 4, '{}')"))
        conn.execute(text("DELETE FROM members WHERE id = 3"))
    upgrade()
    db.session.remove()
    assert db.session.scalar(db.select(db.func.count(ConsentRecord.id))) == 2, \
        "rebuilding the table must not cascade-delete consent records"
    newcomer = Member(pseudonym="Member new")
    db.session.add(newcomer)
    db.session.commit()
    assert newcomer.id == 5
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
