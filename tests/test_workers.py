"""The persistent crawl worker pool on real processes and the fixture portal on 127.0.0.1.

Many crawls per worker, a ``kill -9`` of a worker mid-crawl (recorded
``interrupted`` with what it stored, then retried), politeness across sites of
one host, rows left ``running`` by a killed ``newsmon crawl``, and ``crawl``'s
exit status when every site failed.
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from newsmon.config import Config, load_config
from newsmon.portal import FixturePortal
from newsmon.scheduler.crawl import pool_settings, run_crawl
from newsmon.scheduler.pool import CrawlPool, site_hosts

from test_daemon_support import run_cli


@pytest.fixture(scope="module")
def portal() -> Iterator[FixturePortal]:
    with FixturePortal() as p:
        yield p


def _config(portal: FixturePortal, folder: Path, **daemon: Any) -> Config:
    doc = yaml.safe_load(portal.config_yaml(database="news.db"))
    doc["daemon"] = daemon
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return load_config(path)


def test_one_worker_runs_many_crawls_and_an_unchanged_site_is_cheap(portal: FixturePortal, tmp_path: Path) -> None:
    config = _config(portal, tmp_path, workers=1)
    with CrawlPool(config.database_path, pool_settings(config, max_running=2)) as pool:
        pool.configure(config)
        first = pool.crawl("liaoning-invest", time_limit=60)
        assert first.status == "ok" and first.articles_new >= 3
        again = [pool.crawl("liaoning-invest", time_limit=60) for _ in range(5)]
        pids = pool.worker_pids()
    assert [r.status for r in again] == ["ok"] * 5
    assert all(r.articles_new == 0 for r in again)
    assert len(pids) == 1 and pool.workers_started == 1  # six crawls, one process start
    # Unchanged list page (304): the crawl itself is a few milliseconds of work, not a process start.
    assert min(r.duration_s for r in again) < 0.5


def test_kill_9_of_a_worker_records_interrupted_with_stored_counts_and_retries(
    portal: FixturePortal, tmp_path: Path
) -> None:
    config = _config(portal, tmp_path, workers=1)
    killed: list[int] = []
    with CrawlPool(config.database_path, pool_settings(config)) as pool:
        pool.configure(config)

        def on_event(event: dict[str, Any]) -> None:
            if event.get("event") == "article" and not killed:
                # dongbei-news has a page that answers only after seconds: the crawl is mid-way.
                pid = pool.worker_pids()[0]
                killed.append(pid)
                os.kill(pid, signal.SIGKILL)

        job = pool.submit("dongbei-news", time_limit=60, on_event=on_event)
        assert job.done.wait(120)
    assert killed and job.retried
    with sqlite3.connect(config.database_path) as conn:
        rows = conn.execute("SELECT id, status, articles_new, error FROM crawl_runs ORDER BY id").fetchall()
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    first_id, status, new, error = rows[0]
    assert status == "interrupted" and "stopped unexpectedly" in error
    assert new >= 1  # what the dead crawl stored, not 0
    assert len(rows) == 2 and rows[1][1] in ("ok", "partial", "timeout")  # retried once, on a new worker
    assert job.report is not None and job.report.run_id == rows[1][0]
    assert stored == new + rows[1][2]  # nothing lost, nothing twice


def test_sites_of_one_host_are_never_crawled_at_once(portal: FixturePortal, tmp_path: Path) -> None:
    config = _config(portal, tmp_path, workers=2, max_concurrent_crawls=4)
    # Point two sites at one host:port, as two 栏目 pages of one portal would be.
    doc = yaml.safe_load((tmp_path / "config.yaml").read_text(encoding="utf-8"))
    base = doc["sites"][0]["start_urls"][0]
    doc["sites"] = [dict(doc["sites"][0], name=f"part{i}", start_urls=[base]) for i in range(3)]
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    config = load_config(tmp_path / "config.yaml")
    assert len({site_hosts(s) for s in config.sites}) == 1
    spans: dict[str, list[float]] = {}
    lock = threading.Lock()

    def on_event(event: dict[str, Any]) -> None:
        with lock:
            spans.setdefault(event["site"], []).append(time.monotonic())

    with CrawlPool(config.database_path, pool_settings(config)) as pool:
        pool.configure(config)
        jobs = [pool.submit(s.name, time_limit=60, on_event=on_event) for s in config.sites]
        for job in jobs:
            assert job.done.wait(120)
            assert job.started is not None
    assert all(job.report is not None and job.report.status == "ok" for job in jobs)
    ordered = sorted(jobs, key=lambda j: j.started or 0)
    for before, after in zip(ordered, ordered[1:]):
        # The next crawl of the host started after the previous one's last event (its end).
        assert after.started is not None and after.started >= max(spans[before.site])


def test_a_killed_crawl_leaves_no_row_running_forever(portal: FixturePortal, tmp_path: Path) -> None:
    from newsmon.db import Store

    config = _config(portal, tmp_path)
    with Store(config.database_path) as store:
        run_id = store.start_run("liaoning-invest")  # what a `newsmon crawl` killed mid-way leaves behind
    [report] = run_crawl(config, ["shenyang-gov"], time_limit=60)
    assert report.status in ("ok", "partial")
    with sqlite3.connect(config.database_path) as conn:
        status, error = conn.execute("SELECT status, error FROM crawl_runs WHERE id = ?", [run_id]).fetchone()
    assert status == "interrupted" and "interrupted" in error


def test_crawl_exits_3_when_every_site_failed(tmp_path: Path) -> None:
    with FixturePortal() as portal:
        doc = yaml.safe_load(portal.config_yaml(database="news.db"))
    # The portal is gone: every list page refuses the connection.
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = run_cli("crawl", "--config", str(tmp_path / "config.yaml"), "--format", "json", timeout=120)
    assert result.returncode == 3, result.stderr
    assert "Every site's crawl failed (3 of 3)" in result.stderr
    assert "Traceback" not in result.stderr


def test_progress_is_a_plain_line_every_few_seconds_when_not_a_terminal() -> None:
    from newsmon.progress import CrawlProgress

    out = io.StringIO()
    with CrawlProgress(sites=3, every_s=0.05, stream=out) as progress:
        progress.update({"event": "article", "status": "new"})
        progress.update({"event": "site_done"})
        time.sleep(0.3)
    lines = out.getvalue().splitlines()
    assert lines and lines[-1].startswith("crawling… 1 new, 0 duplicates, 1/3 sites done (")


def test_workers_are_recycled_and_one_over_its_memory_limit_is_replaced(portal: FixturePortal, tmp_path: Path) -> None:
    config = _config(portal, tmp_path, workers=1, worker_max_crawls=2)
    with CrawlPool(config.database_path, pool_settings(config)) as pool:
        pool.configure(config)
        reports = [pool.crawl("liaoning-invest", time_limit=60) for _ in range(3)]
        assert [r.status for r in reports] == ["ok"] * 3
        assert pool.workers_started == 2  # the first worker retired after its second crawl
    settings = pool_settings(config)
    settings.memory_limit_mb = 50  # below any worker's size: every worker "grows past" it
    with CrawlPool(config.database_path, settings) as pool:
        pool.configure(config)
        # dongbei-news has a page that answers only after seconds: the memory check sees it running.
        report = pool.crawl("dongbei-news", time_limit=60)
    assert report.status == "interrupted"
    assert report.errors == ["the crawl's worker was killed: it grew past daemon.worker_memory_limit_mb"]
    assert pool.workers_started == 2  # killed, replaced, the retry killed too: retried once only
