"""Argon2id hashing and the password rules."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
MAX_LENGTH = 128
# Fewer distinct characters ("aaaaaaaaaaaa") is a weak password; a shorter email name
# ("jo") inside a password is chance, not the address.
MIN_DISTINCT_CHARS = 4
COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "common-passwords.txt"


class _Hashing:
    """The hasher in use: one per process, swapped by ``use_hash_profile``."""
    hasher = PasswordHasher()  # argon2-cffi's default type is Argon2id


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    if not COMMON_PASSWORDS_FILE.exists():
        return frozenset()
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip())


def password_problem(password: str, email: str = "") -> str | None:
    """Return a plain-English reason the password is too weak, or None if it is fine."""
    if len(password) < MIN_LENGTH:
        return f"Password must be at least {MIN_LENGTH} characters long"
    if len(password) > MAX_LENGTH:
        return f"Password must be {MAX_LENGTH} characters or fewer"
    lowered = password.lower()
    if lowered in _common_passwords():
        return "That password is on a list of commonly used passwords. Choose a different one"
    if len(set(lowered)) < MIN_DISTINCT_CHARS:
        return "Password uses too few different characters. Try three or four random words"
    local = email.split("@", maxsplit=1)[0].lower()
    if local and len(local) >= MIN_DISTINCT_CHARS and local in lowered:
        return "Password must not contain your email address"
    return None


def use_hash_profile(name: str) -> None:
    """Hash new passwords with one of argon2-cffi's named profiles.

    The default (RFC 9106 low-memory) costs about 0.15 s a hash, on purpose. The test suite
    switches to ``CHEAPEST`` so that a hundred sign-ins do not cost a minute; verifying reads
    the parameters from each stored hash, so hashes made either way still verify.
    """
    _Hashing.hasher = PasswordHasher.from_parameters(getattr(profiles, name))


def hash_password(password: str) -> str:
    return _Hashing.hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _Hashing.hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _Hashing.hasher.check_needs_rehash(stored_hash)
