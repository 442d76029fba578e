"""segments: ids are never reused on SQLite (AUTOINCREMENT)

Revision ID: 0021_segment_ids_autoincrement
Revises: 0020_walk17_agreement_app_coding
Create Date: 2026-12-07 06:45:00

Without AUTOINCREMENT, SQLite gives a new segment the id of the newest one deleted (words
redacted after approval delete their segments at once). Saved draft versions, analysis runs'
results, theme-history snapshots and audit entries name segments by id, so an old reference
could name new words. The table is rebuilt with AUTOINCREMENT (through
``batch_alter_segments``, which keeps keyword search and the version triggers), its counter
starting above every id still used or named in the audit log. PostgreSQL sequences never reuse
ids: nothing to do.
"""
from alembic import op
import sqlalchemy as sa

from forum.models.segment_search import batch_alter_segments


# revision identifiers, used by Alembic.
revision = '0021_segment_ids_autoincrement'
down_revision = '0020_walk17_agreement_app_coding'
branch_labels = None
depends_on = None


def _rebuild_segments(autoincrement: bool) -> None:
    """Rebuild the table with foreign keys off, so dropping the old copy cascades to nothing."""
    bind = op.get_bind()
    raw = bind.connection.dbapi_connection
    # PRAGMA foreign_keys is ignored inside a transaction: finish the one earlier steps opened.
    if raw.in_transaction:
        raw.commit()
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with batch_alter_segments(op, recreate='always',
                                  table_kwargs={'sqlite_autoincrement': autoincrement}):
            pass
        broken = bind.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"Rebuilding segments broke {len(broken)} references; nothing was changed")
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
        "SELECT MAX(id) FROM (SELECT MAX(id) AS id FROM segments UNION ALL "
        "SELECT MAX(object_id) FROM audit_events WHERE object_type = 'Segment')")).scalar() or 0
    _rebuild_segments(autoincrement=True)
    bind.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = 'segments'")
    bind.exec_driver_sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('segments', ?)",
                         (int(highest),))


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        _rebuild_segments(autoincrement=False)
