"""When each site's crawls are due: APScheduler triggers with jitter, and the first run after a start."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from typing import Optional

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from newsmon.config import Config, SiteConfig

__all__ = ["first_run", "jitter_s", "site_period_s", "site_trigger"]


def jitter_s(config: Config, period_s: float) -> float:
    """Largest random delay for a site crawled every ``period_s`` seconds."""
    return min(config.daemon.jitter * period_s, config.daemon.max_jitter.total_seconds())


def site_period_s(site: SiteConfig) -> float:
    """Seconds between two crawls of ``site``: its interval, or the gap between its next two cron runs."""
    if not site.cron:
        return site.interval.total_seconds()
    probe = CronTrigger.from_crontab(site.cron)
    first = probe.get_next_fire_time(None, datetime.now(probe.timezone))
    second = probe.get_next_fire_time(first, first) if first else None
    return (second - first).total_seconds() if first and second else 3600.0


def site_trigger(config: Config, site: SiteConfig) -> BaseTrigger:
    """The APScheduler trigger for ``site``: its cron line, else its interval, with jitter."""
    period = site_period_s(site)
    if site.cron:
        timezone_ = CronTrigger.from_crontab(site.cron).timezone
        jitter = int(jitter_s(config, period)) or None
        return CronTrigger(**_cron_fields(site.cron), timezone=timezone_, jitter=jitter)
    return IntervalTrigger(seconds=period, jitter=jitter_s(config, period) or None)


def _cron_fields(line: str) -> dict[str, str]:
    minute, hour, day, month, day_of_week = line.split()
    return {"minute": minute, "hour": hour, "day": day, "month": month, "day_of_week": day_of_week}


def first_run(config: Config, site: SiteConfig, last: Optional[datetime],
              now: Optional[datetime] = None) -> Optional[datetime]:
    """When ``site`` is first due after a start, given its ``last`` crawl; None: when its cron line says.

    Due now (plus jitter) unless the last crawl is recent enough, so restarts
    do not re-crawl everything.
    """
    now = now or datetime.now(timezone.utc)
    period = site_period_s(site)
    spread = random.uniform(0, jitter_s(config, period))
    if site.cron:
        if last is not None and (now - last).total_seconds() <= period:
            return None  # no run was missed: the cron line decides
        return now + timedelta(seconds=spread)  # never crawled, or a run was missed while stopped
    if last is not None and last + site.interval > now:
        return last + site.interval + timedelta(seconds=spread)
    return now + timedelta(seconds=spread)
