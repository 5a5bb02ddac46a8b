"""The daemon's view of site health: checks after each crawl, logs and notifies when a verdict changes.

The verdict comes from ``newsmon.db.health`` (the database's crawl history),
plus failures that could not be written there (a read-only or full
database): those are counted here, in memory, so a site whose crawls fail
is still called unhealthy when the database cannot say so.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Callable

from newsmon.config import Config
from newsmon.db.health import HealthThresholds, SiteHealth, site_health

from .report import SiteReport, headline_error, quote
from .shared_store import SharedStore

__all__ = ["HealthMonitor", "health_thresholds"]

log = logging.getLogger("newsmon.daemon")

_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def health_thresholds(config: Config) -> HealthThresholds:
    """``HealthThresholds`` from the ``daemon:`` settings."""
    d = config.daemon
    return HealthThresholds(
        failures=d.unhealthy_after_failures,
        silence_factor=d.silence_factor,
        min_silence=d.min_silence,
        extraction_pages=d.extraction_failure_pages,
    )


class HealthMonitor:
    """Per-site verdicts the daemon has logged, and failures the database could not record."""

    def __init__(self, store: SharedStore, config: Callable[[], Config]) -> None:
        self._store = store
        self._config = config
        self._guard = threading.Lock()
        self._logged: dict[str, str] = {}  # site -> last logged reasons ("" = ok)
        self._unrecorded: dict[str, list[str]] = {}  # site -> errors of failed crawls with no crawl_runs row

    def record(self, report: SiteReport) -> None:
        """Account for a finished crawl whose failure the database may not know about."""
        with self._guard:
            if report.status in ("failed", "timeout") and report.run_id is None:
                error = headline_error(report.errors) if report.errors else ""
                self._unrecorded.setdefault(report.site, []).append(error)
                log.warning("crawl site=%s failed and could not be recorded (%d in a row): %s", report.site,
                            len(self._unrecorded[report.site]), error)
            elif report.status != "interrupted":
                self._unrecorded.pop(report.site, None)

    def unhealthy(self) -> list[str]:
        """Sites whose last logged verdict is unhealthy."""
        with self._guard:
            return sorted(name for name, reasons in self._logged.items() if reasons)

    def forget(self, names: list[str]) -> None:
        """Drop sites removed from the config."""
        with self._guard:
            for name in names:
                self._logged.pop(name, None)
                self._unrecorded.pop(name, None)

    def check(self, names: list[str], *, quiet_ok: bool = False) -> list[SiteHealth]:
        """Re-judge ``names``; log ``unhealthy``/``recovered`` (and notify) when a verdict changes."""
        config = self._config()
        thresholds = health_thresholds(config)
        try:
            results = self._store.call(lambda db: site_health(db, names, thresholds=thresholds))
        except Exception as exc:  # noqa: BLE001 - a health query must not stop crawling
            log.warning("health check failed: %s: %s", type(exc).__name__, exc)
            results = [SiteHealth(name=name) for name in names]
        for health in results:
            with self._guard:
                unrecorded = list(self._unrecorded.get(health.name, []))
            if len(unrecorded) >= thresholds.failures:
                health.status = "unhealthy"
                health.reasons.append(
                    f"the last {len(unrecorded)} crawls failed and could not be recorded ({unrecorded[-1]})"
                )
            reasons = "; ".join(health.reasons)
            with self._guard:
                before = self._logged.get(health.name, "")
                self._logged[health.name] = reasons
            # Log when the problem changes, not each time its numbers grow ("last 3 crawls" -> "last 4").
            if reasons and _DIGITS.sub("#", reasons) != _DIGITS.sub("#", before):
                log.warning("unhealthy site=%s reason=%s", health.name, quote(reasons))
                self._notify(config, health.name, reasons)
            elif before and not reasons and not quiet_ok:
                log.info("recovered site=%s", health.name)
                self._notify(config, health.name, "")
        return results

    def _notify(self, config: Config, site: str, reasons: str) -> None:
        """Queue a notice to alerts.health_channels (if any) that ``site`` became unhealthy ("" = recovered).

        Queued in the outbox (``alert_notices``): the daemon's alert sender delivers it within
        its poll interval, with the retries and backoff of story alerts.
        """
        if not config.alerts.health_channels:
            return
        from newsmon.alerts import queue_health_notices
        from newsmon.db import utc_now

        try:
            self._store.call(lambda db: queue_health_notices(db, config, site, reasons, utc_now()))
        except Exception as exc:  # noqa: BLE001 - an operator message must not stop crawling
            log.warning("health notice for site %s not queued: %s: %s", site, type(exc).__name__, exc)
