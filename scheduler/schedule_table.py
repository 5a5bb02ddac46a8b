"""``site_schedule``: the daemon writes each site's next run so ``newsmon sites`` can show it."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime
from typing import Optional

from apscheduler.schedulers.base import BaseScheduler

from newsmon.db.health import record_schedule

from .shared_store import SharedStore

__all__ = ["SITE_JOB_PREFIX", "ScheduleTable"]

log = logging.getLogger("newsmon.daemon")

SITE_JOB_PREFIX = "site:"
RESCAN_S = 300.0  # every job is looked at again this often, whatever was reported moved


class ScheduleTable:
    """The daemon's copy of ``site_schedule``: each write looks at and sends only the sites that moved.

    At 5,000 sites, reading every job and rewriting every row cost ~10 ms of the
    daemon's CPU each time; between two writes (seconds apart) only the sites whose
    job ran, was skipped or missed have moved, and the daemon reports those
    (:meth:`moved`). A reload (:meth:`rescan`), the first write and one every
    ``RESCAN_S`` look at every job.
    """

    def __init__(self, store: SharedStore) -> None:
        self.store = store
        self.written: Optional[dict[str, Optional[datetime]]] = None  # None: the table is not ours yet
        self._moved: set[str] = set()
        self._lock = threading.Lock()
        self._rescan_at = 0.0

    def moved(self, site: str) -> None:
        """``site``'s job ran, was skipped or missed: its next run time moves (any thread)."""
        with self._lock:
            self._moved.add(site)

    def rescan(self) -> None:
        """Sites were added, removed or rescheduled: the next write looks at every job."""
        self._rescan_at = 0.0

    def due(self) -> bool:
        """Whether a write has something to look at (the first one, a rescan, sites that moved)."""
        return self.written is None or self._rescan_at == 0.0 or bool(self._moved)

    def write(self, scheduler: BaseScheduler) -> None:
        """Record the next run time of the sites that moved (informational: failures are only logged at DEBUG)."""
        with self._lock:
            moved, self._moved = self._moved, set()
        written = self.written
        removed: list[str] = []
        if written is None or time.monotonic() >= self._rescan_at:
            schedule: dict[str, Optional[datetime]] = {
                job.name: job.next_run_time for job in scheduler.get_jobs() if job.id.startswith(SITE_JOB_PREFIX)
            }
            self._rescan_at = time.monotonic() + RESCAN_S
            if written is None:  # rows a killed daemon left behind go too
                changed = schedule
            else:
                changed = {site: when for site, when in schedule.items()
                           if site not in written or written[site] != when}
                removed = [site for site in written if site not in schedule]
        else:
            changed = {}
            for site in moved:
                job = scheduler.get_job(f"{SITE_JOB_PREFIX}{site}")
                if job is None:
                    if site in written:
                        removed.append(site)
                elif site in written and job.next_run_time == written[site]:
                    # Reported before APScheduler stored its next run time: look again next time.
                    with self._lock:
                        self._moved.add(site)
                else:
                    changed[site] = job.next_run_time
            schedule = {**written, **changed}
            for site in removed:
                del schedule[site]
        if written is not None and not changed and not removed:
            return
        self.written = None  # until the write succeeded: a failed one is retried in full
        try:
            self.store.call(lambda db: record_schedule(db, changed, removed=removed, replace=written is None))
        except Exception as exc:  # noqa: BLE001 - informational table only
            log.debug("could not record the schedule: %s", exc)
            return
        self.written = schedule

    def clear(self) -> None:
        """Empty the table (the daemon stops: nothing is scheduled)."""
        self.store.call(lambda db: record_schedule(db, {}, replace=True))
        self.written = None
