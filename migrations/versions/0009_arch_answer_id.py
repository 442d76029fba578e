"""segments: the survey answer a segment came from gets its own column

Revision ID: 0009_arch_answer_id
Revises: 0008
Create Date: 2026-12-05 07:05:00

Survey and CSV answer segments packed the answer id into ``position`` as
answer id * 100 + part; they now keep it in ``answer_id`` and the part in ``position``.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_arch_answer_id'
down_revision = '0008'
branch_labels = None
depends_on = None

ANSWERS = "source_type IN ('survey', 'csv_import')"


def upgrade():
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answer_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_segments_answer_id'), ['answer_id'], unique=False)
    op.execute(sa.text(f"UPDATE segments SET answer_id = position / 100, position = position % 100 "
                       f"WHERE {ANSWERS}"))


def downgrade():
    op.execute(sa.text(f"UPDATE segments SET position = answer_id * 100 + position "
                       f"WHERE {ANSWERS} AND answer_id IS NOT NULL"))
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_segments_answer_id'))
        batch_op.drop_column('answer_id')
