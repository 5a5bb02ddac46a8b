"""Operator messages: a site became unhealthy, or recovered (sent by the daemon).

They go straight to ``newsmon.alerts.health_channels`` through the same channel
senders as story alerts; unlike story alerts they are not queued in the
outbox: the state is re-checked after every crawl, and a lost message is
repeated the next time the problem changes (and the log always has it).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from newsmon.config import Config

from .errors import DeliveryError
from .notify import deliver_now

__all__ = ["HealthNotice", "notify_health"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HealthNotice:
    """A site's health changed. Duck-types :class:`newsmon.alerts.Notification` for the senders."""

    site: str
    reasons: str  # "" when the site recovered
    at: str  # ISO time of the check
    channel: str = ""

    is_digest = False
    rule = "site-health"

    @property
    def idempotency_key(self) -> str:
        return f"newsmon-health-{self.site}-{self.at}"

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


def notify_health(config: Config, site: str, reasons: str, at: str, *, client: Any = None) -> list[str]:
    """Tell every ``newsmon.alerts.health_channels`` channel; returns one line per failed channel (never raises).

    ``client`` is accepted for older callers and unused (each notice opens its own).
    """
    failures = []
    for name in config.alerts.health_channels:
        notice = HealthNotice(site=site, reasons=reasons, at=at, channel=name)
        try:
            deliver_now(name, config.alerts.channels[name], notice)  # type: ignore[arg-type]
        except DeliveryError as exc:
            log.warning("health notice for site %s not delivered: %s", site, exc)
            failures.append(str(exc))
    return failures
