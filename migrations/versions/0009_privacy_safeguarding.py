"""safeguarding reviews with an outcome and note; flagged words quoted only by choice

Revision ID: 0009_privacy_safeguarding
Revises: 0009_security_job_worker
Create Date: 2026-12-05 06:50:00

A review of a safeguarding flag now records who, when, what was done and a note.
Segments remember that they were flagged: they are analysed once reviewed, but quoted
only after a separate choice. Turns already marked as reviewed keep their review time,
and their words are not quotable until someone makes that choice.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_privacy_safeguarding'
down_revision = '0009_security_job_worker'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'safeguarding_reviews',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('turn_id', sa.Integer(), nullable=True),
        sa.Column('segment_id', sa.Integer(), nullable=True),
        sa.Column('outcome', sa.String(length=30), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
        sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['turn_id'], ['transcript_turns.id'],
                                name=op.f('fk_safeguarding_reviews_turn_id_transcript_turns'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['segment_id'], ['segments.id'],
                                name=op.f('fk_safeguarding_reviews_segment_id_segments'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'],
                                name=op.f('fk_safeguarding_reviews_reviewed_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_safeguarding_reviews')),
    )
    with op.batch_alter_table('safeguarding_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_reviews_turn_id'), ['turn_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_reviews_segment_id'), ['segment_id'], unique=False)
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('risk_flagged', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('quote_cleared', sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table('transcript_turns', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quote_cleared_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('quote_cleared_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_transcript_turns_quote_cleared_by_id_users'), 'users',
                                    ['quote_cleared_by_id'], ['id'], ondelete='SET NULL')
    op.execute(sa.text(
        "UPDATE segments SET risk_flagged = :yes WHERE turn_id IN "
        "(SELECT id FROM transcript_turns WHERE risk_flagged = :yes)").bindparams(yes=True))


def downgrade():
    with op.batch_alter_table('transcript_turns', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_transcript_turns_quote_cleared_by_id_users'), type_='foreignkey')
        batch_op.drop_column('quote_cleared_by_id')
        batch_op.drop_column('quote_cleared_at')
    with op.batch_alter_table('segments', schema=None) as batch_op:
        batch_op.drop_column('quote_cleared')
        batch_op.drop_column('risk_flagged')
    op.drop_table('safeguarding_reviews')
