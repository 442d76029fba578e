"""members: ids are never reused on SQLite (AUTOINCREMENT)

Revision ID: 0009_security_member_ids
Revises: 0009_security_sessions
Create Date: 2026-12-05 06:45:00

Without AUTOINCREMENT, SQLite gives a new member the id of the last one erased, so old audit
entries and tablet responses naming that id read as the new person. The table is rebuilt with
AUTOINCREMENT and its counter starts above every id already used, including ids of erased
members that the audit log still names. PostgreSQL sequences never reuse ids: nothing to do.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_security_member_ids'
down_revision = '0009_security_sessions'
branch_labels = None
depends_on = None


def _rebuild_members(autoincrement: bool) -> None:
    """Rebuild the table with foreign keys off, so dropping the old copy cascades to nothing."""
    bind = op.get_bind()
    raw = bind.connection.dbapi_connection
    # PRAGMA foreign_keys is ignored inside a transaction: finish the one earlier steps opened.
    if raw.in_transaction:
        raw.commit()
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with op.batch_alter_table('members', recreate='always',
                                  table_kwargs={'sqlite_autoincrement': autoincrement}):
            pass
        broken = bind.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"Rebuilding members broke {len(broken)} references; nothing was changed")
        if raw.in_transaction:
            raw.commit()
    except Exception:
        if raw.in_transaction:
            raw.rollback()
        raise
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    highest = bind.execute(sa.text(
        "SELECT MAX(id) FROM (SELECT MAX(id) AS id FROM members UNION ALL "
        "SELECT MAX(object_id) FROM audit_events WHERE object_type = 'Member')")).scalar() or 0
    _rebuild_members(autoincrement=True)
    bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'members'")
    bind.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('members', ?)", (int(highest),))


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        _rebuild_members(autoincrement=False)
