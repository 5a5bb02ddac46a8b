"""Scale-out on loopback: a real redis-server, `newsmon run` schedulers and `newsmon worker` processes.

The end-to-end test of issue 16's "Done means": a real PostgreSQL (the shared store), one active
scheduler, one hot standby, two workers, the fixture portals and a real webhook receiver; `kill -9`
of the worker running a crawl and of the active scheduler; every story stored once, nothing lost,
the alert sent once. The SIGTERM test runs on the shared SQLite file (one machine).
"""

from __future__ import annotations

import re
import signal
import time
from pathlib import Path
from typing import Any, Callable, Optional

import redis
import yaml

from newsmon.portal import FixturePortal
from test_alerts_support import Receiver, receiver  # noqa: F401
from test_daemon_support import DaemonProcess, run_cli, wait_for, write_config
from tests.services.ports import free_port

KEYWORD_TEXT = [
    "辽宁省今日与某气体公司签约氦三提纯项目，总投资8亿元。",
    "项目落户大连长兴岛，预计明年投产，年产高纯氦三五百升。",
]


def queued_config(portal: FixturePortal, folder: Path, queue: str, every: str = "1h", **extra: Any) -> Path:
    """config.yaml for the portal with `queue:`; each site crawled ``every`` (once in a test by default), no jitter."""
    path = write_config(portal, folder, every=every, jitter=0, workers=1)
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["queue"] = queue
    # dongbei-news's slow page (12 s) keeps its crawl in flight this long; other pages get room on a loaded machine.
    doc["crawl"]["timeout"] = 8
    doc.update(extra)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_unreachable_queue_and_missing_queue_are_one_sentence(tmp_path: Path) -> None:
    with FixturePortal() as portal:
        config = queued_config(portal, tmp_path, "redis://:hunter22@127.0.0.1:%d/0" % free_port())
        for command in ("worker", "run"):
            done = run_cli(command, "--config", str(config), timeout=60)
            assert done.returncode == 1, done.stderr
            lines = done.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("Error: Cannot reach the Redis queue at redis://:***@127.0.0.1:")
            assert "hunter22" not in done.stderr and "Traceback" not in done.stderr
        (tmp_path / "plain").mkdir()
        plain = write_config(portal, tmp_path / "plain")
        done = run_cli("worker", "--config", str(plain))
        assert done.returncode == 2 and "newsmon worker needs `queue: redis://" in done.stderr


def pg_rows(url: str) -> Callable[..., list[tuple[Any, ...]]]:
    """``rows(sql, *params)`` on the PostgreSQL database at ``url`` (``?`` placeholders, as the SQLite helper)."""
    import psycopg

    def rows(sql: str, *params: Any) -> list[tuple[Any, ...]]:
        try:
            with psycopg.connect(url, autocommit=True) as conn:
                return list(conn.execute(sql.replace("?", "%s"), params).fetchall())
        except psycopg.errors.UndefinedTable:
            return []  # schema not created yet

    return rows


def _pid_of(worker_id: str) -> int:
    # worker@<host>:<pid>:<random>
    return int(worker_id.rsplit(":", 2)[1])


def _worker_running(client: "redis.Redis", site: str) -> Optional[str]:
    """The id of the worker whose processing list holds ``site``'s crawl."""
    for key in client.scan_iter("newsmon:processing:*"):
        for raw in client.lrange(key, 0, -1):
            if f'"site": "{site}"' in str(raw):
                return str(key).split("newsmon:processing:", 1)[1]
    return None


def test_end_to_end_postgres_standby_two_workers_kill_9(
    tmp_path: Path, redis_url: str, postgres_url: str, receiver: Receiver  # noqa: F811
) -> None:
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    rows = pg_rows(postgres_url)
    with FixturePortal() as portal:
        alerts = {"channels": {"ops": {"type": "webhook", "url": receiver.url + "/hook"}},
                  "rules": [{"name": "helium", "query": "氦三", "channels": ["ops"]}]}
        # Every 30 s: the standby, once active, schedules too; a page a loaded machine timed out comes again.
        config = queued_config(portal, tmp_path, redis_url, every="30s", alerts=alerts, database=postgres_url)
        url = portal.publish("liaoning-invest", "辽宁氦三提纯项目签约", KEYWORD_TEXT, published="2023-04-06 09:30")
        copy = portal.publish("shenyang-gov", "转载：辽宁氦三提纯项目签约", KEYWORD_TEXT, published="2023-04-06 11:00")
        workers = [DaemonProcess(config, "worker", "--concurrency", "2") for _ in range(2)]
        active = DaemonProcess(config)
        standby: Optional[DaemonProcess] = None
        try:
            active.wait_log(r"started pid=\d+ .* queue=redis://127\.0\.0\.1:\d+/0 \(scheduling only", timeout=60)
            standby = DaemonProcess(config)
            standby.wait_log(r"standby: scheduler scheduler@\S+ is active", timeout=60)

            # 1. kill -9 the worker crawling dongbei-news while its crawl is open (its slow page keeps it so).
            victim = wait_for(lambda: _worker_running(client, "dongbei-news") if rows(
                "SELECT 1 FROM crawl_runs WHERE site = 'dongbei-news' AND status = 'running'") else None,
                60, "dongbei-news's crawl in flight on a worker")
            killed = next(w for w in workers if w.proc.pid == _pid_of(victim))
            killed.proc.kill()
            killed.proc.wait(10)
            # 2. kill -9 the active scheduler too.
            active.proc.kill()
            active.proc.wait(10)
            killed_at = time.monotonic()
            line = standby.wait_log(r"active: took over the scheduler lease", timeout=40)[0]
            assert time.monotonic() - killed_at < 30, line
            # The crawl the dead worker held goes back to the queue and the other worker finishes it.
            survivor = next(w for w in workers if w is not killed)
            survivor.wait_log(r"resuming crawl site=dongbei-news \(its previous worker died", timeout=40)
            expected = {a["url"] for articles in portal.expected().values() for a in articles}
            syndicated = [pair for pair in portal.syndicated() if set(pair) <= expected]
            wait_for(lambda: expected <= {u for (u,) in rows("SELECT url FROM article_sources")},
                     120, "every fixture story stored")
            wait_for(lambda: not rows("SELECT 1 FROM crawl_runs WHERE status = 'running'"), 30,
                     "no crawl row left running")
            wait_for(lambda: receiver.accepted, 30, "the alert")
            standby.wait_log(r"crawl site=dongbei-news status=(ok|partial)", timeout=60)
            time.sleep(2.0)  # a second delivery would come now
            assert standby.stop() == 0
            # Nothing new is queued now; the survivor finishes what is queued, then stops.
            wait_for(lambda: client.hlen("newsmon:sites") == 0, 60, "the queue to drain")
            assert survivor.stop() == 0
        finally:
            for process in (active, standby, *workers):
                if process is not None:
                    process.kill()

    # Nothing lost, nothing twice.
    assert rows("SELECT url FROM article_sources GROUP BY url HAVING count(*) > 1") == []
    assert rows("SELECT fingerprint FROM articles GROUP BY fingerprint HAVING count(*) > 1") == []
    stories = len(expected) - len(syndicated) - 1  # the published copy is a source of the helium story
    assert rows("SELECT count(*) FROM articles WHERE url IN (%s)" % ",".join("?" * len(expected)),
                        *expected) == [(stories,)]
    runs = rows("SELECT status, error FROM crawl_runs WHERE site = 'dongbei-news' ORDER BY id")
    assert runs[0][0] == "interrupted" and "queued again" in runs[0][1], runs
    assert any(status in ("ok", "partial") for status, _ in runs[1:]), runs
    assert [r["json"]["url"] for r in receiver.accepted] in ([url], [copy])  # one story, one alert
    assert len(receiver.requests) == 1
    assert client.hlen("newsmon:sites") == 0 and client.llen("newsmon:pending") == 0
    assert not client.exists("newsmon:crawl:dongbei-news:requests")  # the finished crawl flushed its frontier
    assert re.search(r"requeued|queued again", killed.log + survivor.log + standby.log)


def test_worker_sigterm_requeues_its_unfinished_crawl(tmp_path: Path, redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    with FixturePortal() as portal:
        config = queued_config(portal, tmp_path, redis_url)
        worker = DaemonProcess(config, "worker", "--concurrency", "1")
        try:
            worker.wait_log(r"worker started id=worker@\S+ concurrency=1", timeout=60)
            client.lpush("newsmon:pending", '{"attempt": 0, "id": "j1", "queued_at": 0, "site": "dongbei-news"}')
            client.hset("newsmon:sites", "dongbei-news", "j1")
            wait_for(lambda: worker.rows("SELECT 1 FROM crawl_runs WHERE status = 'running'"), 60, "the crawl")
            worker.signal(signal.SIGTERM)
            # The crawl (slow page: 4 s timeout) either finishes within the grace or is queued again.
            assert worker.proc.wait(30) == 0
        finally:
            worker.kill()
        log = worker.log
        if "requeued site=dongbei-news (worker stopping)" in log:
            assert client.lrange("newsmon:pending", 0, -1) and client.hget("newsmon:sites", "dongbei-news") == "j1"
        else:
            assert re.search(r"crawl site=dongbei-news status=(ok|partial)", log), log
            assert client.hlen("newsmon:sites") == 0
        assert not client.exists(f"newsmon:processing:{worker_id(log)}")
        assert worker.rows("SELECT count(*) FROM crawl_runs WHERE status = 'running'") == [(0,)]


def worker_id(log: str) -> str:
    found = re.search(r"worker started id=(\S+)", log)
    assert found, log
    return found.group(1)

