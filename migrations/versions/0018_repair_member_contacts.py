"""member_contacts.contact: clear the words the edit form stored over contact details

Before walk16's fix, the member form was filled from the member's contact record itself, so
"Edit details" showed "<MemberContact 1>" in the contact box and saving the page stored those
words over the member's phone number or address. The details they replaced are gone; the
words are nobody's details, so the box is emptied for staff to fill in again.

Revision ID: 0018_repair_member_contacts
Revises: 0017_fixes14_practice_samples
Create Date: 2026-12-07 03:20:00
"""
import re

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0018_repair_member_contacts'
down_revision = '0017_fixes14_practice_samples'
branch_labels = None
depends_on = None

OVERWRITTEN = re.compile(r"<MemberContact \d+>")


def upgrade():
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT id, contact FROM member_contacts WHERE contact LIKE '<MemberContact %>'")).all()
    for row_id, contact in rows:
        if OVERWRITTEN.fullmatch(contact.strip()):
            conn.execute(sa.text("UPDATE member_contacts SET contact = NULL WHERE id = :i"),
                         {"i": row_id})


def downgrade():
    pass  # the words cleared were never anyone's details: nothing to put back
