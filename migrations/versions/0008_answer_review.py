"""segments: survey answers wait for a person to check their redaction

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 15:40:38.739311

Survey and CSV answers already turned into segments were redacted by machine only: they
now wait for a person to check them, like new ones.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('needs_review', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_segments_reviewed_by_id_users'), 'users', ['reviewed_by_id'], ['id'], ondelete='SET NULL')
    op.execute(sa.text("UPDATE segments SET needs_review = :yes "
                       "WHERE source_type IN ('survey', 'csv_import')").bindparams(yes=True))


def downgrade():
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_segments_reviewed_by_id_users'), type_='foreignkey')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('reviewed_by_id')
        batch_op.drop_column('needs_review')

