"""Issue #12 point 3: no fixed development key; the data folder's files are private."""
import io
import stat
from pathlib import Path

import pytest

from app import create_app
from forum.config import DEFAULT_SECRET

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_point3_without_secret_key_a_random_one_is_made_once_and_reused(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FORUM_ENV", raising=False)
    monkeypatch.setenv("FORUM_DATA_DIR", str(tmp_path / "data"))
    first = create_app().config["SECRET_KEY"]
    assert first != DEFAULT_SECRET and len(first) >= 64
    assert create_app().config["SECRET_KEY"] == first, "a restart keeps the same key"
    key_file = tmp_path / "data" / "keys" / "secret_key"
    assert key_file.read_text().strip() == first
    assert _mode(key_file) == 0o600
    assert _mode(key_file.parent) == 0o700 and _mode(tmp_path / "data") == 0o700
    monkeypatch.setenv("FORUM_DATA_DIR", str(tmp_path / "other"))
    assert create_app().config["SECRET_KEY"] != first, "each install gets its own key"


def test_point3_a_set_secret_key_is_used_and_no_file_is_made(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "k" * 40)
    monkeypatch.setenv("FORUM_DATA_DIR", str(tmp_path))
    assert create_app().config["SECRET_KEY"] == "k" * 40
    assert not (tmp_path / "keys" / "secret_key").exists()


def test_point3_data_folder_database_uploads_and_backups_are_private(app, runner, demo, tmp_path):
    from forum.extensions import db
    from surveys.models import MediaKind, Survey
    from surveys.services.media import media_path, save_media

    data_dir = app.config["DATA_DIR"]
    assert _mode(data_dir) == 0o700
    database = app.config["SQLALCHEMY_DATABASE_URI"]
    if database.startswith("sqlite:///"):
        assert _mode(Path(database[len("sqlite:///"):])) == 0o600
    survey = db.session.scalars(db.select(Survey)).first()
    media = save_media(data_dir, survey.id, MediaKind.PICTURE, "p.png", io.BytesIO(PNG))
    db.session.commit()
    assert _mode(media_path(data_dir, media)) == 0o600
    assert _mode(media_path(data_dir, media).parent) == 0o700
    if not database.startswith("sqlite"):
        return
    out = tmp_path / "backup.zip"
    result = runner.invoke(args=["backup", "create", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _mode(out) == 0o600


def test_point3_backups_leave_the_keys_out(app, runner, tmp_path):
    import zipfile

    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("backups of PostgreSQL use pg_dump")
    from forum.files import secret_key

    secret_key(app.config["DATA_DIR"])
    out = tmp_path / "backup.zip"
    assert runner.invoke(args=["backup", "create", "--out", str(out)]).exit_code == 0
    assert not [n for n in zipfile.ZipFile(out).namelist() if n.startswith("files/keys/")]


def test_point3_job_queue_is_private(monkeypatch, tmp_path):
    from forum.queue import make_huey

    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("HUEY_IMMEDIATE", raising=False)
    monkeypatch.setenv("FORUM_DATA_DIR", str(tmp_path / "queue"))
    huey = make_huey()
    huey.storage.enqueue(b"job", 0)
    assert _mode(tmp_path / "queue" / "queue.db") == 0o600
    assert _mode(tmp_path / "queue") == 0o700
