"""Encryption at rest for secrets the app must read back (two-factor TOTP secrets).

Fernet (AES-128-CBC with HMAC-SHA256, from ``cryptography``) under keys kept apart from the
database: ``FORUM_ENCRYPTION_KEYS`` (comma-separated, newest first), or else the file
``keys/encryption.keys`` in the data folder (one key a line, newest first, 0600, made on
first start and left out of backups). A MultiFernet encrypts with the newest key and
decrypts with any, so keys can be rotated: see SECURITY.md and ``flask keys rotate``
(forum/key_cli.py).
"""
from __future__ import annotations

from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import Flask, current_app
from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator

from forum.files import keys_dir, write_new_private

KEYS_FILE = "encryption.keys"
# Read back in place of a value no key opens: never valid base32, so no code can match it,
# and a page listing users still works (an error there would lock the admin out too).
UNREADABLE = "!unreadable"
EXTENSION = "forum.encryption"


class EncryptionKeyError(RuntimeError):
    """The keys cannot decrypt what is stored, in plain English."""


def key_file(data_dir: Path) -> Path:
    return keys_dir(data_dir) / KEYS_FILE


def load_keys(configured: str | None, data_dir: Path) -> list[str]:
    """The keys, newest first: from the setting if given, else from (or made in) the key file."""
    if configured and configured.strip():
        return [key.strip() for key in configured.split(",") if key.strip()]
    text = write_new_private(key_file(data_dir), Fernet.generate_key().decode("ascii"))
    return [line.strip() for line in text.splitlines() if line.strip()]


def make_fernet(keys: list[str]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode("ascii")) for key in keys])
    except (ValueError, TypeError):
        raise EncryptionKeyError(
            "An encryption key is not a valid Fernet key (44 characters of URL-safe base64). "
            "Make one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'") from None


def encrypt(text: str) -> str:
    """Encrypt with the current app's newest key."""
    return current_app.extensions[EXTENSION].encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    """Decrypt with any of the current app's keys.

    Raises:
        EncryptionKeyError: no key opens it (a key was removed or the wrong keys are set).
    """
    try:
        return current_app.extensions[EXTENSION].decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError):
        raise EncryptionKeyError(
            "A stored secret cannot be decrypted with the encryption keys this install has "
            "(FORUM_ENCRYPTION_KEYS or keys/encryption.keys in the data folder). Put back the "
            "key it was encrypted with; see SECURITY.md on rotating keys.") from None


class EncryptedText(TypeDecorator):
    """Text stored encrypted, read back as plain text; None stays None."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else encrypt(value)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        try:
            return decrypt(value)
        except EncryptionKeyError as error:
            current_app.logger.error("%s", error)
            return UNREADABLE


def init_app(app: Flask) -> None:
    keys = load_keys(app.config.get("ENCRYPTION_KEYS"), app.config["DATA_DIR"])
    app.extensions[EXTENSION] = make_fernet(keys)
