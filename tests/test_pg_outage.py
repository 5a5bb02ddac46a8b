"""A `newsmon worker` whose PostgreSQL server goes away mid-crawl and comes back.

Real parts only: a private PostgreSQL server (stopped and started again on its port and data
directory, so it cannot be the session's shared one), a real redis-server, the fixture portal's
bench site on 127.0.0.1 and a real `newsmon worker` subprocess. What a user expects: no traceback
storm, the crawl that could not store says so in one line and is not reported ok (its unstored
stories stay unknown, so the next crawl fetches them), the worker keeps running, the next crawl
stores normally, and nothing stored before the outage is lost.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import redis

from newsmon.portal import FixturePortal
from test_daemon_support import DaemonProcess, wait_for
from test_scaleout import big_site_config, pg_rows
from tests.services.postgres import PostgresServer, start_server, wait_ready

ARTICLES = 100  # 5 list pages of 20; at one download per 0.1 s the first crawl takes ~11 s
ANSWER_S = 0.1
OUTAGE_S = 4.0


@pytest.fixture
def private_postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this test's own: stopping it must not disturb the other tests' server."""
    try:
        server, root = start_server()
    except (RuntimeError, OSError) as exc:
        pytest.fail(f"Cannot start a private PostgreSQL server: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def test_worker_survives_the_database_going_away_mid_crawl(tmp_path: Path, redis_url: str,
                                                          private_postgres: PostgresServer) -> None:
    from newsmon.scheduler.crawl_queue import CrawlQueue

    database = private_postgres.create_database()
    rows = pg_rows(database)
    queue = CrawlQueue.connect(redis_url)
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    with FixturePortal(bench_articles=ARTICLES, bench_delay=ANSWER_S) as portal:
        config = big_site_config(portal, tmp_path, redis_url, database)
        expected = {a["url"] for a in portal.expected()["bench-portal"]}
        worker = DaemonProcess(config, "worker", "--concurrency", "1")
        try:
            worker.wait_log(r"worker started id=", timeout=90)
            assert queue.enqueue("bench-portal")
            wait_for(lambda: rows("SELECT count(*) FROM articles")[0][0] >= 15, 60, "stories stored before the outage")
            private_postgres.stop()  # pg_ctl -m immediate: every connection is cut, as a crash or a failover
            stopped_at = time.monotonic()
            time.sleep(OUTAGE_S)
            assert private_postgres.start(), "the private PostgreSQL server did not start again"
            wait_ready(database)
            before = {u for (u,) in rows("SELECT url FROM article_sources")}
            assert 15 <= len(before) < len(expected), "the outage came after the crawl had stored everything"
            first: list[dict[str, Any]] = wait_for(lambda: queue.pop_reports(), 90, "the first crawl's report")
            assert worker.proc.poll() is None, f"the worker exited:\n{worker.log}"

            # The scheduler queues the site again at its next due time: that crawl stores the rest.
            assert queue.enqueue("bench-portal")
            second: list[dict[str, Any]] = wait_for(lambda: queue.pop_reports(), 90, "the second crawl's report")
            assert worker.stop() == 0
        finally:
            worker.kill()
    log = worker.log
    outage_s = time.monotonic() - stopped_at

    # The crawl that lost stories to the outage says so and is not ok: the next crawl fetches them.
    [report] = first
    assert report["site"] == "bench-portal" and report["status"] in ("partial", "failed"), report
    assert report["failures"] >= 1 and report["errors"], report
    crawl_lines = [line for line in log.splitlines() if re.search(r"\bcrawl site=bench-portal status=", line)]
    assert len(crawl_lines) == 2, log
    # One sentence naming the database (not psycopg's three lines of libpq advice).
    assert re.search(r'status=(partial|failed) .* error="[^"\t]*: not (stored|recorded): (Lost the connection to|Cannot'
                     r' reach) PostgreSQL at postgresql://newsmon@127\.0\.0\.1:\d+/\w+ \([^"\t]+\)\."$',
                     crawl_lines[0]), crawl_lines[0]
    # No traceback storm: at most one line per second of the outage and after, none a traceback.
    assert "Traceback" not in log, log
    assert len(log.splitlines()) < 20 + outage_s, log

    # Later crawls store normally; what was stored before the outage is still there; each story once.
    [again] = second
    assert again["status"] == "ok", again
    stored = {u for (u,) in rows("SELECT url FROM article_sources WHERE site = 'bench-portal'")}
    assert before <= stored and stored == expected
    assert rows("SELECT url FROM article_sources GROUP BY url HAVING count(*) > 1") == []
    assert rows("SELECT count(*) FROM articles") == [(len(expected),)]
    runs = rows("SELECT status FROM crawl_runs WHERE site = 'bench-portal' ORDER BY id")
    assert [status for (status,) in runs] == [report["status"], "ok"], runs  # no row left running
    assert client.hlen("newsmon:sites") == 0 and client.llen("newsmon:pending") == 0
