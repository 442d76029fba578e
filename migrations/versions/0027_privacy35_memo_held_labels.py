"""memo_held_labels: where a memo got a label for words only a pending suggestion takes out

Revision ID: 0027_privacy35_memo_held
Revises: 0026_facil35_attendance_by_match
Create Date: 2026-12-07 19:20:00

A memo saved while a redaction suggestion waits for review loses the words the suggestion
takes out; rejecting the suggestion left the label in the memo. Each such label's place and
suggestion (never the words) is kept, so a rejection puts the words back. Memos saved before
this have no such rows: their labels stay.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0027_privacy35_memo_held'
down_revision = '0026_facil35_attendance_by_match'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'memo_held_labels',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('theme_id', sa.Integer(), nullable=True),
        sa.Column('segment_id', sa.Integer(), nullable=True),
        sa.Column('redaction_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('word', sa.Integer(), nullable=False),
        sa.Column('case', sa.String(length=5), nullable=False),
        sa.Column('memo_hash', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['theme_id'], ['themes.id'],
                                name=op.f('fk_memo_held_labels_theme_id_themes'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['segment_id'], ['segment_memos.segment_id'],
                                name=op.f('fk_memo_held_labels_segment_id_segment_memos'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['redaction_id'], ['redactions.id'],
                                name=op.f('fk_memo_held_labels_redaction_id_redactions'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_memo_held_labels')),
    )
    with op.batch_alter_table('memo_held_labels', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memo_held_labels_theme_id'), ['theme_id'])
        batch_op.create_index(batch_op.f('ix_memo_held_labels_segment_id'), ['segment_id'])
        batch_op.create_index(batch_op.f('ix_memo_held_labels_redaction_id'), ['redaction_id'])


def downgrade():
    op.drop_table('memo_held_labels')
