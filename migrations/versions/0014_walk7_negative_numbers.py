"""survey_questions.negative_allowed: a number question refuses below 0 unless this is set

Revision ID: 0014_walk7_negative_numbers
Revises: 0013_easyread_section_headings
Create Date: 2026-12-06 12:10:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014_walk7_negative_numbers'
down_revision = '0013_easyread_section_headings'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('negative_allowed', sa.Boolean(), server_default=sa.false(), nullable=False))
    # Number questions made before this accepted negatives: a survey in use keeps doing so,
    # or a response waiting on a tablet with -5 in it would be refused at every send (and a
    # resend of one already stored too). New questions refuse them unless a builder ticks it.
    op.execute(sa.text("UPDATE survey_questions SET negative_allowed = :yes WHERE kind = 'number'")
               .bindparams(yes=True))


def downgrade():
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.drop_column('negative_allowed')
