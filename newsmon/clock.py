"""Time in one place: the portals' zone, durations, and how newsmon stores times.

Stored times are ISO 8601 in UTC with offset, second precision.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

__all__ = ["SHANGHAI", "format_duration", "iso_utc", "parse_duration", "utc_now"]

#: The zone of dates that Chinese portals print without one. A fixed offset rather than
#: zoneinfo: China has had no DST since 1991, and a fixed offset needs no tz database.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def iso_utc(moment: datetime) -> str:
    """``moment`` (timezone-aware) as stored: ``2026-11-25T12:00:00+00:00``."""
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def utc_now() -> str:
    """The current time as stored."""
    return iso_utc(datetime.now(timezone.utc))


def parse_duration(value: str | int | float) -> timedelta:
    """Turn ``45s``, ``10m``, ``2h`` or ``1d`` (or a number of seconds) into a timedelta.

    Raises ``ValueError`` with a one-sentence message for anything else.
    """
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a duration like 45s, 10m, 2h or 1d")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ValueError(f"{value!r} is not a duration like 45s, 10m, 2h or 1d")
        seconds = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    if seconds <= 0:
        raise ValueError(f"{value!r} must be longer than zero")
    return timedelta(seconds=seconds)


def format_duration(value: timedelta) -> str:
    """``value`` as config.yaml spells it: the largest whole unit (``10m``, ``2h``, ``1d``), else seconds (``1.5s``).

    :func:`parse_duration` reads it back to the same timedelta.
    """
    seconds = value.total_seconds()
    for unit in ("d", "h", "m"):
        size = _UNIT_SECONDS[unit]
        if seconds and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:.6f}".rstrip("0").rstrip(".") + "s"
