"""survey_refusals: notes kept before no longer repeat a refused number

A refusal's reason said "(question 6) is 1.5. Type a whole number, like 3." The server now
says the kind of problem, never the answer given (surveys/services/payload.py); notes
already kept get the same words. The words are written out here, as they were when this
migration was made, so later wording changes cannot change what it does.

Revision ID: 0022_privacy21_refusal_numbers
Revises: 0021_segment_ids_autoincrement
Create Date: 2026-12-07 09:20:00
"""
import re

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022_privacy21_refusal_numbers'
down_revision = '0021_segment_ids_autoincrement'
branch_labels = None
depends_on = None

NUMBER = re.compile(r"(\(question \d+\)) is \S+?\. (Type a number of 0 or more|"
                    r"Type a whole number, like 3)")
KIND = {"Type a number of 0 or more": "is below 0",
        "Type a whole number, like 3": "is not a whole number"}


def _plain(match):
    return f"{match.group(1)} {KIND[match.group(2)]}. {match.group(2)}"


def upgrade():
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, reason FROM survey_refusals WHERE reason LIKE '%(question %) is %'")).all()
    for row_id, reason in rows:
        plain = NUMBER.sub(_plain, reason)
        if plain != reason:
            conn.execute(sa.text("UPDATE survey_refusals SET reason = :r WHERE id = :i"),
                         {"r": plain, "i": row_id})


def downgrade():
    pass  # the numbers are not kept anywhere to put back
