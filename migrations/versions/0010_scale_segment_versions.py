"""segment_versions: a number per consultation that triggers change on every segment write

Revision ID: 0010_scale_segment_versions
Revises: 0010_quality_confidence
Create Date: 2026-12-05 15:50:00

Search by meaning keeps a consultation's (id, text hash) rows between searches and reads them
again only when this number has changed (forum.models.segment_versions).
"""
from alembic import op
import sqlalchemy as sa

from forum.models.segment_versions import create_version_triggers, drop_version_triggers

revision = '0010_scale_segment_versions'
down_revision = '0010_quality_confidence'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'segment_versions',
        sa.Column('consultation_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('consultation_id', name=op.f('pk_segment_versions')),
    )
    create_version_triggers(op.get_bind())


def downgrade():
    drop_version_triggers(op.get_bind())
    op.drop_table('segment_versions')
