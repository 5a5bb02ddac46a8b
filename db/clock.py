"""How newsmon writes times: ISO 8601 in UTC with offset, second precision."""

from __future__ import annotations

from datetime import datetime, timezone

__all__ = ["iso_utc", "utc_now"]


def iso_utc(moment: datetime) -> str:
    """``moment`` (timezone-aware) as stored: ``2026-11-25T12:00:00+00:00``."""
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def utc_now() -> str:
    """The current time as stored."""
    return iso_utc(datetime.now(timezone.utc))
