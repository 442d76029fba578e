"""jobs: the worker process running each job, so a killed worker's job fails at once

Revision ID: 0009_security_job_worker
Revises: 0009_security_totp
Create Date: 2026-12-05 07:00:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_security_job_worker'
down_revision = '0009_security_totp'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('jobs', sa.Column('worker', sa.String(length=100), nullable=True))


def downgrade():
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE jobs DROP COLUMN worker')  # in place: no rebuild needed
    else:
        op.drop_column('jobs', 'worker')
