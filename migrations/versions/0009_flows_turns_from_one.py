"""transcript_turns: number turns from 1, as people count

Revision ID: 0009_flows_turns_from_one
Revises: 0009_flows_answer_required
Create Date: 2026-12-05 07:15:00

Transcripts stored before this counted their turns from 0. Facilitators tag and redact by
turn number, so those transcripts move up by one to match the ones imported from now on.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_flows_turns_from_one'
down_revision = '0009_flows_answer_required'
branch_labels = None
depends_on = None

FROM_ZERO = ('transcript_id IN (SELECT transcript_id FROM transcript_turns '
             'GROUP BY transcript_id HAVING MIN("index") = {first})')


def upgrade():
    op.execute(sa.text('UPDATE transcript_turns SET "index" = "index" + 1 WHERE '
                       + FROM_ZERO.format(first=0)))


def downgrade():
    op.execute(sa.text('UPDATE transcript_turns SET "index" = "index" - 1 WHERE '
                       + FROM_ZERO.format(first=1)))
