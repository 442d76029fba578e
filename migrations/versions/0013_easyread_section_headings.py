"""draft_sections: the question in plain words for the Easy Read summary

Revision ID: 0013_easyread_section_headings
Revises: 0012_pgsync_segment_versions
Create Date: 2026-12-06 09:00:00

The consultation's own wording ("How can mental health, drug and alcohol services work
better with...") is not Easy Read; the officer may write a short heading for each question.
Existing sections get "" (print "Question 5" with the formal wording below, smaller).
"""
import sqlalchemy as sa
from alembic import op

revision = '0013_easyread_section_headings'
down_revision = '0012_pgsync_segment_versions'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('draft_sections', schema=None) as batch_op:
        batch_op.add_column(sa.Column('easy_read_heading', sa.String(length=100),
                                      server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('draft_sections', schema=None) as batch_op:
        batch_op.drop_column('easy_read_heading')
