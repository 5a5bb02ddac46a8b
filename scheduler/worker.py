"""A persistent crawl worker process: ``python -m newsmon.scheduler.worker`` runs site crawls until stdin closes.

Twisted's reactor cannot be restarted inside a process, and one site's crash,
hang or leak must not take its caller down, so crawls run in worker processes
(see :mod:`newsmon.scheduler.pool`). Starting Python with Scrapy, Twisted,
lxml and pydantic costs about a second of CPU; an unchanged list page costs a
few milliseconds. So a worker lives for many crawls: one reactor, one
``Crawler`` per site crawl (Scrapy's unit of per-crawl settings, stats and
signals), several at once.

Protocol (JSON lines). The parent writes to stdin::

    {"type": "config", "id": 3, "config": {...Config...}, "source_path": "/path/config.yaml"}
    {"type": "crawl", "job": 17, "config": 3, "site": "a", "time_limit": 600, "frontier": null, "helper": false,
     "member": "3f9a0c1b2d4e"}

(a config is sent once per worker and version, then referred to by id; ``frontier``, a
Redis URL, keeps the crawl's requests in Redis: ``newsmon.crawler.frontier``; ``helper``: the
crawl joins another worker's crawl of the site through that frontier; ``member``: the crawl's name among
the members of that shared crawl, which the parent keeps alive while this process runs it) and
reads from stdout: ``{"event": "site_started", "job": 17, "run_id": 5}``,
``{"event": "article", "job": 17, ...}`` while the crawl runs,
``{"event": "site_done", "job": 17, ...}`` at its end, and
``{"event": "fatal", "job": 17, "message": ..., "error": "StoreError"}`` when
it could not run at all. Closing stdin ends the worker once its crawls finish.
Scrapy's own log goes to stderr; the log level is the first argument.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Optional

if TYPE_CHECKING:
    from newsmon.config import Config, SiteConfig
    from newsmon.crawler.settings import ReusableSettings
    from newsmon.db import StoreAPI

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
    lifeline = os.environ.pop("NEWSMON_LIFELINE_FD", "")

    def watch() -> None:
        if lifeline.isdigit():
            # Blocks until the parent's end closes (it exits or is killed): no polling.
            try:
                while os.read(int(lifeline), 1):
                    pass
            except OSError:
                pass
        else:  # started by hand: look at the parent twice a second
            while os.getppid() == parent:
                time.sleep(0.5)
        # Nothing half-written survives: every store write is one transaction.
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class _Worker:
    """State of one worker: its configs, its open store, its crawls in flight."""

    def __init__(self, log_level: str) -> None:
        self.log_level = log_level
        self.configs: dict[int, "Config"] = {}
        self.sites: dict[str, "SiteConfig"] = {}  # of the current config, by name (5,000 sites: no scan per crawl)
        self.settings: dict[tuple[int, Optional[float], Optional[str]], "ReusableSettings"] = {}
        self.store: Optional["StoreAPI"] = None
        self.store_config: Optional[int] = None
        self.running = 0
        self.closing = False

    def handle(self, message: dict[str, Any]) -> None:
        """One line from the parent (runs in the reactor thread)."""
        if message.get("type") == "config":
            from newsmon.config import Config

            from newsmon.redact import install_redaction

            config = Config(**message["config"], source_path=message.get("source_path"))
            install_redaction(config)  # Scrapy logs URLs: token parameters are masked here too
            self.configs = {message["id"]: config}
            self.sites = {site.name: site for site in config.sites}
            self.settings.clear()  # built from the previous config
        elif message.get("type") == "crawl":
            self.crawl(message)

    def _open_store(self, config_id: int) -> "StoreAPI":
        """The store for this config version (reopened when the config changes: its alert rules may have)."""
        from newsmon.db import open_store

        if self.store is not None and self.store_config == config_id:
            return self.store
        config = self.configs[config_id]
        if self.store is not None and self.store.path == config.database_target:
            # Same database, new rules: swap the alert hook, keep the connection.
            self.store.new_article_hooks.clear()
            self.store.match_hooks.clear()  # install_alert_hook below registers the new rules' hook here
        else:
            if self.store is not None:
                self.store.close()
            self.store = None
            self.store = open_store(config.database_target)
        if config.alerts.rules:
            # Match alert rules inside the transaction storing each new story; this
            # only writes alert_deliveries rows: sending happens in the parent.
            from newsmon.alerts import install_alert_hook

            install_alert_hook(self.store, config)
        self.store_config = config_id
        return self.store

    def _settings(self, config_id: int, time_limit: Optional[float], frontier: Optional[str] = None
                  ) -> "ReusableSettings":
        """Scrapy settings for this config, time limit and frontier, built once (each Crawler copies them cheaply).

        ``frontier`` (a Redis URL, crawls queued for ``newsmon worker``): the crawl's
        requests live in Redis and survive this process (``newsmon.crawler.frontier``).
        """
        from newsmon.crawler.settings import reusable_settings

        key = (config_id, time_limit, frontier)
        settings = self.settings.get(key)
        if settings is None:
            if len(self.settings) > 16:  # old config versions
                self.settings.clear()
            settings = self.settings[key] = reusable_settings(
                self.configs[config_id].crawl, log_level=self.log_level, time_limit=time_limit)
            if frontier:
                from newsmon.crawler.frontier import frontier_settings

                settings.setdict(frontier_settings(frontier, settings.getdict("DOWNLOADER_MIDDLEWARES"),
                                                   settings.getfloat("DOWNLOAD_DELAY")), priority="project")
        return settings

    def crawl(self, message: dict[str, Any]) -> None:
        """Start one site crawl; its events carry the job id."""
        from newsmon.errors import NewsmonError

        job = message["job"]
        ended: list[str] = []  # the job's terminal event, once sent

        def report(event: dict[str, Any]) -> None:
            if event.get("event") in ("site_done", "fatal"):
                ended.append(event["event"])
            emit({**event, "job": job})

        try:
            config = self.configs[message["config"]]
            store = self._open_store(message["config"])
            site = self.sites.get(message["site"]) or config.site(message["site"])
        except (NewsmonError, KeyError) as exc:
            report({"event": "fatal", "site": message.get("site"), "message": str(exc), "error": type(exc).__name__})
            return
        from scrapy.crawler import Crawler

        from newsmon.crawler.spider import PortalSpider

        crawler = Crawler(PortalSpider, self._settings(message["config"], message.get("time_limit"),
                                                       message.get("frontier")))
        self.running += 1
        # Crawler.crawl, not CrawlerRunner.crawl: the runner would merge its own copy of
        # Scrapy's ~300 default settings into the crawler's (which already has them) on
        # every crawl, and keeps books this worker keeps itself (``running``).
        deferred = crawler.crawl(site=site, store=store, max_list_pages=config.max_list_pages(site), report=report,
                                 helper=bool(message.get("helper")), member=message.get("member"))

        def finished(result: Any) -> None:
            self.running -= 1
            if hasattr(result, "getErrorMessage"):  # a Failure: the spider could not even start
                report({"event": "fatal", "site": site.name, "message": result.getErrorMessage(),
                        "error": "NewsmonError"})
            elif not ended:
                # The crawl ended but no site_done went out (a spider_closed handler raised;
                # Scrapy logs and swallows that). The parent waits for one terminal event per
                # job: without this it waited until the crawl's time limit, or forever.
                report({"event": "fatal", "site": site.name, "error": "NewsmonError",
                        "message": "the crawl ended without a report (see the worker's log)"})
            self._maybe_exit()

        deferred.addBoth(finished)

    def input_closed(self) -> None:
        """The parent closed stdin: finish the crawls in flight, then exit."""
        self.closing = True
        self._maybe_exit()

    def _maybe_exit(self) -> None:
        if self.closing and self.running == 0:
            from twisted.internet import reactor

            reactor_: Any = reactor  # twisted's module-level reactor is typed as an interface
            reactor_.stop()


def _read_stdin(call: Callable[..., Any], worker: _Worker) -> None:
    """Feed each stdin line to the reactor thread; EOF ends the worker."""
    for line in sys.stdin:
        try:
            message = json.loads(line)
        except json.JSONDecodeError:
            continue
        call(worker.handle, message)
    call(worker.input_closed)


def main(argv: Optional[list[str]] = None) -> int:
    """Serve crawl jobs from stdin until it closes; return the exit status."""
    args = sys.argv[1:] if argv is None else argv
    log_level = args[0] if args else "CRITICAL"
    _exit_with_parent()
    # The parent decides when crawls stop (SIGTERM to the whole process group from
    # systemd or Ctrl-C must not cut a story's write short): it closes stdin or kills us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    from scrapy.utils.log import configure_logging
    from scrapy.utils.reactor import install_reactor

    install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    from twisted.internet import reactor as installed

    # Import what every crawl needs before saying ready, so the first crawl is as cheap as the rest.
    import newsmon.crawler.download  # noqa: F401
    import newsmon.crawler.pipelines  # noqa: F401
    import newsmon.crawler.spider  # noqa: F401
    import newsmon.db  # noqa: F401

    reactor: Any = installed  # twisted's module-level reactor is typed as an interface
    configure_logging({"LOG_LEVEL": log_level})
    worker = _Worker(log_level)
    threading.Thread(
        target=_read_stdin, args=(reactor.callFromThread, worker), name="stdin", daemon=True
    ).start()
    emit({"event": "ready", "pid": os.getpid()})
    profile_path = os.environ.get("NEWSMON_WORKER_PROFILE")  # bench/: where a crawl's CPU goes
    if profile_path:
        import cProfile

        profiler = cProfile.Profile(time.process_time)  # CPU time: wall time on a shared machine misleads
        profiler.runcall(reactor.run, installSignalHandlers=False)
        profiler.dump_stats(f"{profile_path}.{os.getpid()}")
    else:
        reactor.run(installSignalHandlers=False)
    if worker.store is not None:
        worker.store.close()
    return 0


if __name__ == "__main__":
    status = main()
    # Everything is written and the database closed: skip the interpreter's
    # teardown, which takes a second or more with Scrapy, Twisted and lxml loaded.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
