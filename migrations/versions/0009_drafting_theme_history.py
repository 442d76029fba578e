"""themes: history of people's theme edits (for undo) and staff memos on themes and segments

Revision ID: 0009_drafting_theme_history
Revises: 0009_questions
Create Date: 2026-12-05 06:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_drafting_theme_history'
down_revision = '0009_questions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('theme_edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.String(length=400), nullable=False),
    sa.Column('before', sa.JSON(), nullable=False),
    sa.Column('after', sa.JSON(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('undone_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_theme_edits_consultation_id_consultations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['undone_by_id'], ['users.id'], name=op.f('fk_theme_edits_undone_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_theme_edits_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme_edits'))
    )
    with op.batch_alter_table('theme_edits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_edits_consultation_id'), ['consultation_id'], unique=False)

    op.create_table('segment_memos',
    sa.Column('segment_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['segment_id'], ['segments.id'], name=op.f('fk_segment_memos_segment_id_segments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_segment_memos_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('segment_id', name=op.f('pk_segment_memos'))
    )
    with op.batch_alter_table('themes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('memo', sa.Text(), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('themes', schema=None) as batch_op:
        batch_op.drop_column('memo')
    op.drop_table('segment_memos')
    with op.batch_alter_table('theme_edits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_edits_consultation_id'))
    op.drop_table('theme_edits')
