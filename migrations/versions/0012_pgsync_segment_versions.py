"""segment_versions: bumped only when what search keeps changes; deleted with the consultation

Revision ID: 0012_pgsync_segment_versions
Revises: 0011_stab_theme_stability
Create Date: 2026-12-05 18:40:00

PostgreSQL's update trigger bumped the number on any update of a segment (holding it,
clearing a quote), so search by meaning read its rows again for nothing; SQLite's fired when
``text`` was set, even to the same words. Both now compare what search keeps (id,
consultation, text hash). A deleted consultation's number is deleted too (it stayed behind).
"""
from alembic import op
from sqlalchemy import text

from forum.models.segment_versions import create_version_triggers

revision = '0012_pgsync_segment_versions'
down_revision = '0011_stab_theme_stability'
branch_labels = None
depends_on = None

# The 0010 definitions, for the downgrade.
_OLD_BUMP = ("INSERT INTO segment_versions (consultation_id, version) VALUES ({id}, 1) "
             "ON CONFLICT (consultation_id) DO UPDATE SET version = segment_versions.version + 1")
_OLD_SQLITE = [
    "DROP TRIGGER IF EXISTS consultations_segment_version_delete",
    "DROP TRIGGER IF EXISTS segments_version_update",
    "CREATE TRIGGER segments_version_update AFTER UPDATE OF text, text_hash, "
    "consultation_id ON segments BEGIN " + _OLD_BUMP.format(id="old.consultation_id") + "; "
    + _OLD_BUMP.format(id="new.consultation_id") + "; END",
]
_OLD_PG_BUMP = ("INSERT INTO segment_versions (consultation_id, version) "
                "SELECT DISTINCT consultation_id, 1 FROM {rows} ON CONFLICT (consultation_id) "
                "DO UPDATE SET version = segment_versions.version + 1")
_OLD_PG = [
    "DROP TRIGGER IF EXISTS consultations_segment_version_delete ON consultations",
    "DROP FUNCTION IF EXISTS segment_versions_forget()",
    "CREATE OR REPLACE FUNCTION segments_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP IN ('INSERT', 'UPDATE') THEN " + _OLD_PG_BUMP.format(rows="new_rows") + "; END IF; "
    "IF TG_OP IN ('DELETE', 'UPDATE') THEN " + _OLD_PG_BUMP.format(rows="old_rows") + "; END IF; "
    "RETURN NULL; END $$",
]


def upgrade():
    create_version_triggers(op.get_bind())  # replaces the update trigger, adds the delete one
    op.execute(text("DELETE FROM segment_versions WHERE consultation_id NOT IN "
                    "(SELECT id FROM consultations)"))


def downgrade():
    for statement in _OLD_SQLITE if op.get_bind().dialect.name == "sqlite" else _OLD_PG:
        op.execute(text(statement))
