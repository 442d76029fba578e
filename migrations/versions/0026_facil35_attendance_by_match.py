"""session_members: by_matching, attendance added by matching a speaker to the member

Revision ID: 0026_facil35_attendance_by_match
Revises: 0025_review24b_closed_at
Create Date: 2026-12-07 19:10:00

A speaker matched to the wrong member, then corrected, left that member recorded as
attending. Attendance added by a match is now marked, so a correction can take it back;
attendance ticked on the focus group's form never is. Rows stored before this are not
known to come from a match: they stay as recorded (false).
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0026_facil35_attendance_by_match'
down_revision = '0025_review24b_closed_at'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("session_members") as batch_op:
        batch_op.add_column(sa.Column("by_matching", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))


def downgrade():
    with op.batch_alter_table("session_members") as batch_op:
        batch_op.drop_column("by_matching")
