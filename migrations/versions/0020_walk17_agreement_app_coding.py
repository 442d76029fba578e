"""agreement_codes.app_theme_ids, app_question_id: the app's coding each blind code met

Taking the coder's choice for a disagreement changes the segment's theme or question; the
agreement the response states must stay what was measured against the software, so each
code keeps the app's coding from when it was saved. Codes saved before have none (the
current coding stands in, as before).

Revision ID: 0020_walk17_agreement_app_coding
Revises: 0019_tablet17_survey_refusals
Create Date: 2026-12-07 06:00:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020_walk17_agreement_app_coding'
down_revision = '0019_tablet17_survey_refusals'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('agreement_codes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('app_theme_ids', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('app_question_id', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('agreement_codes', schema=None) as batch_op:
        batch_op.drop_column('app_question_id')
        batch_op.drop_column('app_theme_ids')
