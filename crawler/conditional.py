"""Conditional GET for list pages: send back the validators of the last complete crawl.

List pages are re-fetched on every crawl (that is how new articles are found),
but most of the time they have not changed. A server that supports it answers
``If-None-Match`` / ``If-Modified-Since`` with an empty ``304 Not Modified``;
the spider then knows the page holds nothing new and follows no pagination.

Validators (``ETag``, ``Last-Modified``) are kept per list URL in the
``list_pages`` table and saved only when a crawl ended without failures: a
page whose articles could not all be fetched must come back in full next time,
or the missed articles would hide behind a 304 until the page changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response

if TYPE_CHECKING:
    from .spider import PortalSpider

__all__ = ["ConditionalGetMiddleware"]


class ConditionalGetMiddleware:
    """Downloader middleware: conditional GET for requests with ``meta["newsmon_kind"] == "list"``."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.pending: dict[str, tuple[Optional[str], Optional[str]]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ConditionalGetMiddleware":
        mw = cls(crawler)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def process_request(self, request: Request, spider: PortalSpider) -> None:
        store = getattr(spider, "store", None)
        if request.meta.get("newsmon_kind") != "list" or store is None:
            return None
        # Let the 304 reach the spider instead of HttpErrorMiddleware's filter.
        request.meta.setdefault("handle_httpstatus_list", [304])
        if not getattr(spider, "stop_at_known", False):
            return None  # no complete crawl yet: fetch everything in full
        if (request.cb_kwargs.get("page_number") == 1 and getattr(spider, "learns_place", False)
                and spider.learned_place.never_read(request.url)):
            return None  # never read for the site's place (crawler/siteplace.py): once in full
        from newsmon.db.health import list_page_validators

        etag, last_modified = list_page_validators(store.db, request.url)
        if etag:
            request.headers.setdefault(b"If-None-Match", etag.encode("latin-1"))
        if last_modified:
            request.headers.setdefault(b"If-Modified-Since", last_modified.encode("latin-1"))
        return None

    def process_response(self, request: Request, response: Response, spider: PortalSpider) -> Response:
        if request.meta.get("newsmon_kind") != "list":
            return response
        if response.status == 304:
            self.crawler.stats.inc_value("newsmon/not_modified")
        elif response.status == 200:
            etag = response.headers.get(b"ETag")
            modified = response.headers.get(b"Last-Modified")
            if etag or modified:
                self.pending[request.url] = (
                    etag.decode("latin-1") if etag else None,
                    modified.decode("latin-1") if modified else None,
                )
        return response

    def spider_closed(self, spider: PortalSpider, reason: str) -> None:
        store = getattr(spider, "store", None)
        if store is None or not self.pending or reason != "finished" or getattr(spider, "helper", False):
            return  # a helper cannot know whether the whole crawl (its owner's) went without failures
        spider.settle_story_failures()  # a story another fetch stored is no failure (whichever handler runs first)
        if self.crawler.stats.get_value("newsmon/failures", 0):
            return  # see the module docstring
        from newsmon.db.health import save_list_page_validators

        save_list_page_validators(store.db, spider.name, self.pending)
