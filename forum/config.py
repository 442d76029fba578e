"""Configuration read from environment variables."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

DEFAULT_SECRET = "dev-not-secret"
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
        self.SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET)
        self.SQLALCHEMY_DATABASE_URI = _database_url(self.DATA_DIR)
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
        # A server can drop idle connections; an SQLite file cannot, so it skips the ping.
        self.SQLALCHEMY_ENGINE_OPTIONS = {
            "pool_pre_ping": not self.SQLALCHEMY_DATABASE_URI.startswith("sqlite")}
        self.RETENTION_DAYS = int(os.environ.get("FORUM_RETENTION_DAYS", "30"))
        # Roles that must give a code from an authenticator app after their password.
        self.TWO_FACTOR_ROLES = tuple(
            value.strip() for value in os.environ.get(
                "FORUM_TWO_FACTOR_ROLES", "admin,policy_officer").split(",") if value.strip())
        # A running job whose worker has not reported for this long is marked failed.
        self.JOB_LEASE_SECONDS = int(os.environ.get("FORUM_JOB_LEASE_SECONDS", "300"))
        self.HUEY_IMMEDIATE = _env_bool("HUEY_IMMEDIATE", False)
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
    if secret == DEFAULT_SECRET or len(secret) < 32:
        raise RuntimeError(
            "SECRET_KEY must be set to a long random value (32+ characters) in production. "
            "Generate one with: python -c 'import secrets; print(secrets.token_hex(32))'")
