"""survey_questions.decimals_allowed: a number question takes whole numbers unless this is set

Revision ID: 0015_fixes13_whole_numbers
Revises: 0014_walk7_negative_numbers
Create Date: 2026-12-06 23:20:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015_fixes13_whole_numbers'
down_revision = '0014_walk7_negative_numbers'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decimals_allowed', sa.Boolean(), server_default=sa.false(), nullable=False))
    # Number questions of a published version took 1.5 before this: they keep doing so, or a
    # response waiting on a tablet with 1.5 in it (or a resend of one stored) would be refused
    # at every send. Drafts, and every question made from now on, take whole numbers unless a
    # builder ticks "Decimals are allowed".
    op.execute(sa.text(
        "UPDATE survey_questions SET decimals_allowed = :yes WHERE kind = 'number' AND version_id IN"
        " (SELECT id FROM survey_versions WHERE published_at IS NOT NULL)").bindparams(yes=True))


def downgrade():
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.drop_column('decimals_allowed')
