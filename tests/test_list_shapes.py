"""End to end: every list shape of issue 9 crawled from loopback fixture sites with name + start_urls alone.

One crawl of all shape sites (ShapesPortal), then assertions on what was
stored: each story once, its date (from the page, or from the list/feed when
the page states none), a clean body; then a second crawl that fetches no
article again.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner, Result

from newsmon.cli import cli
from newsmon.crawler.listpage import NEEDS_BROWSER
from newsmon.portal.shapes import ShapesPortal

# The chrome the extractor promises to strip (the same list as tests/test_crawl.py).
CHROME = ["打赏", "点击排行", "ICP备", "公网安备", "微信截图_", "热门搜索", "分享到", "关闭窗口", "网站标识码", "当前位置"]
SITES = ("destoon-pager", "trs-js", "hanweb", "script-data", "feeds")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


class Crawled:
    def __init__(self, portal: ShapesPortal, folder: Path) -> None:
        self.portal = portal
        self.config = folder / "config.yaml"
        self.db = folder / "news.db"
        self.reports: dict[str, Any] = {}
        self.second: dict[str, Any] = {}
        self.first_requests: dict[str, list[tuple[str, str]]] = {}

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    folder = tmp_path_factory.mktemp("shapes")
    with ShapesPortal() as portal:
        state = Crawled(portal, folder)
        sites: dict[str, dict[str, Any]] = {name: {} for name in SITES}
        # The feeds site: an Atom feed and a sitemap index as start URLs, plus a
        # list page that only announces its RSS feed (read because of use_feed).
        sites["feeds"] = {
            "start_urls": portal.start_urls("feeds") + [portal.site("feeds").extra["feed_list"]],
            "use_feed": True,
        }
        text = portal.config_yaml(sites={name: {} for name in SITES})
        import yaml

        doc = yaml.safe_load(text)
        for entry in doc["sites"]:
            entry.update(sites[entry["name"]])
        state.config.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
        first = run("crawl", "--config", str(state.config), "--format", "json")
        assert first.exit_code == 0, first.output
        state.reports = {r["site"]: r for r in json.loads(first.stdout)}
        state.first_requests = {name: portal.requests(name) for name in SITES}
        second = run("crawl", "--config", str(state.config), "--format", "json")
        assert second.exit_code == 0, second.output
        state.second = {r["site"]: r for r in json.loads(second.stdout)}
        yield state


@pytest.mark.parametrize("site", SITES)
def test_every_story_stored_once(crawled: Crawled, site: str) -> None:
    report = crawled.reports[site]
    assert report["failures"] == 0, report
    expected = crawled.portal.expected(site)
    stored = crawled.rows("SELECT s.url FROM article_sources s JOIN articles a ON a.id = s.article_id WHERE s.site = ?", site)
    urls = [url for (url,) in stored]
    assert sorted(urls) == sorted(e["url"] for e in expected)
    assert len(urls) == len(set(urls))


@pytest.mark.parametrize("site", SITES)
def test_dates_from_the_page_or_the_list(crawled: Crawled, site: str) -> None:
    for story in crawled.portal.expected(site):
        (published,) = crawled.rows("SELECT published_at FROM articles WHERE url = ?", story["url"])[0]
        assert published is not None, story["url"]
        # Pages that state no date (script data, feeds, sitemaps) get the list's date and time.
        assert published.startswith(story["published"].replace(" ", "T")), (story, published)


@pytest.mark.parametrize("site", SITES)
def test_bodies_are_clean(crawled: Crawled, site: str) -> None:
    for story in crawled.portal.expected(site):
        title, body = crawled.rows("SELECT title, body FROM articles WHERE url = ?", story["url"])[0]
        assert title == story["title"]
        for paragraph in story["paragraphs"]:
            assert paragraph in body
        for junk in CHROME:
            assert junk not in body, (story["url"], junk)


def test_hanweb_records_come_from_the_data_proxy(crawled: Crawled) -> None:
    proxied = [path for method, path in crawled.first_requests["hanweb"] if "dataproxy.jsp" in path]
    assert proxied, "the jpage data proxy was never asked"
    assert all("columnid=5123" in path and "unitid=14863" in path for path in proxied)
    assert any("startrecord=11" in path for path in proxied)


def test_feed_announced_by_the_list_page_is_read(crawled: Crawled) -> None:
    paths = [path for _, path in crawled.first_requests["feeds"]]
    assert "/rss.xml" in paths and "/sitemap-news.xml" in paths


def test_second_crawl_fetches_no_article_again(crawled: Crawled) -> None:
    for site in SITES:
        report = crawled.second[site]
        assert report["articles_new"] == 0, report
        assert report["failures"] == 0, report
    after = {name: crawled.portal.requests(name)[len(crawled.first_requests[name]):] for name in SITES}
    for site, requests in after.items():
        article_paths = {e["url"].split("/", 3)[-1] for e in crawled.portal.expected(site)}
        assert not [p for _, p in requests if p.lstrip("/") in article_paths], site
    # Incremental stop: the first list page's stories are all known, so the pager is not followed.
    assert not [p for _, p in after["destoon-pager"] if "list-" in p]
    assert not [p for _, p in after["trs-js"] if "index_" in p]


def test_js_list_without_browser_says_so(tmp_path: Path) -> None:
    with ShapesPortal() as portal:
        config = tmp_path / "config.yaml"
        config.write_text(portal.config_yaml(sites={"js-list": {}}), encoding="utf-8")
        result = run("crawl", "--config", str(config), "--format", "json")
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    assert report["articles_new"] == 0
    assert any(error.endswith(NEEDS_BROWSER) for error in report["errors"]), report["errors"]


def _browser_missing() -> str | None:
    from newsmon.crawler.render import chromium_path

    try:
        import scrapy_playwright  # noqa: F401
    except ImportError:
        return "scrapy-playwright is not installed (pip install -e '.[browser]')"
    if chromium_path() is None:
        return "no Chromium at /usr/bin/chromium (apt-get install chromium)"
    return None


@pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing()))
def test_js_list_with_render_browser(tmp_path: Path) -> None:
    with ShapesPortal() as portal:
        config = tmp_path / "config.yaml"
        config.write_text(portal.config_yaml(sites={"js-list": {"render": "browser"}}), encoding="utf-8")
        result = run("crawl", "--config", str(config), "--format", "json")
        requests = portal.requests("js-list")
        expected = portal.expected("js-list")
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    assert report["failures"] == 0, report
    assert report["articles_new"] == len(expected)
    # The browser ran the list page's script (it asked the JSON API) ...
    assert ("GET", "/api/list.json") in requests
    # ... and article pages stayed plain HTTP: no stylesheet fetched after the list.
    after_list = requests[[p for _, p in requests].index("/api/list.json") + 1:]
    assert all(p.startswith("/content/") for _, p in after_list), after_list
    with sqlite3.connect(tmp_path / "news.db") as conn:
        dates = dict(conn.execute("SELECT url, published_at FROM articles").fetchall())
    for story in expected:
        assert dates[story["url"]].startswith(story["published"][:10])


def test_render_browser_without_the_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from newsmon.crawler.render import INSTALL_HINT, browser_settings
    from newsmon.errors import ConfigError

    monkeypatch.setitem(sys.modules, "scrapy_playwright", None)  # as if the extra were not installed
    with pytest.raises(ConfigError) as caught:
        browser_settings()
    assert str(caught.value) == INSTALL_HINT
    assert "pip install 'newsmon[browser]'" in INSTALL_HINT


def test_hanweb_proxy_refusing_get_is_asked_by_post(tmp_path: Path) -> None:
    with ShapesPortal(hanweb_post_only=True) as portal:
        config = tmp_path / "config.yaml"
        config.write_text(portal.config_yaml(sites={"hanweb": {}}), encoding="utf-8")
        result = run("crawl", "--config", str(config), "--format", "json")
        requests = portal.requests("hanweb")
        expected = portal.expected("hanweb")
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    assert report["failures"] == 0, report
    assert report["articles_new"] == len(expected)
    posts = [path for method, path in requests if method == "POST"]
    # Records 11-20 after their GET was refused, then 21-30 by POST straight away.
    assert len(posts) == 2
    assert len([p for m, p in requests if m == "GET" and "dataproxy.jsp" in p]) == 1
    assert all(path.startswith("/module/web/jpage/dataproxy.jsp?startrecord=") and "columnid" not in path for path in posts)
