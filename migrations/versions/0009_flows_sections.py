"""consultation_sections: chapter and part headings that group a consultation's questions

Revision ID: 0009_flows_sections
Revises: 0009_drafting_theme_history
Create Date: 2026-12-05 06:40:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_flows_sections'
down_revision = '0009_drafting_theme_history'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'consultation_sections',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('consultation_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('heading', sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_consultation_sections_consultation_id_consultations'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_consultation_sections')))
    with op.batch_alter_table('consultation_sections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultation_sections_consultation_id'), ['consultation_id'], unique=False)
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('section_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_questions_section_id'), ['section_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_questions_section_id_consultation_sections'), 'consultation_sections', ['section_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_questions_section_id_consultation_sections'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_questions_section_id'))
        batch_op.drop_column('section_id')
    with op.batch_alter_table('consultation_sections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultation_sections_consultation_id'))
    op.drop_table('consultation_sections')
