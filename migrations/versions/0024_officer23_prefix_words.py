"""segments: an unstemmed full-text index, so a prefix finds every word starting so

Revision ID: 0024_officer23_prefix_words
Revises: 0023_refusal_reasons_list
Create Date: 2026-12-07 13:00:00

The stemmed index holds "eviction" as "evict", so "evicti*" found nothing. Prefixes are also
looked up in this one: SQLite an FTS5 table without the porter stemmer (kept current by
triggers), PostgreSQL a GIN index on to_tsvector('simple', text). Builds it for the segments
already stored.
"""
from alembic import op

from forum.models.segment_search import create_word_index, drop_word_index

# revision identifiers, used by Alembic.
revision = '0024_officer23_prefix_words'
down_revision = '0023_refusal_reasons_list'
branch_labels = None
depends_on = None


def upgrade():
    create_word_index(op.get_bind())


def downgrade():
    drop_word_index(op.get_bind())
