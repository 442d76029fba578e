"""themes: a segment close to more than one theme carries up to three

Revision ID: 0009_engine_also_themes
Revises: 0009_search_fulltext
Create Date: 2026-12-05 07:35:00

A segment keeps its own theme in theme_segments; theme_segment_also lists the (at most
two) other themes it is nearly as close to, so counts and charts include it there too.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_engine_also_themes'
down_revision = '0009_search_fulltext'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'theme_segment_also',
        sa.Column('theme_id', sa.Integer(), nullable=False),
        sa.Column('segment_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['theme_id'], ['themes.id'],
                                name=op.f('fk_theme_segment_also_theme_id_themes'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['segment_id'], ['segments.id'],
                                name=op.f('fk_theme_segment_also_segment_id_segments'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('theme_id', 'segment_id', name=op.f('pk_theme_segment_also')),
    )
    with op.batch_alter_table('theme_segment_also', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_segment_also_segment_id'), ['segment_id'], unique=False)


def downgrade():
    with op.batch_alter_table('theme_segment_also', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_segment_also_segment_id'))
    op.drop_table('theme_segment_also')
