"""The crawl worker process: ``python -m scheduler.worker`` runs one crawl pass and exits.

Twisted's reactor cannot be restarted inside a process, and one site's crash
or leak must not take its caller down, so every crawl pass runs here, in a
fresh process started by :func:`newsmon.scheduler.crawl.run_crawl`.

Protocol: the parent writes one JSON object to stdin::

    {"config": {...Config...}, "source_path": "/path/config.yaml", "sites": ["a", "b"], "log_level": "ERROR"}

and reads JSON lines from stdout: ``{"event": "article", ...}`` while the
crawl runs, ``{"event": "site_done", ...}`` per site, and
``{"event": "fatal", "message": ..., "error": "StoreError"}`` (exit status 2) when the crawl
cannot run at all. Scrapy's own log goes to stderr.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from typing import Any

__all__ = ["main"]

_stdout_lock = threading.Lock()


def emit(event: dict[str, Any]) -> None:
    """Write one event line for the parent process."""
    line = json.dumps(event, ensure_ascii=False)
    with _stdout_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def _exit_with_parent() -> None:
    """Die when the parent dies (``kill -9`` of the daemon), instead of crawling on as an orphan."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        # Nothing half-written survives: every store write is one transaction.
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def main() -> int:
    """Run the crawl described on stdin; return the exit status."""
    _exit_with_parent()
    from newsmon.config import Config
    from newsmon.errors import NewsmonError

    request = json.load(sys.stdin)
    config = Config(**request["config"], source_path=request.get("source_path"))
    from newsmon.redact import install_redaction

    install_redaction(config)  # Scrapy logs URLs: token parameters are masked here too
    try:
        from newsmon.db import Store

        store = Store(config.database_path)
    except NewsmonError as exc:
        emit({"event": "fatal", "message": str(exc), "error": type(exc).__name__})
        return 2
    if config.alerts.rules:
        # Match alert rules inside the transaction storing each new story; this
        # only writes alert_deliveries rows: sending happens in the parent.
        from newsmon.alerts import install_alert_hook

        install_alert_hook(store, config)

    from scrapy.crawler import CrawlerProcess

    from newsmon.crawler.settings import scrapy_settings
    from newsmon.crawler.spider import PortalSpider

    settings = scrapy_settings(
        config.crawl, log_level=request.get("log_level", "CRITICAL"), time_limit=request.get("time_limit")
    )
    process = CrawlerProcess(settings)
    for name in request["sites"]:
        site = config.site(name)
        process.crawl(PortalSpider, site=site, store=store, max_list_pages=config.max_list_pages(site), report=emit)
    process.start()
    store.close()
    return 0


if __name__ == "__main__":
    status = main()
    # Everything is written and the database closed: skip the interpreter's
    # teardown, which takes a second or more with Scrapy, Twisted and lxml loaded
    # (the daemon pays it on every crawl).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
