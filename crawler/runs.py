"""Record each site's crawl in ``crawl_runs`` and report it to whoever started the crawl."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Callable, Optional

from scrapy import signals
from scrapy.crawler import Crawler

from newsmon.errors import StoreError

if TYPE_CHECKING:
    from .spider import PortalSpider

__all__ = ["CrawlRunRecorder", "COUNTS"]

# Stats keys (under "newsmon/") copied into crawl_runs (db.health.RUN_COUNTS of them) and the run report. ``list_failures``: the
# failures that were list pages, or stories of deeper list pages that failed for a passing reason (a
# part of ``failures``, see ``PortalSpider.on_error``); a run with any did not read its whole list.
COUNTS = ("list_pages", "articles_new", "duplicates", "non_articles", "failures", "list_failures", "recleaned",
          "facts_reread")


class CrawlRunRecorder:
    """Scrapy extension: opens the crawl_runs row when the spider opens, closes it with counts."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.run_id: Optional[int] = None
        self.unrecorded = False  # the run's row could not even be opened (read-only or full database)
        self.started = 0.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "CrawlRunRecorder":
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: PortalSpider) -> None:
        self.started = time.monotonic()
        if spider.helper:
            # A helper (crawler/frontier.py) writes no row: its counts go into its owner's row.
            self.run_id = None
        else:
            try:
                self.run_id = spider.store.start_run(spider.name)
            except StoreError as exc:
                # A full or read-only database: the crawl goes on (what fits is stored) and its
                # report, without a row, still reaches the caller.
                spider._fail(str(exc))
                self.unrecorded = True
                return
        report: Optional[Callable[[dict[str, Any]], None]] = getattr(spider, "report", None)
        if report is not None:
            # The parent needs the row's id to close it honestly if this worker dies mid-crawl.
            report({"event": "site_started", "site": spider.name, "run_id": self.run_id})

    def spider_closed(self, spider: PortalSpider, reason: str) -> None:
        spider.settle_story_failures()  # a helper's were settled before it handed its counts over (frontier)
        stats = self.crawler.stats
        counts = {key: int(stats.get_value(f"newsmon/{key}", 0)) for key in COUNTS}
        helped = stats.get_value("newsmon/helpers", 0) or stats.get_value("newsmon/helpers_lost", 0)
        if self.run_id is not None and helped:
            # Helpers took part (crawler/frontier.py): a dead one's counts never came, and what the crawl
            # stored is best read from the tables (the site has one crawl at a time).
            from newsmon.db.health import stored_during_run

            counts.update(stored_during_run(spider.store.db, self.run_id))
        if reason == "closespider_timeout":
            status = "timeout"
            spider.errors.append("the crawl hit its time limit and was stopped")
        elif reason == "shutdown":
            # Stopped by a signal (daemon shutting down): not the site's fault.
            status = "interrupted"
            spider.errors.append("the crawl was stopped before it finished (newsmon was shutting down)")
        elif counts["list_pages"] == 0 and not spider.helper:
            status = "failed"
        elif counts["failures"]:
            status = "partial"
        else:
            status = "ok"
        if self.unrecorded and status not in ("timeout", "interrupted"):
            # Nothing of this crawl could be written: a failure, which the daemon counts toward the
            # site's health in memory (HealthMonitor) since the database cannot say so.
            status = "failed"
        duration = time.monotonic() - self.started
        if self.run_id is not None:
            try:
                spider.store.finish_run(self.run_id, status=status, counts=counts, errors=spider.errors,
                                        duration_s=duration)
            except StoreError as exc:
                # A full disk at the very end. The report below must still go out: the caller
                # (newsmon crawl, the daemon) waits for it, and without it waited forever. The
                # row stays 'running' until the next crawl closes it as interrupted.
                spider._fail(str(exc))
                counts["failures"] += 1
                status = "partial" if status == "ok" else status
                self.run_id = None
        report: Optional[Callable[[dict[str, Any]], None]] = getattr(spider, "report", None)
        if report is not None:
            report(
                {
                    "event": "site_done",
                    "site": spider.name,
                    "run_id": self.run_id,
                    "status": status,
                    "duration_s": round(duration, 3),
                    "errors": spider.errors[:20],
                    "helper": spider.helper,
                    **counts,
                }
            )
