"""Operator messages: a site became unhealthy, or recovered (sent by the daemon).

:func:`queue_health_notices` writes one ``alert_notices`` row per
``alerts.health_channels`` channel; the alert sender delivers them like
story alerts (same channels, retries with backoff, circuit breaker,
exactly-once bookkeeping), so a channel that is down when a site breaks
still hears of it later. :func:`notify_health` sends at once, outside the
outbox (for a process without a sender).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from newsmon.db.handle import Handle
from newsmon.config import Config
from newsmon.db.outbox import add_notices

from .errors import DeliveryError
from .notify import deliver_now

__all__ = ["HealthNotice", "notify_health", "notice_from_row", "queue_health_notices"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HealthNotice:
    """A site's health changed. Duck-types :class:`newsmon.alerts.Notification` for the senders."""

    site: str
    reasons: str  # "" when the site recovered
    at: str  # ISO time of the check
    channel: str = ""
    database_id: str = ""

    is_digest = False
    rule = "site-health"

    @property
    def idempotency_key(self) -> str:
        return f"newsmon-health-{self.channel}-{self.database_id or 'nodb'}-{self.site}-{self.at}"

    def subject(self) -> str:
        state = f"unhealthy: {self.reasons}" if self.reasons else "recovered"
        return f"[newsmon] site {self.site} is {state}"

    def payload(self) -> dict[str, Any]:
        """Webhook JSON: ``event`` (site_unhealthy | site_recovered), ``site``, ``reasons``, ``title``, ``at``."""
        return {
            "event": "site_unhealthy" if self.reasons else "site_recovered",
            "site": self.site,
            "reasons": self.reasons,
            "title": self.subject(),
            "at": self.at,
        }

    def text(self) -> str:
        hint = "\nSee `newsmon sites` and the crawl_runs table for details." if self.reasons else ""
        return self.subject() + hint + "\n"

    def markdown(self) -> str:
        return f"### {self.subject()}\n"


def notify_health(config: Config, site: str, reasons: str, at: str) -> list[str]:
    """Tell every ``newsmon.alerts.health_channels`` channel; returns one line per failed channel (never raises)."""
    failures = []
    for name in config.alerts.health_channels:
        notice = HealthNotice(site=site, reasons=reasons, at=at, channel=name)
        try:
            deliver_now(name, config.alerts.channels[name], notice)
        except DeliveryError as exc:
            log.warning("health notice for site %s not delivered: %s", site, exc)
            failures.append(str(exc))
    return failures


def queue_health_notices(db: Handle, config: Config, site: str, reasons: str, at: str) -> int:
    """Queue the notice for every ``health_channels`` channel in the outbox; return how many rows were added."""
    channels = list(config.alerts.health_channels)
    if not channels:
        return 0
    kind = "site_unhealthy" if reasons else "site_recovered"
    return len(add_notices(db, kind, channels, {"site": site, "reasons": reasons, "at": at}, at))


def notice_from_row(row: dict[str, Any], database_id: str = "") -> HealthNotice:
    """The message of one ``alert_notices`` row."""
    payload = row["payload"]
    return HealthNotice(site=payload["site"], reasons=payload.get("reasons") or "", at=payload["at"],
                        channel=row["channel"], database_id=database_id)
