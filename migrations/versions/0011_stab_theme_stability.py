"""themes: in how many of the run's reclustered subsamples each theme was found again

Revision ID: 0011_stab_theme_stability
Revises: 0010_scale_segment_versions
Create Date: 2026-12-05 18:45:00

NULL: not measured (a theme people made by merging, splitting or by hand, or a run too
large to recluster).
"""
from alembic import op
import sqlalchemy as sa


revision = '0011_stab_theme_stability'
down_revision = '0010_scale_segment_versions'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('themes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('found_again', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('resamples', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('themes', schema=None) as batch_op:
        batch_op.drop_column('resamples')
        batch_op.drop_column('found_again')
