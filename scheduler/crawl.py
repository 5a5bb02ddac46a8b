"""Run one crawl pass over some sites, on the persistent worker pool, and report per site."""

from __future__ import annotations

import contextlib
import threading
from typing import Any, Callable, Optional, Sequence

from newsmon.config import Config
from newsmon.errors import ConfigError, NewsmonError, StoreError

from .lock import WriterLock
from .pool import KILL_GRACE_S, CrawlPool, PoolSettings
from .report import SiteReport

__all__ = ["SiteReport", "run_crawl", "pool_settings", "KILL_GRACE_S", "ALL_FAILED_EXIT"]

# `newsmon crawl` exits with this status when every site's crawl failed (README: exit codes).
ALL_FAILED_EXIT = 3
# `newsmon crawl` runs this many site crawls at once at most (more with a larger daemon.max_concurrent_crawls).
CRAWL_CONCURRENCY = 8
INTERRUPTED_ERROR = "the crawl was interrupted (newsmon was stopped or killed mid-crawl)"


def pool_settings(config: Config, *, max_running: Optional[int] = None, log_level: str = "CRITICAL") -> PoolSettings:
    """The worker pool's settings from the ``daemon:`` section."""
    d = config.daemon
    return PoolSettings(
        workers=d.workers,
        max_running=max_running or d.max_concurrent_crawls,
        max_crawls_per_worker=d.worker_max_crawls,
        memory_limit_mb=float(d.worker_memory_limit_mb),
        log_level=log_level,
    )


def run_crawl(
    config: Config,
    sites: Optional[Sequence[str]] = None,
    *,
    on_event: Optional[Callable[[dict[str, Any]], None]] = None,
    time_limit: Optional[float] = None,
    log_level: str = "CRITICAL",
    cancel: Optional[threading.Event] = None,
) -> list[SiteReport]:
    """Crawl ``sites`` (default: every enabled site) once; return one report per site.

    Runs on a worker pool of its own (``newsmon.scheduler.pool``, the same
    engine as ``newsmon run``) while holding the database's writer lock
    (``newsmon.scheduler.lock``; DatabaseLockedError if ``newsmon run`` or
    another crawl holds it). Crawl rows a killed earlier crawl left
    ``running`` are closed first, as ``interrupted``. Page-level failures are
    counted in the reports; raises StoreError/NewsmonError only when the
    crawl could not run at all. Each site's crawl stops after ``time_limit``
    seconds (default: ``daemon.crawl_time_limit``; status ``timeout``); setting
    ``cancel`` kills the workers at once (status ``interrupted``). Either way
    what was stored stays stored.
    """
    if sites:
        names = list(dict.fromkeys(config.site(name).name for name in sites))  # ConfigError for unknown names
    else:
        names = [s.name for s in config.sites if s.enabled]
    if not names:
        raise ConfigError(f"{config.source_path or 'config'}: no sites to crawl; add some under `sites:`.")
    if time_limit is None:
        time_limit = config.daemon.crawl_time_limit.total_seconds()
    # SQLite has one writer: the file lock keeps a second crawl or the daemon out. PostgreSQL takes
    # many writers (workers on several machines; add_article serialises what must be), so no lock, and
    # no closing of other processes' `running` rows: they may be alive elsewhere.
    guard = contextlib.nullcontext() if config.database_is_postgres else WriterLock(config.database_path,
                                                                                    "newsmon crawl")
    with guard:
        if not config.database_is_postgres:
            _close_abandoned(config)
        concurrency = max(config.daemon.max_concurrent_crawls, min(len(names), CRAWL_CONCURRENCY))
        settings = pool_settings(config, max_running=concurrency, log_level=log_level)
        settings.workers = min(settings.workers, len(names))
        pool = CrawlPool(config.database_target, settings)
        pool.configure(config)

        def relay(event: dict[str, Any]) -> None:
            if on_event is not None:
                on_event(event)
            if cancel is not None and cancel.is_set():
                pool.cancel_all()  # at once, from the event that asked for it

        try:
            jobs = [pool.submit(name, time_limit=time_limit, on_event=relay) for name in names]
            for job in jobs:
                while not job.done.wait(0.2):
                    if cancel is not None and cancel.is_set():
                        pool.cancel_all()
        except BaseException:
            pool.cancel_all()  # Ctrl-C: the workers go, their rows are closed as interrupted
            raise
        finally:
            pool.close()
    fatal = [job.fatal for job in jobs if job.fatal]
    if fatal and len(fatal) == len(jobs):
        error = {"StoreError": StoreError, "ConfigError": ConfigError}.get(fatal[0][0], NewsmonError)
        raise error(fatal[0][1])
    return [job.report for job in jobs if job.report is not None]


def _close_abandoned(config: Config) -> None:
    """Close crawl rows left ``running`` by a killed ``newsmon crawl`` (we hold the writer lock: none is alive)."""
    from newsmon.db import Store
    from newsmon.db.health import close_abandoned_runs

    try:
        with Store(config.database_path) as store:
            close_abandoned_runs(store.db, None, status="interrupted", error=INTERRUPTED_ERROR)
    except NewsmonError:
        pass  # the crawl itself reports an unusable database in one sentence
