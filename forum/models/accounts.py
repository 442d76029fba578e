"""Staff accounts."""
from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import BigInteger, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from forum.access import Role
from forum.encryption import EncryptedText
from forum.extensions import Model
from forum.models.base import enum_type, utcnow


class User(UserMixin, Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(
        enum_type(Role, "user_role", 32))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Bumped on password change or disable so old sessions and invite links stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    # Two-factor sign-in: the TOTP secret is set at set-up and counts once confirmed
    # (two_factor_enabled_at); the last time step used stops a code being replayed.
    # Encrypted at rest (Fernet, key outside the database: forum.encryption).
    totp_secret: Mapped[str | None] = mapped_column("totp_secret_encrypted", EncryptedText())
    two_factor_enabled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    @property
    def has_password(self) -> bool:
        return bool(self.password_hash)

    @property
    def can_facilitate(self) -> bool:
        """Offered as a session's facilitator: a forum facilitator who can sign in.

        The one rule for "who runs sessions": an admin manages them but is not offered, nor is
        someone disabled or still to accept their invite (no password yet).
        """
        return self.role == Role.FACILITATOR and self.is_active and self.has_password

    @property
    def two_factor_enrolled(self) -> bool:
        return self.two_factor_enabled_at is not None and bool(self.totp_secret)

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role.value}>"
