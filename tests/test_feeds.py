"""Every feed ``newsmon serve`` publishes, parsed with feedparser and checked against the database."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

import feedparser
import httpx
import pytest

from newsmon.db import Store, search_articles
from newsmon.db.reader import articles_by_ids
from newsmon.web.feeds import entry_id

from tests.test_web_support import RULE, Crawled, Served, crawl_portal

EXTRA = 60  # more stories than a feed holds (50), all on one site


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    crawled = crawl_portal(tmp_path_factory.mktemp("feeds"))
    start = datetime(2023, 5, 1, 8, 0, tzinfo=timezone(timedelta(hours=8)))
    with Store(crawled.db_path) as store:
        for i in range(EXTRA):
            store.add_article(
                site="dongbei-news", url=f"http://127.0.0.1:1/extra/{i}.html", title=f"第{i}号 稀有气体周报 & <更新>",
                body=f"第{i}期：稀有气体市场动态。\n价格指数 {i * 7 % 101} 点，环比持平。\n编号 {i}-{i * 13}",
                fingerprint=f"feed-test-{i}", published_at=start + timedelta(hours=i), source="东北新闻在线",
            )
    yield crawled
    crawled.portal.stop()


@pytest.fixture(scope="module")
def server(crawled: Crawled) -> Iterator[Served]:
    with Served(crawled.config_path) as served:
        yield served


def expected(crawled: Crawled, query: str | None, **kwargs: Any) -> list[dict[str, Any]]:
    with Store(crawled.db_path, readonly=True) as store:
        ids = [r["id"] for r in search_articles(store.db, query, limit=50, **kwargs)]
        return list(articles_by_ids(store.db, ids))


def parse(server: Served, path: str, **params: str) -> Any:
    response = httpx.get(server.url + path, params=params or None, timeout=30)
    assert response.status_code == 200, response.text
    kind = "atom" if path.endswith(".atom") else "rss"
    assert response.headers["content-type"] == f"application/{kind}+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("atom10" if kind == "atom" else "rss20")
    return feed


def check(feed: Any, stories: list[dict[str, Any]]) -> None:
    assert len(feed.entries) == len(stories) <= 50
    for entry, story in zip(feed.entries, stories):
        assert entry.id == entry_id(story) == story["sources"][0]["url"]
        assert entry.title == story["title"]
        assert entry.link == story["url"]
        first = next(p for p in story["body"].split("\n") if p.strip())
        text = entry.content[0].value if "content" in entry else entry.description
        assert first.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in text


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_search_feeds_hold_the_newest_50_of_the_search(crawled: Crawled, server: Served, kind: str) -> None:
    stories = expected(crawled, "稀有气体")
    assert len(stories) == 50  # 60 extra stories + the crawled ones: the feed stops at 50
    check(parse(server, f"/feeds/search.{kind}", q="稀有气体"), stories)
    check(parse(server, f"/feeds/search.{kind}", q="氪氙"), expected(crawled, "氪氙"))
    check(parse(server, f"/feeds/search.{kind}"), expected(crawled, None))


@pytest.mark.parametrize("kind", ["atom", "rss"])
def test_site_feeds(crawled: Crawled, server: Served, kind: str) -> None:
    for site in crawled.config.sites:
        check(parse(server, f"/feeds/sites/{site.name}.{kind}"), expected(crawled, None, site=site.name))


def test_rule_feed_lists_what_the_rule_matches(crawled: Crawled, server: Served) -> None:
    rule = crawled.config.alerts.rule(RULE)
    assert rule is not None
    feed = parse(server, f"/feeds/rules/{RULE}.atom")
    check(feed, expected(crawled, rule.query))
    assert feed.feed.title == f"newsmon alert rule {RULE}: {rule.query}"
    assert httpx.get(f"{server.url}/feeds/rules/nope.atom", timeout=30).status_code == 404


def test_entry_ids_are_stable_and_feeds_link_to_themselves(crawled: Crawled, server: Served) -> None:
    first = parse(server, "/feeds/search.atom", q="氪氙")
    again = parse(server, "/feeds/search.atom", q="氪氙")
    assert [e.id for e in first.entries] == [e.id for e in again.entries]
    assert first.feed.updated == again.feed.updated
    links = {link.rel: link.href for link in first.feed.links}
    assert links["self"].endswith("/feeds/search.atom?q=%E6%B0%AA%E6%B0%99")
    assert links["alternate"].endswith("/search?q=%E6%B0%AA%E6%B0%99")
    # Each entry also links to the story page of this server.
    related = [link.href for link in first.entries[0].links if link.rel == "related"]
    assert related and httpx.get(related[0], timeout=30).status_code == 200


def test_bad_feed_requests_are_one_sentence(server: Served) -> None:
    response = httpx.get(f"{server.url}/feeds/search.atom", params={"q": "((("}, timeout=30)
    assert response.status_code == 400 and response.text.count("\n") == 1
    assert httpx.get(f"{server.url}/feeds/sites/nowhere.atom", timeout=30).status_code == 404
