"""``newsmon run`` with ``queue:`` set: schedule only, as the one active scheduler.

The daemon (:mod:`newsmon.scheduler.daemon`) keeps its schedule, health
checks, config reloads and alert sender; what changes is wired here:

* **the lease** (:mod:`newsmon.scheduler.lease`): ``wait_for_lease`` blocks
  as a hot standby (logging ``standby …`` once) until this process holds the
  scheduler lease; ``tick`` renews it, and a renewal that fails means another
  scheduler took over, so this one stops (exit status 1);
* **due crawls go to Redis** (``enqueue``): a site already queued or running
  is not queued again (logged ``skipped``);
* **reports come back from Redis** (``tick``): each finished crawl's report,
  published by the worker that ran it, feeds the daemon's crawl line, the
  site's health and the alert sender;
* **dead workers** (``tick``): their crawls are queued again and their
  ``crawl_runs`` rows closed as ``interrupted``.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable, Optional

import redis

from newsmon.config import Config
from newsmon.shared_crawl import drop_other_sites
from newsmon.timings import timings

from .crawl_queue import CrawlQueue, describe_error, queue_url, safe_url, worker_identity
from .lease import SchedulerLease
from .queue_worker import close_dead_runs

__all__ = ["QueueScheduling"]

log = logging.getLogger("newsmon.daemon")

REAP_EVERY_S = 2.0
# Sites no longer in the config lose their Redis crawl keys at the first tick, after a reload, and
# this often (a crawl of theirs still queued or running at that moment keeps them till then).
SWEEP_EVERY_S = 60.0


class QueueScheduling:
    """The Redis side of a scheduling-only ``newsmon run`` (see the module docstring)."""

    def __init__(self, config: Config) -> None:
        url = queue_url(config)
        assert url is not None
        self.config = config
        # Lease life, renewal, standby poll; a scheduler that cannot reach Redis for timings.lost_after_s may
        # have lost its lease: it stops scheduling. Read first: a bad override is one sentence, exit status 2.
        self.timings = timings()
        self.queue = CrawlQueue.connect(url)  # QueueError: one sentence, exit status 1
        self.holder = worker_identity("scheduler")
        self.lease = SchedulerLease(self.queue.client, self.queue.key("scheduler"), self.holder)
        self.lost: Optional[str] = None  # why we stopped being the active scheduler
        self._last_renew = 0.0
        self._renewed_at = 0.0
        self._last_reap = 0.0
        self._last_sweep = float("-inf")
        self._down_logged = False

    @property
    def url(self) -> str:
        """The queue's URL, password masked."""
        return safe_url(self.queue.url)

    def wait_for_lease(self, stop: threading.Event) -> bool:
        """Block until this process is the active scheduler (True) or ``stop`` is set (False)."""
        logged = False
        while not stop.is_set():
            try:
                if self.lease.try_acquire():
                    self._renewed_at = self._last_renew = time.monotonic()
                    if logged:
                        log.info("active: took over the scheduler lease (%s)", self.holder)
                    return True
                holder = self.lease.current_holder()
                self._down_logged = False
            except redis.RedisError as exc:
                if not self._down_logged:
                    log.error("%s Retrying.", describe_error(self.queue.url, exc))
                    self._down_logged = True
                holder = None
            if not logged and holder:
                log.info("standby: scheduler %s is active on queue %s; taking over within %.0fs if it stops",
                         holder, self.url, self.timings.lease_ttl_s + self.timings.standby_poll_s)
                logged = True
            stop.wait(self.timings.standby_poll_s)
        return False

    def configure(self, config: Config) -> None:
        """A reloaded config: the crawl keys of sites it dropped go at the next tick."""
        self.config = config
        self._last_sweep = float("-inf")

    def enqueue(self, site: str) -> Optional[bool]:
        """Queue a crawl of ``site``: True queued, False already queued or running, None Redis failed (logged)."""
        try:
            return self.queue.enqueue(site)
        except redis.RedisError as exc:
            log.error("crawl site=%s not queued: %s", site, describe_error(self.queue.url, exc))
            return None

    def tick(self, on_report: Callable[[dict[str, Any]], None]) -> bool:
        """Renew the lease, reap dead workers, hand finished crawls' reports to ``on_report``; False: lease lost."""
        now = time.monotonic()
        try:
            if now - self._last_renew >= self.timings.renew_every_s:
                self._last_renew = now
                if not self.lease.renew():
                    self.lost = f"another scheduler ({self.lease.current_holder() or 'unknown'}) took over the lease"
                    return False
                self._renewed_at = now
                if self._down_logged:
                    log.info("queue reachable again")
                    self._down_logged = False
            if now - self._last_reap >= REAP_EVERY_S:
                self._last_reap = now
                close_dead_runs(self.config, self.queue.reap())
            if now - self._last_sweep >= SWEEP_EVERY_S:
                self._last_sweep = now
                keep = {site.name for site in self.config.sites} | self.queue.queued_sites()
                dropped = drop_other_sites(self.queue.client, keep)
                if dropped:
                    log.info("dropped the Redis crawl keys of sites no longer in the config: %s", ",".join(dropped))
            for report in self.queue.pop_reports():
                on_report(report)
        except redis.RedisError as exc:
            if not self._down_logged:
                log.error("%s Retrying.", describe_error(self.queue.url, exc))
                self._down_logged = True
            if now - self._renewed_at > self.timings.lost_after_s:
                self.lost = f"the queue was unreachable for {now - self._renewed_at:.0f}s, so the lease may have passed on"
                return False
        return True

    def counts(self) -> dict[str, int]:
        """Queued, active and worker counts for the heartbeat ({} when Redis does not answer)."""
        try:
            return self.queue.counts()
        except redis.RedisError:
            return {}

    def release(self) -> None:
        """Give the lease up (clean stop): a standby takes over at its next poll."""
        try:
            self.lease.release()
        except redis.RedisError:
            pass  # it expires by itself
