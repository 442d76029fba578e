"""Shared column helpers."""
from datetime import UTC, datetime

from sqlalchemy import Enum


def utcnow() -> datetime:
    """Timezone-aware now, stored as UTC."""
    return datetime.now(UTC)


def enum_type(enum_class, name: str, length: int = 20) -> Enum:
    """A Python enum stored as its string values (VARCHAR), the same on SQLite and PostgreSQL."""
    return Enum(enum_class, name=name, values_callable=lambda members: [m.value for m in members],
                native_enum=False, length=length)
