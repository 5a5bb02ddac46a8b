"""Parity: the fixture portals crawled with ``newsmon crawl`` into SQLite and into PostgreSQL store the same.

Both crawls run the real command (subprocess, the crawl worker pool, the alert
hook, the sender after the crawl) against the same loopback portal, each
delivering to its own loopback webhook receiver. The stories, their sources,
the non-article pages, the crawl counts and the alerts (outbox rows and what the
webhooks received) must be equal.

Hook for the search side of parity (issue 16, the PostgreSQL read side): the
module-scoped ``crawled_pair`` fixture gives both config files already
crawled; a test can run ``newsmon search QUERY --format json`` on each and
compare (see ``run_json``).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import psycopg
import pytest
import yaml

from newsmon.portal import FixturePortal

from tests.services.postgres import PostgresServer
from tests.test_alerts_support import Receiver
from tests.test_web_support import newsmon_command

RULE_QUERY = "项目 OR 投资"


@dataclass
class CrawledPair:
    """One portal crawled twice: ``sqlite_config`` (news.db) and ``pg_config`` (a PostgreSQL URL)."""

    sqlite_config: Path
    pg_config: Path
    sqlite_path: Path
    pg_url: str
    sqlite_hook: Receiver
    pg_hook: Receiver


def run_json(config: Path, *args: str) -> Any:
    """``newsmon ARGS --config CONFIG --format json``, parsed."""
    done = subprocess.run(newsmon_command(*args, "--config", str(config), "--format", "json"),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout or "null")


def _config(folder: Path, portal: FixturePortal, database: str, hook: Receiver) -> Path:
    doc = yaml.safe_load(portal.config_yaml(database=database))
    doc["alerts"] = {"channels": {"hook": {"type": "webhook", "url": hook.url + "/hook"}},
                     "rules": [{"name": "projects", "query": RULE_QUERY, "channels": ["hook"]}]}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def crawled_pair(tmp_path_factory: pytest.TempPathFactory, postgres_server: PostgresServer) -> Iterator[CrawledPair]:
    """The fixture portal crawled by ``newsmon crawl`` into SQLite and into PostgreSQL (module scope: crawled once).

    The two crawls run at once: each spends most of its time waiting for dongbei-news's slow page to time
    out, and they share nothing but the (read-only) portal."""
    folder = tmp_path_factory.mktemp("parity")
    portal = FixturePortal().start()
    url = postgres_server.create_database()
    hooks = [Receiver(), Receiver()]
    try:
        sqlite_config = _config(folder / "sqlite", portal, "news.db", hooks[0])
        pg_config = _config(folder / "pg", portal, url, hooks[1])
        crawls = [subprocess.Popen(newsmon_command("crawl", "--config", str(config), "--format", "json"),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                  for config in (sqlite_config, pg_config)]
        try:
            for crawl in crawls:
                _, stderr = crawl.communicate(timeout=600)
                assert crawl.returncode == 0, stderr[-3000:]
        finally:
            for crawl in crawls:
                if crawl.poll() is None:
                    crawl.kill()
                    crawl.wait()
        yield CrawledPair(sqlite_config, pg_config, folder / "sqlite" / "news.db", url, hooks[0], hooks[1])
    finally:
        for hook in hooks:
            hook.close()
        portal.stop()
        postgres_server.drop_database(url)


def _both(pair: CrawledPair, sql: str) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with sqlite3.connect(pair.sqlite_path) as lite:
        left = [tuple(r) for r in lite.execute(sql).fetchall()]
    with psycopg.connect(pair.pg_url) as conn:
        right = [tuple(r) for r in conn.execute(sql).fetchall()]  # type: ignore[arg-type]
    return sorted(left, key=repr), sorted(right, key=repr)


def test_same_stories(crawled_pair: CrawledPair) -> None:
    lite, pg = _both(crawled_pair, "SELECT url, site, title, published_at, published_utc, source, author, body,"
                                   " fingerprint, summary FROM articles")
    assert len(lite) >= 10, "the portal crawl stored too few stories to compare"
    assert pg == lite


def test_same_sources_and_non_articles(crawled_pair: CrawledPair) -> None:
    sources = ("SELECT a.url, s.site, s.url, s.published_at, s.url_key, s.fingerprint FROM article_sources s"
               " JOIN articles a ON a.id = s.article_id")
    lite, pg = _both(crawled_pair, sources)
    assert any(row[0] != row[2] for row in lite), "no syndicated copy in the fixture: the test proves too little"
    assert pg == lite
    lite, pg = _both(crawled_pair, "SELECT url, site, reason, url_key FROM non_articles")
    assert pg == lite


def test_same_crawl_counts_and_site_templates(crawled_pair: CrawledPair) -> None:
    # Which site stores a syndicated story first (new) and which sees the copy (duplicate) depends on the
    # parallel crawl workers' timing; what each site stored in all, and the totals, do not.
    lite, pg = _both(crawled_pair, "SELECT site, status, articles_new + duplicates, non_articles, failures"
                                   " FROM crawl_runs")
    assert pg == lite
    lite, pg = _both(crawled_pair, "SELECT sum(articles_new), sum(duplicates) FROM crawl_runs")
    assert pg == lite
    lite, pg = _both(crawled_pair, "SELECT site, block, pages FROM site_blocks")
    assert pg == lite
    lite, pg = _both(crawled_pair, "SELECT site, headline, url FROM site_headlines")
    assert pg == lite


def test_same_alerts_queued_and_delivered(crawled_pair: CrawledPair) -> None:
    lite, pg = _both(crawled_pair, "SELECT d.rule, a.url, d.channel, d.status, d.matched FROM alert_deliveries d"
                                   " JOIN articles a ON a.id = d.article_id")
    assert lite, "no alert matched: the rule proves nothing"
    assert pg == lite
    assert all(row[3] == "sent" for row in pg)

    def delivered(hook: Receiver) -> list[tuple[str, str]]:
        return sorted((r["json"]["rule"], r["json"]["url"]) for r in hook.accepted)

    assert delivered(crawled_pair.pg_hook) == delivered(crawled_pair.sqlite_hook)
    assert len(crawled_pair.pg_hook.accepted) == len(pg)


def _id_of(pair: CrawledPair, url: str) -> tuple[int, int]:
    with sqlite3.connect(pair.sqlite_path) as lite:
        left = lite.execute("SELECT article_id FROM article_sources WHERE url = ?", [url]).fetchone()
    with psycopg.connect(pair.pg_url) as conn:
        right = conn.execute("SELECT article_id FROM article_sources WHERE url = %s", [url]).fetchone()
    assert left is not None and right is not None
    return int(left[0]), int(right[0])


def test_show_command_agrees(crawled_pair: CrawledPair) -> None:
    # Ids follow the order the crawl workers stored stories in, which differs between two crawls:
    # the story is found by a URL of a copy (a story with several sources: the richest `show`).
    with sqlite3.connect(crawled_pair.sqlite_path) as lite:
        row = lite.execute("SELECT url FROM article_sources WHERE article_id IN (SELECT article_id FROM"
                           " article_sources GROUP BY article_id HAVING count(*) > 1) ORDER BY url LIMIT 1"
                           ).fetchone()
    assert row is not None
    lite_id, pg_id = _id_of(crawled_pair, row[0])
    lite = run_json(crawled_pair.sqlite_config, "show", str(lite_id))
    pg = run_json(crawled_pair.pg_config, "show", str(pg_id))
    for story in (lite, pg):
        story.pop("id")
        story.pop("fetched_at", None)
        for source in story.get("sources", []):
            source.pop("first_seen_at", None)
        story["sources"] = sorted(story.get("sources", []), key=lambda s: s["url"])  # arrival order is timing
    assert pg == lite
    assert lite["sources_count"] > 1
