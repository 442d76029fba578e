"""Backups of an SQLite install: the database (online backup API) plus the data folder."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from forum.files import KEYS_DIR, private_dir, private_file
from forum.models.base import utcnow

DB_NAME = "database.sqlite"
SKIP = {"queue.db", "queue.db-wal", "queue.db-shm"}
# Generated keys (session signing, two-factor encryption) stay out: see forum.files.KEYS_DIR.
SKIP_DIRS = {KEYS_DIR}


class BackupError(RuntimeError):
    """A backup or restore that cannot be done, in plain English."""


def sqlite_path(database_uri: str) -> Path:
    if not database_uri.startswith("sqlite:///"):
        raise BackupError("This database is not SQLite. Back up PostgreSQL with pg_dump "
                          "(see the README) and copy the data folder.")
    return Path(database_uri[len("sqlite:///"):])


def create_backup(database_uri: str, data_dir: Path, out: Path) -> Path:
    """Write a ZIP holding a consistent copy of the database and every file in the data folder.

    Args:
        database_uri: the SQLAlchemy URI (must be SQLite).
        data_dir: the data folder (uploads and the like).
        out: the ZIP to write.

    Returns:
        The path written.
    """
    db_file = sqlite_path(database_uri)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / DB_NAME
        source, target = sqlite3.connect(db_file), sqlite3.connect(copy)
        with target:
            source.backup(target)  # consistent even while the app is writing
        source.close()
        target.close()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(copy, DB_NAME)
            for path in sorted(data_dir.rglob("*")):
                relative = path.relative_to(data_dir)
                if (path.is_file() and path.resolve() != db_file.resolve()
                        and not _is_db_side_file(path, db_file)
                        and relative.name not in SKIP and relative.parts[0] not in SKIP_DIRS):
                    archive.write(path, f"files/{relative.as_posix()}")
            archive.writestr("backup.json", json.dumps({"created": utcnow().isoformat()}))
    os.chmod(out, 0o600)  # the whole database: readable by the app's user only
    return out


def _is_db_side_file(path: Path, db_file: Path) -> bool:
    return path.name in {db_file.name + "-wal", db_file.name + "-shm", db_file.name + "-journal"}


def restore_backup(archive_path: Path, database_uri: str, data_dir: Path) -> dict[str, Any]:
    """Replace the database and data folder with a backup's. Stop the app first.

    Returns:
        What was restored.

    Raises:
        BackupError: when the file is not a Forum Voice backup.
    """
    db_file = sqlite_path(database_uri)
    try:
        archive = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError):
        raise BackupError("That file is not a Forum Voice backup (not a ZIP file)") from None
    with archive:
        names = archive.namelist()
        if DB_NAME not in names or "backup.json" not in names:
            raise BackupError("That ZIP is not a Forum Voice backup (no database in it)")
        for name in names:
            if name.startswith("/") or ".." in Path(name).parts:
                raise BackupError("That backup has unsafe file names and was not restored")
        files = [n for n in names if n.startswith("files/") and not n.endswith("/")]
        for side in (db_file.with_name(db_file.name + "-wal"),
                     db_file.with_name(db_file.name + "-shm")):
            side.unlink(missing_ok=True)
        with archive.open(DB_NAME) as source, open(private_file(db_file), "wb") as target:
            shutil.copyfileobj(source, target)
        for name in files:
            destination = data_dir / name[len("files/"):]
            private_dir(destination.parent)
            with archive.open(name) as source, open(private_file(destination), "wb") as target:
                shutil.copyfileobj(source, target)
    return {"database": str(db_file), "files": len(files)}
