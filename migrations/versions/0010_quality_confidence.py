"""theme_segments: how sure the classifier taught by people's examples was of a placement

Revision ID: 0010_quality_confidence
Revises: 0009_engine2_broader_themes
Create Date: 2026-12-05 12:50:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010_quality_confidence'
down_revision = '0009_engine2_broader_themes'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('theme_segments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confidence', sa.Float(), nullable=True))


def downgrade():
    with op.batch_alter_table('theme_segments', schema=None) as batch_op:
        batch_op.drop_column('confidence')
