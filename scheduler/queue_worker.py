"""``newsmon worker``: take site crawls from the Redis queue and run them on the crash-isolated worker pool.

The crawl engine is the daemon's (:mod:`newsmon.scheduler.pool`: persistent
worker processes, one crawl per host at a time inside this process, time
limits, memory limits); this module only feeds it from
:mod:`newsmon.scheduler.crawl_queue` and reports back:

* at most ``concurrency`` crawls at once; a job is claimed only when a slot is
  free, so the other workers get the rest;
* a heartbeat every ``worker_beat_s`` keeps this worker's claimed jobs
  its own; if it dies (``kill -9``) they go back to the queue within
  ``worker_ttl_s`` (``newsmon.timings``; any worker or the scheduler reaps them) and each crawl's
  unfetched requests wait in Redis for the next worker (``crawler.frontier``);
* SIGTERM/SIGINT: no new claims; crawls in flight get ``finish_grace_s`` to
  finish, then are stopped and queued again (front of the queue);
* each finished crawl logs the daemon's ``crawl site=…`` line and its report
  goes to the scheduler (site health, alerts);
* **the database goes away**: a crawl that ends without success while the
  database does not answer is queued again (front of the queue) rather than
  reported: the outage is not the site's, and its stories are not lost. The
  worker then claims nothing until the database answers (checked every
  ``db_check_every_s``; one ERROR line when it goes, one when it is back),
  closes the requeued crawls' ``crawl_runs`` rows and goes on;
* **one site's big crawl spreads over workers**: while a crawl this worker
  owns has more than ``HELP_THRESHOLD`` requests waiting per crawl on it in
  its frontier (``newsmon.shared_crawl``), this worker offers helper jobs (up
  to ``MAX_HELPERS``); a worker with a free slot and no crawl on that host
  takes one before waiting for new crawls and runs a helper crawl of the site
  on the shared frontier (``helping crawl site=…``, ``helped crawl site=…``).
  Per-host politeness holds for all of them together (``crawler.politeness``).

Log lines: ``worker started id=… concurrency=2 queue=redis://…``, ``helping crawl site=…``,
``crawl site=… status=ok new=3 …``, ``heartbeat running=1 crawls=12 waiting=4 workers=2 …``,
``requeued site=… (worker stopping)``, ``requeued site=… (the database did not answer …)``,
``database reachable again after 12s``, ``stopped after 3.2h, 57 crawls``.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any, Optional

import redis

from newsmon.config import Config, load_config
from newsmon.errors import ConfigError, NewsmonError
from newsmon.shared_crawl import HELP_THRESHOLD, MAX_HELPERS, SharedCrawl, keep_alive
from newsmon.timings import timings

from .crawl import INTERRUPTED_ERROR, pool_settings
from .crawl_queue import CrawlQueue, QueueJob, describe_error, queue_url, safe_url, worker_identity
from .heartbeat import process_rss_mb, uptime_text
from .pool import CrawlJob, CrawlPool, site_hosts
from .report import SiteReport, headline_error, log_crawl

__all__ = ["QueueWorker", "close_dead_runs"]

log = logging.getLogger("newsmon.worker")

FINISH_GRACE_S = 10.0
REAP_EVERY_S = 2.0
HEARTBEAT_LOG_S = 60.0
OFFER_EVERY_S = 1.0
DB_REQUEUED_ERROR = "the database did not answer at the end of the crawl; queued again"


class QueueWorker:
    """One ``newsmon worker`` process. ``QueueWorker(config_path, concurrency=2).run()`` blocks until stopped."""

    def __init__(self, config_path: Path, *, concurrency: int = 2, log_level: str = "CRITICAL",
                 finish_grace_s: float = FINISH_GRACE_S, heartbeat_log_s: float = HEARTBEAT_LOG_S) -> None:
        self.config: Config = load_config(config_path)
        url = queue_url(self.config)
        if url is None:
            raise ConfigError(f"{config_path}: newsmon worker needs `queue: redis://host:6379/0` in the config "
                              "(the Redis queue that newsmon run fills).")
        if concurrency < 1:
            raise ConfigError("--concurrency must be at least 1.")
        self.timings = timings()  # read before any work: a bad override is one sentence, exit status 2
        self.concurrency = concurrency
        self.log_level = log_level
        self.finish_grace_s = finish_grace_s
        self.heartbeat_log_s = heartbeat_log_s
        self.queue = CrawlQueue.connect(url)
        self.id = worker_identity("worker")
        self.stop_event = threading.Event()
        self.crawls = 0
        self.started = time.monotonic()
        self._running: dict[str, tuple[QueueJob, CrawlJob, float]] = {}
        self._recorded: set[str] = set()  # jobs whose crawl_runs id is in Redis
        self._redis_down_since: Optional[float] = None
        self._db_down_since: Optional[float] = None  # a crawl ended while the database did not answer
        self._db_checked = 0.0
        self._db_unclosed: list[tuple[QueueJob, Optional[int]]] = []  # requeued crawls' open crawl_runs rows
        # Politeness keys of the sites (the config is not reloaded: restart workers after changing sites).
        self._site_hosts = {s.name: site_hosts(s) for s in self.config.sites if s.enabled}
        self._host_sites: dict[str, set[str]] = {}
        for name, hosts in self._site_hosts.items():
            for host in hosts:
                self._host_sites.setdefault(host, set()).add(name)

    def stop(self) -> None:
        """Ask the worker to stop (what SIGTERM does)."""
        self.stop_event.set()

    def run(self) -> int:
        """Claim and crawl until stopped; returns the exit status (0). StoreError if the database is unreachable."""
        from newsmon.db import open_store

        config = self.config
        # Reached once before claiming, as newsmon run does: otherwise every crawl claimed would be
        # taken off the queue only to fail on it.
        open_store(config.database_target).close()
        previous = self._install_signals()
        settings = pool_settings(config, max_running=self.concurrency, log_level=self.log_level)
        settings.workers = max(1, min(self.concurrency, config.daemon.workers))
        settings.frontier_url = self.queue.url
        pool = CrawlPool(config.database_target, settings)
        pool.configure(config)
        try:
            self._beat()
            pool.start_workers()
            log.info("worker started id=%s concurrency=%d processes=%d queue=%s database=%s", self.id,
                     self.concurrency, settings.workers, safe_url(self.queue.url), config.database_shown)
            self._loop(pool)
        finally:
            self._shutdown(pool)
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        log.info("stopped after %s, %d crawls", uptime_text(time.monotonic() - self.started), self.crawls)
        return 0

    # -- the loop ------------------------------------------------------------------------

    def _loop(self, pool: CrawlPool) -> None:
        last_beat = last_reap = last_log = last_offer = last_members = time.monotonic()
        while not self.stop_event.is_set():
            now = time.monotonic()
            if now - last_beat >= self.timings.worker_beat_s:
                last_beat = now
                self._beat()
            if now - last_reap >= REAP_EVERY_S:
                last_reap = now
                self._guarded(lambda: close_dead_runs(self.config, self.queue.reap()))
            if now - last_log >= self.heartbeat_log_s:
                last_log = now
                self._log_heartbeat(pool)
            self._collect()
            if now - last_offer >= OFFER_EVERY_S:
                last_offer = now
                self._guarded(self._offer_helpers)
            if now - last_members >= self.timings.member_beat_s:
                last_members = now
                self._guarded(self._keep_members_alive)
            if len(self._running) >= self.concurrency or not self._database_back():
                time.sleep(0.05)
                continue
            job = self._guarded(self._claim)
            if job is None:
                if self._redis_down_since is not None:
                    time.sleep(1.0)
                continue
            try:
                self._start(pool, job)
            except Exception as exc:  # noqa: BLE001 - one crawl must not take the worker down
                log.exception("crawl site=%s could not start", job.site)
                failed = SiteReport(site=job.site, status="failed", errors=[f"{type(exc).__name__}: {exc}"])
                self._finish(job, failed)

    def _claim(self) -> Optional[QueueJob]:
        """A queued crawl, else a helper job for a site on a host this worker does not crawl now, else wait."""
        job = self.queue.claim(self.id, timeout=0)
        if job is None:
            job = self.queue.claim_helper(self.id, self._busy_sites())
        return job or self.queue.claim(self.id, timeout=0.5)

    def _busy_sites(self) -> set[str]:
        """Sites on a host this worker crawls now: it would only queue a helper of them behind its own crawl."""
        busy: set[str] = set()
        for job, _, _ in self._running.values():
            for host in self._site_hosts.get(job.site, frozenset()):
                busy |= self._host_sites.get(host, set())
        return busy

    def _offer_helpers(self) -> None:
        """Offer helpers for the big crawls this worker owns (``HELP_THRESHOLD`` waiting requests per crawl)."""
        for job, crawl, _ in list(self._running.values()):
            if job.helper_of or crawl.done.is_set() or crawl.opened is None:
                continue
            shared = SharedCrawl(self.queue.client, job.site)
            waiting = shared.waiting()
            offered = self.queue.helper_offers(job)
            # A claimed helper is a member only once its spider opened (seconds later on a busy machine).
            helpers = max(shared.helpers(), self.queue.claimed_helpers(job)) + offered
            if not offered and helpers < MAX_HELPERS and waiting > HELP_THRESHOLD * (helpers + 1):
                self.queue.offer_helper(job)

    def _keep_members_alive(self) -> None:
        """Keep the shared-crawl members of this worker's running crawls alive while their processes live.

        A crawl renews its own membership from its reactor, which a slow parse or database call can hold
        for seconds; this process's loop is not held by it (``newsmon.shared_crawl``).
        """
        members = [(job.site, crawl.member) for job, crawl, _ in list(self._running.values())
                   if crawl.member is not None]
        if members:
            keep_alive(self.queue.client, members)

    def _start(self, pool: CrawlPool, job: QueueJob) -> None:
        sites = {s.name for s in self.config.sites if s.enabled}
        if job.site not in sites:
            report = SiteReport(site=job.site, status="interrupted",
                                errors=[f"site {job.site!r} is not enabled in this worker's config"])
            log.warning("crawl site=%s refused: not an enabled site in %s", job.site, self.config.source_path)
            event = None if job.helper_of else {"event": "site_done", **report.to_dict()}
            self._guarded(lambda: self.queue.finish(self.id, job, event))
            return
        if job.attempt:
            log.info("resuming crawl site=%s (its previous worker died; attempt %d)", job.site, job.attempt + 1)
        if job.helper_of:
            log.info("helping crawl site=%s", job.site)

        crawl = pool.submit(job.site, time_limit=self.config.daemon.crawl_time_limit.total_seconds(),
                            helper=bool(job.helper_of))
        self._running[job.id] = (job, crawl, time.monotonic())

    def _collect(self) -> None:
        for key, (job, crawl, started) in list(self._running.items()):
            if crawl.run_id is not None and key not in self._recorded:
                # Its crawl_runs row is open: whoever reaps this job if we die closes it.
                if self._guarded(lambda: self.queue.record_run(job, int(crawl.run_id or 0))):
                    self._recorded.add(key)
            if not crawl.done.is_set():
                continue
            report = crawl.report or SiteReport(site=job.site, status="failed", errors=["no report"])
            if self.stop_event.is_set() and report.status == "interrupted":
                continue  # stopping: _shutdown queues it again
            del self._running[key]
            self._recorded.discard(key)
            if report.status != "ok" and not job.helper_of and self._database_gone():
                self._requeue_for_database(job, crawl, report)
                continue
            self.crawls += 1
            log_crawl(log, report, time.monotonic() - started, helper=bool(job.helper_of))
            self._finish(job, report)

    # -- the database going away ------------------------------------------------------------

    def _database_gone(self) -> bool:
        """True if the database does not answer now (checked when a crawl ended without success)."""
        if self._db_down_since is not None:
            return True
        error = _database_error(self.config)
        if error is None:
            return False
        self._db_down_since = self._db_checked = time.monotonic()
        log.error("%s Claiming no crawls until it answers; crawls that end meanwhile are queued again.",
                  error.rstrip("."))
        return True

    def _requeue_for_database(self, job: QueueJob, crawl: CrawlJob, report: SiteReport) -> None:
        """Put a crawl the outage spoiled back at the front of the queue (not counted, not reported)."""
        reason = headline_error(report.errors) if report.errors else f"status {report.status}"
        if self._guarded(lambda: self.queue.requeue(self.id, job)):
            self._guarded(lambda: self.queue.withdraw_helpers(job))
            log.warning("requeued site=%s (the database did not answer when its crawl ended %s: %s)", job.site,
                        report.status, reason.rstrip("."))
            if crawl.run_id is not None:  # by id only: the requeued crawl may open a row of the site elsewhere
                self._db_unclosed.append((job, crawl.run_id))
        else:  # Redis is away too: its processing entry stays, the reaper gives it back if we die
            self._finish(job, report)

    def _database_back(self) -> bool:
        """False while the database is away; when it answers again, close the requeued crawls' rows; True."""
        if self._db_down_since is None:
            return True
        now = time.monotonic()
        if now - self._db_checked < self.timings.db_check_every_s:
            return False
        self._db_checked = now
        if _database_error(self.config) is not None:
            return False
        log.info("database reachable again after %.0fs; claiming crawls again", now - self._db_down_since)
        self._db_down_since = None
        unclosed, self._db_unclosed = self._db_unclosed, []
        close_dead_runs(self.config, unclosed, error=DB_REQUEUED_ERROR)
        return True

    def _finish(self, job: QueueJob, report: SiteReport) -> None:
        # A helper's work is counted in its owner's report; the owner's crawl takes its untaken offers along.
        event = None if job.helper_of else {"event": "site_done", **report.to_dict(), "worker": self.id}
        if not job.helper_of:
            self._guarded(lambda: self.queue.withdraw_helpers(job))
        for _attempt in range(30):  # a crawl's result must reach Redis: retry through a short outage
            if self._guarded(lambda: self.queue.finish(self.id, job, event)):
                return
            time.sleep(1.0)
        log.error("crawl site=%s: its result could not be written to the queue; it will be crawled again", job.site)

    def _beat(self) -> None:
        info = {"pid": os.getpid(), "running": len(self._running), "crawls": self.crawls,
                "concurrency": self.concurrency, "at": time.time()}
        self._guarded(lambda: self.queue.heartbeat(self.id, info))

    def _log_heartbeat(self, pool: CrawlPool) -> None:
        counts = self._guarded(self.queue.counts) or {}
        log.info("heartbeat running=%d crawls=%d waiting=%s workers=%s rss_mb=%.1f workers_rss_mb=%.1f uptime=%s",
                 len(self._running), self.crawls, counts.get("waiting", "?"), counts.get("workers", "?"),
                 process_rss_mb(), pool.workers_rss_mb(), uptime_text(time.monotonic() - self.started))

    def _guarded(self, call: Any) -> Any:
        """Run a Redis call; an outage is logged once (and when it ends), never fatal."""
        try:
            result = call()
        except redis.RedisError as exc:
            if self._redis_down_since is None:
                self._redis_down_since = time.monotonic()
                log.error("%s Crawls in flight go on; retrying.", describe_error(self.queue.url, exc))
            return None
        if self._redis_down_since is not None:
            log.info("queue reachable again after %.0fs", time.monotonic() - self._redis_down_since)
            self._redis_down_since = None
        return result

    # -- stopping --------------------------------------------------------------------------

    def _shutdown(self, pool: CrawlPool) -> None:
        if self._running:
            log.info("stopping: waiting up to %.0fs for %s", self.finish_grace_s,
                     ",".join(job.site for job, _, _ in self._running.values()))
        deadline = time.monotonic() + self.finish_grace_s
        while self._running and time.monotonic() < deadline:
            self._collect_finished_only()
            time.sleep(0.1)
            if int(time.monotonic() * 10) % 20 == 0:
                self._beat()
        pool.cancel_all()  # what is still running is stopped (its stored stories stay)
        pool.close(timeout=5.0)
        for job, crawl, _ in list(self._running.values()):
            crawl.done.wait(5.0)
            if job.helper_of:  # its owner asks again for what it held (crawler/frontier.py)
                self._guarded(lambda: self.queue.finish(self.id, job, None))
            elif self._guarded(lambda: self.queue.requeue(self.id, job)):
                self._guarded(lambda: self.queue.withdraw_helpers(job))
                log.info("requeued site=%s (worker stopping)", job.site)
        self._running.clear()
        self._guarded(lambda: self.queue.leave(self.id))

    def _collect_finished_only(self) -> None:
        for key, (job, crawl, started) in list(self._running.items()):
            if crawl.done.is_set() and crawl.report is not None and crawl.report.status != "interrupted":
                del self._running[key]
                self.crawls += 1
                log_crawl(log, crawl.report, time.monotonic() - started, helper=bool(job.helper_of))
                self._finish(job, crawl.report)

    def _install_signals(self) -> dict[int, Any]:
        previous: dict[int, Any] = {}
        if threading.current_thread() is not threading.main_thread():
            return previous

        def on_stop(signum: int, frame: Optional[FrameType]) -> None:
            if not self.stop_event.is_set():
                log.info("received %s, stopping", signal.Signals(signum).name)
            self.stop_event.set()

        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, on_stop)
        return previous


def _database_error(config: Config) -> Optional[str]:
    """None when the configured database answers, else its one-sentence error (a reader's open: cheap, no writes)."""
    from newsmon.db import open_store

    try:
        open_store(config.database_target, readonly=True).close()
    except NewsmonError as exc:
        return str(exc)
    return None


def close_dead_runs(config: Config, reaped: list[tuple[QueueJob, Optional[int]]], *,
                    error: str = f"{INTERRUPTED_ERROR}; queued again") -> None:
    """Close the ``crawl_runs`` rows that dead workers left ``running`` (as ``interrupted``, with what they stored).

    By row id when the worker had recorded it in Redis; otherwise (it died
    within a moment of opening the row) every ``running`` row of that site:
    a site has one crawl at a time, and the requeued one has barely been handed out.
    ``error``: the row's reason (crawls requeued because the database went away say so).
    """
    if not reaped:
        return
    from newsmon.db import open_store
    from newsmon.db.health import close_abandoned_runs

    run_ids = [run for _, run in reaped if run is not None]
    unknown = sorted({job.site for job, run in reaped if run is None})
    try:
        with open_store(config.database_target) as store:
            if run_ids:
                close_abandoned_runs(store.db, None, status="interrupted", error=error, run_ids=run_ids)
            if unknown:
                close_abandoned_runs(store.db, unknown, status="interrupted", error=error)
    except Exception as exc:  # noqa: BLE001 - the row stays running; the crawl itself is requeued
        log.warning("could not close the crawl runs of dead workers (%s): %s", ", ".join(j.site for j, _ in reaped), exc)

