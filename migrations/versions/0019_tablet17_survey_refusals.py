"""survey_refusals: a note of each response the server refused from a tablet (no answers)

Revision ID: 0019_tablet17_survey_refusals
Revises: 0018_repair_member_contacts
Create Date: 2026-12-07 05:50:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019_tablet17_survey_refusals'
down_revision = '0018_repair_member_contacts'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'survey_refusals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('device_id', sa.Integer(), nullable=True),
        sa.Column('uuid', sa.String(length=36), nullable=True),
        sa.Column('version_id', sa.Integer(), nullable=True),
        sa.Column('status', sa.Integer(), nullable=False),
        sa.Column('reason', sa.String(length=1000), nullable=False),
        sa.Column('first_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['device_id'], ['survey_devices.id'],
                                name=op.f('fk_survey_refusals_device_id_survey_devices'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_refusals')),
    )
    with op.batch_alter_table('survey_refusals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_refusals_device_id'), ['device_id'])
        batch_op.create_index(batch_op.f('ix_survey_refusals_uuid'), ['uuid'])
        batch_op.create_index(batch_op.f('ix_survey_refusals_last_at'), ['last_at'])


def downgrade():
    op.drop_table('survey_refusals')
