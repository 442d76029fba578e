"""consultations: closed_at, when the status last left open or drafting

Revision ID: 0025_review24b_closed_at
Revises: 0024_officer23_prefix_words
Create Date: 2026-12-07 17:00:00

A closed or submitted consultation's analysis model is kept for the retention period after
the later of its run's finish and the closing; the period counted from the run alone, so a
consultation closed today with an old run lost its model at the next purge. When the
consultations already closed were closed is not known: they get the migration's time, so no
model goes sooner than the period allows.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0025_review24b_closed_at'
down_revision = '0024_officer23_prefix_words'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("consultations") as batch_op:
        batch_op.add_column(sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(sa.text("UPDATE consultations SET closed_at = CURRENT_TIMESTAMP "
                       "WHERE status IN ('submitted', 'closed')"))


def downgrade():
    with op.batch_alter_table("consultations") as batch_op:
        batch_op.drop_column("closed_at")
