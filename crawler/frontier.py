"""A site crawl's request frontier in Redis (scrapy-redis's scheduler and dupefilter), shared by its workers.

Used by crawls that ``newsmon worker`` runs (``queue:`` set): the requests a
crawl has found but not fetched yet live in Redis under
``newsmon:crawl:<site>:requests`` instead of the worker's memory, and its
dupefilter under ``newsmon:crawl:<site>:dupefilter``. So a worker killed
mid-crawl loses nothing: the crawl is queued again (``scheduler.crawl_queue``),
and the next worker to run the site **resumes** the stored requests.

Several crawls of one site can take requests from one frontier at once: the
**owner** (the crawl the scheduler queued) and **helpers** (offered by the
owner's worker while the frontier is long, ``newsmon.shared_crawl``). All of
them are members of the crawl in Redis; politeness toward the host holds for
all of them together (``crawler.politeness``).

What we change in scrapy-redis's ``Scheduler`` (and why):

* the frontier is kept when a crawl stops unfinished (``shutdown``, or never
  closed because its process was killed), and flushed when the owner ends any
  other way, so a finished crawl's dupefilter never hides next crawl's list
  pages; a helper never flushes (the owner may still be parsing);
* the owner clears the dupefilter when it opens (a helper does not): the
  requests a killed worker had in flight were already taken from the queue
  and marked seen; the resumed crawl re-reads the list pages and must be
  allowed to ask for them again. Within one crawl it filters as usual;
  articles already stored are skipped by the spider itself (the shared store);
* a helper leaves when the frontier is empty; the owner ends only when the
  frontier is empty and every helper has left. A helper that died (its member
  key expired, ``kill -9``) took requests with it that nobody fetched: the
  owner then walks the site's list pages again from the start (dupefilter
  cleared, ``PortalSpider.rewalk``) before it ends, so what the helper lost is
  asked for again and what was stored is known to the store;
* a helper's counts (list pages, failures...) go to Redis when it leaves, and
  the owner adds them to its own ``crawl_runs`` row: one row per site crawl,
  whatever number of workers did it (counts waiting when an owner opens are an
  earlier crawl's, handed over after it ended, and are dropped). A crawl that had helpers takes its
  stories, duplicates and non-articles from the tables instead (what the site
  stored while it ran, ``db.health.stored_during_run``): exact even when a
  helper died before handing its counts over, or still crawled when the owner
  stopped (its time limit, a shutdown).
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.scheduler import Scheduler

from .runs import COUNTS
from newsmon.shared_crawl import SharedCrawl, crawl_key
from newsmon.timings import timings

__all__ = ["SiteFrontier", "frontier_settings"]

log = logging.getLogger(__name__)


class SiteFrontier(Scheduler):  # type: ignore[misc]  # scrapy-redis ships no type information
    """scrapy-redis's scheduler shared by a site crawl's owner and helpers (module docstring)."""

    @classmethod
    def from_crawler(cls, crawler: Any) -> "SiteFrontier":
        instance: SiteFrontier = super().from_crawler(crawler)
        instance.crawler = crawler
        return instance

    def open(self, spider: Any) -> Any:
        result = super().open(spider)
        self.helper = bool(getattr(spider, "helper", False))
        # Named by the worker's process pool, whose parent keeps it alive while this process runs (a reactor
        # blocked past timings().member_ttl_s is not a dead crawl: newsmon.shared_crawl); a fresh name otherwise.
        self.member = getattr(spider, "member", None) or uuid.uuid4().hex[:12]
        self.shared = SharedCrawl(self.server, spider.name)
        if not self.helper:
            self.df.clear()
            resumed = len(self.queue)
            if resumed and self.stats is not None:
                self.stats.set_value("newsmon/resumed_requests", resumed)
            # Members a dead owner left: this crawl starts from the list pages anyway.
            self.shared.forget(self.shared.others(self.member)[1])
            # Counts handed over by helpers that left after their owner had ended (its time limit, a
            # shutdown, a kill) are an earlier crawl's, whose row is closed: not this crawl's.
            stale = self.shared.take_counts()
            if stale:
                log.info("%s: dropped what helpers of an earlier crawl counted after it ended: %s", spider.name, stale)
        self.shared.join(self.member, "helper" if self.helper else "owner")
        from twisted.internet.task import LoopingCall

        self._beat = LoopingCall(self._on_beat)
        self._beat.start(timings().member_beat_s, now=False)
        self.crawler.signals.connect(self._on_idle, signal=signals.spider_idle)
        return result

    def _on_beat(self) -> None:
        try:
            self.shared.beat(self.member, "helper" if self.helper else "owner")
        except Exception as exc:  # noqa: BLE001 - Redis away for a moment: the next beat tries again
            log.warning("could not renew this crawl's membership in Redis: %s", exc)
        # Another member may have queued requests (or left): look again now, not at Scrapy's 5 s heartbeat.
        slot = getattr(self.crawler.engine, "_slot", None)
        if slot is not None and slot.closing is None:
            slot.nextcall.schedule()

    def _on_idle(self, spider: Any) -> None:
        if spider is not self.spider:
            return
        if len(self.queue):
            raise DontCloseSpider  # another member queued requests meanwhile: take them
        if self.helper:
            return  # nothing to take now: leave; the owner's worker offers help again if the frontier grows
        alive, dead = self.shared.others(self.member)
        if dead:
            self.shared.forget(dead)
            log.warning("%s: %d helper crawl(s) died mid-crawl; walking the list pages again for what they held",
                        spider.name, len(dead))
            if self.stats is not None:
                self.stats.inc_value("newsmon/helpers_lost", len(dead))
            self.df.clear()
            for request in spider.rewalk():
                self.crawler.engine.crawl(request)
            raise DontCloseSpider
        if alive:
            raise DontCloseSpider  # helpers still fetching: they may queue more, and their counts come at the end

    def close(self, reason: str) -> None:
        if self._beat.running:
            self._beat.stop()
        try:
            if self.helper:
                self.spider.settle_story_failures()  # its counts go to the owner now, before its spider_closed
                counts = {key: int(self.stats.get_value(f"newsmon/{key}", 0)) for key in COUNTS} if self.stats else {}
                self.shared.leave(self.member, {**counts, "helpers": 1})
                return
            # Helpers still crawling: this crawl stops before them (its time limit, a shutdown). Their counts
            # come after its row is closed; what they stored so far is in the tables (crawler/runs.py).
            alive = self.shared.others(self.member)[0]
            self.shared.leave(self.member)
            if self.stats is not None:
                if alive:
                    self.stats.inc_value("newsmon/helpers", len(alive))
                for key, value in self.shared.take_counts().items():
                    self.stats.inc_value(f"newsmon/{key}", value)
        except Exception as exc:  # noqa: BLE001 - counts lost, not stories
            log.warning("%s: could not settle the shared crawl in Redis: %s", self.spider.name, exc)
        if reason != "shutdown":
            self.flush()


def frontier_settings(redis_url: str, middlewares: dict[str, Any], download_delay: float) -> dict[str, Any]:
    """Scrapy settings that put a crawl's frontier in Redis at ``redis_url``.

    ``middlewares`` are the crawl's downloader middlewares; the host limiter
    (``crawler.politeness``) is added closest to the download and keeps
    ``download_delay`` between two downloads of a host over all workers. The
    downloader's own delay is then 0: waiting for it after the limiter's
    would make one worker alone slower than its politeness allows.
    """
    return {
        "NEWSMON_HOST_DELAY": download_delay,
        "DOWNLOAD_DELAY": 0.0,
        # AutoThrottle's delay is waited by the limiter before the lease; a random part added by the
        # slot after it would start the download past the place the lease holds.
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "SCHEDULER": "newsmon.crawler.frontier.SiteFrontier",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # SiteFrontier.close decides
        "SCHEDULER_QUEUE_KEY": crawl_key("%(spider)s", "requests"),
        "SCHEDULER_DUPEFILTER_KEY": crawl_key("%(spider)s", "dupefilter"),
        # Priority queue: list pages (priority 0) and articles in Scrapy's order.
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "REDIS_URL": redis_url,
        "REDIS_PARAMS": {"socket_timeout": 30, "socket_connect_timeout": 10, "retry_on_timeout": True},
        "DOWNLOADER_MIDDLEWARES": {**middlewares, "newsmon.crawler.politeness.HostLimiter": 950},
    }
