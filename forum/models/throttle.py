"""Counts of failed sign-in and code attempts, shared by every web worker and process."""
from __future__ import annotations

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from forum.extensions import Model


class ThrottleCount(Model):
    __tablename__ = "throttle_counts"

    # The limiter's key: the limit, the route and who (an address or an account).
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
    # When the current window ends (seconds since the epoch); an older row counts as empty.
    expires_at: Mapped[float] = mapped_column(Float)
