"""Private files: the data folder and what the app writes there are for its own user only.

The data folder holds special-category data (the database, the job queue, uploads, backups)
and the generated keys, so folders are made 0700 and files 0600, whatever the umask.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

PRIVATE_UMASK = 0o077
# Keys live in their own folder of the data folder, which backups leave out: a backup of the
# database then never carries the key that decrypts what is encrypted in it.
KEYS_DIR = "keys"
SECRET_KEY_FILE = "secret_key"


def use_private_umask() -> None:
    """Make every file this process creates from now on 0600 and every folder 0700.

    Covers what is written through libraries (SQLite's journal files, Huey's queue, uploads,
    backups) without each writer having to remember.
    """
    os.umask(PRIVATE_UMASK)


def private_dir(path: Path) -> Path:
    """Create the folder (and parents) if missing and make it 0700."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Create the file empty if missing, and make it 0600 (SQLite's -wal and -shm follow it)."""
    path = Path(path)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
    return path


def write_new_private(path: Path, text: str) -> str:
    """Write ``text`` to ``path`` unless it exists; return what the file holds either way.

    Written to a temporary file and linked into place, so two processes starting at once
    (gunicorn workers) never read a half-written file and agree on one value.
    """
    path = Path(path)
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text + "\n")
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        temporary.unlink()
    return path.read_text(encoding="utf-8").strip()


def secret_key(data_dir: Path) -> str:
    """The key that signs sessions when SECRET_KEY is not set: made once, kept, reused.

    Args:
        data_dir: the data folder; the key lives in ``keys/secret_key`` there (0600).

    Returns:
        A 64-character random hex string, the same on every start.
    """
    return write_new_private(keys_dir(data_dir) / SECRET_KEY_FILE, secrets.token_hex(32))


def keys_dir(data_dir: Path) -> Path:
    """The folder of generated keys inside the data folder (0700, not in backups)."""
    return private_dir(Path(data_dir) / KEYS_DIR)
