"""``newsmon demo``: the whole pipeline against the bundled fixture portal, offline."""

from __future__ import annotations

import signal
import tempfile
import threading
from pathlib import Path
from typing import Optional

from rich.console import Console

from .errors import NewsmonError

__all__ = ["run_demo", "DEMO_MARKER"]

# The demo only reuses a folder that holds this file (one it made itself).
DEMO_MARKER = ".newsmon-demo"


def run_demo(workdir: Optional[Path] = None, *, query: str = "氪氙", serve: bool = False,
             stop: Optional[threading.Event] = None) -> Path:
    """Serve the fixture portal on 127.0.0.1, crawl it into a fresh database, search it.

    With ``serve`` the portal keeps running after the crawl (until ``stop`` is set, or
    Ctrl-C), so the printed ``newsmon crawl`` command can crawl it again. Returns the path of
    the config file written (the database sits beside it).
    """
    from newsmon.scheduler import run_crawl
    from newsmon.db import Store, search_articles

    from .config import load_config
    from .output import command_name, print_records, print_reports
    from .portal import FixturePortal
    from .progress import CrawlProgress

    console = Console()
    folder = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="newsmon-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    config_path = folder / "config.yaml"
    db_path = folder / "news.db"
    marker = folder / DEMO_MARKER
    if (config_path.exists() or db_path.exists()) and not marker.exists():
        # Never overwrite a real project's config or database.
        raise NewsmonError(f"{folder} already holds a config.yaml or news.db that the demo did not create; "
                           "choose an empty folder for --dir.")
    marker.write_text("written by `newsmon demo`; the demo may overwrite config.yaml and news.db here\n")
    for stale in (db_path, folder / "news.db-wal", folder / "news.db-shm"):
        stale.unlink(missing_ok=True)  # a demo starts from an empty database
    newsmon = command_name()
    with FixturePortal() as portal:
        config_path.write_text(portal.config_yaml(database="news.db"), encoding="utf-8")
        config = load_config(config_path)
        sites = ", ".join(f"{s.name} ({s.start_urls[0]})" for s in config.sites)
        console.print(f"Serving the fixture portal on 127.0.0.1: {sites}", markup=False)
        with CrawlProgress() as progress:
            reports = run_crawl(config, on_event=progress.update)
        print_reports(reports, "table")
        with Store(db_path) as store:
            counts = store.counts()
            console.print(
                f"\nStored {counts['articles']} articles ({counts['article_sources']} sources) in {db_path}",
                markup=False,
            )
            rows = search_articles(store.db, query, limit=5)
        console.print(f"\nSample search: {newsmon} search {query} --config {config_path}", markup=False)
        print_records(rows, "table", columns=["id", "published_at", "site", "title", "snippet", "sources_count"])
        hints = [f"{newsmon} show {rows[0]['id'] if rows else 1} --config {config_path}",
                 f"{newsmon} serve --config {config_path}",
                 "    (the web UI: open http://127.0.0.1:8080/ in a browser; search, stories, sites, feeds)"]
        if serve:
            hints.append(f"{newsmon} crawl --config {config_path}   (the portal keeps running; Ctrl-C stops it)")
        else:
            hints.append(f"{newsmon} demo --dir {folder} --serve")
            hints.append("    (keeps the demo portal running, so `crawl --config` on the demo config works)")
        # Plain print, not the console: a wrapped command would not work when pasted.
        print("\nTry:\n" + "\n".join(f"  {hint}" for hint in hints), flush=True)
        if serve:
            _wait(stop or threading.Event())
    return config_path


def _wait(stop: threading.Event) -> None:
    """Block until ``stop`` is set, Ctrl-C or SIGTERM."""
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, previous)
