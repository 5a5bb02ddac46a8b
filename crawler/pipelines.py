"""Item pipelines: non-articles are remembered and dropped, articles deduped and stored.

Each drop says why (Scrapy's DropItem); counts go to the crawler's stats
under ``newsmon/`` and end up in ``crawl_runs``.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Optional

from scrapy.exceptions import DropItem

from newsmon.db.dedupe import NearPrint
from newsmon.errors import StoreError
from newsmon.facts import facts_record

from .article import Article
from .fingerprint import near_signature, shingle_hashes, text_fingerprint
from .template import apply_template, chrome_from_counts
from .urls import url_key

__all__ = ["NonArticlePipeline", "StorePipeline", "TemplatePipeline"]


def _counted(process: Callable[[Any, dict[str, Any], Any], dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    """Any unexpected error while handling an item is a counted failure, never a silent loss.

    A failure keeps the run from being "ok", so the list pages' ETags are not
    saved and the next crawl fetches the article again.
    """

    @functools.wraps(process)
    def wrapper(self: Any, item: dict[str, Any], spider: Any) -> dict[str, Any]:
        try:
            return process(self, item, spider)
        except DropItem:
            raise
        except Exception as exc:  # boundary: one article, not the crawl
            spider._fail(f"{item.get('url')}: not stored ({type(exc).__name__}: {exc})")
            raise DropItem(str(exc)) from None

    return wrapper


class NonArticlePipeline:
    """Drop pages that are not articles (list, login, 404-ish, empty) and remember their URLs."""

    @_counted
    def process_item(self, item: dict[str, Any], spider: Any) -> dict[str, Any]:
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
    def process_item(self, item: dict[str, Any], spider: Any) -> dict[str, Any]:
        article: Article = item["article"]
        stats = spider.crawler.stats
        facts = _facts(article, item["url"], spider)
        try:
            result = spider.store.add_article(
                site=item["site"],
                url=item["url"],
                title=article.title,
                body=article.body,
                fingerprint=text_fingerprint(article.body),
                url_key=url_key(item["url"]),
                near=_near_print(article.body),
                published_at=article.published_at,
                source=article.source,
                author=article.author,
                lang=article.lang,
                summary=article.summary,
                facts=facts,
            )
        except StoreError as exc:
            # Disk full, locked database...: this article is lost for this run
            # (it stays unknown, so the next run fetches it again).
            spider._fail(str(exc))
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


def _facts(article: Article, url: str, spider: Any) -> Optional[dict[str, Any]]:
    """The story's investment facts; an extraction error is logged and the story stored without them."""
    try:
        return facts_record(article.title, article.body)
    except Exception as exc:  # boundary: facts never block storing a story
        spider.logger.warning("%s: investment facts not extracted (%s: %s)", url, type(exc).__name__, exc)
        return None


def _near_print(body: str) -> NearPrint:
    signature = near_signature(body)
    return NearPrint(signature.signature, signature.shingles, signature.band_keys,
                     hashes=signature.hashes, shingler=shingle_hashes)


class TemplatePipeline:
    """Learn the site's template from each article page and strip its chrome lines from the body.

    Counts persist in the database (db/templates.py), so the template keeps
    improving across crawls; within a crawl the in-memory counts are updated
    as pages arrive.
    """

    def open_spider(self, spider: Any) -> None:
        from datetime import datetime, timedelta, timezone

        from newsmon.db.templates import load_block_counts, prune_block_counts

        # Blocks seen once and not for a month are article text: forget them.
        month_ago = (datetime.now(timezone.utc) - timedelta(days=30)).isoformat()
        prune_block_counts(spider.store.db, spider.name, month_ago)
        counts, self.pages = load_block_counts(spider.store.db, spider.name)
        self.counts: dict[int, int] = dict(counts)
        self.template = chrome_from_counts(self.counts.items(), self.pages)

    @_counted
    def process_item(self, item: dict[str, Any], spider: Any) -> dict[str, Any]:
        blocks = item.pop("blocks", None)
        if blocks:
            from newsmon.db import utc_now
            from newsmon.db.templates import record_page_blocks

            record_page_blocks(spider.store.db, spider.name, blocks, utc_now())
            self.pages += 1
            for block in blocks:
                self.counts[block] = self.counts.get(block, 0) + 1
            self.template = chrome_from_counts(self.counts.items(), self.pages)
        article = apply_template(item["article"], self.template)
        if article is not item["article"]:
            spider.crawler.stats.inc_value("newsmon/template_lines_removed", article.extra["template_removed"])
        return {**item, "article": article}
