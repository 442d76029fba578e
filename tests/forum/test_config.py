"""Configuration from the environment."""
import pytest

from app import create_app
from forum.config import Config


def test_production_refuses_the_default_secret(monkeypatch):
    monkeypatch.setenv("FORUM_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app()


def test_production_refuses_a_short_secret(monkeypatch):
    monkeypatch.setenv("FORUM_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "short")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app()


def test_production_starts_with_a_real_secret(monkeypatch, tmp_path):
    monkeypatch.setenv("FORUM_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", "a" * 64)
    monkeypatch.setenv("FORUM_DATA_DIR", str(tmp_path))
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FORUM_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", "postgresql://someone@db.example:5432/forum")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    monkeypatch.setenv("SPACY_MODEL", "en_core_web_md")
    monkeypatch.setenv("FORUM_MAX_UPLOAD_MB", "5")
    config = Config().as_dict()
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://someone@db.example:5432/forum"
    assert config["REDIS_URL"] == "redis://127.0.0.1:6379/3"
    assert config["SPACY_MODEL"] == "en_core_web_md"
    assert config["MAX_CONTENT_LENGTH"] == 5 * 1024 * 1024


def test_sqlite_is_the_default_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("FORUM_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert f"sqlite:///{tmp_path / 'forum.db'}" == Config().SQLALCHEMY_DATABASE_URI


def test_heavy_nlp_libraries_are_not_imported_by_the_web_app():
    import subprocess
    import sys

    code = ("import sys; from app import create_app; create_app(); print(sorted(m for m in "
            "('spacy','torch','bertopic','sentence_transformers') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_postgresql_pool_keeps_a_connection_per_web_thread(monkeypatch, tmp_path):
    """Fewer pooled connections than threads means a new PostgreSQL process per request."""
    monkeypatch.setenv("FORUM_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", "postgresql://someone@db.example:5432/forum")
    monkeypatch.delenv("FORUM_DB_POOL_SIZE", raising=False)
    monkeypatch.setenv("WEB_THREADS", "12")
    # the threads, the writer, one spare
    assert Config().SQLALCHEMY_ENGINE_OPTIONS["pool_size"] == 14
    monkeypatch.setenv("FORUM_DB_POOL_SIZE", "30")
    assert Config().SQLALCHEMY_ENGINE_OPTIONS["pool_size"] == 30
    monkeypatch.delenv("DATABASE_URL")
    assert "pool_size" not in Config().SQLALCHEMY_ENGINE_OPTIONS   # SQLite: one file, no server
