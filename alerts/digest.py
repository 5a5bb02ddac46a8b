"""Digest timing: when the stories a ``digest:`` rule collected are sent as one message.

``digest: 1h`` (any duration): the first match opens a window and the digest
goes out one period later with every story matched meanwhile, so a rule sends
at most one message per period. ``digest: daily 09:00``: at the next 09:00 in
``newsmon.alerts.timezone`` (Asia/Shanghai unless configured), listing every story
since the previous one.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from newsmon.clock import SHANGHAI, iso_utc
from newsmon.alerts_config import DigestPeriod

__all__ = ["digest_due", "iso_utc"]


def digest_due(period: DigestPeriod, matched_at: datetime, tz: tzinfo = SHANGHAI) -> datetime:
    """When a story matched at ``matched_at`` by a rule with ``digest: period`` is due to be sent."""
    if period.every is not None:
        return matched_at + period.every
    assert period.daily_at is not None
    hour, minute = period.daily_at
    local = matched_at.astimezone(tz)
    due = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if due <= local:
        due = (local + timedelta(days=1)).replace(hour=hour, minute=minute, second=0, microsecond=0)
        # Recompute the offset for the new day (DST zones); Asia/Shanghai has none.
        due = due.replace(tzinfo=None).replace(tzinfo=tz)
    return due.astimezone(timezone.utc)
