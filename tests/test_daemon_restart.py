"""kill -9 of a crawl worker and of the daemon itself, then a restart: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import psutil

from newsmon.portal import FixturePortal

from test_daemon_support import FAST_TIMINGS, DaemonProcess, wait_for, write_config


def children(pid: int) -> list[int]:
    """Pids whose parent is ``pid`` (from /proc)."""
    try:
        return [child.pid for child in psutil.Process(pid).children()]
    except psutil.NoSuchProcess:
        return []


def test_kill9_worker_and_daemon_then_restart_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    with FixturePortal() as portal:
        config = write_config(portal, tmp_path, every="3s")
        first = DaemonProcess(config)
        try:
            # 1. kill -9 the workers mid-crawl: the crawl is recorded interrupted (not the site's
            #    failure) with what it stored, retried on a new worker, and the daemon carries on.
            #    (Workers are persistent: kill them while a crawl row is open, retry if it just closed.)
            for _attempt in range(10):
                wait_for(lambda: first.rows("SELECT 1 FROM crawl_runs WHERE status = 'running'"), 60,
                         "a crawl in flight")
                for worker in children(first.proc.pid):
                    os.kill(worker, signal.SIGKILL)
                try:
                    first.wait_log(r"worker pid=\d+ ended \(stopped unexpectedly \(exit status -9\)\); its crawls: ",
                                   timeout=10)
                    break
                except AssertionError:
                    continue
            first.wait_log(r"retrying crawl site=\S+ \(run \d+ was interrupted\)", timeout=30)
            assert first.rows("SELECT count(*) FROM crawl_runs WHERE status = 'interrupted'"
                              " AND error LIKE '%stopped unexpectedly (exit status -9)%'")[0][0] >= 1
            assert first.rows("SELECT count(*) FROM crawl_runs WHERE status = 'failed'") == [(0,)]
            # 2. kill -9 the daemon while a crawl is running (some articles stored, some not).
            wait_for(lambda: first.rows("SELECT count(*) FROM articles")[0][0] > 0
                     and first.rows("SELECT 1 FROM crawl_runs WHERE status = 'running'"), 90,
                     "articles stored and a crawl in flight")
            orphans = children(first.proc.pid)
            first.proc.kill()
            first.proc.wait(10)
        finally:
            first.kill()
        # The orphaned workers notice and die too (no crawl goes on without its daemon).
        wait_for(lambda: not any(Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid) for pid in orphans),
                 10, "orphaned workers to exit")
        before = {url for (url,) in first.rows("SELECT url FROM article_sources")}
        assert before

        second = DaemonProcess(config, env=FAST_TIMINGS)  # its stop does not wait for a crawl in flight
        try:
            second.wait_log(r"started pid=.* closed_interrupted_runs=\d+")
            expected = {a["url"] for articles in portal.expected().values() for a in articles}
            syndicated = [pair for pair in portal.syndicated() if set(pair) <= expected]
            wait_for(lambda: expected <= {url for (url,) in second.rows("SELECT url FROM article_sources")},
                     120, "every fixture article stored")
            assert second.stop() == 0
        finally:
            second.kill()

    after = {url for (url,) in second.rows("SELECT url FROM article_sources")}
    assert before <= after, "articles stored before kill -9 were lost"
    assert second.rows("SELECT url FROM article_sources GROUP BY url HAVING count(*) > 1") == []
    assert second.rows("SELECT url FROM articles GROUP BY url HAVING count(*) > 1") == []
    assert second.rows("SELECT fingerprint FROM articles GROUP BY fingerprint HAVING count(*) > 1") == []
    # Every story once: the syndicated copies are extra sources of one article, not articles.
    stories = len(expected) - len(syndicated)
    assert second.rows("SELECT count(*) FROM articles WHERE url IN (%s)" % ",".join("?" * len(expected)),
                       *expected) == [(stories,)]
    assert second.rows("SELECT count(*) FROM crawl_runs WHERE status = 'running'") == [(0,)]
    assert second.rows("SELECT count(*) FROM crawl_runs WHERE status = 'interrupted'")[0][0] >= 1


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "zombie"
