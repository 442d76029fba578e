"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

# revision identifiers, used by Alembic.
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}

# Changing "segments" in batch mode? Write `with batch_alter_segments(op) as batch_op:`
# (forum.models.segment_search): on SQLite a plain batch_alter_table("segments") recreates
# the table and drops keyword search's triggers. tests/forum/test_search_migrations.py checks.


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
