"""Two-factor sign-in: TOTP codes from an authenticator app, and single-use recovery codes."""
from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from typing import Any, cast

import pyotp
from flask import current_app
from sqlalchemy import CursorResult, delete, func, or_, select, update

from forum.access import Role
from forum.encryption import UNREADABLE
from forum.extensions import db
from forum.models import RecoveryCode, User
from forum.models.base import utcnow
from forum.services.accounts import end_sessions

RECOVERY_CODE_COUNT = 10
STEP_SECONDS = 30
CODE_DIGITS = 6  # what authenticator apps show (pyotp's default)
# Codes from the step before and after are accepted too: phone clocks drift.
DRIFT_STEPS = 1


class TwoFactorError(ValueError):
    """A code that cannot be accepted, in plain English."""


def required_roles() -> frozenset[Role]:
    """The roles that must use a code, from the TWO_FACTOR_ROLES setting."""
    return frozenset(Role(value) for value in current_app.config.get("TWO_FACTOR_ROLES", ()))


def needs_code(user: User) -> bool:
    """True when this user must give a code after their password."""
    return user.role in required_roles() or user.two_factor_enrolled


def start_enrolment(user: User) -> str:
    """Give the user a secret to put in their app (kept until they confirm or are reset)."""
    if not user.totp_secret or user.two_factor_enrolled:
        user.totp_secret = pyotp.random_base32()
        user.two_factor_enabled_at = None
        db.session.commit()
    return user.totp_secret


def provisioning_uri(user: User) -> str:
    if not user.totp_secret:
        raise ValueError("start_enrolment gives the user a secret first")
    return pyotp.TOTP(user.totp_secret).provisioning_uri(
        name=user.email, issuer_name=current_app.config.get("ORG_NAME", "Forum Voice"))


def qr_code_data_uri(uri: str) -> str:
    """The otpauth link as a QR code in an SVG data URI (CSP allows data: images)."""
    import segno

    return segno.make(uri, error="m").svg_data_uri(scale=5, border=4)


def _matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    if secret == UNREADABLE:
        raise TwoFactorError("Your two-factor set-up cannot be read on this server (its encryption "
                             "key is missing). Use a recovery code, or ask an admin to reset "
                             "your two-factor sign-in")
    now = time.time() if now is None else now
    current = int(now // STEP_SECONDS)
    totp = pyotp.TOTP(secret)
    for step in range(current - DRIFT_STEPS, current + DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _claim_step(user: User, step: int) -> bool:
    """Record the step as used; False when it (or a later one) was used already.

    One conditional UPDATE, so two requests racing with the same code cannot both win.
    """
    # An UPDATE returns a CursorResult (Session.execute is typed as the general Result).
    result = cast(CursorResult[Any], db.session.execute(update(User).where(
        User.id == user.id, or_(User.totp_last_step.is_(None), User.totp_last_step < step))
        .values(totp_last_step=step)))
    db.session.commit()
    db.session.refresh(user)
    return result.rowcount == 1


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())[:64]


def _hash(code: str) -> str:
    # Recovery codes carry 64 random bits, so a plain hash is enough (unlike passwords).
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def check_code(user: User, code: str) -> str:
    """Accept a 6-digit app code or an unused recovery code; returns which ("app" or "recovery").

    Raises:
        TwoFactorError: wrong, reused or malformed code.
    """
    cleaned = normalise_code(code)
    if not cleaned:
        raise TwoFactorError("Enter the 6-digit code from your authenticator app")
    if cleaned.isdigit() and len(cleaned) == CODE_DIGITS:
        step = _matching_step(user.totp_secret or "", cleaned)
        if step is None:
            raise TwoFactorError("That code is not right. Check the time on your phone is set "
                                 "automatically, then enter the code your app shows now")
        if not _claim_step(user, step):
            raise TwoFactorError("That code has already been used. Wait for the next code "
                                 "from your app (a new one comes every 30 seconds)")
        return "app"
    result = cast(CursorResult[Any], db.session.execute(update(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.code_hash == _hash(cleaned),
        RecoveryCode.used_at.is_(None)).values(used_at=utcnow())))
    db.session.commit()
    if result.rowcount != 1:
        raise TwoFactorError("That is not a 6-digit code from your app, or a recovery code "
                             "that has not been used yet")
    return "recovery"


def confirm_enrolment(user: User, code: str) -> list[str]:
    """Finish set-up with a code from the app; returns the recovery codes to show once.

    Raises:
        TwoFactorError: the code does not match the new secret.
    """
    cleaned = normalise_code(code)
    step = _matching_step(user.totp_secret or "", cleaned) if cleaned.isdigit() else None
    if step is None:
        raise TwoFactorError("That code is not right. Enter the 6-digit code your app shows "
                             "for Forum Voice now")
    user.two_factor_enabled_at = utcnow()
    user.totp_last_step = step
    return new_recovery_codes(user)


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with 10 new ones; returns them in plain text."""
    codes = ["-".join(secrets.token_hex(2) for _ in range(4)) for _ in range(RECOVERY_CODE_COUNT)]
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=_hash(code)) for code in codes)
    db.session.commit()
    return codes


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(select(func.count(RecoveryCode.id)).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))) or 0


def reset(user: User) -> None:
    """Remove a user's two-factor set-up and end their sessions; they set it up again."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    user.totp_secret = None
    user.two_factor_enabled_at = None
    user.totp_last_step = None
    end_sessions(user)
    db.session.commit()


def enrol_with_secret(user: User, secret: str) -> None:
    """Enrol a user with a given secret (the demo accounts' fixed ones); no recovery codes."""
    user.totp_secret = secret
    user.two_factor_enabled_at = utcnow()
    user.totp_last_step = None
    db.session.commit()


def current_code(secret: str) -> str:
    return pyotp.TOTP(secret).now()
