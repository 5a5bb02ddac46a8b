"""Run one crawl pass over some sites, in a worker process, and report per site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Sequence

from newsmon.config import Config
from newsmon.errors import ConfigError, NewsmonError, StoreError

__all__ = ["SiteReport", "run_crawl"]


@dataclass
class SiteReport:
    """How one site's crawl went (also stored as a ``crawl_runs`` row)."""

    site: str
    status: str  # ok | partial | failed | timeout
    list_pages: int = 0
    articles_new: int = 0
    duplicates: int = 0
    non_articles: int = 0
    failures: int = 0
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
    log_level: str = "ERROR",
) -> list[SiteReport]:
    """Crawl ``sites`` (default: every enabled site) once; return one report per site.

    Runs in a fresh worker process (see ``scheduler.worker``). Page-level
    failures are counted in the reports; raises StoreError/NewsmonError only
    when the crawl could not run at all.
    """
    if sites:
        names = [config.site(name).name for name in sites]  # ConfigError for unknown names
    else:
        names = [s.name for s in config.sites if s.enabled]
    if not names:
        raise ConfigError(f"{config.source_path or 'config'}: no sites to crawl; add some under `sites:`.")
    request = {
        "config": config.model_dump(mode="json"),
        "source_path": config.source_path,
        "sites": names,
        "time_limit": time_limit,
        "log_level": log_level,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "scheduler.worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps(request, ensure_ascii=False))
    proc.stdin.close()
    reports: dict[str, SiteReport] = {}
    fatal: Optional[str] = None
    for line in proc.stdout:
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue  # stray print from a library
        if event.get("event") == "fatal":
            fatal = event["message"]
        elif event.get("event") == "site_done":
            fields = {k: event[k] for k in SiteReport.__dataclass_fields__ if k in event}
            reports[event["site"]] = SiteReport(**fields)
        if on_event is not None:
            on_event(event)
    code = proc.wait()
    if fatal:
        raise StoreError(fatal) if "database" in fatal or "folder" in fatal else NewsmonError(fatal)
    for name in names:
        if name not in reports:
            # The worker died before the site finished (killed, crashed).
            reports[name] = SiteReport(
                site=name, status="failed", errors=[f"the crawl worker stopped unexpectedly (exit status {code})"]
            )
    return [reports[name] for name in names]
