"""segments: full-text keyword search (SQLite FTS5 with porter, PostgreSQL english tsvector)

Revision ID: 0009_search_fulltext
Revises: 0009_flows_turns_from_one
Create Date: 2026-12-05 06:50:00

Builds the index for the segments already stored; from then on SQLite's triggers and
PostgreSQL's GIN index keep it current on every write.
"""
from alembic import op

from forum.models.segment_search import create_search_index, drop_search_index

# revision identifiers, used by Alembic.
revision = '0009_search_fulltext'
down_revision = '0009_flows_turns_from_one'
branch_labels = None
depends_on = None


def upgrade():
    create_search_index(op.get_bind())


def downgrade():
    drop_search_index(op.get_bind())
