"""themes: the broader theme (parent group) from BERTopic's topic hierarchy

Revision ID: 0009_engine2_broader_themes
Revises: 0009_engine_also_themes
Create Date: 2026-12-05 08:15:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_engine2_broader_themes'
down_revision = '0009_engine_also_themes'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('themes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('broader', sa.String(length=120), nullable=True))


def downgrade():
    with op.batch_alter_table('themes', schema=None) as batch_op:
        batch_op.drop_column('broader')
