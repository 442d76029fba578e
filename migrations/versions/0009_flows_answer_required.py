"""survey_questions.answer_required: builders can mark a question as needing an answer

Revision ID: 0009_flows_answer_required
Revises: 0009_flows_sections
Create Date: 2026-12-05 06:50:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_flows_answer_required'
down_revision = '0009_flows_sections'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answer_required', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.drop_column('answer_required')
