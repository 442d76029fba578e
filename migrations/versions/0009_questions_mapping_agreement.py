"""questions: where a question link came from, and blind coding samples for agreement

Revision ID: 0009_questions
Revises: 0009_privacy_safeguarding
Create Date: 2026-12-05 06:50:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_questions'
down_revision = '0009_privacy_safeguarding'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('segment_question_maps', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=10), server_default='model',
                                      nullable=False))
    op.create_table('agreement_samples',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('seed', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_agreement_samples_consultation_id_consultations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_agreement_samples_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_samples'))
    )
    with op.batch_alter_table('agreement_samples', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_samples_consultation_id'), ['consultation_id'], unique=False)
    op.create_table('agreement_items',
    sa.Column('sample_id', sa.Integer(), nullable=False),
    sa.Column('segment_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['sample_id'], ['agreement_samples.id'], name=op.f('fk_agreement_items_sample_id_agreement_samples'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['segment_id'], ['segments.id'], name=op.f('fk_agreement_items_segment_id_segments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('sample_id', 'segment_id', name=op.f('pk_agreement_items'))
    )
    op.create_table('agreement_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sample_id', sa.Integer(), nullable=False),
    sa.Column('segment_id', sa.Integer(), nullable=False),
    sa.Column('coder_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=True),
    sa.Column('theme_ids', sa.JSON(), nullable=False),
    sa.Column('coded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['sample_id'], ['agreement_samples.id'], name=op.f('fk_agreement_codes_sample_id_agreement_samples'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['segment_id'], ['segments.id'], name=op.f('fk_agreement_codes_segment_id_segments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coder_id'], ['users.id'], name=op.f('fk_agreement_codes_coder_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_agreement_codes_question_id_questions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_codes')),
    sa.UniqueConstraint('sample_id', 'segment_id', 'coder_id', name=op.f('uq_agreement_codes_sample_id'))
    )
    with op.batch_alter_table('agreement_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_codes_sample_id'), ['sample_id'], unique=False)


def downgrade():
    with op.batch_alter_table('agreement_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_codes_sample_id'))
    op.drop_table('agreement_codes')
    op.drop_table('agreement_items')
    with op.batch_alter_table('agreement_samples', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_samples_consultation_id'))
    op.drop_table('agreement_samples')
    with op.batch_alter_table('segment_question_maps', schema=None) as batch_op:
        batch_op.drop_column('source')
