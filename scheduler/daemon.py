"""``newsmon run``: crawl every site on its own schedule, for weeks, and say when one breaks.

This module wires the parts together and owns the life cycle (start, signals,
the main loop, shutdown); each part lives in a module of its own:

* ``triggers``: when a site is due (interval or cron line, with jitter; the first run after a start);
* ``pool``: the persistent crawl workers and the polite queue in front of them;
* ``config_watch``: noticing, validating and refusing config reloads;
* ``health_monitor``: per-site verdicts, ``unhealthy``/``recovered`` lines and notices;
* ``heartbeat``, ``schedule_table``, ``housekeeping`` (WAL);
* ``newsmon.alerts.AlertSender``: the one alert sender (also behind ``crawl`` and ``alerts send``).

One APScheduler job per enabled site (``max_instances=1``, ``coalesce=True``,
a generous misfire grace) hands the site to the pool and waits for its
report. The daemon holds the database's writer lock (``newsmon.scheduler.lock``)
for its whole life. SIGTERM/SIGINT stop it within 10 seconds (in-flight
crawls get a few seconds to finish, then their workers are killed; every
store write is one transaction, so nothing stored is lost). SIGHUP, or a
change of the config file, reloads the configuration.

Log lines (logfmt-style, one per event)::

    crawl site=… status=ok new=3 duplicates=1 non_articles=0 failures=0 list_pages=1 duration=0.4s wall=1.9s
    unhealthy site=… reason="the last 3 crawls failed (…)"
    recovered site=…
    heartbeat sites=3 running=1 waiting=0 crawls=57 unhealthy=0 articles=1234 rss_mb=61.2 … uptime=3.2h
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED, EVENT_JOB_SUBMITTED, JobEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from newsmon.alerts import AlertSender
from newsmon.config import Config, SiteConfig, load_config
from newsmon.db.health import article_count, close_abandoned_runs, last_crawl_started, mark_interrupted
from newsmon.errors import NewsmonError
from newsmon.timings import timings

from .config_watch import CONFIG_POLL_S, ConfigWatcher, ReloadRefused, enabled_sites
from .crawl import INTERRUPTED_ERROR, pool_settings
from .health_monitor import HealthMonitor, health_thresholds
from .heartbeat import Heartbeat, uptime_text
from .housekeeping import CHECKPOINT_EVERY_S, WalKeeper
from .lock import daemon_lock
from .pool import CrawlPool
from .queue_mode import QueueScheduling
from .report import SiteReport, log_crawl
from .schedule_table import SITE_JOB_PREFIX, ScheduleTable
from .shared_store import SharedStore
from .slots import CrawlSlots
from .triggers import first_run, site_period_s, site_trigger

if TYPE_CHECKING:
    from newsmon.db.pg_lock import PgRunLock

    from .lock import WriterLock

__all__ = ["Daemon", "CrawlSlots", "site_period_s", "site_trigger", "health_thresholds"]

log = logging.getLogger("newsmon.daemon")

# In-flight crawls get timings().stop_grace_s (4 s) to finish after SIGTERM before their workers
# are killed; the rest of this budget (within the 10 s the CLI promises) is for cleanup.
STOP_BUDGET_S = 9.0
SCHEDULE_WRITE_S = 5.0  # site_schedule is informational (newsmon sites' next_run_at)
LOCK_CHECK_S = 1.0  # a PostgreSQL restart frees the one-daemon lock: taken again within this long
SignalHandler = Union[Callable[[int, Optional[FrameType]], Any], int, None]


class Daemon:
    """The long-running scheduler behind ``newsmon run``.

    ``Daemon(config_path).run()`` blocks until SIGTERM/SIGINT (or :meth:`stop`)
    and returns 0. Raises ConfigError for an invalid config and
    DatabaseLockedError when another newsmon process writes to the database.
    """

    def __init__(self, config_path: Path) -> None:
        self.config_path = Path(config_path)
        self.config = load_config(self.config_path)
        self.timings = timings()  # read at start: a bad override is one sentence, exit status 2
        self._watcher = ConfigWatcher(self.config_path)
        self._stop = threading.Event()  # no new crawls
        self._reload = threading.Event()
        self._active: set[str] = set()  # sites whose scheduler job is handling a crawl
        self._guard = threading.Lock()  # _active, counters, _skip_logged
        self._skip_logged: set[str] = set()
        self.crawls = 0
        self.started = time.monotonic()
        self._store: Optional[SharedStore] = None
        self._schedule: Optional[ScheduleTable] = None
        self._enabled_of: tuple[Optional[Config], dict[str, SiteConfig]] = (None, {})
        self._pool: Optional[CrawlPool] = None
        self._health: Optional[HealthMonitor] = None
        # The one alert sender (newsmon.alerts.AlertSender, also behind `crawl` and
        # `alerts send`): its own thread and connection, woken after each crawl.
        self._alerts: Optional[AlertSender] = None
        self._scheduler: Optional[BackgroundScheduler] = None
        # `queue:` set: schedule only, crawls go to Redis (newsmon.scheduler.queue_mode).
        self._queued: Optional[QueueScheduling] = None
        # The one-daemon lock (without `queue:`), kept while we run: see _keep_lock.
        self._lock: Optional[Union["WriterLock", "PgRunLock"]] = None
        self._lock_lost = False
        self._lock_down_since: Optional[float] = None

    # -- lifecycle -------------------------------------------------------------

    def run(self) -> int:
        """Schedule every site, serve until stopped, return the exit status (0)."""
        config = self.config
        previous = self._install_signals()  # first: a SIGTERM during start-up must stop us cleanly too
        try:
            if config.queue is not None:
                return self._run_queued(config)
            with daemon_lock(config, "newsmon run") as lock:
                self._lock = lock
                # Its own thread: the main loop can wait seconds on the database while it is away,
                # and every second of delay after the server is back lets a second daemon in.
                keeper = threading.Thread(target=self._hold_lock, name="daemon-lock", daemon=True)
                keeper.start()
                try:
                    self._serve(config)
                finally:
                    self._stop.set()
                    keeper.join(15.0)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return 1 if self._lock_lost else 0

    def _run_queued(self, config: Config) -> int:
        """Scheduling only (``queue:``): wait as a standby for the lease, then schedule into Redis.

        The writer lock is not taken: workers on any machine write the database.
        Returns 1 when the lease was lost to another scheduler.
        """
        queued = self._queued = QueueScheduling(config)
        if not queued.wait_for_lease(self._stop):
            log.info("stopped while standby")
            return 0
        try:
            self._serve(config)
        finally:
            queued.release()
        if queued.lost:
            log.error("stopped scheduling: %s; start newsmon run again to stand by", queued.lost)
            return 1
        return 0

    def _serve(self, config: Config) -> None:
        store = self._store = SharedStore(config.database_target)
        self._schedule = ScheduleTable(store)
        self._health = HealthMonitor(store, lambda: self.config)
        sites = enabled_sites(config)
        if self._queued is not None:
            # Rows left `running` belong to workers that may be crawling now; dead workers' rows are
            # closed when their jobs are reaped (queue_mode.tick).
            log.info("started pid=%d config=%s database=%s sites=%d queue=%s (scheduling only: crawls run on "
                     "newsmon worker)", os.getpid(), self.config_path, config.database_shown, len(sites),
                     self._queued.url)
        else:
            closed = store.call(lambda db: close_abandoned_runs(db, None, status="interrupted",
                                                                error=INTERRUPTED_ERROR))
            self._pool = CrawlPool(config.database_target, pool_settings(config))
            self._pool.configure(config)
            self._pool.start_workers()  # warm before the first crawl comes due
            log.info(
                "started pid=%d config=%s database=%s sites=%d max_concurrent_crawls=%d workers=%d%s",
                os.getpid(), self.config_path, config.database_shown, len(sites),
                config.daemon.max_concurrent_crawls, config.daemon.workers,
                f" closed_interrupted_runs={len(closed)}" if closed else "",
            )
        if not sites:
            log.warning("no enabled sites in %s; waiting for a config change", self.config_path)
        scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=64)},
            job_defaults={"coalesce": True, "max_instances": 1},
        )
        scheduler.add_listener(self._on_submitted, EVENT_JOB_SUBMITTED)
        scheduler.add_listener(self._on_skipped, EVENT_JOB_MAX_INSTANCES | EVENT_JOB_MISSED)
        self._scheduler = scheduler
        for site in sites.values():
            self._add_site_job(site, first=True)
        self._add_service_jobs()
        self._health.check(list(sites), quiet_ok=True)
        scheduler.start()
        self._alerts = AlertSender(config, config_source=lambda: self.config)
        self._alerts.start()
        try:
            self._main_loop()
        finally:
            self._shutdown(scheduler)

    def stop(self) -> None:
        """Ask the daemon to stop (what SIGTERM does)."""
        self._stop.set()

    def request_reload(self) -> None:
        """Ask the daemon to reload its config (what SIGHUP does)."""
        self._reload.set()

    def _main_loop(self) -> None:
        last_poll, last_schedule = time.monotonic(), 0.0
        while not self._stop.wait(0.5):
            if self._queued is not None and not self._queued.tick(self._on_queue_report):
                break  # another scheduler is active now: stop at once
            if self._reload.is_set():
                self._reload.clear()
                self._reload_config("SIGHUP")
            elif self.config.daemon.watch_config and time.monotonic() - last_poll >= CONFIG_POLL_S:
                last_poll = time.monotonic()
                if self._watcher.changed():
                    self._reload_config("file change")
            # Batched: the rows of the sites crawled meanwhile, at most every SCHEDULE_WRITE_S.
            if self._schedule is not None and self._schedule.due() \
                    and time.monotonic() - last_schedule >= SCHEDULE_WRITE_S:
                last_schedule = time.monotonic()
                self._schedule.write(self._scheduler_or_fail())

    def _hold_lock(self) -> None:
        """Every LOCK_CHECK_S: hold the one-daemon lock through a database restart; stop if another daemon took it."""
        while not self._stop.wait(LOCK_CHECK_S):
            if not self._keep_lock():
                self._stop.set()
                return

    def _keep_lock(self) -> bool:
        """True while the one-daemon lock is ours (or the server is away); False when another daemon took it."""
        if self._lock is None:
            return True
        try:
            kept = self._lock.keep()
        except NewsmonError as exc:  # the server is away: the crawls say so; take the lock again when it is back
            if self._lock_down_since is None:
                self._lock_down_since = time.monotonic()
                log.warning("%s The one-daemon lock is taken again when it answers.", str(exc).rstrip(".") + ".")
            return True
        away = time.monotonic() - self._lock_down_since if self._lock_down_since is not None else None
        self._lock_down_since = None
        if not kept:
            self._lock_lost = True
            log.error("stopped: another newsmon run took the one-daemon lock of %s while the database was away",
                      self.config.database_shown)
            return False
        if away is not None:
            log.info("database reachable again after %.0fs; holding the one-daemon lock again", away)
        return True

    def _enabled(self, config: Config) -> dict[str, SiteConfig]:
        """``enabled_sites(config)``, built once per config version (each crawl asks; 5,000 sites cost 2 ms)."""
        of, sites = self._enabled_of
        if of is not config:
            sites = enabled_sites(config)
            self._enabled_of = (config, sites)
        return sites

    def _scheduler_or_fail(self) -> BackgroundScheduler:
        assert self._scheduler is not None
        return self._scheduler

    def _shutdown(self, scheduler: BackgroundScheduler) -> None:
        deadline = time.monotonic() + STOP_BUDGET_S
        self._stop.set()
        scheduler.shutdown(wait=False)
        if self._alerts is not None:
            self._alerts.request_stop()  # in-flight sends are cancelled and left pending
        pool = self._pool
        assert self._store is not None
        if pool is not None:
            self._stop_pool(pool, deadline)
        try:
            if self._schedule is not None:
                self._schedule.clear()
            self._store.close()
            if self._alerts is not None and not self._alerts.join(max(0.5, deadline - time.monotonic())):
                log.warning("stopping: the alert sender did not stop in time; its claimed alerts are retried later")
        except Exception as exc:  # noqa: BLE001 - shutting down regardless
            log.warning("could not clear the schedule table: %s", exc)
        log.info("stopped after %s, %d crawls", uptime_text(time.monotonic() - self.started), self.crawls)

    def _stop_pool(self, pool: CrawlPool, deadline: float) -> None:
        pool.drop_pending()  # queued crawls do not start
        running = pool.running_sites()
        if running:
            log.info("stopping: waiting up to %.0fs for %s", self.timings.stop_grace_s, ", ".join(running))
        finish_by = time.monotonic() + self.timings.stop_grace_s
        while pool.running and time.monotonic() < finish_by:
            time.sleep(0.1)
        if pool.running:
            log.info("stopping: interrupting %s", ", ".join(pool.running_sites()))
        pool.cancel_all()
        pool.close(timeout=max(0.5, deadline - 2.0 - time.monotonic()))
        while self._active and time.monotonic() < deadline:
            time.sleep(0.1)  # the crawl jobs log their last lines

    def _install_signals(self) -> dict[int, SignalHandler]:
        previous: dict[int, SignalHandler] = {}
        if threading.current_thread() is not threading.main_thread():
            return previous  # embedded (tests): use stop()/request_reload()

        def on_stop(signum: int, frame: Optional[FrameType]) -> None:
            if not self._stop.is_set():
                log.info("received %s, stopping", signal.Signals(signum).name)
            self._stop.set()

        def on_hup(signum: int, frame: Optional[FrameType]) -> None:
            self._reload.set()

        for sig, handler in ((signal.SIGTERM, on_stop), (signal.SIGINT, on_stop), (signal.SIGHUP, on_hup)):
            previous[sig] = signal.signal(sig, handler)
        return previous

    # -- jobs --------------------------------------------------------------------

    def _add_site_job(self, site: SiteConfig, *, first: bool = False) -> None:
        scheduler, config, store = self._scheduler_or_fail(), self.config, self._store
        kwargs: dict[str, Any] = {}
        if first and store is not None:
            last = store.call(lambda db: last_crawl_started(db, site.name))
            when = first_run(config, site, last)
            if when is not None:  # (next_run_time=None would add the job paused)
                kwargs["next_run_time"] = when
        scheduler.add_job(
            self._crawl_site, site_trigger(config, site), args=[site.name], id=f"{SITE_JOB_PREFIX}{site.name}",
            name=site.name, misfire_grace_time=int(config.daemon.misfire_grace.total_seconds()), replace_existing=True,
            **kwargs,
        )

    def _add_service_jobs(self) -> None:
        scheduler = self._scheduler_or_fail()
        scheduler.add_job(self._heartbeat, IntervalTrigger(seconds=self.config.daemon.heartbeat.total_seconds()),
                          id="heartbeat", replace_existing=True)
        if not self.config.database_is_postgres:  # WAL housekeeping is SQLite's; PostgreSQL checkpoints itself
            wal = WalKeeper(self.config.database_path)
            scheduler.add_job(wal.run, IntervalTrigger(seconds=CHECKPOINT_EVERY_S), id="wal", replace_existing=True)

    def _crawl_site(self, name: str) -> None:
        """One scheduled crawl of ``name`` (runs in a scheduler thread; waits in the pool's queue)."""
        config, pool, health = self.config, self._pool, self._health
        if self._queued is not None and not self._stop.is_set() and name in self._enabled(config):
            self._enqueue(name)
            return
        if self._stop.is_set() or name not in self._enabled(config) or pool is None or health is None:
            return  # stopping, or removed by a reload meanwhile
        with self._guard:
            self._active.add(name)
        started = time.monotonic()
        try:
            report = pool.crawl(name, time_limit=config.daemon.crawl_time_limit.total_seconds())
        except NewsmonError as exc:
            report = SiteReport(site=name, status="failed", errors=[str(exc)], duration_s=time.monotonic() - started)
        except Exception as exc:  # noqa: BLE001 - one site must not take the daemon down
            log.exception("crawl site=%s crashed the scheduler job", name)
            report = SiteReport(site=name, status="failed", errors=[f"{type(exc).__name__}: {exc}"])
        try:
            with self._guard:
                self.crawls += 1
                self._skip_logged.discard(name)
            if self._stop.is_set():
                self._relabel_interrupted(report)
            log_crawl(log, report, time.monotonic() - started)
            health.record(report)
        finally:
            with self._guard:
                self._active.discard(name)
        if not self._stop.is_set():
            health.check([name])
            if self._alerts is not None:
                # Its stories' alerts (and a health notice just written) go out now: the
                # sender sleeps until woken or until the next pending row is due.
                self._alerts.wake()

    def _enqueue(self, name: str) -> None:
        assert self._queued is not None
        queued = self._queued.enqueue(name)
        if queued is False:
            with self._guard:  # once per site until its crawl ends, not every tick
                if name in self._skip_logged:
                    return
                self._skip_logged.add(name)
            log.info("skipped site=%s reason=\"already queued or running on a worker\"", name)
        elif queued:
            log.debug("queued site=%s", name)

    def _on_queue_report(self, event: dict[str, Any]) -> None:
        """A crawl finished on a worker: its line, the site's health, its alerts."""
        report = SiteReport.from_event(event)
        with self._guard:
            self.crawls += 1
            self._skip_logged.discard(report.site)
        log_crawl(log, report, report.duration_s)
        if self._health is not None and report.site in self._enabled(self.config):
            self._health.record(report)
            self._health.check([report.site])
        if self._alerts is not None and report.articles_new:
            self._alerts.wake()  # its stories' alerts go out now, not at the next tick

    def _relabel_interrupted(self, report: SiteReport) -> None:
        # A crawl cut short by the shutdown may have closed as "failed"; that
        # is the shutdown's doing, not the site's.
        if report.status != "failed":
            return
        if report.run_id and self._store is not None:
            run_id = report.run_id
            try:
                self._store.call(lambda db: mark_interrupted(db, run_id, INTERRUPTED_ERROR))
            except Exception as exc:  # noqa: BLE001 - shutting down; the row stays "failed"
                log.debug("could not relabel run %s: %s", report.run_id, exc)
        report.status = "interrupted"

    def _on_submitted(self, event: JobEvent) -> None:
        if event.job_id.startswith(SITE_JOB_PREFIX) and self._schedule is not None:
            self._schedule.moved(event.job_id.removeprefix(SITE_JOB_PREFIX))  # its next_run_at moved on

    def _on_skipped(self, event: JobEvent) -> None:
        # Replaces APScheduler's own warnings (silenced in the CLI) with one clear line.
        if not event.job_id.startswith(SITE_JOB_PREFIX):
            return
        site = event.job_id.removeprefix(SITE_JOB_PREFIX)
        if self._schedule is not None:
            self._schedule.moved(site)  # its next_run_at moved on too
        if event.code == EVENT_JOB_MAX_INSTANCES:
            with self._guard:  # once per site until its crawl ends, not every tick
                if site in self._skip_logged:
                    return
                self._skip_logged.add(site)
            log.info("skipped site=%s reason=\"the previous crawl is still running or waiting for a slot\"", site)
        else:
            log.warning("skipped site=%s reason=\"missed by more than daemon.misfire_grace\"", site)

    def _heartbeat(self) -> None:
        store, pool, health = self._store, self._pool, self._health
        if store is None or health is None:
            return
        try:
            articles = store.call(article_count)
        except Exception:  # noqa: BLE001 - a busy or broken database must not stop the heartbeat
            articles = -1
        with self._guard:
            crawls = self.crawls
        if pool is not None:
            running, waiting, workers, rss = pool.running, pool.waiting, len(pool.worker_pids()), pool.workers_rss_mb()
        else:  # queue: figures of the whole queue (workers elsewhere report their own memory)
            counts = self._queued.counts() if self._queued is not None else {}
            waiting = counts.get("waiting", -1)
            running, workers, rss = counts.get("active", -1) - max(waiting, 0), counts.get("workers", -1), 0.0
        Heartbeat(
            sites=len(self._enabled(self.config)), running=running, waiting=waiting, crawls=crawls,
            unhealthy=health.unhealthy(), articles=articles, workers=workers,
            workers_rss_mb=rss, uptime_s=time.monotonic() - self.started,
        ).log()

    # -- config reload -----------------------------------------------------------

    def _reload_config(self, why: str) -> None:
        try:
            new, changes = self._watcher.load(self.config)
        except ReloadRefused as exc:
            log.error("config reload rejected (%s): %s The previous configuration keeps running.", why, exc)
            return
        old, scheduler = self.config, self._scheduler_or_fail()
        self.config = new
        if self._pool is not None:
            self._pool.configure(new, pool_settings(new))
        if self._queued is not None:
            self._queued.configure(new)
        new_sites = enabled_sites(new)
        for name in changes.removed:
            scheduler.remove_job(f"{SITE_JOB_PREFIX}{name}")
        for name in changes.added:
            self._add_site_job(new_sites[name], first=True)
        for name in changes.rescheduled:
            scheduler.reschedule_job(f"{SITE_JOB_PREFIX}{name}", trigger=site_trigger(new, new_sites[name]))
        if old.daemon.heartbeat != new.daemon.heartbeat:
            self._add_service_jobs()
        if self._health is not None:
            self._health.forget(changes.removed)
        if self._schedule is not None:
            self._schedule.rescan()
        if self._alerts is not None:
            self._alerts.wake()  # channels or rules may have changed
        log.info(
            "config reloaded (%s): sites=%d added=%s removed=%s rescheduled=%s",
            why, len(new_sites), ",".join(changes.added) or "-", ",".join(changes.removed) or "-",
            ",".join(changes.rescheduled) or "-",
        )

