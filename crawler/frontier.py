"""A site crawl's request frontier in Redis (scrapy-redis's scheduler and dupefilter).

Used by crawls that ``newsmon worker`` runs (``queue:`` set): the requests a
crawl has found but not fetched yet live in Redis under
``newsmon:crawl:<site>:requests`` instead of the worker's memory, and its
dupefilter under ``newsmon:crawl:<site>:dupefilter``. So a worker killed
mid-crawl loses nothing: the crawl is queued again (``scheduler.crawl_queue``),
and the next worker to run the site **resumes** the stored requests.

What we change in scrapy-redis's ``Scheduler`` (and why):

* the frontier is kept when a crawl stops unfinished (``shutdown``, or never
  closed because its process was killed), and flushed when it ends any other
  way, so a finished crawl's dupefilter never hides next crawl's list pages;
* the dupefilter (not the request queue) is cleared when a crawl opens: the
  requests a killed worker had in flight were already taken from the queue and
  marked seen; the resumed crawl re-reads the list pages and must be allowed
  to ask for them again. Within one crawl it filters as usual; articles
  already stored are skipped by the spider itself (the shared store).
"""

from __future__ import annotations

from typing import Any

from scrapy_redis.scheduler import Scheduler

__all__ = ["SiteFrontier", "frontier_settings"]


class SiteFrontier(Scheduler):  # type: ignore[misc]  # scrapy-redis ships no type information
    """scrapy-redis's scheduler, kept across unfinished crawls, its dupefilter fresh per crawl."""

    def open(self, spider: Any) -> Any:
        result = super().open(spider)
        self.df.clear()
        resumed = len(self.queue)
        if resumed and self.stats is not None:
            self.stats.set_value("newsmon/resumed_requests", resumed)
        return result

    def close(self, reason: str) -> None:
        if reason != "shutdown":
            self.flush()


def frontier_settings(redis_url: str) -> dict[str, Any]:
    """Scrapy settings that put a crawl's frontier in Redis at ``redis_url``."""
    return {
        "SCHEDULER": "newsmon.crawler.frontier.SiteFrontier",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # SiteFrontier.close decides
        "SCHEDULER_QUEUE_KEY": "newsmon:crawl:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": "newsmon:crawl:%(spider)s:dupefilter",
        # Priority queue: list pages (priority 0) and articles in Scrapy's order.
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "REDIS_URL": redis_url,
        "REDIS_PARAMS": {"socket_timeout": 30, "socket_connect_timeout": 10, "retry_on_timeout": True},
    }
