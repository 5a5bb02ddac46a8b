"""PortalSpider: one monitored site, list pages -> new article pages -> items.

The spider decides *what* to fetch (only article URLs the store does not know;
pagination stops at a page whose articles are all known) and turns responses
into items. Storing, deduplicating and recording the run happen in
``pipelines.py`` and ``runs.py``; the spider knows nothing of alert channels.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Iterator, Optional

import scrapy
from scrapy import signals
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from newsmon.db import Store
from newsmon.db.templates import counted_pages
from newsmon.config import SiteConfig

from .extract import decode_html, extract
from .failures import describe_failure
from .links import classify_links, extract_links
from .urls import canonical_url, same_site, url_key
from .template import page_blocks

# Learn the site template from every article page until this many were seen.
TEMPLATE_LEARN_ALL = 50

__all__ = ["PortalSpider"]


class PortalSpider(scrapy.Spider):
    """Crawl one site from its config; counts go to the crawler's stats under ``newsmon/``."""

    name = "portal"

    def __init__(self, site: SiteConfig, store: Store, max_list_pages: int, **kwargs: Any) -> None:
        super().__init__(name=site.name, **kwargs)
        self.site = site
        self.store = store
        self.max_list_pages = max_list_pages
        self.allowed_domains = site.domains
        self.errors: list[str] = []
        self._requested: set[str] = set()
        # Pagination may stop early only when an earlier crawl went all the way.
        self.stop_at_known = store.has_completed_run(site.name)
        self._template_pages = counted_pages(store.db, site.name)
        self._article_pages = 0

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> "PortalSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider._spider_error, signal=signals.spider_error)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        for url in self.site.start_urls:
            yield Request(
                url,
                callback=self.parse_list,
                errback=self.on_error,
                cb_kwargs={"page_number": 1},
                dont_filter=True,
                meta={"newsmon_kind": "list"},
            )

    # -- list pages ---------------------------------------------------------

    def parse_list(self, response: Response, page_number: int) -> Iterator[Request]:
        """Queue the list page's unknown articles and, unless all were known, its next page."""
        stats = self.crawler.stats
        stats.inc_value("newsmon/list_pages")
        if response.status == 304:
            return  # unchanged since the last complete crawl (crawler/conditional.py): nothing new here or beyond
        text, _ = decode_html(
            response.body,
            content_type=_header(response, "Content-Type"),
            declared=self.site.encoding,
        )
        links = extract_links(text, response.url, self.allowed_domains)
        page = classify_links(
            links,
            page_url=response.url,
            page_number=page_number,
            article_pattern=self.site.article_url_pattern,
            list_pattern=self.site.list_url_pattern,
        )
        if not page.articles:
            self._fail(f"{response.url}: no article links found on this list page")
        # One page, one URL (crawler/urls.py): tracking parameters, http/https
        # and trailing-slash spellings are asked about and fetched once.
        canonical = _canonical_links(page.articles)
        known = self.store.known_urls(list(canonical), keys=list(canonical.values()))
        stats.inc_value("newsmon/article_links", len(page.articles))
        stats.inc_value("newsmon/known_links", len(known))
        new = [url for url, key in canonical.items() if url not in known and key not in self._requested]
        for url in new:
            self._requested.add(canonical[url])
            yield Request(url, callback=self.parse_article, errback=self.on_error, meta={"newsmon_kind": "article"})
        all_known = bool(page.articles) and not new
        if page.next_page and page_number < self.max_list_pages and not (all_known and self.stop_at_known):
            yield Request(
                page.next_page,
                callback=self.parse_list,
                errback=self.on_error,
                cb_kwargs={"page_number": page_number + 1},
                meta={"newsmon_kind": "list"},
            )

    # -- article pages ------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        """Extract the article; the item goes to the pipelines (store, dedupe)."""
        # Store under the URL the list page linked to, so the next crawl knows it.
        url = canonical_url((response.meta.get("redirect_urls") or [response.url])[0])
        article = extract(
            response.body,
            response.url,
            content_type=_header(response, "Content-Type"),
            encoding=self.site.encoding,
        )
        item: dict[str, Any] = {"site": self.site.name, "url": url, "article": article}
        # <link rel=canonical> on the same site names the page's real URL; the
        # URL we came by is remembered as an alias so it is not fetched again.
        # A canonical on another site (a repost crediting the original) is the
        # near-duplicate layer's business, not a URL to store this copy under.
        if article.canonical_url and same_site(article.canonical_url, self.allowed_domains):
            real = canonical_url(article.canonical_url)
            if url_key(real) != url_key(url):
                item["url"], item["aliases"] = real, [url]
                self._requested.add(url_key(real))
        if article.is_article and self._learn_template():
            # Decode with the encoding extract() settled on, not a second detection.
            used = article.extra.get("encoding") or self.site.encoding
            item["blocks"] = page_blocks(decode_html(response.body, declared=used)[0])
        yield item

    def _learn_template(self) -> bool:
        # Every page until the template has seen enough of the site, then a
        # sample, which keeps it current at a tenth of the cost.
        self._article_pages += 1
        return self._template_pages + self._article_pages <= TEMPLATE_LEARN_ALL or self._article_pages % 10 == 0

    # -- failures -----------------------------------------------------------

    def on_error(self, failure: Failure) -> None:
        """Count and describe a request that got no usable response."""
        request = failure.request  # type: ignore[attr-defined]
        reason, counted = describe_failure(failure)
        if counted:
            self._fail(f"{request.url}: {reason}")
        else:
            self.crawler.stats.inc_value("newsmon/skipped")

    def _request_dropped(self, request: Request, spider: scrapy.Spider) -> None:
        # A redirect back to a URL already visited is dropped silently by the
        # scheduler's dupefilter; make it visible.
        if spider is self and request.meta.get("redirect_urls"):
            self._fail(f"{request.meta['redirect_urls'][0]}: redirect loop")

    def _spider_error(self, failure: Failure, response: Response, spider: scrapy.Spider) -> None:
        if spider is self:
            self._fail(f"{response.url}: {type(failure.value).__name__}: {failure.value}")

    def _fail(self, message: str) -> None:
        self.crawler.stats.inc_value("newsmon/failures")
        if len(self.errors) < 100:
            self.errors.append(message)
        self.logger.warning(message)


def _canonical_links(urls: list[str]) -> dict[str, str]:
    """Canonical URL -> its key, first spelling of each page kept, in page order."""
    out: dict[str, str] = {}
    keys: set[str] = set()
    for link in urls:
        url = canonical_url(link)
        key = url_key(url)
        if key not in keys:
            keys.add(key)
            out[url] = key
    return out


def _header(response: Response, name: str) -> Optional[str]:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
