"""agreement_samples.practice: a practice sample is never reported in the methods paragraph

Revision ID: 0017_fixes14_practice_samples
Revises: 0016_fixes14_no_question
Create Date: 2026-12-07 02:50:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017_fixes14_practice_samples'
down_revision = '0016_fixes14_no_question'
branch_labels = None
depends_on = None


def upgrade():
    # Samples already drawn keep counting, as they did: an officer marks practice ones.
    with op.batch_alter_table('agreement_samples', schema=None) as batch_op:
        batch_op.add_column(sa.Column('practice', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('agreement_samples', schema=None) as batch_op:
        batch_op.drop_column('practice')
