"""``site_schedule``: the daemon writes each site's next run so ``newsmon sites`` can show it."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Optional

from apscheduler.schedulers.base import BaseScheduler

from newsmon.db.health import record_schedule

from .shared_store import SharedStore

__all__ = ["SITE_JOB_PREFIX", "write_schedule", "clear_schedule"]

log = logging.getLogger("newsmon.daemon")

SITE_JOB_PREFIX = "site:"


def write_schedule(scheduler: BaseScheduler, store: SharedStore) -> None:
    """Record every site job's next run time (informational: failures are only logged at DEBUG)."""
    schedule: dict[str, Optional[datetime]] = {
        job.name: job.next_run_time for job in scheduler.get_jobs() if job.id.startswith(SITE_JOB_PREFIX)
    }
    try:
        store.call(lambda db: record_schedule(db, schedule))
    except Exception as exc:  # noqa: BLE001 - informational table only
        log.debug("could not record the schedule: %s", exc)


def clear_schedule(store: SharedStore) -> None:
    """Empty the table (the daemon stops: nothing is scheduled)."""
    store.call(lambda db: record_schedule(db, {}))
