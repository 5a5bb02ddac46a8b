"""PortalSpider: one monitored site, list pages -> new article pages -> items.

The spider decides *what* to fetch (only article URLs the store does not know;
pagination stops at a page whose articles are all known) and turns responses
into items. Storing, deduplicating and recording the run happen in
``pipelines.py`` and ``runs.py``; the spider knows nothing of alert channels.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, AsyncIterator, Callable, Iterator, NamedTuple, Optional, TypeVar, Union

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import FormRequest, Request, Response
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from newsmon.db import Store
from newsmon.db.health import WALK_LIMIT
from newsmon.clock import SHANGHAI
from newsmon.config import SiteConfig
from newsmon.errors import NewsmonError, StoreError

from .article import Article
from .extract import decode_html, extract, from_list_date
from .failures import describe_failure, may_pass
from .hanweb import is_proxy_url, post_form
from .links import file_name
from .listpage import ArticleLink, read_list_page
from .metadata import EARLIEST_YEAR, FUTURE_SLACK
from .render import browser_settings
from .urls import canonical_url, same_site, site_boundaries, url_key
from .sitelearn import HOLD_PAGES, SiteLearner
from .siteplace import LearnedPlace, site_home
from .template import page_blocks

T = TypeVar("T")

# Learn the site template from every article page until this many were seen.
TEMPLATE_LEARN_ALL = 50

__all__ = ["FILE_BODY", "PortalSpider", "file_item"]


class PortalSpider(scrapy.Spider):
    """Crawl one site from its config; counts go to the crawler's stats under ``newsmon/``."""

    name = "portal"

    def __init__(self, site: SiteConfig, store: Store, max_list_pages: int, helper: bool = False,
                 member: Optional[str] = None, **kwargs: Any) -> None:
        super().__init__(name=site.name, **kwargs)
        self.site = site
        # A helper joins another worker's crawl of the site: it starts from no page of its own and
        # takes requests from the crawl's shared frontier in Redis (crawler/frontier.py).
        self.helper = helper
        # Its name among the members of that shared crawl, chosen by the process pool (scheduler/pool.py),
        # whose parent keeps it alive while this process runs the crawl; None: the frontier picks one.
        self.member = member
        self.store = store
        self.max_list_pages = max_list_pages
        # Host *and port*: the same host on another port is another site; without
        # allowed_domains the start URLs' registrable domains (news.qq.com -> qq.com).
        self.boundaries = site_boundaries(site.start_urls, site.allowed_domains)
        self.allowed_domains = list(dict.fromkeys(domain.split(":")[0] for domain in self.boundaries))
        self.errors: list[str] = []
        # Stories whose fetch failed, until the crawl's end settles them (settle_story_failures).
        self._story_failures: list[_StoryFailure] = []
        self._requested: set[str] = set()
        self._lists_requested: set[str] = set()
        self.render_error: Optional[str] = None  # set by from_crawler when render: browser cannot run
        # Pagination may stop early only when the last crawl went all the way: one killed mid-crawl
        # may have stored page 1's new stories and never reached those they pushed onto page 2, and
        # one that could not read page 2 never saw its stories (list failures, see _fail).
        self.stop_at_known = store.last_run_completed(site.name)
        if not self.stop_at_known and store.list_failure_streak(site.name) >= WALK_LIMIT:
            # The last WALK_LIMIT crawls each walked past the known pages and still failed there, or ran
            # out of time without a new story: a page the server never builds (or one that hangs) would
            # make every crawl walk to max_list_pages. Give it up until a crawl completes (this one will,
            # unless the failing page is on page 1's stories).
            self.stop_at_known = True
            self.logger.warning("%s: the last %d crawls each failed on a deeper list page or story, or ran out of"
                                " time without a new story; not walking past the known list pages this time (the"
                                " failing pages are given up)", site.name, WALK_LIMIT)
        # The site's template and known headlines, kept current as pages arrive (crawler/sitelearn.py);
        # loaded at the first page that needs them: a crawl that only sees a 304 never reads them.
        self._learner: Optional[SiteLearner] = None
        self._template_pages = 0
        # The place the site's list pages name, when the config sets none (crawler/siteplace.py).
        self._learned_place: Optional[LearnedPlace] = None
        # Article items held while the template is young, stored once it learned from them all.
        self._held: list[dict[str, Any]] = []
        self._article_pages = 0

    @property
    def learner(self) -> SiteLearner:
        """The site's template and headlines (read from the store the first time a page needs them)."""
        if self._learner is None:
            self._learner = SiteLearner(self.store.db, self.site.name)
            self._template_pages = self._learner.pages  # pages counted before this crawl
        return self._learner

    @property
    def learns_place(self) -> bool:
        """Whether list page titles may tell the site's place: the config names none and does not forbid it."""
        return not self.site.place and self.site.learn_place

    @property
    def learned_place(self) -> LearnedPlace:
        """The place the site's list pages name (what was kept is read from the store the first time it is needed)."""
        if self._learned_place is None:
            self._learned_place = LearnedPlace(self.store.db, self.site.name)
        return self._learned_place

    def story_home(self) -> str:
        """The place a story stored now is read as reporting on, for its facts (``site_home``; the learned place counts
        the homes it gave, see ``LearnedPlace.settle``)."""
        return site_home(self.site, self.learned_place.home() if self.learns_place else None)

    @property
    def loaded_learner(self) -> Optional[SiteLearner]:
        """The learner if this crawl used it, else None (the end of a crawl must not load it)."""
        return self._learner

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> "PortalSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.site.render == "browser":
            # Settings may still change here (Scrapy >= 2.11 freezes them after from_crawler).
            try:
                crawler.settings.update(browser_settings(), priority="spider")
            except NewsmonError as exc:
                spider.render_error = f"{spider.site.name}: {exc}"
        crawler.signals.connect(spider._request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(spider._spider_error, signal=signals.spider_error)
        crawler.signals.connect(spider._spider_idle, signal=signals.spider_idle)
        return spider

    async def start(self) -> AsyncIterator[Request]:
        if self.render_error:
            self._fail(self.render_error)
            return
        if self.helper:
            return
        for url in self.site.start_urls:
            yield self._list_request(url, 1, dont_filter=True)

    def rewalk(self) -> list[Request]:
        """The start requests again, every list page to be followed (a helper of this crawl died).

        What it had taken from the shared frontier was never fetched (or never stored): walking
        the list pages again asks for every article the store still does not know, on every page
        (not stopping at a page whose articles are all known: the lost ones may be further on).
        """
        self._requested.clear()
        self._lists_requested.clear()
        self.stop_at_known = False
        return [self._list_request(url, 1, dont_filter=True) for url in self.site.start_urls]

    def _list_request(
        self, url: str, page_number: int, dont_filter: bool = False, form: Optional[dict[str, str]] = None
    ) -> Request:
        self._lists_requested.add(url_key(url))
        meta: dict[str, Any] = {"newsmon_kind": "list"}
        if form is not None:
            # A jcms data proxy that refused GET: ask as its own jpage script does (crawler/hanweb.py).
            post_url, fields = post_form(url, form)
            meta["newsmon_form"] = fields
            return FormRequest(post_url, formdata=fields, callback=self.parse_list, errback=self.on_error,
                               cb_kwargs={"page_number": page_number}, dont_filter=True, meta=meta)
        if self.site.render == "browser":
            meta["playwright"] = True  # list pages only: article pages stay plain HTTP
            # The list is what the page's scripts fetch after the load event ("load" raced them: a
            # quiet machine read the DOM before the XHR answered); "networkidle" waits until no
            # request has been in flight for 500 ms.
            meta["playwright_page_goto_kwargs"] = {"wait_until": "networkidle"}
        return Request(
            url,
            callback=self.parse_list,
            errback=self.on_error,
            cb_kwargs={"page_number": page_number},
            dont_filter=dont_filter,
            meta=meta,
        )

    # -- list pages ---------------------------------------------------------

    def parse_list(self, response: Response, page_number: int) -> Iterator[Request | dict[str, Any]]:
        """Queue the list page's unknown articles and, unless all were known, its next page.

        A new entry of kind ``file`` (a PDF/Word row of a 公告 column) is not fetched: it becomes a
        title-only story item straight away (:func:`file_item`).
        """
        stats = self.crawler.stats
        stats.inc_value("newsmon/list_pages")
        # The first list page as asked for (a start URL): what it says of the site's place is kept under it.
        first_page = (response.meta.get("redirect_urls") or [response.url])[0] if page_number == 1 else None
        if response.status == 304:
            if first_page and self.learns_place:
                self.learned_place.unchanged(first_page)  # it says what it said last time
            return  # unchanged since the last complete crawl (crawler/conditional.py): nothing new here or beyond
        if not same_site(response.url, self.boundaries):
            first = (response.meta.get("redirect_urls") or [response.url])[0]
            self._fail(f"{first}: redirected off-site to {response.url}", list_page=True)
            return
        headers = {"Content-Type": _header(response, "Content-Type") or ""}
        page = read_list_page(
            response.body,
            response.url,
            headers=headers,
            encoding=self.site.encoding,
            article_url_pattern=self.site.article_url_pattern,
            list_url_pattern=self.site.list_url_pattern,
            domains=self.boundaries,
            page_number=page_number,
        )
        stats.inc_value(f"newsmon/shape/{page.shape}")
        if not page.articles and not page.next_pages and not (self.site.use_feed and page.feeds):
            # A list page that came back empty (an error page answered 200) hid whatever it should list.
            self._fail(f"{response.url}: {page.diagnosis or 'no article links found on this list page'}",
                       list_page=True)
        self.learner.learn_list_page(response.body, page.articles, encoding=self.site.encoding)
        if first_page and self.learns_place:
            if page.articles:
                self.learned_place.read_page(first_page, page.title, page.owners)
            else:  # a page listing nothing (a soft 404, an error page) says nothing new of the site
                self.learned_place.unchanged(first_page)
        # One page, one URL (crawler/urls.py): tracking parameters, http/https
        # and trailing-slash spellings are asked about and fetched once.
        canonical = _canonical_links(page.articles)
        known = self.store.known_urls(list(canonical), keys=[key for key, _ in canonical.values()])
        stats.inc_value("newsmon/article_links", len(page.articles))
        stats.inc_value("newsmon/known_links", len(known))
        new = [url for url, (key, _) in canonical.items() if url not in known and key not in self._requested]
        for url in new:
            key, link = canonical[url]
            self._requested.add(key)
            if link.kind == "file":
                stats.inc_value("newsmon/file_entries")
                yield file_item(self.site.name, url, link)
                continue
            # The date the list printed beside the link travels with the request:
            # extract() uses it as a cross-check and when the page states none.
            yield Request(
                url,
                callback=self.parse_article,
                errback=self.on_error,
                meta={"newsmon_kind": "article", "newsmon_list_date": link.date, "newsmon_list_page": page_number},
            )
        all_known = bool(page.articles) and not new
        if page_number < self.max_list_pages and not (all_known and self.stop_at_known):
            form = response.meta.get("newsmon_form")
            for next_url in page.next_pages:
                if url_key(next_url) not in self._lists_requested:
                    yield self._list_request(next_url, page_number + 1, form=form if is_proxy_url(next_url) else None)
        if self.site.use_feed and page_number == 1:
            for feed in page.feeds:
                if url_key(feed) not in self._lists_requested:
                    yield self._list_request(feed, 1)

    # -- article pages ------------------------------------------------------

    async def parse_article(self, response: Response) -> AsyncIterator[dict[str, Any]]:
        """Extract the article; the item goes to the pipelines (store, dedupe).

        Extraction runs on the worker's one extraction thread (:func:`_in_extract_thread`): a
        hostile page costs up to a few seconds of CPU within its budget, and the reactor must
        keep reading the other responses meanwhile, or they time out (found by the fault suite:
        a 200,000-``<p>`` page made the 9.5 MB page beside it time out on a loaded machine).
        """
        # Store under the URL the list page linked to, so the next crawl knows it.
        url = canonical_url((response.meta.get("redirect_urls") or [response.url])[0])
        if not same_site(response.url, self.boundaries):
            self._fail(f"{url}: redirected off-site to {response.url}")
            return
        article = await _in_extract_thread(
            extract,
            response.body,
            response.url,
            content_type=_header(response, "Content-Type"),
            encoding=self.site.encoding,
            list_date=_list_date(response.meta.get("newsmon_list_date")),
            reference_time=_reference_time(response),
            known_headlines=frozenset(self.learner.headlines),  # a copy: list pages add to it meanwhile
        )
        if article.extra.get("truncated"):
            # The per-page budget cut this page (huge, deep or many-element markup): the story is
            # kept, shortened, and the cut is said where the operator looks (the crawl's log).
            self.logger.warning("%s: page cut by the extraction budget (%s)", url, article.extra["truncated"])
            self.crawler.stats.inc_value("newsmon/pages_cut")
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
            blocks = await _in_extract_thread(lambda: page_blocks(decode_html(response.body, declared=used)[0]))
            self.learner.learn_blocks(blocks)
        if article.is_article and (self.learner.young or self._held):
            # A young template learns from this page's siblings before any is
            # stored, so the first stories of a new site lose the footer too.
            self._held.append(item)
            if len(self._held) >= HOLD_PAGES:
                for held in self._release():
                    yield held
            return
        yield item

    def _release(self, result: Union[Response, Failure, None] = None) -> Iterator[dict[str, Any]]:
        """The held items, now that the template learned from all of them (callback and errback alike)."""
        yield from self.take_held()

    def take_held(self) -> list[dict[str, Any]]:
        """The article items held for the young template, handed over once (the pipelines store
        those still held when the crawl ends before the spider ran out of pages)."""
        held, self._held = self._held, []
        return held

    def _spider_idle(self, spider: scrapy.Spider) -> None:
        # Nothing left to fetch: release the held items through a request that
        # needs no network (a data: URI), so they go down the pipelines as usual.
        if spider is self and self._held:
            self.crawler.engine.crawl(Request(
                "data:,", callback=self._release, errback=self._release, dont_filter=True,
                meta={"newsmon_kind": "release"},
            ))
            raise DontCloseSpider

    def _learn_template(self) -> bool:
        # Every page until the template has seen enough of the site, then a
        # sample, which keeps it current at a tenth of the cost.
        self._article_pages += 1
        return self._template_pages + self._article_pages <= TEMPLATE_LEARN_ALL or self._article_pages % 10 == 0

    # -- failures -----------------------------------------------------------

    def on_error(self, failure: Failure) -> Iterator[Request]:
        """Count and describe a request that got no usable response (a data proxy refusing GET is asked by POST)."""
        request = failure.request  # type: ignore[attr-defined]
        response = getattr(failure.value, "response", None)
        if (
            response is not None
            and response.status in (403, 405, 501)
            and request.method == "GET"
            and request.meta.get("newsmon_kind") == "list"
            and is_proxy_url(request.url)
        ):
            yield self._list_request(request.url, request.cb_kwargs.get("page_number", 1), form={})
            return
        if (request.meta.get("newsmon_kind") == "list" and request.cb_kwargs.get("page_number", 1) == 1
                and self.learns_place):
            # A first list page that failed (HTTP 500, a timeout) says what it said last time of the site's place.
            self.learned_place.unchanged((request.meta.get("redirect_urls") or [request.url])[0])
        reason, counted = describe_failure(failure)
        if counted:
            kind = request.meta.get("newsmon_kind")
            # A story of list page 2 or deeper that failed for a passing reason (a timeout, HTTP 5xx,
            # a dropped connection) is still unknown, but the next crawl stops at page 1 once that
            # page is all known and would never ask for it again: it counts like a failed list page,
            # so the next crawl walks past the known pages. A page that is gone (HTTP 4xx) or refused
            # (robots.txt, a redirect loop, too big) would fail again: not worth that walk.
            deep_story = kind == "article" and request.meta.get("newsmon_list_page", 1) > 1 and may_pass(failure)
            message = f"{request.url}: {reason}"
            self._fail(message, list_page=kind == "list" or deep_story)
            if kind == "article":
                self._story_failures.append(_StoryFailure(canonical_url(request.url), message, deep_story))
        else:
            self.crawler.stats.inc_value("newsmon/skipped")

    def _request_dropped(self, request: Request, spider: scrapy.Spider) -> None:
        # A redirect back to a URL already visited is dropped silently by the
        # scheduler's dupefilter; make it visible.
        if spider is self and request.meta.get("redirect_urls"):
            self._fail(f"{request.meta['redirect_urls'][0]}: redirect loop",
                       list_page=request.meta.get("newsmon_kind") == "list")

    def _spider_error(self, failure: Failure, response: Response, spider: scrapy.Spider) -> None:
        if spider is self:
            # A list page whose parsing broke queued neither its articles nor its next page.
            request = response.request
            list_page = request is not None and request.meta.get("newsmon_kind") == "list"
            if isinstance(failure.value, sqlite3.Error):
                # A full disk or a locked/read-only file while the page was being learned from:
                # the database's own sentence, not the exception's class name.
                self._fail(f"{response.url}: not recorded, the database could not be written ({failure.value}).",
                           unrecorded=True)
                return
            if isinstance(failure.value, StoreError):  # PostgreSQL went away (db.handle says which, in one sentence)
                self._fail(f"{response.url}: not recorded: {failure.value}", unrecorded=True)
                return
            self._fail(f"{response.url}: {type(failure.value).__name__}: {failure.value}", list_page=list_page)

    def _fail(self, message: str, *, list_page: bool = False, unrecorded: bool = False) -> None:
        """Count and keep one failure; ``list_page``: a list page was not read (also ``newsmon/list_failures``).

        A failed article page of list page 1 is asked for again by the next crawl (its URL is still
        unknown, so page 1 is not all known); a failed list page is not, once the list pages before
        it are all known, nor is a story of a deeper list page: the run records such a failure
        (``crawl_runs.list_failures``; for a story only when its failure may pass, see
        ``on_error``) and is then not complete (``last_run_completed``), so the next crawl follows
        the pagination past known pages.
        ``unrecorded``: the database failed (unreachable, full, locked) while a page was recorded; the
        page is counted as a list failure too. A story it could not store may sit on any list page,
        and a database that failed once may have failed for several: only a walk past the known pages
        finds them again (a first crawl cut by a database outage otherwise lost them for good).
        """
        self.crawler.stats.inc_value("newsmon/failures")
        if list_page or unrecorded:
            self.crawler.stats.inc_value("newsmon/list_failures")
        if len(self.errors) < 100:
            self.errors.append(message)
        self.logger.warning(message)

    def settle_story_failures(self) -> int:
        """Take back the failures of stories the store knows by now; how many were taken back.

        A story fetch that failed (a timeout under load, a dropped connection) while another fetch
        stored the story is no loss: the helpers of a shared crawl fetch the same site, and an owner
        that walks the list pages again after a helper died asks again for what failed (found by the
        scale-out test: every story stored, yet the run was ``partial`` for one timed-out fetch).
        Called at the crawl's end, before its counts are recorded or handed to the owner; a second
        call settles only failures recorded since. A database that cannot answer settles nothing.
        """
        pending, self._story_failures = self._story_failures, []
        if not pending:
            return 0
        try:
            known = self.store.known_urls([f.url for f in pending], keys=[url_key(f.url) for f in pending])
        except (sqlite3.Error, StoreError) as exc:
            self.logger.warning("%s: could not check whether failed stories were stored meanwhile: %s",
                                self.site.name, exc)
            return 0
        settled = [f for f in pending if f.url in known]
        stats = self.crawler.stats
        for failure in settled:
            stats.inc_value("newsmon/failures", -1)
            if failure.list_page:
                stats.inc_value("newsmon/list_failures", -1)
            if failure.message in self.errors:
                self.errors.remove(failure.message)
        if settled:
            self.logger.info("%s: %d failed story fetch(es) need no retry: the stories were stored by another fetch",
                             self.site.name, len(settled))
        return len(settled)


class _StoryFailure(NamedTuple):
    """A story fetch that failed: its canonical URL, the error kept, whether it counted as a list failure."""

    url: str
    message: str
    list_page: bool


#: The body of a story that is a file named on a list page (one line; the file is never downloaded).
FILE_BODY = "{kind} file listed on the site's list page; newsmon keeps its title and list date and does not download it."


def file_item(site: str, url: str, link: ArticleLink) -> dict[str, Any]:
    """The story item for a list entry that is a file: the list's title and date, a one-line body.

    An entry the list names no title for (a sitemap's ``<loc>`` alone) is titled by its file's name
    (:func:`links.file_name`): the file is never downloaded, and a story without a title is not stored.

    ``file_type`` tells the pipelines to fingerprint the URL rather than the (shared) body and to
    leave the body alone; the store keeps it in ``articles.file_type``.
    """
    listed = _list_date(link.date)
    published = from_list_date(listed) if listed is not None else None
    kind = (link.file_type or "file").upper()
    article = Article(url=url, title=link.title or file_name(url), body=FILE_BODY.format(kind=kind), published_at=published,
                      extra={"date_from": "list", "file_type": link.file_type} if published else
                      {"file_type": link.file_type})
    return {"site": site, "url": url, "article": article, "file_type": link.file_type}


def _canonical_links(links: list[ArticleLink]) -> dict[str, tuple[str, ArticleLink]]:
    """Canonical URL -> (its key, the list entry), first spelling of each page kept, in page order."""
    out: dict[str, tuple[str, ArticleLink]] = {}
    keys: set[str] = set()
    for link in links:
        url = canonical_url(link.url)
        key = url_key(url)
        if key not in keys:
            keys.add(key)
            out[url] = (key, link)
    return out


def _list_date(value: Optional[str]) -> Optional[date | datetime]:
    """The list page's ``YYYY-MM-DD[ HH:MM]`` for extract(): a date, or a Beijing-time datetime with the time.

    None for a date in the future or before EARLIEST_YEAR, as for a page's own date
    (``metadata.parse_date``): a 公告 row's bid-opening day or a typo is no publication date.
    """
    if not value:
        return None
    try:
        if " " not in value:
            listed: date | datetime = datetime.strptime(value, "%Y-%m-%d").date()
        else:
            listed = datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)
    except ValueError:
        return None
    moment = from_list_date(listed)
    if moment.year < EARLIEST_YEAR or moment > datetime.now(SHANGHAI) + FUTURE_SLACK:
        return None
    return listed


def _reference_time(response: Response) -> Optional[datetime]:
    """When the page was current: its ``Last-Modified`` (when the server rendered it), else ``Date``.

    Relative and year-less dates on the page are read against it, not the crawler's clock.
    """
    times = []
    for name in ("Last-Modified", "Date"):
        value = _header(response, name)
        if value:
            try:
                times.append(parsedate_to_datetime(value))
            except (TypeError, ValueError, IndexError):
                continue
    aware = [t for t in times if t.tzinfo is not None]
    # A Last-Modified later than the response's Date is a misconfigured server: the earlier wins.
    return min(aware) if aware else None


def _header(response: Response, name: str) -> Optional[str]:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


_EXTRACT_POOL: Any = None


async def _in_extract_thread(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``func(*args, **kwargs)`` on the process's one extraction thread, awaited from a callback."""
    from scrapy.utils.defer import maybe_deferred_to_future

    result: T = await maybe_deferred_to_future(on_extract_thread(func, *args, **kwargs))
    return result


def on_extract_thread(func: Callable[..., T], *args: Any, **kwargs: Any) -> Deferred[T]:
    """``func(*args, **kwargs)`` on the process's one extraction thread; its result as a Deferred.

    One thread, not the reactor's pool of ten: pages (and the facts a crawl's end re-reads) are still extracted one at
    a time, so a worker's peak memory stays what one hostile page costs, while the reactor thread goes on with
    downloads and timeouts (the GIL is handed over every few milliseconds, and lxml parses without it).
    """
    global _EXTRACT_POOL
    from twisted.internet import reactor, threads
    from twisted.python.threadpool import ThreadPool

    reactor_: Any = reactor  # twisted's module-level reactor is typed as an interface
    if _EXTRACT_POOL is None:
        _EXTRACT_POOL = ThreadPool(minthreads=1, maxthreads=1, name="newsmon-extract")
        _EXTRACT_POOL.start()
        reactor_.addSystemEventTrigger("during", "shutdown", _EXTRACT_POOL.stop)
    return threads.deferToThreadPool(reactor_, _EXTRACT_POOL, func, *args, **kwargs)
