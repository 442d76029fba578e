"""Configuration read from environment variables."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

# The old development default: refused in production even if someone sets it by hand.
DEFAULT_SECRET = "dev-not-secret"
MIN_SECRET_CHARS = 32  # as secrets.token_hex(16); the README asks for token_hex(32)
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _database_url(data_dir: Path) -> str:
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{data_dir / 'forum.db'}"
    # Plain postgres URLs would pick psycopg2, which we do not ship.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    """Settings for a running app; every value can come from the environment."""

    def __init__(self) -> None:
        self.ENV_NAME = os.environ.get("FORUM_ENV", "development")
        self.DATA_DIR = Path(os.environ.get("FORUM_DATA_DIR", PROJECT_ROOT / "data")).resolve()
        # Unset: create_app makes a random key once and keeps it in the data folder.
        self.SECRET_KEY = os.environ.get("SECRET_KEY", "").strip() or None
        self.SQLALCHEMY_DATABASE_URI = _database_url(self.DATA_DIR)
        # Fernet keys for secrets stored in the database, newest first (else a key file).
        self.ENCRYPTION_KEYS = os.environ.get("FORUM_ENCRYPTION_KEYS", "").strip() or None
        self.REDIS_URL = os.environ.get("REDIS_URL", "").strip() or None
        self.SPACY_MODEL = os.environ.get("SPACY_MODEL", "en_core_web_sm")
        self.ORG_NAME = os.environ.get("FORUM_ORG_NAME", "Forum Voice")
        self.MAX_CONTENT_LENGTH = int(os.environ.get("FORUM_MAX_UPLOAD_MB", "20")) * 1024 * 1024
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = _env_bool("FORUM_HTTPS", self.ENV_NAME == "production")
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.PERMANENT_SESSION_LIFETIME = timedelta(
            minutes=int(os.environ.get("FORUM_IDLE_MINUTES", "30")))
        self.WTF_CSRF_TIME_LIMIT = None  # the session lifetime already bounds it
        # PostgreSQL connections are pinged only after sitting idle (forum.pool_ping), not at
        # every checkout; an SQLite file cannot drop a connection, so it is never pinged.
        self.SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_pre_ping": False}
        if not self.SQLALCHEMY_DATABASE_URI.startswith("sqlite"):
            # A connection kept for each request thread (WEB_THREADS) and the sync endpoint's
            # group-commit writer: with fewer, the threads past the pool open and close a
            # connection per request (a new PostgreSQL process each time).
            default_pool = int(os.environ.get("WEB_THREADS", "8")) + 2
            self.SQLALCHEMY_ENGINE_OPTIONS.update(
                pool_size=int(os.environ.get("FORUM_DB_POOL_SIZE", default_pool)), max_overflow=10)
        self.RETENTION_DAYS = int(os.environ.get("FORUM_RETENTION_DAYS", "30"))
        # Roles that must give a code from an authenticator app after their password.
        self.TWO_FACTOR_ROLES = tuple(
            value.strip() for value in os.environ.get(
                "FORUM_TWO_FACTOR_ROLES", "admin,policy_officer").split(",") if value.strip())
        # A running job whose worker on another host has not beaten for this long is taken
        # over (``forum.leases``): long enough for a missed beat or two (one every fifth of
        # it), short enough that a dead worker's job is picked up within about a minute.
        self.JOB_LEASE_SECONDS = int(os.environ.get("FORUM_JOB_LEASE_SECONDS", "45"))
        self.HUEY_IMMEDIATE = _env_bool("HUEY_IMMEDIATE", False)
        # Threads per worker process answering quick calls (searches by meaning), so one
        # officer's search does not wait behind another's.
        self.CALL_THREADS = max(1, int(os.environ.get("FORUM_CALL_THREADS", "2")))
        # Texts per embedding batch job: more texts than this are spread over every worker.
        self.EMBED_BATCH_SIZE = int(os.environ.get("FORUM_EMBED_BATCH", "256"))
        self.TESTING = False

    @property
    def is_production(self) -> bool:
        return self.ENV_NAME == "production"

    def as_dict(self) -> dict:
        keys = [k for k in vars(self) if k.isupper()]
        return {k: getattr(self, k) for k in keys}


def check_production_secret(settings: dict) -> None:
    """Refuse to run in production with a default, missing or short secret key."""
    if settings.get("ENV_NAME") != "production":
        return
    secret = settings.get("SECRET_KEY") or ""
    if secret == DEFAULT_SECRET or len(secret) < MIN_SECRET_CHARS:
        raise RuntimeError(
            "SECRET_KEY must be set to a long random value (32+ characters) in production. "
            "Generate one with: python -c 'import secrets; print(secrets.token_hex(32))'")
