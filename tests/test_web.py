"""``newsmon serve``: a real server process over a crawled database, pages fetched over HTTP and in Chromium."""

from __future__ import annotations

import html
import re
import shutil
import socket
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import httpx
import pytest

from newsmon.db import Store, search_articles
from newsmon.db.reader import article_detail
from newsmon.output import parse_user_date

from tests.test_web_support import RULE, Crawled, Served, crawl_portal, newsmon_command

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    crawled = crawl_portal(tmp_path_factory.mktemp("web"))
    yield crawled
    crawled.portal.stop()


@pytest.fixture(scope="module")
def server(crawled: Crawled) -> Iterator[Served]:
    with Served(crawled.config_path) as served:
        yield served


def get(server: Served, path: str, **params: str) -> httpx.Response:
    return httpx.get(server.url + path, params=params or None, timeout=30)


def story_ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<h3><a href="/story/(\d+)">', page)]


def db_search(crawled: Crawled, query: str | None, **kwargs: object) -> list[dict[str, object]]:
    with Store(crawled.db_path, readonly=True) as store:
        return search_articles(store.db, query, limit=50, **kwargs)  # type: ignore[arg-type]


def test_search_page_finds_what_newsmon_search_finds(crawled: Crawled, server: Served) -> None:
    response = get(server, "/search", q="氪氙")
    assert response.status_code == 200
    expected = db_search(crawled, "氪氙")
    assert len(expected) >= 2
    assert story_ids(response.text) == [row["id"] for row in expected]
    for row in expected:
        assert html.escape(str(row["title"]), quote=False) in response.text
        assert f'<span class="site">{row["site"]}</span>' in response.text
    assert "<mark>氪氙</mark>" in response.text
    # The page names its feed, so a feed reader subscribes from it.
    assert ('<link rel="alternate" type="application/atom+xml" title="氪氙 – newsmon search (Atom)" '
            f'href="/feeds/search.atom?q={quote("氪氙")}">') in response.text


def test_no_query_lists_the_latest_stories(crawled: Crawled, server: Served) -> None:
    with Store(crawled.db_path, readonly=True) as store:
        newest = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY id DESC LIMIT 50")]
    for path in ("/", "/search"):
        page = get(server, path).text
        assert "Latest stories" in page
        assert story_ids(page) == newest


def test_more_results_grow_the_page(crawled: Crawled, server: Served) -> None:
    page = get(server, "/search", q="稀有气体", limit="2").text
    expected = [r["id"] for r in db_search(crawled, "稀有气体")]
    assert len(expected) > 2 and story_ids(page) == expected[:2]
    more = re.search(r'<a class="more" href="([^"]+)">', page)
    assert more and story_ids(get(server, html.unescape(more.group(1))).text) == expected[:52]
    assert get(server, "/search", limit="many").status_code == 400


def test_filters_and_sort(crawled: Crawled, server: Served) -> None:
    page = get(server, "/search", q="稀有气体", site="liaoning-invest", sort="relevance").text
    expected = db_search(crawled, "稀有气体", site="liaoning-invest", sort="relevance")
    assert expected and story_ids(page) == [r["id"] for r in expected]
    assert '<option value="liaoning-invest" selected>' in page
    dated = get(server, "/search", since="2023-04-04").text
    expected = db_search(crawled, None, since=parse_user_date("2023-04-04", "--since"))
    assert 0 < len(expected) < 28 and story_ids(dated) == [r["id"] for r in expected]


def test_bad_input_is_one_sentence_not_a_traceback(server: Served) -> None:
    for params, words in (({"q": "((("}, "Cannot search for"), ({"sort": "oldest"}, "sort 'oldest'"),
                          ({"since": "yesterday"}, "not a date"), ({"site": "nowhere"}, "nowhere")):
        response = get(server, "/search", **params)
        assert response.status_code == 400, params
        message = re.search(r'<p class="newsmon-error">(.*?)</p>', response.text, re.S)
        assert message and words in html.unescape(message.group(1)), (params, response.text[-600:])
        assert "Traceback" not in response.text
    assert get(server, "/story/999999").status_code == 404


def test_story_page_shows_the_story_its_places_and_its_alerts(crawled: Crawled, server: Served) -> None:
    with Store(crawled.db_path, readonly=True) as store:
        story_id = store.db.execute("SELECT article_id FROM alert_deliveries LIMIT 1").fetchone()[0]
        story = article_detail(store.db, story_id)
    page = get(server, f"/story/{story_id}").text
    assert f"<h1>{html.escape(story['title'], quote=False)}</h1>" in page
    if story["source"]:
        assert f'<span class="source">{html.escape(story["source"], quote=False)}</span>' in page
    paragraphs = [p for p in story["body"].split("\n") if p.strip()]
    for paragraph in paragraphs:
        assert f"<p>{html.escape(paragraph, quote=False)}</p>" in page
    for source in story["sources"]:
        assert f'<a class="source-link" href="{html.escape(source["url"])}">' in page
    assert f'<a href="/feeds/rules/{RULE}.atom">{RULE}</a>' in page
    assert [d["rule"] for d in story["alerts"]] == [RULE]
    assert "failed, waiting for a retry" in page  # the webhook nobody listens on
    # A story no rule matches says so.
    with Store(crawled.db_path, readonly=True) as store:
        other = store.db.execute("SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM alert_deliveries)"
                                 " AND title NOT LIKE '%氪氙%' AND body NOT LIKE '%氪氙%' AND body NOT LIKE '%稀有气体%'"
                                 " AND title NOT LIKE '%稀有气体%' LIMIT 1").fetchone()[0]
    assert "<h2>Alert rules it matched</h2>\n<p>None.</p>" in get(server, f"/story/{other}").text


def test_sites_page_shows_health_and_runs(crawled: Crawled, server: Served) -> None:
    page = get(server, "/sites").text
    for site in crawled.config.sites:
        assert f'<a href="/sites/{site.name}">{site.name}</a>' in page
    with Store(crawled.db_path, readonly=True) as store:
        runs = store.runs(limit=30)
    assert page.count("<tr><td>") >= len(runs)
    one = get(server, "/sites/shenyang-gov").text
    assert "<h1>shenyang-gov</h1>" in one and 'href="/feeds/sites/shenyang-gov.atom"' in one
    assert get(server, "/sites/no-such-site").status_code == 404


def test_alerts_page_shows_rules_and_the_delivery_log_with_reasons(crawled: Crawled, server: Served) -> None:
    page = get(server, "/alerts").text
    assert f"<td>{RULE}</td>" in page and "氪氙 OR 稀有气体" in page
    assert "[&#39;" not in page and "['" not in page  # channel/site lists shown as "a, b", not a Python list
    with Store(crawled.db_path, readonly=True) as store:
        rows = store.db.execute("SELECT status, last_error FROM alert_deliveries").fetchall()
    assert rows and all(status == "pending" and error for status, error in rows)
    assert page.count("failed, waiting for a retry") == len(rows)
    assert rows[0][1] in html.unescape(page)


def test_datasette_tables_metadata_and_cjk_match_query(crawled: Crawled, server: Served) -> None:
    name = crawled.db_path.stem
    table = httpx.get(f"{server.url}/{name}/articles", timeout=30)
    assert table.status_code == 302 and "_nocol=body" in table.headers["location"]
    page = httpx.get(server.url + table.headers["location"], timeout=30).text
    assert "One row per story" in page and "来源: the publisher the page names." in page
    sql = ("SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
           " WHERE articles_fts MATCH cjk_match_query('稀有气体') ORDER BY a.id DESC")
    rows = httpx.get(f"{server.url}/{name}.json", params={"sql": sql, "_shape": "array"}, timeout=30).json()
    assert [r["id"] for r in rows] == [r["id"] for r in db_search(crawled, "稀有气体")]


def test_pages_never_write_and_see_what_the_daemon_writes(crawled: Crawled, server: Served) -> None:
    before = crawled.db_path.stat().st_mtime_ns
    for path in ("/", "/sites", "/alerts", "/story/1", "/feeds/search.atom"):
        assert get(server, path).status_code == 200
    assert crawled.db_path.stat().st_mtime_ns == before
    with Store(crawled.db_path) as store:  # the daemon's role: a writer while the server reads
        # A real page of the portal, so the browser test can follow this story's source link too.
        store.add_article(site="shenyang-gov", url=crawled.portal.url("shenyang-gov", "/"), title="新到的氪氙报道",
                          body="沈阳今日发布氪氙气体新项目。\n第二段。", fingerprint="web-test-new-story",
                          published_at=datetime(2023, 4, 6, 9, 0, tzinfo=timezone.utc))
        new_id = store.db.execute("SELECT id FROM articles WHERE fingerprint = 'web-test-new-story'").fetchone()[0]
    assert story_ids(get(server, "/search", q="氪氙").text)[0] == new_id


def test_serve_errors_are_one_sentence(crawled: Crawled, tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        done = subprocess.run(newsmon_command("serve", "--config", str(crawled.config_path), "--port", str(port)),
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == f"Error: Port {port} on 127.0.0.1 is already in use; choose another with --port."
    missing = tmp_path / "config.yaml"
    missing.write_text("database: nothing.db\n", encoding="utf-8")
    done = subprocess.run(newsmon_command("serve", "--config", str(missing)), capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip() == (f"Error: {tmp_path / 'nothing.db'}: no such database; run `newsmon crawl`"
                                   " (or `newsmon demo`) first.")
    # Not loopback: the address and a warning, before anything listens. 192.0.2.1 (TEST-NET-1) is
    # not on this machine, so nothing binds and nothing is sent anywhere.
    done = subprocess.run(newsmon_command("serve", "--config", str(crawled.config_path), "--host", "192.0.2.1"),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("Warning: listening on 192.0.2.1 (http://192.0.2.1:8080/) is not loopback")
    assert lines[-1].startswith("Error: Cannot listen on 192.0.2.1:8080")
    assert "Traceback" not in done.stderr


def test_one_log_line_per_request_only_in_debug(crawled: Crawled) -> None:
    for debug, expected in ((False, 0), (True, 2)):
        served = Served(crawled.config_path, *(["--debug"] if debug else []))
        try:
            get(served, "/search", q="氪氙")
            get(served, "/sites")
        finally:
            log = served.stop()
        assert len(re.findall(r'"GET /(search|sites)', log)) == expected, log


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed (.ci/run installs it)")
def test_in_a_browser_search_story_source_sites_and_feed(crawled: Crawled, server: Served) -> None:
    import feedparser
    from playwright.sync_api import sync_playwright

    expected = db_search(crawled, "氪氙")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        try:
            page = browser.new_page()
            page.goto(server.url + "/")
            page.fill('input[name="q"]', "氪氙")
            page.press('input[name="q"]', "Enter")
            page.wait_for_url("**/search?q=*")
            titles = page.locator(".newsmon-results h3 a").all_inner_texts()
            assert titles == [r["title"] for r in expected]
            page.locator(".newsmon-results h3 a").first.click()
            page.wait_for_url("**/story/*")
            assert page.locator("h1").inner_text() == expected[0]["title"]
            source = page.locator("a.source-link").first
            href = source.get_attribute("href")
            source.click()
            page.wait_for_url(href or "")
            assert page.url == href and page.content().count("<html") == 1
            page.goto(server.url + "/sites")
            assert page.locator("table.newsmon-sites tbody tr").count() == len(crawled.config.sites)
            page.goto(server.url + "/search?q=" + quote("氪氙"))
            feed_url = page.locator("a.feed-link").get_attribute("href")
            assert page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href") == feed_url
        finally:
            browser.close()
    feed = feedparser.parse(httpx.get(server.url + (feed_url or ""), timeout=30).content)
    assert not feed.bozo and [e.title for e in feed.entries] == [r["title"] for r in expected]


def test_serve_help_explains() -> None:
    done = subprocess.run(newsmon_command("serve", "--help"), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--port" in done.stdout and "/feeds/search.atom" in done.stdout
