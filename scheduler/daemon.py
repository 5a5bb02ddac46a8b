"""``newsmon run``: crawl every site on its own schedule, for weeks, and say when one breaks.

One APScheduler job per enabled site (``every:`` → interval, ``cron:`` → cron
line), each with jitter, ``max_instances=1``, ``coalesce=True`` and a generous
misfire grace. A job waits for one of ``daemon.max_concurrent_crawls`` slots,
then runs :func:`newsmon.scheduler.crawl.run_crawl` for its site: a fresh worker
process, killed if it overruns its time limit.

The daemon holds the database's writer lock (``newsmon.scheduler.lock``) for its
whole life, so a second daemon or a manual ``newsmon crawl`` is refused.
SIGTERM/SIGINT stop it within 10 seconds (in-flight crawls get a few seconds to
finish, then their workers are killed; every store write is one transaction,
so nothing stored is lost). SIGHUP, or a change of the config file, reloads
the configuration; an invalid one is rejected and the old one keeps running.

Log lines (logfmt-style, one per event)::

    crawl site=… status=ok new=3 duplicates=1 non_articles=0 failures=0 list_pages=1 duration=0.4s wall=1.9s
    unhealthy site=… reason="the last 3 crawls failed (…)"
    recovered site=…
    heartbeat sites=3 running=1 waiting=0 crawls=57 unhealthy=0 articles=1234 rss_mb=61.2 uptime=3.2h
"""

from __future__ import annotations

import logging
import os
import random
import re
import resource
import signal
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import FrameType
from typing import Any, Optional

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED, EVENT_JOB_SUBMITTED, JobEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from newsmon.alerts import AlertSender
from newsmon.config import Config, SiteConfig, load_config
from newsmon.errors import ConfigError, NewsmonError

from .crawl import SiteReport, run_crawl
from .lock import WriterLock

__all__ = ["Daemon", "CrawlSlots", "site_period_s", "site_trigger", "health_thresholds"]

log = logging.getLogger("newsmon.daemon")

# In-flight crawls get this long to finish after SIGTERM before their workers
# are killed; the rest of the 10-second budget is for cleanup.
FINISH_GRACE_S = 4.0
STOP_BUDGET_S = 9.0
CONFIG_POLL_S = 2.0


class CrawlSlots:
    """A resizable counting semaphore: at most ``limit`` crawls at once, first come first served."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self.waiting = 0
        self._cond = threading.Condition()

    def acquire(self, stop: threading.Event) -> bool:
        """Wait for a slot; False if ``stop`` was set meanwhile."""
        with self._cond:
            self.waiting += 1
            try:
                while self.used >= self.limit and not stop.is_set():
                    self._cond.wait()
                if stop.is_set():
                    return False
                self.used += 1
                return True
            finally:
                self.waiting -= 1

    def release(self) -> None:
        """Give a slot back."""
        with self._cond:
            self.used -= 1
            self._cond.notify()

    def resize(self, limit: int) -> None:
        """Change the limit (config reload); running crawls are not interrupted."""
        with self._cond:
            self.limit = limit
            self._cond.notify_all()

    def wake_all(self) -> None:
        """Wake every waiter (so it can notice a stop)."""
        with self._cond:
            self._cond.notify_all()


def _jitter_s(config: Config, period_s: float) -> float:
    return min(config.daemon.jitter * period_s, config.daemon.seconds("max_jitter"))


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
        jitter = int(_jitter_s(config, period)) or None
        return CronTrigger(**_cron_fields(site.cron), timezone=timezone_, jitter=jitter)
    return IntervalTrigger(seconds=period, jitter=_jitter_s(config, period) or None)


def _cron_fields(line: str) -> dict[str, str]:
    minute, hour, day, month, day_of_week = line.split()
    return {"minute": minute, "hour": hour, "day": day, "month": month, "day_of_week": day_of_week}


def health_thresholds(config: Config) -> Any:
    """``newsmon.db.health.HealthThresholds`` from the ``daemon:`` settings."""
    from newsmon.db.health import HealthThresholds

    d = config.daemon
    return HealthThresholds(
        failures=d.unhealthy_after_failures,
        silence_factor=d.silence_factor,
        min_silence=timedelta(seconds=d.seconds("min_silence")),
        extraction_pages=d.extraction_failure_pages,
    )


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


class Daemon:
    """The long-running scheduler behind ``newsmon run``.

    ``Daemon(config_path).run()`` blocks until SIGTERM/SIGINT (or :meth:`stop`)
    and returns 0. Raises ConfigError for an invalid config and
    DatabaseLockedError when another newsmon process writes to the database.
    """

    def __init__(self, config_path: Path) -> None:
        self.config_path = Path(config_path)
        self.config = load_config(self.config_path)
        self._stop = threading.Event()  # no new crawls
        self._cancel = threading.Event()  # kill in-flight crawls
        self._reload = threading.Event()
        self._slots = CrawlSlots(self.config.daemon.max_concurrent_crawls)
        self._active: dict[str, float] = {}
        self._guard = threading.Lock()  # _active, counters, _health
        self._db_guard = threading.Lock()  # the daemon's own connection
        self._health: dict[str, str] = {}  # site -> last logged reasons ("" = ok)
        self._skip_logged: set[str] = set()
        self._schedule_dirty = threading.Event()
        self.crawls = 0
        self.started = time.monotonic()
        self._store: Any = None
        # The one alert sender (newsmon.alerts.AlertSender, also behind `crawl` and
        # `alerts send`): its own thread and connection, woken after each crawl.
        self._alerts: Optional[AlertSender] = None
        self._scheduler: Optional[BackgroundScheduler] = None
        self._config_stamp = self._stamp()

    # -- lifecycle -------------------------------------------------------------

    def run(self) -> int:
        """Schedule every site, serve until stopped, return the exit status (0)."""
        config = self.config
        previous = self._install_signals()  # first: a SIGTERM during start-up must stop us cleanly too
        try:
            with WriterLock(config.database_path, "newsmon run"):
                self._serve(config)
        finally:
            self._restore_signals(previous)
        return 0

    def _serve(self, config: Config) -> None:
        from newsmon.db import Store
        from newsmon.db.health import close_abandoned_runs

        self._store = Store(config.database_path)
        closed = close_abandoned_runs(
            self._store.db, None, status="interrupted",
            error="the crawl was interrupted (newsmon was stopped or killed mid-crawl)",
        )
        sites = self._enabled(config)
        log.info(
            "started pid=%d config=%s database=%s sites=%d max_concurrent_crawls=%d%s",
            os.getpid(), self.config_path, config.database_path, len(sites),
            config.daemon.max_concurrent_crawls,
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
        self._check_health(list(sites), quiet_ok=True)
        scheduler.start()
        self._alerts = AlertSender(config, config_source=lambda: self.config)
        self._alerts.start()
        self._schedule_dirty.set()
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
        last_poll = time.monotonic()
        while not self._stop.wait(0.5):
            if self._reload.is_set():
                self._reload.clear()
                self._reload_config("SIGHUP")
            elif self.config.daemon.watch_config and time.monotonic() - last_poll >= CONFIG_POLL_S:
                last_poll = time.monotonic()
                stamp = self._stamp()
                if stamp != self._config_stamp:
                    self._reload_config("file change")
            if self._schedule_dirty.is_set():
                self._schedule_dirty.clear()
                self._record_schedule()

    def _shutdown(self, scheduler: BackgroundScheduler) -> None:
        from newsmon.db.health import record_schedule

        deadline = time.monotonic() + STOP_BUDGET_S
        self._stop.set()
        self._slots.wake_all()
        scheduler.shutdown(wait=False)
        if self._alerts is not None:
            self._alerts.request_stop()  # in-flight sends are cancelled and left pending
        with self._guard:
            running = sorted(self._active)
        if running:
            log.info("stopping: waiting up to %.0fs for %s", FINISH_GRACE_S, ", ".join(running))
        finish_by = time.monotonic() + FINISH_GRACE_S
        while self._active and time.monotonic() < finish_by:
            time.sleep(0.1)
        if self._active:
            log.info("stopping: interrupting %s", ", ".join(sorted(self._active)))
            self._cancel.set()
        while self._active and time.monotonic() < deadline:
            time.sleep(0.1)
        try:
            with self._db_guard:
                record_schedule(self._store.db, {})  # not running: nothing is scheduled
                self._store.close()
            if self._alerts is not None and not self._alerts.join(max(0.5, deadline - time.monotonic())):
                log.warning("stopping: the alert sender did not stop in time; its claimed alerts are retried later")
        except Exception as exc:  # noqa: BLE001 - shutting down regardless
            log.warning("could not clear the schedule table: %s", exc)
        log.info("stopped after %s, %d crawls", self._uptime(), self.crawls)

    def _install_signals(self) -> dict[int, Any]:
        previous: dict[int, Any] = {}
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

    @staticmethod
    def _restore_signals(previous: dict[int, Any]) -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    # -- jobs --------------------------------------------------------------------

    @staticmethod
    def _enabled(config: Config) -> dict[str, SiteConfig]:
        return {s.name: s for s in config.sites if s.enabled}

    def _add_site_job(self, site: SiteConfig, *, first: bool = False) -> None:
        assert self._scheduler is not None
        config = self.config
        trigger = site_trigger(config, site)
        kwargs: dict[str, Any] = {}
        when = self._first_run(config, site) if first else None
        if when is not None:  # (next_run_time=None would add the job paused)
            kwargs["next_run_time"] = when
        self._scheduler.add_job(
            self._crawl_site, trigger, args=[site.name], id=f"site:{site.name}", name=site.name,
            misfire_grace_time=int(config.daemon.seconds("misfire_grace")), replace_existing=True, **kwargs,
        )

    def _first_run(self, config: Config, site: SiteConfig) -> Optional[datetime]:
        """Due now (plus jitter) unless the last crawl is recent enough (then: when the schedule says)."""
        now = datetime.now(timezone.utc)
        with self._db_guard:
            row = self._store.db.execute(
                "SELECT max(started_at) FROM crawl_runs WHERE site = ? AND status != 'interrupted'", [site.name]
            ).fetchone()
        last = datetime.fromisoformat(row[0]) if row and row[0] else None
        period = site_period_s(site)
        spread = random.uniform(0, _jitter_s(config, period))
        if site.cron:
            if last is not None and (now - last).total_seconds() <= period:
                return None  # no run was missed: the cron line decides
            return now + timedelta(seconds=spread)  # never crawled, or a run was missed while stopped
        if last is not None and last + site.interval > now:
            return last + site.interval + timedelta(seconds=spread)
        return now + timedelta(seconds=spread)

    def _add_service_jobs(self) -> None:
        assert self._scheduler is not None
        self._scheduler.add_job(
            self._heartbeat, IntervalTrigger(seconds=self.config.daemon.seconds("heartbeat")),
            id="heartbeat", replace_existing=True,
        )

    def _crawl_site(self, name: str) -> None:
        """One scheduled crawl of ``name`` (runs in a scheduler thread)."""
        if self._stop.is_set() or not self._slots.acquire(self._stop):
            return
        try:
            config = self.config
            if name not in self._enabled(config):
                return  # removed by a reload while waiting
            with self._guard:
                self._active[name] = time.monotonic()
            started = time.monotonic()
            try:
                reports = run_crawl(
                    config, [name], time_limit=config.daemon.seconds("crawl_time_limit"), cancel=self._cancel,
                )
            except NewsmonError as exc:
                reports = [SiteReport(site=name, status="failed", errors=[str(exc)],
                                      duration_s=time.monotonic() - started)]
            except Exception as exc:  # noqa: BLE001 - one site must not take the daemon down
                log.exception("crawl site=%s crashed the scheduler job", name)
                reports = [SiteReport(site=name, status="failed", errors=[f"{type(exc).__name__}: {exc}"])]
            finally:
                with self._guard:
                    self._active.pop(name, None)
            with self._guard:
                self.crawls += 1
                self._skip_logged.discard(name)
            if self._stop.is_set():
                self._relabel_interrupted(reports)
            wall = time.monotonic() - started
            for report in reports:
                self._log_crawl(report, wall)
        finally:
            self._slots.release()
        if self._stop.is_set():
            return
        if self._alerts is not None:
            self._alerts.wake()  # its stories' alerts go out now, not at the next tick
        self._check_health([name])

    def _relabel_interrupted(self, reports: list[SiteReport]) -> None:
        # A worker hit by the same SIGTERM/SIGINT as the daemon (systemd stops
        # the whole cgroup, Ctrl-C the whole process group) closes its spider
        # early; a "failed" run then is the shutdown's doing, not the site's.
        from newsmon.db.health import mark_interrupted

        for report in reports:
            if report.status == "failed" and report.run_id:
                try:
                    with self._db_guard:
                        mark_interrupted(self._store.db, report.run_id,
                                         "the crawl was interrupted (newsmon is shutting down)")
                except Exception as exc:  # noqa: BLE001 - shutting down; the row stays "failed"
                    log.debug("could not relabel run %s: %s", report.run_id, exc)
                report.status = "interrupted"

    def _log_crawl(self, r: SiteReport, wall: float) -> None:
        # duration: the crawl itself (spider open to close); wall: including the worker's start-up.
        level = logging.INFO if r.status in ("ok", "partial", "interrupted") else logging.WARNING
        error = f" error={_quote(r.errors[0])}" if r.errors and r.status not in ("ok",) else ""
        log.log(
            level,
            "crawl site=%s status=%s new=%d duplicates=%d non_articles=%d failures=%d list_pages=%d "
            "duration=%.1fs wall=%.1fs%s",
            r.site, r.status, r.articles_new, r.duplicates, r.non_articles, r.failures, r.list_pages,
            r.duration_s, wall, error,
        )

    def _on_submitted(self, event: JobEvent) -> None:
        if event.job_id.startswith("site:"):
            self._schedule_dirty.set()  # its next_run_at moved on

    def _on_skipped(self, event: JobEvent) -> None:
        # Replaces APScheduler's own warnings (silenced in cli_daemon) with one clear line.
        if not event.job_id.startswith("site:"):
            return
        site = event.job_id.removeprefix("site:")
        if event.code == EVENT_JOB_MAX_INSTANCES:
            with self._guard:  # once per site until its crawl ends, not every tick
                if site in self._skip_logged:
                    return
                self._skip_logged.add(site)
            log.info("skipped site=%s reason=\"the previous crawl is still running or waiting for a slot\"", site)
        else:
            log.warning("skipped site=%s reason=\"missed by more than daemon.misfire_grace\"", site)

    # -- health and heartbeat --------------------------------------------------

    def _check_health(self, names: list[str], *, quiet_ok: bool = False) -> list[Any]:
        from newsmon.db.health import site_health

        try:
            with self._db_guard:
                results = site_health(self._store.db, names, thresholds=health_thresholds(self.config))
        except Exception as exc:  # noqa: BLE001 - a health query must not stop crawling
            log.warning("health check failed: %s: %s", type(exc).__name__, exc)
            return []
        for health in results:
            reasons = "; ".join(health.reasons)
            with self._guard:
                before = self._health.get(health.name, "")
                self._health[health.name] = reasons
            # Log when the problem changes, not each time its numbers grow ("last 3 crawls" -> "last 4").
            if reasons and _DIGITS.sub("#", reasons) != _DIGITS.sub("#", before):
                log.warning("unhealthy site=%s reason=%s", health.name, _quote(reasons))
                self._notify_health(health.name, reasons)
            elif before and not reasons and not quiet_ok:
                log.info("recovered site=%s", health.name)
                self._notify_health(health.name, "")
        return results

    def _notify_health(self, site: str, reasons: str) -> None:
        """Tell alerts.health_channels (if any) that ``site`` became unhealthy ("" = recovered)."""
        if not self.config.alerts.health_channels:
            return
        import httpx

        from newsmon.alerts import notify_health
        from newsmon.db import utc_now

        try:
            with httpx.Client(follow_redirects=False) as client:
                notify_health(self.config, site, reasons, utc_now(), client=client)
        except Exception as exc:  # noqa: BLE001 - an operator message must not stop crawling
            log.warning("health notice for site %s failed: %s: %s", site, type(exc).__name__, exc)

    def _heartbeat(self) -> None:
        try:
            with self._db_guard:
                articles = self._store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        except Exception:  # noqa: BLE001
            articles = -1
        with self._guard:
            unhealthy = sorted(name for name, reasons in self._health.items() if reasons)
            running = len(self._active)
            crawls = self.crawls
        log.info(
            "heartbeat sites=%d running=%d waiting=%d crawls=%d unhealthy=%d%s articles=%d rss_mb=%.1f uptime=%s",
            len(self._enabled(self.config)), running, self._slots.waiting, crawls, len(unhealthy),
            f" unhealthy_sites={','.join(unhealthy)}" if unhealthy else "", articles, _rss_mb(), self._uptime(),
        )

    def _uptime(self) -> str:
        seconds = time.monotonic() - self.started
        for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
            if seconds >= size:
                return f"{seconds / size:.1f}{unit}"
        return f"{seconds:.0f}s"

    def _record_schedule(self) -> None:
        from newsmon.db.health import record_schedule

        if self._scheduler is None:
            return
        schedule: dict[str, Optional[datetime]] = {}
        for job in self._scheduler.get_jobs():
            if job.id.startswith("site:"):
                schedule[job.name] = job.next_run_time
        try:
            with self._db_guard:
                record_schedule(self._store.db, schedule)
        except Exception as exc:  # noqa: BLE001 - informational table only
            log.debug("could not record the schedule: %s", exc)

    # -- config reload -----------------------------------------------------------

    def _stamp(self) -> Optional[tuple[float, int]]:
        try:
            st = self.config_path.stat()
        except OSError:
            return None
        return (st.st_mtime, st.st_size)

    def _reload_config(self, why: str) -> None:
        self._config_stamp = self._stamp()
        try:
            new = load_config(self.config_path)
        except ConfigError as exc:
            log.error("config reload rejected (%s): %s The previous configuration keeps running.", why, exc)
            return
        old = self.config
        if new.database_path != old.database_path:
            log.error(
                "config reload rejected (%s): the database cannot change while newsmon run is running "
                "(%s → %s); restart it instead. The previous configuration keeps running.",
                why, old.database_path, new.database_path,
            )
            return
        old_sites, new_sites = self._enabled(old), self._enabled(new)
        added = [n for n in new_sites if n not in old_sites]
        removed = [n for n in old_sites if n not in new_sites]
        rescheduled = [
            n for n in new_sites
            if n in old_sites and (new_sites[n].every, new_sites[n].cron) != (old_sites[n].every, old_sites[n].cron)
        ]
        self.config = new
        self._slots.resize(new.daemon.max_concurrent_crawls)
        assert self._scheduler is not None
        for name in removed:
            self._scheduler.remove_job(f"site:{name}")
        for name in added:
            self._add_site_job(new_sites[name], first=True)
        for name in rescheduled:
            self._scheduler.reschedule_job(f"site:{name}", trigger=site_trigger(new, new_sites[name]))
        if old.daemon.heartbeat != new.daemon.heartbeat:
            self._add_service_jobs()
        with self._guard:
            for name in removed:
                self._health.pop(name, None)
        self._schedule_dirty.set()
        log.info(
            "config reloaded (%s): sites=%d added=%s removed=%s rescheduled=%s",
            why, len(new_sites), ",".join(added) or "-", ",".join(removed) or "-", ",".join(rescheduled) or "-",
        )
