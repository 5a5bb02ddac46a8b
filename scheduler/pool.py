"""A pool of persistent, crash-isolated crawl workers, and the queue in front of it.

Each worker (:mod:`newsmon.scheduler.worker`) is a process with one Twisted
reactor that runs many site crawls, several at once, so a crawl of an
unchanged site costs milliseconds instead of a Python start-up. Isolation
stays: a worker that dies (crash, ``kill -9``), hangs past a crawl's time
limit, or grows past ``memory_limit_mb`` is killed and replaced; only the
crawls it was running are affected: the one that hung is recorded
``timeout``, the others ``interrupted`` (with the counts they actually
stored) and queued again once. A worker is recycled after
``max_crawls_per_worker`` crawls (leaks in libraries cannot pile up).

The queue is first come, first served, with two limits: at most
``max_running`` crawls at once over all workers, and **one crawl per host at
a time**, with ``crawl.download_delay`` between two crawls of one host.
Scrapy's per-domain politeness (concurrency, delay, AutoThrottle) lives in
each crawl's downloader, so two sites of one host crawled at the same time
would each be polite on their own and together not; serialising them keeps
the configured politeness across every site whose list pages share a host
(and port), whichever worker runs it. Nothing is dropped: a job waits until its host and a slot are free.
"""

from __future__ import annotations

import collections
import itertools
import json
import logging
import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Optional, Union

from newsmon.config import Config, SiteConfig

from .report import SiteReport

__all__ = ["CrawlJob", "CrawlPool", "PoolSettings", "KILL_GRACE_S", "site_hosts"]

log = logging.getLogger("newsmon.daemon")

# A crawl still running this long after its time limit (CLOSESPIDER_TIMEOUT asks
# Scrapy to stop; a stuck download or a hung extension may ignore that) gets its
# worker killed.
KILL_GRACE_S = 30.0
MEMORY_CHECK_S = 2.0
IDLE_WAIT_S = 30.0
INTERRUPTED = "the crawl was interrupted (newsmon is shutting down)"

EventCallback = Callable[[dict[str, Any]], None]


@dataclass
class PoolSettings:
    """How many workers, how many crawls at once, and when a worker is replaced."""

    workers: int = 2
    max_running: int = 2
    max_crawls_per_worker: int = 500
    memory_limit_mb: float = 1024.0
    log_level: str = "CRITICAL"
    kill_grace_s: float = KILL_GRACE_S
    # `newsmon worker`: each crawl's request frontier lives in Redis here (newsmon.crawler.frontier).
    frontier_url: Optional[str] = None


def site_hosts(site: SiteConfig) -> frozenset[str]:
    """The politeness keys of ``site``: ``host[:port]`` of its start URLs (its list pages).

    The port is part of the key, as it is of a site's boundary: two servers on
    one machine are two hosts. Article pages on other hosts of
    ``allowed_domains`` are not serialised across sites (documented limit).
    """
    from newsmon.shared_crawl import host_key

    return frozenset(key for key in map(host_key, site.start_urls) if key)


@dataclass(eq=False)
class CrawlJob:
    """One site crawl, from the queue to its report."""

    id: int
    site: str
    hosts: frozenset[str]
    time_limit: Optional[float]
    on_event: Optional[EventCallback]
    helper: bool = False  # joins another worker's crawl of the site (newsmon worker, crawler/frontier.py)
    submitted: float = field(default_factory=time.monotonic)
    started: Optional[float] = None  # dispatched to a worker
    opened: Optional[float] = None  # its spider opened (the worker may still have been starting before)
    run_id: Optional[int] = None
    retried: bool = False
    # Its name in the shared crawl in Redis (newsmon.shared_crawl), fresh at each dispatch and None once the
    # process running it is gone: the caller keeps the member alive while this is set.
    member: Optional[str] = None
    fatal: Optional[tuple[str, str]] = None  # (error type, message): the crawl could not run at all
    report: Optional[SiteReport] = None
    done: threading.Event = field(default_factory=threading.Event)


class _Worker:
    """One worker process and the jobs it is running."""

    def __init__(self, log_level: str) -> None:
        # A lifeline: the worker blocks reading this pipe, whose write end only we hold;
        # when we die (even kill -9) the kernel closes it and the worker kills itself.
        lifeline, self.lifeline = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "newsmon.scheduler.worker", log_level],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                env={**os.environ, "PYTHONUNBUFFERED": "1", "NEWSMON_LIFELINE_FD": str(lifeline)},
                pass_fds=(lifeline,),
            )
        except BaseException:
            os.close(self.lifeline)
            raise
        finally:
            os.close(lifeline)
        self.pid = self.proc.pid
        self.jobs: dict[int, CrawlJob] = {}
        self.crawls = 0
        self.config_version: Optional[int] = None
        self.draining = False  # takes no new jobs; exits when idle
        self.kill_reason: Optional[str] = None  # "timeout:<job>", "memory", "cancel"
        self.rss_mb = 0.0
        self.rss_checked = 0.0

    @property
    def stdin(self) -> IO[str]:
        assert self.proc.stdin is not None
        return self.proc.stdin

    def send(self, message: dict[str, Any]) -> None:
        self.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
        self.stdin.flush()

    def kill(self, reason: str) -> None:
        if self.kill_reason is None:
            self.kill_reason = reason
        try:
            self.proc.kill()
        except OSError:
            pass

    def close_lifeline(self) -> None:
        """Close our end of the lifeline (after the worker exited)."""
        if self.lifeline >= 0:
            try:
                os.close(self.lifeline)
            except OSError:
                pass
            self.lifeline = -1

    def read_rss_mb(self) -> float:
        """Resident memory of the worker process (MiB), 0 when it is gone."""
        try:
            with open(f"/proc/{self.pid}/statm") as f:
                self.rss_mb = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        except (OSError, ValueError, IndexError):
            self.rss_mb = 0.0
        return self.rss_mb


class CrawlPool:
    """Persistent crawl workers behind a polite FIFO queue (see the module docstring).

    ``pool.configure(config)`` sets the configuration crawls use (again after a
    reload); ``pool.crawl("site")`` queues a crawl and waits for its report;
    ``pool.cancel_all()`` kills every worker (shutdown); ``pool.close()``
    lets workers finish and exit.
    """

    def __init__(self, database: Union[Path, str], settings: PoolSettings) -> None:
        # A SQLite file or a PostgreSQL URL (Config.database_target).
        self.database_path: Union[Path, str] = database if isinstance(database, str) else Path(database)
        self.settings = settings
        self._cond = threading.Condition()
        self._pending: collections.deque[CrawlJob] = collections.deque()
        self._workers: list[_Worker] = []
        self._host_busy: set[str] = set()
        self._host_free_at: dict[str, float] = {}
        self._ids = itertools.count(1)
        self._config: Optional[Config] = None
        self._sites: dict[str, SiteConfig] = {}  # by name: a crawl must not scan 5,000 sites
        self._config_version = 0
        self._config_message: dict[str, Any] = {}
        self._closed = False
        self._cancelled = False
        self.crawls_done = 0
        self.workers_started = 0
        self._dispatcher = threading.Thread(target=self._run, name="crawl-pool", daemon=True)
        self._dispatcher.start()

    # -- public API --------------------------------------------------------------

    def configure(self, config: Config, settings: Optional[PoolSettings] = None) -> None:
        """Use ``config`` for crawls dispatched from now on (and ``settings``, if given)."""
        message = {
            "type": "config", "config": config.model_dump(mode="json"),
            "source_path": str(config.source_path) if config.source_path else None,
        }
        with self._cond:
            self._config_version += 1
            self._config = config
            self._sites = {s.name: s for s in config.sites}
            self._config_message = {**message, "id": self._config_version}
            if settings is not None:
                self.settings = settings
            self._cond.notify_all()

    def start_workers(self) -> None:
        """Start the workers now rather than at the first crawl (the daemon: its first crawls are on time)."""
        with self._cond:
            while len(self._live()) < max(1, self.settings.workers):
                if self._spawn() is None:
                    break

    def submit(self, site: str, *, time_limit: Optional[float] = None,
               on_event: Optional[EventCallback] = None, helper: bool = False) -> CrawlJob:
        """Queue a crawl of ``site`` (``helper``: a helper of another worker's crawl of it); returns at once."""
        with self._cond:
            assert self._config is not None, "configure() the pool first"
            site_config = self._sites.get(site) or self._config.site(site)  # ConfigError naming the known sites
            job = CrawlJob(next(self._ids), site, site_hosts(site_config), time_limit, on_event, helper=helper)
            if self._closed or self._cancelled:
                self._finish(job, SiteReport(site=site, status="interrupted", errors=[INTERRUPTED]))
            else:
                self._pending.append(job)
                self._cond.notify_all()
        return job

    def crawl(self, site: str, *, time_limit: Optional[float] = None,
              on_event: Optional[EventCallback] = None) -> SiteReport:
        """Queue a crawl of ``site`` and wait for its report."""
        job = self.submit(site, time_limit=time_limit, on_event=on_event)
        job.done.wait()
        assert job.report is not None
        return job.report

    @property
    def running(self) -> int:
        """Crawls running now."""
        with self._cond:
            return sum(len(w.jobs) for w in self._workers)

    @property
    def waiting(self) -> int:
        """Crawls queued, waiting for a slot or for their host."""
        with self._cond:
            return len(self._pending)

    def running_sites(self) -> list[str]:
        """Names of the sites being crawled now."""
        with self._cond:
            return sorted(job.site for w in self._workers for job in w.jobs.values())

    def worker_pids(self) -> list[int]:
        """Process ids of the live workers."""
        with self._cond:
            return [w.pid for w in self._workers]

    def workers_rss_mb(self) -> float:
        """Resident memory of all workers together (MiB)."""
        with self._cond:
            workers = list(self._workers)
        return sum(w.read_rss_mb() for w in workers)

    def drop_pending(self) -> None:
        """Start no queued crawl any more (shutdown): each ends ``interrupted`` without having run."""
        with self._cond:
            self._closed = True
            self._interrupt_pending()
            self._cond.notify_all()

    def _interrupt_pending(self) -> None:
        """End every queued crawl ``interrupted`` without running it (the caller holds ``_cond``)."""
        pending = list(self._pending)
        self._pending.clear()
        for job in pending:
            self._finish(job, SiteReport(site=job.site, status="interrupted", errors=[INTERRUPTED]))

    def cancel_all(self) -> None:
        """Kill every worker now and drop the queue; their crawls end ``interrupted`` (shutdown, Ctrl-C)."""
        with self._cond:
            self._cancelled = True
            self._interrupt_pending()
            for worker in self._workers:
                worker.kill("cancel")
            self._cond.notify_all()

    def close(self, timeout: float = 10.0) -> None:
        """Let running crawls finish (up to ``timeout``), then stop every worker."""
        deadline = time.monotonic() + timeout
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            while self._pending or any(w.jobs for w in self._workers):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(min(left, 0.2))
        if any(w.jobs for w in self._workers):
            self.cancel_all()
        with self._cond:
            workers = list(self._workers)
        for worker in workers:
            try:
                worker.stdin.close()
            except OSError:
                pass
        for worker in workers:
            try:
                worker.proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                worker.kill("cancel")
                worker.proc.wait(5)
        with self._cond:
            self._cond.notify_all()

    def __enter__(self) -> "CrawlPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- dispatcher ----------------------------------------------------------------

    def _run(self) -> None:
        with self._cond:
            while not (self._closed and not self._workers and not self._pending) and not self._cancelled:
                self._dispatch()
                self._watch()
                # Busy: look at time limits, host gaps and memory 4 times a second. Idle: sleep
                # until something happens (submit, configure, a worker's event or exit, close
                # all notify); idle workers neither overrun nor grow.
                busy = self._pending or any(w.jobs for w in self._workers)
                self._cond.wait(0.25 if busy else IDLE_WAIT_S)

    def _live(self) -> list[_Worker]:
        return [w for w in self._workers if not w.draining and w.kill_reason is None]

    def _dispatch(self) -> None:
        if self._cancelled or not self._pending:
            return
        now = time.monotonic()
        running = sum(len(w.jobs) for w in self._workers)
        for job in list(self._pending):
            if running >= self.settings.max_running:
                break
            if job.hosts & self._host_busy or any(self._host_free_at.get(h, 0) > now for h in job.hosts):
                continue  # its host is being crawled (or just was): politeness across sites
            self._pending.remove(job)
            if job.site not in self._sites:
                self._finish(job, SiteReport(site=job.site, status="interrupted",
                                             errors=["the site was removed from the config before its crawl"]))
                continue
            worker = self._pick_worker()
            if worker is None:
                self._pending.appendleft(job)
                return
            job.started = time.monotonic()
            job.member = uuid.uuid4().hex[:12]
            worker.jobs[job.id] = job
            self._host_busy |= job.hosts
            running += 1
            try:
                if worker.config_version != self._config_version:
                    worker.send(self._config_message)
                    worker.config_version = self._config_version
                worker.send({"type": "crawl", "job": job.id, "config": self._config_version, "site": job.site,
                             "time_limit": job.time_limit, "frontier": self.settings.frontier_url,
                             "helper": job.helper, "member": job.member})
            except (OSError, ValueError):
                worker.kill("crash")  # its reader thread sees the end and re-queues the job

    def _pick_worker(self) -> Optional[_Worker]:
        live = self._live()
        if len(live) < max(1, self.settings.workers):
            worker = self._spawn()
            if worker is not None:
                return worker
        return min(live, key=lambda w: len(w.jobs)) if live else None

    def _spawn(self) -> Optional[_Worker]:
        try:
            worker = _Worker(self.settings.log_level)
        except OSError as exc:
            log.error("could not start a crawl worker: %s", exc)
            return None
        self._workers.append(worker)
        self.workers_started += 1
        threading.Thread(target=self._read, args=(worker,), name=f"worker-{worker.pid}", daemon=True).start()
        log.debug("worker pid=%d started", worker.pid)
        return worker

    def _watch(self) -> None:
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.kill_reason is not None:
                continue
            for job in worker.jobs.values():
                # Counted from the spider's start; before it, a starting worker gets a second grace.
                since = job.opened or (job.started + self.settings.kill_grace_s if job.started else None)
                if job.time_limit and since and now > since + job.time_limit + self.settings.kill_grace_s:
                    log.warning("worker pid=%d killed: crawl site=%s overran its time limit", worker.pid, job.site)
                    worker.kill(f"timeout:{job.id}")
                    break
            if worker.kill_reason is not None:
                continue
            if now - worker.rss_checked >= MEMORY_CHECK_S:
                worker.rss_checked = now
                if worker.read_rss_mb() > self.settings.memory_limit_mb:
                    log.warning("worker pid=%d uses %.0f MiB (limit %.0f): replacing it", worker.pid,
                                worker.rss_mb, self.settings.memory_limit_mb)
                    if worker.jobs:
                        worker.kill("memory")
                    else:
                        worker.draining = True
            if worker.crawls >= self.settings.max_crawls_per_worker and not worker.draining:
                worker.draining = True  # recycled: finishes its crawls, then exits
                log.debug("worker pid=%d recycled after %d crawls", worker.pid, worker.crawls)
            if worker.draining and not worker.jobs and not worker.stdin.closed:
                try:
                    worker.stdin.close()
                except OSError:
                    pass

    # -- worker events (one reader thread per worker) --------------------------------

    def _read(self, worker: _Worker) -> None:
        assert worker.proc.stdout is not None
        for line in worker.proc.stdout:
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue  # stray print from a library
            self._on_event(worker, event)
        code = worker.proc.wait()
        worker.close_lifeline()
        self._on_exit(worker, code)

    def _on_event(self, worker: _Worker, event: dict[str, Any]) -> None:
        kind = event.get("event")
        with self._cond:
            job = worker.jobs.get(event.get("job", -1))
        if job is None:
            return
        if kind == "site_started":
            job.run_id = event.get("run_id")
            job.opened = time.monotonic()
        elif kind == "fatal":
            job.fatal = (str(event.get("error", "")), str(event.get("message", "")))
        if job.on_event is not None and kind in ("article", "site_done", "fatal"):
            try:
                job.on_event(event)
            except Exception:  # noqa: BLE001 - a progress display must not break the crawl
                log.exception("crawl event handler failed")
        if kind in ("site_done", "fatal"):
            if kind == "site_done":
                report = SiteReport.from_event(event)
            else:
                report = SiteReport(site=job.site, status="failed", errors=[job.fatal[1]] if job.fatal else [])
            with self._cond:
                worker.jobs.pop(job.id, None)
                worker.crawls += 1
                if worker.crawls >= self.settings.max_crawls_per_worker:
                    worker.draining = True  # recycled: takes no new crawl, exits when idle (_watch)
                self._release_hosts(job)
                self._finish(job, report)
                self._cond.notify_all()

    def _on_exit(self, worker: _Worker, code: int) -> None:
        with self._cond:
            self._workers.remove(worker)
            jobs = list(worker.jobs.values())
            worker.jobs.clear()
            for job in jobs:
                job.member = None  # what it had taken from a shared frontier is lost: let its member key expire
                self._release_hosts(job)
            self._cond.notify_all()
        if not jobs:
            if worker.kill_reason is None and code not in (0, None) and not self._closed:
                log.warning("worker pid=%d exited with status %d while idle", worker.pid, code)
            return
        reason = worker.kill_reason or f"exit:{code}"
        names = ",".join(job.site for job in jobs)
        if reason != "cancel":
            log.warning("worker pid=%d ended (%s); its crawls: %s", worker.pid, _describe(reason, code), names)
        for job in jobs:
            if reason == f"timeout:{job.id}":
                status = "timeout"
                why = f"the crawl overran its time limit by {self.settings.kill_grace_s:.0f}s and was killed"
            elif reason == "cancel" or self._cancelled:
                status, why = "interrupted", INTERRUPTED
            else:
                status, why = "interrupted", f"the crawl's worker {_describe(reason, code)}"
            report = self._close_run(job, status, why)
            with self._cond:
                if status == "interrupted" and reason != "cancel" and not job.retried and not self._closed \
                        and not self._cancelled:
                    job.retried = True  # once: a site that kills its worker every time must not loop
                    job.run_id = None
                    job.started = job.opened = None
                    self._pending.appendleft(job)
                    log.info("retrying crawl site=%s (run %s was interrupted)", job.site, report.run_id)
                else:
                    self._finish(job, report)
                self._cond.notify_all()

    def _close_run(self, job: CrawlJob, status: str, why: str) -> SiteReport:
        """Close the dead crawl's ``crawl_runs`` row with what it stored; its report."""
        report = SiteReport(site=job.site, status=status, errors=[why], run_id=job.run_id,
                            duration_s=time.monotonic() - (job.started or job.submitted))
        if job.run_id is None:
            return report  # it died before opening its row
        from newsmon.db import open_store
        from newsmon.db.health import close_abandoned_runs, run_counts

        try:
            with open_store(self.database_path) as store:
                close_abandoned_runs(store.db, None, status=status, error=why, run_ids=[job.run_id])
                counts = run_counts(store.db, job.run_id)
        except Exception as exc:  # noqa: BLE001 - the next start-up closes the row instead
            log.warning("could not close crawl run %s of site %s: %s", job.run_id, job.site, exc)
            return report
        for key, value in counts.items():
            setattr(report, key, value)
        return report

    def _release_hosts(self, job: CrawlJob) -> None:
        self._host_busy -= job.hosts
        gap = self._config.crawl.download_delay.total_seconds() if self._config is not None else 0.0
        if gap:
            free_at = time.monotonic() + gap
            for host in job.hosts:
                self._host_free_at[host] = free_at
            if len(self._host_free_at) > 10000:  # forget hosts whose gap is long over
                now = time.monotonic()
                self._host_free_at = {h: t for h, t in self._host_free_at.items() if t > now}

    def _finish(self, job: CrawlJob, report: SiteReport) -> None:
        job.report = report
        job.member = None
        self.crawls_done += 1
        job.done.set()


def _describe(reason: str, code: int) -> str:
    if reason.startswith("timeout:"):
        return "was killed: a crawl overran its time limit"
    if reason == "memory":
        return "was killed: it grew past daemon.worker_memory_limit_mb"
    if reason == "crash":
        return "stopped answering"
    return f"stopped unexpectedly (exit status {code})"
