"""segments.no_question: a person's word that a segment answers none of the questions

Revision ID: 0016_fixes14_no_question
Revises: 0015_fixes13_whole_numbers
Create Date: 2026-12-07 02:40:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_fixes14_no_question'
down_revision = '0015_fixes13_whole_numbers'
branch_labels = None
depends_on = None


def upgrade():
    # question_id NULL meant "nobody has said" and stays so; this column says "a person said
    # it answers none" (small talk, a general comment), so the choice is kept and learned from.
    # A plain ADD COLUMN, not a batch: on SQLite a batch may copy the table anew, which
    # would drop its segment-version triggers (forum.models.segment_versions).
    op.add_column('segments', sa.Column('no_question', sa.Boolean(), server_default=sa.false(),
                                        nullable=False))


def downgrade():
    # On SQLite the batch copies the table: the helper puts the keyword-search and
    # segment-version triggers back.
    from forum.models.segment_search import batch_alter_segments

    with batch_alter_segments(op) as batch_op:
        batch_op.drop_column('no_question')
