"""Item pipelines: non-articles are remembered and dropped, articles deduped and stored.

Each drop says why (Scrapy's DropItem); counts go to the crawler's stats
under ``newsmon/`` and end up in ``crawl_runs``.
"""

from __future__ import annotations

import functools
import time
from typing import TYPE_CHECKING, Any, Callable, Optional

from scrapy.exceptions import DropItem
from twisted.internet.defer import Deferred

from newsmon.db import AddResult, StoreAPI
from newsmon.db.dedupe import NearPrint
from newsmon.errors import StoreError
from newsmon.facts import facts_record
from newsmon.facts.copies import CopyPlace

from .article import Article
from .fingerprint import near_signature, shingle_hashes, text_fingerprint
from .template import apply_template
from .urls import url_key

if TYPE_CHECKING:
    from .spider import PortalSpider

__all__ = ["NonArticlePipeline", "StorePipeline", "TemplatePipeline", "store_article"]


def _counted(process: Callable[[Any, dict[str, Any], PortalSpider], dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """Any unexpected error while handling an item is a counted failure, never a silent loss.

    A failure keeps the run from being "ok", so the list pages' ETags are not
    saved and the next crawl fetches the article again.
    """

    @functools.wraps(process)
    def wrapper(self: Any, item: dict[str, Any], spider: PortalSpider) -> dict[str, Any]:
        try:
            return process(self, item, spider)
        except DropItem:
            raise
        except StoreError as exc:  # the database failed: the next crawl must walk far enough to find it again
            spider._fail(f"{item.get('url')}: not recorded: {exc}", unrecorded=True)
            raise DropItem(str(exc)) from None
        except Exception as exc:  # boundary: one article, not the crawl
            spider._fail(f"{item.get('url')}: not stored ({type(exc).__name__}: {exc})")
            raise DropItem(str(exc)) from None

    return wrapper


class NonArticlePipeline:
    """Drop pages that are not articles (list, login, 404-ish, empty) and remember their URLs.

    Files named on a list page (``item["file_type"]``, see ``spider.file_item``) always pass:
    their title comes from the list and their body is one line saying they were not downloaded."""

    @_counted
    def process_item(self, item: dict[str, Any], spider: PortalSpider) -> dict[str, Any]:
        article: Article = item["article"]
        if article.is_article and article.title and article.body:
            return item
        reason = article.reason or ("no title" if not article.title else "no text")
        spider.store.add_non_article(site=item["site"], url=item["url"], reason=reason, url_key=url_key(item["url"]))
        spider.crawler.stats.inc_value("newsmon/non_articles")
        raise DropItem(f"{item['url']} is not an article: {reason}")


class StorePipeline:
    """Store new stories; a copy of a stored story only adds a source row."""

    @_counted
    def process_item(self, item: dict[str, Any], spider: PortalSpider) -> dict[str, Any]:
        article: Article = item["article"]
        stats = spider.crawler.stats
        home = _home(item["url"], spider)
        facts = _facts(article, item["url"], spider, home)
        file_type = item.get("file_type")
        try:
            result = store_article(spider.store, item["site"], item["url"], article, facts,
                                   file_type=file_type, home=home)
        except StoreError as exc:
            # Disk full, locked or unreachable database...: this article is lost for this run. It
            # stays unknown, and the run is not complete, so the next run walks far enough to fetch it.
            spider._fail(str(exc), unrecorded=True)
            raise DropItem(str(exc)) from None
        for alias in item.get("aliases", ()):
            # Another URL of this page (its rel=canonical named item["url"]).
            spider.store.add_non_article(
                site=item["site"], url=alias, reason=f"same page as {item['url']}", url_key=url_key(alias)
            )
        report = getattr(spider, "report", None)
        if report is not None:
            report({"event": "article", "site": item["site"], "status": result.status, "id": result.article_id})
        if result.status == "new":
            stats.inc_value("newsmon/articles_new")
            return {**item, "article_id": result.article_id}
        stats.inc_value("newsmon/duplicates")
        raise DropItem(f"{item['url']}: duplicate, {result.reason or result.status}")


def store_article(store: StoreAPI, site: str, url: str, article: Article,
                  facts: Optional[dict[str, Any]], *, file_type: Optional[str] = None, home: str = "") -> AddResult:
    """Everything after extraction for one story: its fingerprints (exact and near-duplicate),
    then ``add_article`` (dedupe, full-text index, alert matching). ``home``: the site's place, which may tell a
    stored copy's city (facts/copies.py). Also timed alone by ``bench/extract_budget.py``."""
    return store.add_article(
        site=site,
        url=url,
        title=article.title,
        body=article.body,
        # A file's body is the same line for every file: the file is known by its URL,
        # and the body is no text to compare with other stories.
        fingerprint=text_fingerprint(f"file {url_key(url)}") if file_type else text_fingerprint(article.body),
        url_key=url_key(url),
        near=None if file_type else _near_print(article.body),
        published_at=article.published_at,
        source=article.source,
        author=article.author,
        lang=article.lang,
        summary=article.summary,
        facts=facts,
        file_type=file_type,
        # A county portal's copy tells the city a province portal's copy left out (facts/copies.py); a file is no story.
        fill=None if file_type else CopyPlace(article.title, article.body, home),
    )


def _home(url: str, spider: PortalSpider) -> str:
    """The site's place for the story's facts (``story_home``); "" when it cannot be read (logged: the story is stored
    all the same, its facts read with no place)."""
    try:
        return spider.story_home()
    except Exception as exc:  # boundary: facts never block storing a story
        spider.logger.warning("%s: the site's place not read (%s: %s)", url, type(exc).__name__, exc)
        return ""


def _facts(article: Article, url: str, spider: PortalSpider, home: str) -> Optional[dict[str, Any]]:
    """The story's investment facts (``home``: the site's place); an extraction error is logged and the story stored
    without them."""
    try:
        return facts_record(article.title, article.body, article.source or "", home)
    except Exception as exc:  # boundary: facts never block storing a story
        spider.logger.warning("%s: investment facts not extracted (%s: %s)", url, type(exc).__name__, exc)
        return None


def _near_print(body: str) -> NearPrint:
    signature = near_signature(body)
    return NearPrint(signature.signature, signature.shingles, signature.band_keys,
                     hashes=signature.hashes, shingler=shingle_hashes)


class TemplatePipeline:
    """Strip the site's chrome lines from the body with the template the spider has learned so far.

    The spider learns (crawler/sitelearn.py: article and list pages, counts
    kept in the database so the template improves across crawls); this stage
    applies it, and at the end of a crawl in which the template learned a new
    chrome line re-cleans the site's stored stories (``newsmon/recleaned``); one
    in which the list titles gave the site a place re-reads their facts.
    """

    @_counted
    def process_item(self, item: dict[str, Any], spider: PortalSpider) -> dict[str, Any]:
        learner = getattr(spider, "learner", None)
        if learner is None or item.get("file_type"):
            return item  # a file's one-line body is ours, not the site's
        article = apply_template(item["article"], learner.template)
        if article is not item["article"]:
            spider.crawler.stats.inc_value("newsmon/template_lines_removed", article.extra["template_removed"])
        return {**item, "article": article}

    def close_spider(self, spider: PortalSpider) -> Optional[Deferred[None]]:
        _store_held(spider)  # first: their pages may have taught the template what the re-clean removes
        _reclean(spider)  # before the facts' re-read, which then reads the cleaned bodies
        return _reread_facts(spider)


def _reclean(spider: PortalSpider) -> None:
    learner = getattr(spider, "loaded_learner", None)
    if learner is None or not learner.learned_chrome:
        return
    from newsmon.crawler.reclean import reclean_site

    try:
        count = reclean_site(spider.store.db, spider.name, template=learner.template, known=learner.headlines)
    except Exception as exc:  # boundary: stored stories stay as they were
        spider._fail(f"re-cleaning stored stories failed ({type(exc).__name__}: {exc})")
        return
    if count:
        spider.crawler.stats.inc_value("newsmon/recleaned", count)


#: The item pipelines, in order; ``settings.ITEM_PIPELINES`` is built from this.
PIPELINES: tuple[type, ...] = (NonArticlePipeline, TemplatePipeline, StorePipeline)


def _reread_facts(spider: PortalSpider) -> Optional[Deferred[None]]:
    """What the crawl's list pages said of the site's place is kept (``LearnedPlace.settle``); when the site's place
    changed (read from its pages, or the config's ``place:`` edited: ``note_site_home``), the site's stored stories are
    re-read with it, the newest first, for ``REREAD_SECONDS`` at each crawl's end (``newsmon/facts_reread``; their
    facts are marked stale, so a killed crawl loses nothing).

    The re-read runs on the worker's extraction thread (``on_extract_thread``) with a connection of its own (the
    worker's store is shared by every crawl in the process, on the reactor's thread): the other sites' crawls in the
    same worker go on downloading meanwhile (before session 44 it held the reactor for up to 3 s); this spider closes
    when it is done (the Deferred returned)."""
    from newsmon.clock import utc_now
    from newsmon.db.siteplaces import note_site_home

    from .siteplace import site_home

    try:
        kept = None
        if spider.learns_place:
            learned = spider.learned_place  # (the kept place is loaded if this crawl read no list page)
            learned.settle()
            kept = learned.kept
        home = site_home(spider.site, kept)
        if not note_site_home(spider.store.db, spider.name, home, utc_now()):
            return None
    except Exception as exc:  # boundary: stored facts stay as they were; the next crawl (or reextract) goes on
        spider._fail(f"keeping the site's place failed ({type(exc).__name__}: {exc})")
        return None
    from .spider import on_extract_thread

    def failed(failure: Any) -> None:
        exc = failure.value
        spider._fail(f"re-reading the stored stories' facts failed ({type(exc).__name__}: {exc})")

    def read(done: int) -> None:
        spider.crawler.stats.inc_value("newsmon/facts_reread", done)

    reading: Deferred[int] = on_extract_thread(_reread_site, spider.store.path, spider.name, home)
    return reading.addCallbacks(read, failed)


def _reread_site(database: Any, site: str, home: str) -> int:
    """Re-read ``site``'s stale stories with ``home`` for ``REREAD_SECONDS`` (on the extraction thread, its own connection);
    returns how many were read."""
    from newsmon.db import open_store
    from newsmon.db.siteplaces import finish_reread
    from newsmon.facts.refresh import reextract_facts

    from .siteplace import REREAD_SECONDS

    with open_store(database, create=False) as store:
        started = time.monotonic()
        done, _ = reextract_facts(store, site=site, only_stale=True, seconds=REREAD_SECONDS, newest_first=True,
                                  homes={site: home})
        if time.monotonic() - started < REREAD_SECONDS:  # it ran out of stale stories, not of time
            finish_reread(store.db, site)
    return done


def _store_held(spider: PortalSpider) -> None:
    """Stories the spider still holds for its young template go down the pipelines now.

    The spider releases them when it runs out of pages; a crawl ended before
    that (its time limit, a shutdown) used to lose them. The crawl is closing,
    so they are passed through the pipelines here, in order, one by one.
    """
    take = getattr(spider, "take_held", None)
    if take is None:
        return
    for item in take():
        try:
            for stage in PIPELINES:
                item = stage().process_item(item, spider)
        except DropItem:
            continue
