"""survey_refusals: each note's reasons as a list, not joined with '; ' in one text

Revision ID: 0023_refusal_reasons_list
Revises: 0022_privacy21_refusal_numbers
Create Date: 2026-12-07 09:30:00

A choice label may hold '; ', so joined reasons could not be told apart again. A 422's note
held 'The response was not stored: ' and its reasons joined with '; ': they are split there
(a label holding '; ' in a note made before this cannot be told apart; it is split too). Other
refusals are one reason each. Going back joins them as before.
"""
import json

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0023_refusal_reasons_list'
down_revision = '0022_privacy21_refusal_numbers'
branch_labels = None
depends_on = None

NOT_STORED = "The response was not stored: "  # as surveys.views.api said it when this was made
REASON_MAX = 1000


def _split(status: int, reason: str) -> list[str]:
    if status == 422 and reason.startswith(NOT_STORED):
        return reason[len(NOT_STORED):].split("; ")
    return [reason]


def _join(status: int, reasons: list[str]) -> str:
    joined = "; ".join(reasons)
    return (NOT_STORED + joined if status == 422 else joined)[:REASON_MAX]


def _rows(column: str):
    return op.get_bind().execute(sa.text(f"SELECT id, status, {column} FROM survey_refusals")).all()


def upgrade():
    with op.batch_alter_table('survey_refusals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reasons', sa.JSON(), nullable=True))
    table = sa.table('survey_refusals', sa.column('id', sa.Integer()),
                     sa.column('reasons', sa.JSON()))
    for number, status, reason in _rows('reason'):
        op.execute(table.update().where(table.c.id == number)
                   .values(reasons=_split(status, reason)))
    with op.batch_alter_table('survey_refusals', schema=None) as batch_op:
        batch_op.alter_column('reasons', existing_type=sa.JSON(), nullable=False)
        batch_op.drop_column('reason')


def downgrade():
    with op.batch_alter_table('survey_refusals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason', sa.String(length=REASON_MAX), nullable=True))
    table = sa.table('survey_refusals', sa.column('id', sa.Integer()),
                     sa.column('reason', sa.String()))
    for number, status, reasons in _rows('reasons'):
        reasons = json.loads(reasons) if isinstance(reasons, str) else reasons
        op.execute(table.update().where(table.c.id == number)
                   .values(reason=_join(status, reasons)))
    with op.batch_alter_table('survey_refusals', schema=None) as batch_op:
        batch_op.alter_column('reason', existing_type=sa.String(length=REASON_MAX),
                              nullable=False)
        batch_op.drop_column('reasons')
