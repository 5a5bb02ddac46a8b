"""``newsmon db copy`` (SQLite -> PostgreSQL) and ``newsmon db upgrade`` on a real server."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import psycopg
import pytest

from newsmon.crawler.fingerprint import text_fingerprint
from newsmon.crawler.pipelines import _near_print as near_print
from newsmon.db import Store
from newsmon.db.copy import TABLES, copy_database
from newsmon.db.health import save_list_page_validators
from newsmon.db.outbox import add_deliveries, claim_deliveries, database_id, mark_sent
from newsmon.db.pg_store import PgStore
from newsmon.db.siteplaces import SitePlaceRow, change_site_place, save_list_page_readings
from newsmon.db.templates import record_page_blocks, record_site_headlines

from tests.services.postgres import PostgresServer
from tests.test_web_support import closed_port, newsmon_command

CST = dt.timezone(dt.timedelta(hours=8))


_WORDS = ("项目", "开工", "投资", "沈阳", "大连", "鞍山", "港口", "铁路", "产业园", "集成电路", "新能源", "医药", "签约",
          "竣工", "园区", "企业", "亿元", "万吨", "厂房", "设备", "研发", "基地", "物流", "电站", "风电", "光伏", "改造")


def _story(i: int) -> str:
    """A distinct story per ``i`` (random words: no two are near-duplicates)."""
    rng = random.Random(i)
    return "\n".join("".join(rng.choice(_WORDS) for _ in range(14)) + "。" for _ in range(4))


def build_sqlite(path: Path, stories: int = 40) -> dict[str, int]:
    """A SQLite database with something in every copied table: copies, bands, facts, alerts, runs, templates."""
    with Store(path) as store:
        run = store.start_run("a")
        for i in range(stories):
            body = _story(i)
            result = store.add_article(site="a", url=f"http://a.example/{i}.html", title=f"第{i}号项目开工",
                                       body=body, fingerprint=text_fingerprint(body), near=near_print(body),
                                       url_key=f"a.example/{i}.html",
                                       published_at=dt.datetime(2024, 5, 1, 8, i % 60, tzinfo=CST))
            if i % 4 == 0:  # a syndicated copy, stored as a second source
                store.add_article(site="b", url=f"http://b.example/{i}.html", title=f"第{i}号项目开工",
                                  body=body, fingerprint=text_fingerprint(body), near=near_print(body))
            if i % 5 == 0:
                store.save_facts(result.article_id, {"amount": 3e8, "currency": "CNY", "amount_cny": 3e8,
                                                     "stage": "开工", "places": [{"city": "沈阳市"}], "version": 1})
        store.add_non_article(site="a", url="http://a.example/list.html", reason="list page")
        store.finish_run(run, status="ok", counts={"articles_new": stories}, errors=[], duration_s=2.0)
        add_deliveries(store.db, [{"rule": "r", "article_id": i, "channel": "hook", "matched": ["开工"],
                                   "created_at": "2024-05-01T00:00:00+00:00",
                                   "next_attempt_at": "2024-05-01T00:00:00+00:00"} for i in range(1, min(stories, 10) + 1)])
        sent = claim_deliveries(store.db, [1, 2, 3], "2024-05-01T00:00:01+00:00")
        mark_sent(store.db, sent, "2024-05-01T00:00:02+00:00")
        record_page_blocks(store.db, "a", [11, 22, 33], "2024-05-01")
        record_site_headlines(store.db, "a", [("第一号项目开工仪式", "http://a.example/1.html", "2024-05-01")],
                              "2024-05-01")
        save_list_page_validators(store.db, "a", {"http://a.example/list.html": ('"v1"', None)})
        change_site_place(store.db, "a", lambda _: SitePlaceRow("沈阳市", "要闻_沈阳市人民政府", "大连市", 1), "2024-05-01")
        save_list_page_readings(store.db, "a", {"http://a.example/list.html": ("沈阳市", "要闻_沈阳市人民政府"),
                                                "http://a.example/other.html": (None, "无标题文档")}, "2024-05-01")
        database_id(store.db)
        return store.counts()


def _tables(sqlite_path: Path, url: str) -> dict[str, tuple[list[Any], list[Any]]]:
    out = {}
    with sqlite3.connect(sqlite_path) as lite, psycopg.connect(url) as pg:
        for table in TABLES:
            columns = ", ".join(c for c in table.columns if c != "rowid")
            left = sorted((tuple(r) for r in lite.execute(f"SELECT {columns} FROM {table.name}")), key=repr)
            right = sorted((tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                            for r in pg.execute(f"SELECT {columns} FROM {table.name}")),  # type: ignore[arg-type]
                           key=repr)
            out[table.name] = (left, right)
    return out


def test_copy_moves_every_table_and_the_store_goes_on(tmp_path: Path, postgres_url: str) -> None:
    source = tmp_path / "news.db"
    counts = build_sqlite(source)
    done = subprocess.run(newsmon_command("db", "copy", "--from", str(source), "--to", postgres_url,
                                          "--format", "json"), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "copy: articles 40/40" in done.stderr
    for name, (left, right) in _tables(source, postgres_url).items():
        assert right == left, name
        assert left or name in ("site_schedule", "alert_notices"), f"{name}: nothing to compare"
    with PgStore(postgres_url) as store:
        assert store.counts() == counts
        # Same database id: alert Idempotency-Keys do not change with the move.
        with Store(source) as lite:
            assert database_id(store.db) == database_id(lite.db)
        # The near-duplicate index came along: an edited copy of story 7 is recognised.
        edited = _story(7) + "\n（来源：辽宁日报）"
        again = store.add_article(site="c", url="http://c.example/7.html", title="第7号项目开工", body=edited,
                                  fingerprint=text_fingerprint(edited), near=near_print(edited))
        assert again.status == "duplicate" and again.article_id == 8
        assert store.known_urls(["http://a.example/list.html"]) == {"http://a.example/list.html"}
        new = store.add_article(site="a", url="http://a.example/new.html", title="大连港", body="大连港吞吐量增长。" * 9,
                                fingerprint="new-one")
        assert new.status == "new" and new.article_id == 41  # the id sequence moved past the copied ids
        with psycopg.connect(postgres_url) as conn:
            statuses = dict(conn.execute("SELECT status, count(*) FROM alert_deliveries GROUP BY status").fetchall())
            order = conn.execute("SELECT url FROM article_sources WHERE article_id = 1 ORDER BY first_seen_at, seq"
                                 ).fetchall()
        assert statuses == {"sent": 3, "pending": 7}
        assert [r[0] for r in order] == ["http://a.example/0.html", "http://b.example/0.html"]


def test_interrupted_copy_resumes_without_duplicates(tmp_path: Path, postgres_url: str) -> None:
    source = tmp_path / "news.db"
    counts = build_sqlite(source)
    seen: list[tuple[str, int]] = []

    def stop_midway(table: str, done: int, total: int) -> None:
        seen.append((table, done))
        if table == "article_sources" and done >= 20:
            raise KeyboardInterrupt  # Ctrl-C in the middle of a table

    with PgStore(postgres_url) as store:
        with pytest.raises(KeyboardInterrupt):
            copy_database(source, store.db, batch=7, on_progress=stop_midway)
        assert store.counts()["articles"] == 40 and 0 < store.counts()["article_sources"] < counts["article_sources"]
        resumed: list[tuple[str, int]] = []
        report = copy_database(source, store.db, batch=7, on_progress=lambda t, d, n: resumed.append((t, d)))
        assert report.resumed and report.rows["articles"] == 0
        assert ("article_sources", 21) in resumed  # continued from the checkpoint, not from 0
        assert store.counts() == counts
    for name, (left, right) in _tables(source, postgres_url).items():
        assert right == left, name


def test_copy_refuses_clearly(tmp_path: Path, postgres_url: str, postgres_server: PostgresServer) -> None:
    source = tmp_path / "news.db"
    build_sqlite(source, stories=3)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(newsmon_command("db", "copy", *args), capture_output=True, text=True, timeout=120)

    unreachable = run("--from", str(source), "--to", f"postgresql://newsmon@127.0.0.1:{closed_port()}/x")
    assert unreachable.returncode == 1
    assert unreachable.stderr.startswith("Error: Cannot connect to PostgreSQL at postgresql://newsmon@127.0.0.1:")
    assert "Traceback" not in unreachable.stderr and len(unreachable.stderr.strip().splitlines()) == 1
    bad = run("--from", str(source), "--to", str(tmp_path / "other.db"))
    assert bad.returncode == 2 and "--to must be a postgresql:// URL" in bad.stderr
    missing = run("--from", str(tmp_path / "none.db"), "--to", postgres_url)
    assert missing.returncode == 1 and "no such database to copy" in missing.stderr
    with PgStore(postgres_url) as store:  # a database in use by another newsmon
        store.add_article(site="z", url="http://z.example/1", title="t", body="b" * 50, fingerprint="f")
    busy = run("--from", str(source), "--to", postgres_url)
    assert busy.returncode == 1 and "is not empty (1 stories)" in busy.stderr, busy.stderr


def test_upgrade_says_what_it_applied(tmp_path: Path, postgres_server: PostgresServer) -> None:
    url = postgres_server.create_database()
    try:
        first = subprocess.run(newsmon_command("db", "upgrade", "--database", url), capture_output=True, text=True,
                               timeout=120)
        assert first.returncode == 0, first.stderr
        assert first.stdout.startswith("Applied migration 1: baseline")
        again = subprocess.run(newsmon_command("db", "upgrade", "--database", url), capture_output=True, text=True,
                               timeout=120)
        assert "Applied migration 2: articles.file_type" in first.stdout
        assert "Applied migration 3: articles(site, id) index" in first.stdout
        assert "Applied migration 4: articles(UTC day, id) index" in first.stdout
        assert "Applied migration 5: crawl_runs.list_failures" in first.stdout
        assert "Applied migration 6: site_places" in first.stdout
        assert "Applied migration 7: site_places.pending" in first.stdout
        assert again.stdout.strip() == "Already up to date (schema version 9)."
    finally:
        postgres_server.drop_database(url)
    lite = tmp_path / "news.db"
    Store(lite).close()
    done = subprocess.run(newsmon_command("db", "upgrade", "--database", str(lite), "--format", "json"),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and all(f'"version": {v}' in done.stdout for v in (1, 2, 3, 5, 6, 7, 8, 9))


def test_copy_killed_with_sigkill_resumes(tmp_path: Path, postgres_url: str) -> None:
    """kill -9 of ``newsmon db copy`` in the middle of the band index; the same command again finishes it."""
    import signal

    source = tmp_path / "news.db"
    counts = build_sqlite(source, stories=120)
    # On a quiet machine the 154 band batches take well under the progress line's one second, so
    # the first line past 0 would be the last: a statement trigger (the test's, not newsmon's)
    # makes each batch take 50 ms, and the kill lands in the middle of the table.
    upgrade = subprocess.run(newsmon_command("db", "upgrade", "--database", postgres_url),
                             capture_output=True, text=True, timeout=120)
    assert upgrade.returncode == 0, upgrade.stderr
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE FUNCTION test_slow_batch() RETURNS trigger LANGUAGE plpgsql"
                     " AS $$ BEGIN PERFORM pg_sleep(0.05); RETURN NULL; END $$")
        conn.execute("CREATE TRIGGER test_slow_batch AFTER INSERT ON article_bands"
                     " FOR EACH STATEMENT EXECUTE FUNCTION test_slow_batch()")
    command = newsmon_command("db", "copy", "--from", str(source), "--to", postgres_url, "--batch", "50")
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert first.stderr is not None
    for line in first.stderr:
        if line.startswith("copy: article_bands") and not line.startswith("copy: article_bands 0/"):
            first.send_signal(signal.SIGKILL)
            break
    first.wait(60)
    assert first.returncode == -signal.SIGKILL, "the copy finished before it could be killed"
    with psycopg.connect(postgres_url) as conn:
        row = conn.execute("SELECT count(*) FROM article_bands").fetchone()
    with sqlite3.connect(source) as lite:
        bands = lite.execute("SELECT count(*) FROM article_bands").fetchone()[0]
    assert row is not None and 0 < row[0] < bands
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("DROP TRIGGER test_slow_batch ON article_bands")
        conn.execute("DROP FUNCTION test_slow_batch()")
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "Resumed and finished" in again.stderr
    for name, (left, right) in _tables(source, postgres_url).items():
        assert right == left, name
    with PgStore(postgres_url) as store:
        assert store.counts() == counts
