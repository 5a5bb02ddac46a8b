"""Run one crawl pass over some sites, in a worker process, and report per site."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence

from newsmon.config import Config
from newsmon.errors import ConfigError, NewsmonError, StoreError

from .lock import WriterLock

__all__ = ["SiteReport", "run_crawl", "KILL_GRACE_S"]

# A worker still alive this long after its time limit (CLOSESPIDER_TIMEOUT asks
# Scrapy to stop; a stuck download or a hung extension may ignore that) is killed.
KILL_GRACE_S = 30.0


@dataclass
class SiteReport:
    """How one site's crawl went (also stored as a ``crawl_runs`` row)."""

    site: str
    status: str  # ok | partial | failed | timeout | interrupted
    list_pages: int = 0
    articles_new: int = 0
    duplicates: int = 0
    non_articles: int = 0
    failures: int = 0
    recleaned: int = 0  # stored stories re-cleaned because the site template learned a chrome line
    duration_s: float = 0.0
    errors: list[str] = field(default_factory=list)
    run_id: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return dict(self.__dict__)


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

    Runs in a fresh worker process (see ``newsmon.scheduler.worker``) while holding
    the database's writer lock (``newsmon.scheduler.lock``; DatabaseLockedError if
    ``newsmon run`` or another crawl holds it). Page-level failures are
    counted in the reports; raises StoreError/NewsmonError only when the crawl
    could not run at all. A worker that outlives ``time_limit`` by
    ``KILL_GRACE_S`` is killed (status ``timeout``); setting ``cancel`` kills
    it at once (status ``interrupted``). Either way what it stored stays stored.
    """
    if sites:
        names = [config.site(name).name for name in sites]  # ConfigError for unknown names
    else:
        names = [s.name for s in config.sites if s.enabled]
    if not names:
        raise ConfigError(f"{config.source_path or 'config'}: no sites to crawl; add some under `sites:`.")
    with WriterLock(config.database_path, "newsmon crawl"):
        return _run_worker(config, names, on_event=on_event, time_limit=time_limit, log_level=log_level,
                           cancel=cancel)


def _run_worker(
    config: Config,
    names: list[str],
    *,
    on_event: Optional[Callable[[dict[str, Any]], None]],
    time_limit: Optional[float],
    log_level: str,
    cancel: Optional[threading.Event],
) -> list[SiteReport]:
    request = {
        "config": config.model_dump(mode="json"),
        "source_path": config.source_path,
        "sites": names,
        "time_limit": time_limit,
        "log_level": log_level,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsmon.scheduler.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps(request, ensure_ascii=False))
    proc.stdin.close()
    stopped: list[str] = []  # why the watchdog killed the worker, if it did
    if cancel is not None or time_limit:
        threading.Thread(
            target=_watch_worker, args=(proc, time_limit, cancel, stopped), name="crawl-watchdog", daemon=True
        ).start()
    reports: dict[str, SiteReport] = {}
    fatal: Optional[dict[str, Any]] = None
    for line in proc.stdout:
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue  # stray print from a library
        if event.get("event") == "fatal":
            fatal = event
        elif event.get("event") == "site_done":
            fields = {k: event[k] for k in SiteReport.__dataclass_fields__ if k in event}
            reports[event["site"]] = SiteReport(**fields)
        if on_event is not None:
            on_event(event)
    code = proc.wait()
    if fatal:
        error = {"StoreError": StoreError, "ConfigError": ConfigError}.get(fatal.get("error", ""), NewsmonError)
        raise error(fatal["message"])
    missing = [name for name in names if name not in reports]
    if missing:
        # The worker died before these sites finished (killed, crashed): close
        # their crawl_runs rows, which would otherwise say "running" forever.
        if stopped and stopped[0] == "timeout":
            status, why = "timeout", f"the crawl overran its time limit by {KILL_GRACE_S:.0f}s and was killed"
        elif stopped or code in (-signal.SIGTERM, -signal.SIGINT):
            # Stopped on purpose (shutdown, Ctrl-C, systemd): says nothing about the site.
            status, why = "interrupted", "the crawl was interrupted (newsmon is shutting down)"
        else:
            status, why = "failed", f"the crawl worker stopped unexpectedly (exit status {code})"
        from newsmon.db import Store
        from newsmon.db.health import close_abandoned_runs

        with Store(config.database_path) as store:
            close_abandoned_runs(store.db, missing, status=status, error=why)
        for name in missing:
            reports[name] = SiteReport(site=name, status=status, errors=[why])
    return [reports[name] for name in names]


def _watch_worker(
    proc: "subprocess.Popen[str]", time_limit: Optional[float], cancel: Optional[threading.Event], stopped: list[str]
) -> None:
    deadline = time.monotonic() + time_limit + KILL_GRACE_S if time_limit else None
    while proc.poll() is None:
        if cancel is not None and cancel.is_set():
            stopped.append("cancel")
        elif deadline is not None and time.monotonic() > deadline:
            stopped.append("timeout")
        if stopped:
            # Every write is one transaction, so killing mid-crawl loses nothing
            # stored; unfetched articles are simply fetched next time.
            proc.kill()
            return
        if cancel is not None:
            cancel.wait(0.2)
        else:
            time.sleep(0.2)
