"""users: two-factor secrets encrypted at rest (Fernet, key outside the database)

Revision ID: 0009_security_totp
Revises: 0009_security_member_ids
Create Date: 2026-12-05 06:50:00

Existing secrets are encrypted with the install's newest key (FORUM_ENCRYPTION_KEYS, or
keys/encryption.keys in the data folder) into a new column, and the plain-text column is
dropped. The downgrade decrypts them back.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_security_totp'
down_revision = '0009_security_member_ids'
branch_labels = None
depends_on = None


def _drop_column(column: str) -> None:
    # SQLite drops a plain column in place (3.35+); a batch rebuild of users would cascade
    # through every table that references it.
    if op.get_bind().dialect.name == 'sqlite':
        op.execute(f'ALTER TABLE users DROP COLUMN {column}')
    else:
        op.drop_column('users', column)


def _copy(source: str, target: str, convert) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT id, {source} FROM users WHERE {source} IS NOT NULL")).all()
    for user_id, value in rows:
        bind.execute(sa.text(f"UPDATE users SET {target} = :value WHERE id = :id"),
                     {"value": convert(value), "id": user_id})


def upgrade():
    from forum.encryption import encrypt  # the running app's keys

    op.add_column('users', sa.Column('totp_secret_encrypted', sa.Text(), nullable=True))
    _copy('totp_secret', 'totp_secret_encrypted', encrypt)
    _drop_column('totp_secret')


def downgrade():
    from forum.encryption import decrypt

    op.add_column('users', sa.Column('totp_secret', sa.String(length=64), nullable=True))
    _copy('totp_secret_encrypted', 'totp_secret', decrypt)
    _drop_column('totp_secret_encrypted')
