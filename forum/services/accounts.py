"""Staff accounts: create, invite, authenticate, change role, disable."""
from __future__ import annotations

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select

from forum.access import Role
from forum.extensions import db
from forum.models import User
from forum.models.base import utcnow
from forum.services import sign_ins
from forum.services.passwords import hash_password, needs_rehash, verify_password

INVITE_MAX_AGE = 7 * 24 * 3600
# Verified against when the email is unknown, so timing does not reveal which emails exist.
_DUMMY_HASH = hash_password("not-a-real-password-for-timing")


class AccountError(ValueError):
    """A request about accounts that cannot be carried out, in plain English."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def create_user(email: str, name: str, role: Role, password: str | None = None) -> User:
    """Create a user; without a password they must accept an invite first.

    Raises:
        AccountError: when the email is already used.
    """
    if find_user_by_email(email):
        raise AccountError("An account with that email address already exists. Enter a "
                           "different email address, or find them on the Users page")
    user = User(email=normalise_email(email), name=name.strip(), role=role,
                password_hash=hash_password(password) if password else None)
    db.session.add(user)
    db.session.commit()
    return user


def authenticate(email: str, password: str) -> User | None:
    """Return the active user with this email and password, or None."""
    user = find_user_by_email(email)
    if user is None or not user.password_hash:  # no password yet (has_password)
        verify_password(_DUMMY_HASH, password)
        return None
    if not verify_password(user.password_hash, password) or not user.active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.commit()
    return user


def end_sessions(user: User) -> int:
    """End every sign-in of the user, on every device (the caller commits).

    Returns:
        How many sign-ins were still open.
    """
    user.session_version += 1  # also voids invite links made before now
    return sign_ins.end_all(user.id)


def set_password(user: User, password: str) -> None:
    """Set a new password; every sign-in of the user ends (the caller may start a new one)."""
    user.password_hash = hash_password(password)
    end_sessions(user)
    db.session.commit()


def set_role(user: User, role: Role, acting: User) -> None:
    """Change a role; the user's sessions end, so the new role applies from their next sign-in."""
    if user.id == acting.id and role != Role.ADMIN:
        raise AccountError("You cannot remove your own admin role")
    if user.role != role:
        user.role = role
        # Someone with no password yet has no sessions to end: ending them would only cancel
        # the invite link they were given, and the new role applies when they accept it anyway.
        if user.has_password:
            end_sessions(user)
    db.session.commit()


def set_active(user: User, active: bool, acting: User) -> list[str]:
    """Disable or enable an account; disabling ends its sessions.

    Returns:
        Plain-English notes from other packages on what else disabling did (tablets revoked).
    """
    from forum.signals import user_disabled

    if user.id == acting.id and not active:
        raise AccountError("You cannot disable your own account")
    user.active = active
    end_sessions(user)
    notes = []
    if not active:
        notes = [note for _receiver, note in user_disabled.send(user, acting=acting) if note]
    db.session.commit()
    return notes


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt="invite")


def make_invite_token(user: User, secret_key: str) -> str:
    return _serializer(secret_key).dumps({"id": user.id, "v": user.session_version})


def user_from_invite(token: str, secret_key: str) -> User:
    """Return the user an invite token is for.

    Raises:
        AccountError: when the link is expired, altered or already used.
    """
    try:
        data = _serializer(secret_key).loads(token, max_age=INVITE_MAX_AGE)
    except SignatureExpired:
        raise AccountError("This invite link has expired. Ask an admin for a new one") from None
    except BadSignature:
        raise AccountError("This invite link is not valid. Check you copied all of it") from None
    user = db.session.get(User, data.get("id"))
    if user is not None and not user.active:
        raise AccountError("This invite has been withdrawn. Ask an admin if you still need "
                           "an account")
    if user is None or user.has_password:
        raise AccountError("This invite link has already been used")
    if user.session_version != data.get("v"):
        # Enabling an account again (or a link from before a change) makes a new link.
        raise AccountError("This invite link has been replaced by a newer one. Ask the admin "
                           "who invited you for the new link")
    return user


def load_user(user_id: str) -> User | None:
    """Flask-Login loader: the id carries a version so disabled users drop out at once."""
    try:
        raw_id, raw_version = user_id.split(":")
        user = db.session.get(User, int(raw_id))
    except (ValueError, TypeError):
        return None
    if user is None or str(user.session_version) != raw_version or not user.active:
        return None
    return user
