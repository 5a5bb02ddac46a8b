"""PostgreSQL going away under a running `newsmon worker` or `newsmon run`, and coming back.

Real parts only: a private PostgreSQL server (stopped and started again on its port and data
directory, so it cannot be the session's shared one), a real redis-server, the fixture portal on
127.0.0.1 and real `newsmon worker` / `newsmon run` subprocesses. What a user expects: no traceback
storm; a crawl that could not store says so in one line and is not reported ok (its unstored stories
stay unknown and the run incomplete, so the next crawl fetches them), or, if it ended while the
server was down, is queued again; the process keeps running and later crawls store normally;
nothing stored before the outage is lost; `newsmon run` stays the one daemon of its database.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import redis

from newsmon.portal import FixturePortal
from test_daemon_support import FAST_TIMINGS, DaemonProcess, run_cli, story, wait_for, write_config
from test_scaleout import big_site_config, pg_rows
from tests.services.postgres import PostgresServer, running_server, wait_ready

ARTICLES = 60  # 3 list pages of 20; at one download per 0.1 s the first crawl takes ~7 s
ANSWER_S = 0.1
OUTAGE_S = 4.0


@pytest.fixture
def private_postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server of this test's own: stopping it must not disturb the other tests' server."""
    with running_server("a private PostgreSQL server") as server:
        yield server


def test_worker_survives_the_database_going_away_mid_crawl_and_between_crawls(
        tmp_path: Path, redis_url: str, private_postgres: PostgresServer) -> None:
    from newsmon.scheduler.crawl_queue import CrawlQueue

    database = private_postgres.create_database()
    rows = pg_rows(database)
    queue = CrawlQueue.connect(redis_url)
    client = redis.Redis.from_url(redis_url, decode_responses=True)

    def stored() -> set[str]:
        return {u for (u,) in rows("SELECT url FROM article_sources WHERE site = 'bench-portal'")}

    with FixturePortal(bench_articles=ARTICLES, bench_delay=ANSWER_S) as portal:
        config = big_site_config(portal, tmp_path, redis_url, database)
        expected = {a["url"] for a in portal.expected()["bench-portal"]}
        worker = DaemonProcess(config, "worker", "--concurrency", "1", env=FAST_TIMINGS)
        try:
            worker.wait_log(r"worker started id=", timeout=90)

            # 1. An administrator restarts PostgreSQL (pg_ctl -m fast: every session is ended) mid-crawl.
            assert queue.enqueue("bench-portal")
            wait_for(lambda: len(stored()) >= 15, 60, "stories stored before the outage")
            before = stored()
            private_postgres.stop("fast")
            stopped_at = time.monotonic()
            time.sleep(OUTAGE_S)
            assert private_postgres.start(), "the private PostgreSQL server did not start again"
            wait_ready(database)
            after_outage = stored()
            assert before <= after_outage < expected, "the outage came after the crawl had stored everything"
            first: list[dict[str, Any]] = wait_for(lambda: queue.pop_reports(), 90, "the first crawl's report")
            assert worker.proc.poll() is None, f"the worker exited:\n{worker.log}"
            # The scheduler queues the site again at its next due time: that crawl stores the rest.
            assert queue.enqueue("bench-portal")
            second: list[dict[str, Any]] = wait_for(lambda: queue.pop_reports(), 90, "the second crawl's report")
            phase1_log = worker.log

            # 2. The server dies (pg_ctl -m immediate) between crawls; a crawl is claimed meanwhile.
            fresh = portal.publish("bench-portal", "数据库恢复后入库的新项目", story("数据库恢复"))
            time.sleep(1.0)  # the test server commits asynchronously: let its WAL reach the disk first
            private_postgres.stop("immediate")
            assert queue.enqueue("bench-portal")
            worker.wait_log(r"requeued site=bench-portal \(the database did not answer", timeout=30)
            # Two database checks: the worker must not claim the crawl again meanwhile.
            time.sleep(2 * float(FAST_TIMINGS["NEWSMON_DB_CHECK_EVERY_S"]))
            assert queue.pop_reports() == [] and queue.queued_sites() == {"bench-portal"}
            assert queue.counts()["waiting"] == 1
            assert private_postgres.start(), "the private PostgreSQL server did not start again"
            third: list[dict[str, Any]] = wait_for(lambda: queue.pop_reports(), 60, "the requeued crawl's report")
            worker.wait_log(r"database reachable again after \d+s", timeout=10)
            assert worker.proc.poll() is None, f"the worker exited:\n{worker.log}"
            assert worker.stop() == 0
        finally:
            worker.kill()
    log = worker.log
    outage_s = time.monotonic() - stopped_at

    # Phase 1: a crawl that lost stories to the outage says so in one line and is not ok; the next
    # crawl walks the whole list (the run was not complete) and fetches them. A crawl that waited the
    # outage out (its store calls wait up to 5 s for a connection) stored everything itself.
    [report], [again] = first, second
    assert report["site"] == "bench-portal" and again["status"] == "ok", (report, again)
    crawl_lines = [line for line in phase1_log.splitlines() if re.search(r"\bcrawl site=bench-portal status=", line)]
    assert len(crawl_lines) == 2, phase1_log
    if report["status"] != "ok":
        assert report["status"] in ("partial", "failed") and report["list_failures"] >= 1, report
        # One sentence naming the database (not psycopg's three lines of libpq advice).
        assert re.search(r'status=(partial|failed) .* error="[^"\t]*: not (stored|recorded): (Lost the connection'
                         r' to|Cannot reach) PostgreSQL at postgresql://newsmon@127\.0\.0\.1:\d+/\w+ \([^"\t]+\)\."$',
                         crawl_lines[0]), crawl_lines[0]
    else:
        assert report["articles_new"] == len(expected) and report["failures"] == 0, report
    # Phase 2: one ERROR line for the outage, one requeue line for the crawl, no report until it ran.
    assert len(re.findall(r"ERROR .*Claiming no crawls until it answers", log)) == len(
        re.findall(r"database reachable again", log)) >= 1, log
    assert len(re.findall(r"requeued site=bench-portal \(the database did not answer", log[len(phase1_log):])) == 1
    [requeued] = third
    assert requeued["status"] == "ok" and requeued["articles_new"] == 1, requeued
    # No traceback storm: none at all, and a handful of lines however long the outages.
    assert "Traceback" not in log, log
    assert len(log.splitlines()) < 25 + outage_s, log

    # Nothing stored before an outage is lost; every story stored once; no crawl row left running.
    assert before <= after_outage and stored() == expected | {fresh}
    assert rows("SELECT url FROM article_sources GROUP BY url HAVING count(*) > 1") == []
    assert rows("SELECT count(*) FROM articles") == [(len(expected) + 1,)]
    assert rows("SELECT count(*) FROM crawl_runs WHERE status = 'running'") == [(0,)]
    assert client.hlen("newsmon:sites") == 0 and client.llen("newsmon:pending") == 0


def test_daemon_on_postgres_survives_the_database_restarting(tmp_path: Path,
                                                            private_postgres: PostgresServer) -> None:
    """`newsmon run` on PostgreSQL (no queue): its server restarts under it; it keeps its one-daemon lock."""
    database = private_postgres.create_database()
    rows = pg_rows(database)
    with FixturePortal() as portal:
        config = write_config(portal, tmp_path, every="2s", database=database)
        daemon = DaemonProcess(config, env=FAST_TIMINGS)  # its stop does not wait for a crawl in flight
        try:
            daemon.wait_log(r"started pid=\d+ .*database=postgresql://", timeout=60)
            wait_for(lambda: rows("SELECT count(DISTINCT site) FROM crawl_runs WHERE status != 'running'")[0][0] >= 3,
                     60, "first crawls stored")
            before = {u for (u,) in rows("SELECT url FROM article_sources")}
            private_postgres.stop("fast")
            time.sleep(OUTAGE_S)
            assert private_postgres.start(), "the private PostgreSQL server did not start again"
            wait_ready(database)
            # A story published after the restart is stored by a later crawl.
            fresh = portal.publish("liaoning-invest", "数据库重启后的新项目", story("数据库重启"))
            wait_for(lambda: rows("SELECT 1 FROM article_sources WHERE url = ?", fresh), 60,
                     "a story published after the restart stored")
            # Still the one daemon of this database: it took its lock again, and a second one is refused.
            daemon.wait_log(r"database reachable again after \d+s; holding the one-daemon lock again", timeout=10)
            try:
                second = run_cli("run", "--config", str(config), timeout=30)
            except subprocess.TimeoutExpired:
                pytest.fail("a second newsmon run started beside the first: the server's restart freed the"
                            " one-daemon lock and the first never took it again")
            assert second.returncode == 1 and "Another newsmon run is already running" in second.stderr, second.stderr
            assert daemon.proc.poll() is None, daemon.log
            daemon.signal(signal.SIGTERM)
            assert daemon.proc.wait(60) == 0
        finally:
            daemon.kill()
    log = daemon.log
    assert "Traceback" not in log, log
    assert before <= {u for (u,) in rows("SELECT url FROM article_sources")}
    assert rows("SELECT url FROM article_sources GROUP BY url HAVING count(*) > 1") == []
