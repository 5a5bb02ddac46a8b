"""Files as list entries, end to end: a 通知公告 column whose rows are mostly PDF/Word files.

The loopback ``announcements`` site (``ShapesPortal``) is crawled by the real CLI with name +
start_urls alone, once with an alert rule on a file row's title and a webhook receiver, then a
second time. Then what a user sees: ``show``, ``search``, the web UI's search and story pages,
the site's Atom and RSS feeds, ``probe``. Files are never downloaded. The schema change is
checked as a migration on both back ends, and the PostgreSQL store takes the same crawl.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any, Iterator

import httpx
import psycopg
import pytest
import yaml
from click.testing import CliRunner, Result

from newsmon.cli import cli
from newsmon.db import open_store
from newsmon.db.migrate import applied_versions, upgrade
from newsmon.db.pg_schema import PG_MIGRATIONS
from newsmon.db.pg_store import PgStore
from newsmon.portal.shapes import ShapesPortal

from tests.test_alerts_support import Receiver
from tests.test_web_support import Served

SITE = "announcements"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def write_config(portal: ShapesPortal, path: Path, database: str, alerts: dict[str, Any] | None = None) -> None:
    doc = yaml.safe_load(portal.config_yaml(database=database, sites={SITE: {}}))
    if alerts:
        doc["alerts"] = alerts
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def file_requests(portal: ShapesPortal) -> list[str]:
    return [path for _, path in portal.requests(SITE) if path.endswith((".pdf", ".doc"))]


class Crawled:
    def __init__(self, portal: ShapesPortal, folder: Path, receiver: Receiver) -> None:
        self.portal = portal
        self.receiver = receiver
        self.config = folder / "config.yaml"
        self.db = folder / "news.db"
        self.expected = portal.expected(SITE)
        self.files = [e for e in self.expected if e["file_type"]]
        self.pages = [e for e in self.expected if not e["file_type"]]
        self.first: dict[str, Any] = {}
        self.second: dict[str, Any] = {}

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql, params).fetchall()

    def story_id(self, url: str) -> int:
        return int(self.rows("SELECT id FROM articles WHERE url = ?", url)[0][0])


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    folder = tmp_path_factory.mktemp("files")
    receiver = Receiver()
    with ShapesPortal() as portal:
        state = Crawled(portal, folder, receiver)
        watched = state.files[0]["title"]
        alerts = {"channels": {"ops": {"type": "webhook", "url": receiver.url + "/hook"}},
                  "rules": [{"name": "file-row", "query": f'"{watched}"', "channels": ["ops"]}]}
        write_config(portal, state.config, str(state.db), alerts)
        first = run("crawl", "--config", str(state.config), "--format", "json")
        assert first.exit_code == 0, first.output
        state.first = {r["site"]: r for r in json.loads(first.stdout)}[SITE]
        second = run("crawl", "--config", str(state.config), "--format", "json")
        assert second.exit_code == 0, second.output
        state.second = {r["site"]: r for r in json.loads(second.stdout)}[SITE]
        yield state
    receiver.close()


def test_fixture_column_is_mostly_files(crawled: Crawled) -> None:
    assert len(crawled.files) >= 5 and len(crawled.pages) >= 2
    assert {e["file_type"] for e in crawled.files} == {"pdf", "doc"}


def test_every_row_stored_once_files_as_title_only_stories(crawled: Crawled) -> None:
    assert crawled.first["failures"] == 0, crawled.first
    assert crawled.first["articles_new"] == len(crawled.expected)
    stored = crawled.rows("SELECT url FROM article_sources WHERE site = ?", SITE)
    assert sorted(url for (url,) in stored) == sorted(e["url"] for e in crawled.expected)
    for entry in crawled.files:
        title, body, published, file_type = crawled.rows(
            "SELECT title, body, published_at, file_type FROM articles WHERE url = ?", entry["url"])[0]
        assert title == entry["title"]
        assert file_type == entry["file_type"]
        assert "\n" not in body and entry["file_type"].upper() in body and "not download" in body
        # The list printed the day only: the story's date is that day, Beijing time.
        assert published == entry["published"][:10] + "T00:00:00+08:00"


def test_page_rows_are_still_fetched_and_extracted(crawled: Crawled) -> None:
    for entry in crawled.pages:
        body, file_type = crawled.rows("SELECT body, file_type FROM articles WHERE url = ?", entry["url"])[0]
        assert file_type is None
        for paragraph in entry["paragraphs"]:
            assert paragraph in body


def test_files_are_never_downloaded(crawled: Crawled) -> None:
    assert file_requests(crawled.portal) == []
    page_paths = {path for _, path in crawled.portal.requests(SITE)}
    assert all(e["url"].split(str(crawled.portal.site(SITE).base))[1] in page_paths for e in crawled.pages)


def test_second_crawl_stores_nothing_again(crawled: Crawled) -> None:
    assert crawled.second["articles_new"] == 0 and crawled.second["duplicates"] == 0, crawled.second
    assert crawled.rows("SELECT count(*) FROM articles")[0][0] == len(crawled.expected)


def test_file_rows_are_searchable_and_alertable(crawled: Crawled) -> None:
    watched = crawled.files[0]
    found = run("search", watched["title"], "--config", str(crawled.config), "--format", "json")
    assert found.exit_code == 0, found.output
    rows = json.loads(found.stdout)
    assert rows[0]["url"] == watched["url"] and rows[0]["file_type"] == watched["file_type"]
    assert watched["file_type"].upper() in rows[0]["snippet"]
    # The alert was matched inside the crawl's write and sent by the crawl: once.
    delivered = crawled.rows("SELECT a.url, d.status FROM alert_deliveries d JOIN articles a ON a.id = d.article_id")
    assert delivered == [(watched["url"], "sent")]
    assert len(crawled.receiver.accepted) == 1
    assert watched["title"] in crawled.receiver.accepted[0]["raw"].decode("utf-8")


def test_show_says_it_is_a_file(crawled: Crawled) -> None:
    entry = crawled.files[1]
    shown = run("show", str(crawled.story_id(entry["url"])), "--config", str(crawled.config))
    assert shown.exit_code == 0, shown.output
    assert entry["title"] in shown.stdout
    assert f"file: {entry['file_type'].upper()}, listed on the site's list page, not downloaded" in shown.stdout
    as_json = json.loads(run("show", str(crawled.story_id(entry["url"])), "--config", str(crawled.config),
                             "--format", "json").stdout)
    assert as_json["file_type"] == entry["file_type"]


def test_web_ui_and_feeds_show_files_as_files(crawled: Crawled) -> None:
    entry = next(e for e in crawled.files if e["file_type"] == "pdf")
    page_entry = crawled.pages[0]
    with Served(crawled.config) as served:
        results = httpx.get(served.url + "/search", params={"q": entry["title"]}, timeout=30).text
        assert re.search(rf'/story/{crawled.story_id(entry["url"])}">[^<]*</a> <span class="newsmon-file">PDF</span>',
                         results), results[:2000]
        story = httpx.get(served.url + f"/story/{crawled.story_id(entry['url'])}", timeout=30).text
        assert f'href="{entry["url"]}">open the PDF file</a>' in story
        other = httpx.get(served.url + f"/story/{crawled.story_id(page_entry['url'])}", timeout=30).text
        assert "open the" not in other and ">original page</a>" in other
        atom = httpx.get(served.url + f"/feeds/sites/{SITE}.atom", timeout=30).text
        assert f'<link rel="alternate" type="application/pdf" href="{entry["url"]}"' in atom
        assert f'<link rel="alternate" type="text/html" href="{page_entry["url"]}"' in atom
        rss = httpx.get(served.url + f"/feeds/sites/{SITE}.rss", timeout=30).text
        assert f'<enclosure url="{entry["url"]}" type="application/pdf" length="0"' in rss
        assert rss.count("<enclosure ") == len(crawled.files)


def test_probe_lists_file_rows_with_their_type(crawled: Crawled) -> None:
    start = crawled.portal.start_urls(SITE)[0]
    data = json.loads(run("probe", start, "--format", "json").stdout)
    kinds = {a["url"]: (a["kind"], a["file_type"]) for a in data["articles"]}
    for entry in crawled.expected[: len(kinds)]:
        assert kinds[entry["url"]] == (("file", entry["file_type"]) if entry["file_type"] else ("page", None))
    table = run("probe", start)
    files = sum(1 for kind, _ in kinds.values() if kind == "file")
    assert f"{files} of these rows link to files (PDF, Word, Excel…)" in table.stdout
    assert "never downloads the file" in table.stdout and " PDF " in table.stdout


def test_sqlite_migration_adds_the_column_to_an_older_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as store:
        assert [m.version for m in upgrade(store.db)] == [1, 2, 3, 5, 6, 7, 8, 9]
        store.db.execute("ALTER TABLE articles DROP COLUMN file_type")  # as newsmon before version 2 made it
        store.db.execute("DELETE FROM schema_migrations WHERE version = 2")
        store.db.conn.commit()
    conn = sqlite3.connect(path)
    assert "file_type" not in [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    conn.close()
    with open_store(path) as store:  # any open migrates; `db upgrade` records it
        assert "file_type" in store.db["articles"].columns_dict
        assert [m.version for m in upgrade(store.db)] == [2]
        assert applied_versions(store.db) == {1, 2, 3, 5, 6, 7, 8, 9}


def test_postgresql_migrates_a_version_1_database_and_stores_files(postgres_url: str, tmp_path: Path) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(PG_MIGRATIONS[0][2])
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text,"
                     " applied_at text)")
        conn.execute("INSERT INTO schema_migrations VALUES (1, 'baseline', '2026-01-01T00:00:00+00:00')")
        columns = [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'articles'")]
        assert "file_type" not in columns
    with PgStore(postgres_url) as store:
        assert applied_versions(store.db) == {1, 2, 3, 4, 5, 6, 7, 8, 9}
    with ShapesPortal() as portal:
        config = tmp_path / "config.yaml"
        write_config(portal, config, postgres_url)
        crawl = run("crawl", "--config", str(config), "--format", "json")
        assert crawl.exit_code == 0, crawl.output
        assert file_requests(portal) == []
        files = [e for e in portal.expected(SITE) if e["file_type"]]
    with psycopg.connect(postgres_url) as conn:
        stored = dict(conn.execute("SELECT url, file_type FROM articles WHERE file_type IS NOT NULL").fetchall())
    assert stored == {e["url"]: e["file_type"] for e in files}
    found = json.loads(run("search", files[0]["title"], "--config", str(config), "--format", "json").stdout)
    assert found[0]["url"] == files[0]["url"] and found[0]["file_type"] == files[0]["file_type"]


def test_a_file_row_dated_in_the_future_gets_no_publication_date(tmp_path: Path) -> None:
    """A 公告 row whose list date is in the future (a bid-opening day, a typo) is stored without a date, as a
    page's own future date would be (DESIGN: future dates rejected); the rows dated in the past keep theirs."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    dates = ["2024-03-01", "2099-03-02", "2024-02-27 09:30", "2024-02-20"]
    rows = "".join(f'<tr><td class="bt"><a href="/zwgk/tzgg/{i}.pdf">关于大连长兴岛第{i}号氪氙项目环境影响评价的公示'
                   f'</a></td><td class="rq">{d}</td></tr>' for i, d in enumerate(dates))
    column = f"<html><head><title>通知公告</title></head><body><table class='list'>{rows}</table></body></html>"
    asked: list[str] = []

    class Column(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            asked.append(self.path)
            body = column.encode("utf-8") if self.path == "/zwgk/tzgg/index.html" else b"not here"
            self.send_response(200 if self.path == "/zwgk/tzgg/index.html" else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Column)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        config = tmp_path / "config.yaml"
        base = f"http://127.0.0.1:{server.server_address[1]}"
        config.write_text(yaml.safe_dump({
            "database": str(tmp_path / "news.db"),
            "crawl": {"download_delay": 0, "autothrottle": False, "retries": 0},
            "sites": [{"name": "tzgg", "start_urls": [f"{base}/zwgk/tzgg/index.html"]}]}), encoding="utf-8")
        crawl = run("crawl", "--config", str(config), "--format", "json")
        assert crawl.exit_code == 0, crawl.output
    finally:
        server.shutdown()
        server.server_close()
    assert not [path for path in asked if path.endswith(".pdf")]
    with sqlite3.connect(tmp_path / "news.db") as conn:
        stored = dict(conn.execute("SELECT url, published_at FROM articles").fetchall())
    assert stored == {f"{base}/zwgk/tzgg/0.pdf": "2024-03-01T00:00:00+08:00", f"{base}/zwgk/tzgg/1.pdf": None,
                      f"{base}/zwgk/tzgg/2.pdf": "2024-02-27T09:30:00+08:00",
                      f"{base}/zwgk/tzgg/3.pdf": "2024-02-20T00:00:00+08:00"}
