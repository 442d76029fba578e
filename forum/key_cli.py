"""``flask keys rotate``: a new encryption key for secrets stored in the database."""
from __future__ import annotations

import click
from cryptography.fernet import Fernet
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import select, update

from forum.encryption import EXTENSION, key_file, load_keys, make_fernet
from forum.extensions import db
from forum.models import User

keys_cli = AppGroup("keys", help="Encryption keys for secrets stored in the database.")


@keys_cli.command("rotate")
def rotate_command() -> None:
    """Add a new newest key (key file only) and re-encrypt every stored secret with it."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if not app.config.get("ENCRYPTION_KEYS"):
        path = key_file(app.config["DATA_DIR"])
        old = path.read_text(encoding="utf-8").strip()
        path.write_text(Fernet.generate_key().decode("ascii") + "\n" + old + "\n", encoding="utf-8")
        click.echo(f"Added a new key at the top of {path}")
    else:
        click.echo("Keys come from FORUM_ENCRYPTION_KEYS: re-encrypting with its first key")
    keys = load_keys(app.config.get("ENCRYPTION_KEYS"), app.config["DATA_DIR"])
    app.extensions[EXTENSION] = make_fernet(keys)
    # The column type decrypts on read (any key) and encrypts on write (the newest key).
    rows = db.session.execute(select(User.id, User.totp_secret)
                              .where(User.totp_secret.is_not(None))).all()
    for row in rows:
        db.session.execute(
            update(User).where(User.id == row.id).values(totp_secret=row.totp_secret))
    db.session.commit()
    click.echo(f"Re-encrypted {len(rows)} two-factor secret(s) with the newest key. "
               "Older keys can be removed once every copy of the database (and backup) you "
               "may restore has been re-encrypted.")


def init_app(app: Flask) -> None:
    app.cli.add_command(keys_cli)
