"""The daemon's small parts on their own: config reload refusals, health from unwritable failures, the WAL keeper."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
import yaml

from newsmon.config import load_config
from newsmon.db import Store
from newsmon.db.housekeeping import checkpoint_wal
from newsmon.scheduler.config_watch import ConfigWatcher, ReloadRefused
from newsmon.scheduler.health_monitor import HealthMonitor
from newsmon.scheduler.housekeeping import WalKeeper
from newsmon.scheduler.report import SiteReport
from newsmon.scheduler.shared_store import SharedStore


def _write(path: Path, sites: int) -> None:
    doc = {"database": "news.db",
           "sites": [{"name": f"s{i}", "start_urls": [f"http://127.0.0.1:9/{i}"], "every": "1m"} for i in range(sites)]}
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")


def test_a_reload_that_would_drop_every_site_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    _write(path, 2)
    config = load_config(path)
    watcher = ConfigWatcher(path)
    path.write_text("", encoding="utf-8")  # an editor truncating the file on save
    assert watcher.changed()
    with pytest.raises(ReloadRefused, match=r"now has no enabled site \(was it emptied or truncated"):
        watcher.load(config)
    _write(path, 1)
    new, changes = watcher.load(config)  # dropping some sites is fine
    assert changes.removed == ["s1"] and [s.name for s in new.sites] == ["s0"]


def test_failures_that_cannot_be_written_still_make_a_site_unhealthy(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    _write(path, 1)
    config = load_config(path)
    store = SharedStore(config.database_path)
    try:
        monitor = HealthMonitor(store, lambda: config)
        for _ in range(config.daemon.unhealthy_after_failures):
            # A read-only or full database: the crawl's row could not be written (no run_id).
            monitor.record(SiteReport(site="s0", status="failed", errors=["attempt to write a readonly database"]))
        [health] = monitor.check(["s0"])
        assert health.status == "unhealthy"
        assert "could not be recorded (attempt to write a readonly database)" in health.reasons[-1]
        assert monitor.unhealthy() == ["s0"]
        monitor.record(SiteReport(site="s0", status="ok", run_id=1))
        [health] = monitor.check(["s0"])
        assert health.status == "ok"
    finally:
        store.close()


def test_wal_is_truncated_and_a_reader_holding_a_snapshot_is_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "news.db"
    with Store(db) as store:
        with store.db.conn:
            store.db.execute("CREATE TABLE filler (x TEXT)")
        reader = sqlite3.connect(db)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM articles").fetchone()  # holds a snapshot
        for _ in range(20):
            with store.db.conn:
                store.db.execute("INSERT INTO filler VALUES (?)", ["x" * 50_000])
        assert checkpoint_wal(db, timeout_s=0.2).busy
        keeper = WalKeeper(db, warn_after_s=0)
        with caplog.at_level(logging.WARNING, logger="newsmon.daemon"):
            keeper.run()
        assert "wal blocked" in caplog.text and "a reader has held one snapshot" in caplog.text
        reader.rollback()
        reader.close()
        status = checkpoint_wal(db)
    assert not status.busy and status.wal_bytes == 0


def test_a_crawls_line_names_a_story_the_store_lost_before_a_fetch_that_timed_out(caplog: pytest.LogCaptureFixture) -> None:
    # Under load a fetch may time out before the database goes away: the line must still name what lost data.
    from newsmon.scheduler.report import log_crawl
    report = SiteReport(site="s", status="partial", failures=2, errors=[
        "http://127.0.0.1:1/news/1.html: timed out (crawl.timeout)",
        "http://127.0.0.1:1/news/2.html: not stored: Lost the connection to PostgreSQL at postgresql://x@127.0.0.1:5/d (gone).",
    ])
    with caplog.at_level(logging.INFO):
        log_crawl(logging.getLogger("newsmon.test"), report, wall=1.0)
    assert 'error="http://127.0.0.1:1/news/2.html: not stored: Lost the connection' in caplog.text
    only_fetch = SiteReport(site="s", status="partial", failures=1, errors=["http://127.0.0.1:1/a: timed out (crawl.timeout)"])
    with caplog.at_level(logging.INFO):
        log_crawl(logging.getLogger("newsmon.test"), only_fetch, wall=1.0)
    assert 'error="http://127.0.0.1:1/a: timed out (crawl.timeout)"' in caplog.text
