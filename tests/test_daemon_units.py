"""The daemon's parts on their own: writer lock across processes, crawl slots, triggers with jitter."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsmon.config import parse_config
from newsmon.scheduler.daemon import CrawlSlots, site_trigger
from newsmon.scheduler.lock import DatabaseLockedError, WriterLock, lock_holder

HOLD = """
import sys, time
from pathlib import Path
from newsmon.scheduler.lock import WriterLock
WriterLock(Path(sys.argv[1]), sys.argv[2]).acquire()
print("held", flush=True)
time.sleep(60)
"""


def hold_lock(db: Path, command: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), command], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_lock_refuses_a_second_writer_in_one_sentence_and_dies_with_its_holder(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    holder = hold_lock(db, "newsmon run")
    try:
        info = lock_holder(db)
        assert info is not None and (info["pid"], info["command"]) == (holder.pid, "newsmon run")
        with pytest.raises(DatabaseLockedError) as second_daemon:
            WriterLock(db, "newsmon run").acquire()
        assert str(second_daemon.value) == (
            f"newsmon run (pid {holder.pid}) is already running on {db}; stop it before starting another."
        )
        with pytest.raises(DatabaseLockedError) as crawl:
            WriterLock(db, "newsmon crawl").acquire()
        assert str(crawl.value) == (
            f"newsmon run (pid {holder.pid}) is writing to {db} and crawls it on schedule; "
            "stop it before running newsmon crawl."
        )
    finally:
        holder.kill()  # like kill -9: the kernel drops the lock, no stale lock file blocks a restart
        holder.wait()
    assert lock_holder(db) is None
    with WriterLock(db, "newsmon run"):
        assert lock_holder(db)["command"] == "newsmon run"  # type: ignore[index]
        with WriterLock(db, "newsmon crawl"):  # re-entrant in the holding process (the daemon's own crawls)
            pass
        assert lock_holder(db) is not None
    assert lock_holder(db) is None


def test_crawl_slots_cap_concurrency_and_can_be_resized() -> None:
    slots = CrawlSlots(2)
    stop = threading.Event()
    running, peak, lock = [0], [0], threading.Lock()

    def crawl() -> None:
        assert slots.acquire(stop)
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        slots.release()

    threads = [threading.Thread(target=crawl) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert peak[0] == 2
    slots.resize(1)
    assert slots.acquire(stop)
    waiter_result: list[bool] = []
    waiter = threading.Thread(target=lambda: waiter_result.append(slots.acquire(stop)))
    waiter.start()
    time.sleep(0.1)
    assert slots.waiting == 1
    stop.set()
    slots.wake_all()
    waiter.join(2)
    assert waiter_result == [False]  # a stopping daemon starts no queued crawl


def _config(every: str = "30m", n: int = 200, **daemon: object):  # type: ignore[no-untyped-def]
    return parse_config({
        "sites": [{"name": f"site{i}", "start_urls": [f"http://s{i}.example/"], "every": every} for i in range(n)],
        "daemon": daemon,
    })


def test_two_hundred_sites_every_30m_do_not_start_in_the_same_second() -> None:
    config = _config()
    now = datetime(2024, 5, 1, tzinfo=timezone.utc)
    fires = [site_trigger(config, site).get_next_fire_time(now, now) for site in config.sites]
    offsets = sorted((f - now).total_seconds() - 1800 for f in fires if f is not None)
    assert len(offsets) == 200
    assert 0 <= offsets[0] and offsets[-1] <= 180  # jitter: 10% of 30m
    assert len({int(o) for o in offsets}) > 100  # spread over the window, not one burst


def test_jitter_is_capped_and_cron_lines_get_jitter_too() -> None:
    config = _config(every="1d", n=1, max_jitter="2m")
    assert site_trigger(config, config.sites[0]).jitter == 120
    cron = parse_config({"sites": [{"name": "c", "start_urls": ["http://c.example/"], "cron": "*/30 * * * *"}]})
    trigger = site_trigger(cron, cron.sites[0])
    assert trigger.jitter == 180  # 10% of the 30 minutes between two runs
    start = datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)
    fire = trigger.get_next_fire_time(None, start)
    assert fire is not None and timedelta(0) <= fire - start <= timedelta(seconds=180)


def test_daemon_settings_reject_bad_values_with_key_path() -> None:
    from newsmon.errors import ConfigError

    with pytest.raises(ConfigError, match=r"config.yaml: daemon.crawl_time_limit: 'forever' is not a duration"):
        parse_config({"daemon": {"crawl_time_limit": "forever"}})
    with pytest.raises(ConfigError, match=r"daemon.max_concurrent_crawls"):
        parse_config({"daemon": {"max_concurrent_crawls": 0}})
    assert parse_config({}).daemon.max_concurrent_crawls == 2


def test_crawl_over_its_time_limit_is_stopped_and_recorded_as_timeout(tmp_path: Path) -> None:
    from newsmon.config import load_config
    from newsmon.portal import FixturePortal
    from newsmon.scheduler.crawl import run_crawl

    with FixturePortal() as portal:
        (tmp_path / "config.yaml").write_text(portal.config_yaml(database="news.db", timeout=4), encoding="utf-8")
        config = load_config(tmp_path / "config.yaml")
        # dongbei-news has a page that answers only after several seconds; the crawl may take 1.
        [report] = run_crawl(config, ["dongbei-news"], time_limit=1)
    assert report.status == "timeout"
    assert "the crawl hit its time limit and was stopped" in report.errors
    import sqlite3

    with sqlite3.connect(tmp_path / "news.db") as conn:
        assert conn.execute("SELECT status FROM crawl_runs").fetchall() == [("timeout",)]


def test_cancelled_crawl_is_killed_and_recorded_as_interrupted(tmp_path: Path) -> None:
    from newsmon.config import load_config
    from newsmon.portal import FixturePortal
    from newsmon.scheduler.crawl import run_crawl

    with FixturePortal() as portal:
        (tmp_path / "config.yaml").write_text(portal.config_yaml(database="news.db", timeout=10), encoding="utf-8")
        config = load_config(tmp_path / "config.yaml")
        cancel = threading.Event()
        events: list[dict[str, object]] = []

        def on_event(event: dict[str, object]) -> None:
            events.append(event)
            if event.get("event") == "article":
                cancel.set()  # mid-crawl: some articles stored, the slow page still pending

        [report] = run_crawl(config, ["dongbei-news"], on_event=on_event, cancel=cancel)
    assert report.status == "interrupted"
    assert report.errors == ["the crawl was interrupted (newsmon is shutting down)"]
    import sqlite3

    with sqlite3.connect(tmp_path / "news.db") as conn:
        assert conn.execute("SELECT status FROM crawl_runs").fetchall() == [("interrupted",)]
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored >= 1  # what was stored before the kill stays stored


def test_list_pages_are_refetched_with_conditional_get(tmp_path: Path) -> None:
    import sqlite3

    from newsmon.config import load_config
    from newsmon.portal import FixturePortal
    from newsmon.scheduler.crawl import run_crawl

    with FixturePortal() as portal:
        (tmp_path / "config.yaml").write_text(portal.config_yaml(database="news.db"), encoding="utf-8")
        config = load_config(tmp_path / "config.yaml")
        first = run_crawl(config, ["liaoning-invest", "shenyang-gov"])
        assert [r.status for r in first] == ["ok", "partial"]  # shenyang-gov links a 404 and a 500
        portal.clear_requests()
        run_crawl(config, ["liaoning-invest", "shenyang-gov"])
        [again] = [r for r in portal.request_log("liaoning-invest") if r.path != "/robots.txt"]
        assert (again.status, again.headers.get("If-None-Match", "")[:1]) == (304, '"')
        # A crawl with failures saves no validators: its list pages come back in full next time.
        assert all(r.status != 304 and "If-None-Match" not in r.headers
                   for r in portal.request_log("shenyang-gov"))
        url = portal.publish("liaoning-invest", "辽宁新闻：沈抚示范区新项目签约", ["第一段内容。", "第二段内容。", "第三段内容。"])
        [third] = run_crawl(config, ["liaoning-invest"])
    assert third.articles_new == 1  # a changed page answers 200 and its new article is fetched
    with sqlite3.connect(tmp_path / "news.db") as conn:
        assert {site for (site,) in conn.execute("SELECT site FROM list_pages")} == {"liaoning-invest"}
        assert conn.execute("SELECT 1 FROM article_sources WHERE url = ?", [url]).fetchone()


def test_schedule_table_writes_only_the_rows_that_changed(tmp_path: Path) -> None:
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.interval import IntervalTrigger

    from newsmon.db.health import record_schedule, scheduled_runs
    from newsmon.scheduler.schedule_table import SITE_JOB_PREFIX, ScheduleTable
    from newsmon.scheduler.shared_store import SharedStore

    store = SharedStore(tmp_path / "news.db")
    store.call(lambda db: record_schedule(db, {"left-by-a-killed-daemon": None}))
    scheduler = BackgroundScheduler()
    scheduler.start(paused=True)  # jobs get their next run times; none runs
    try:
        for name in ("a", "b", "c"):
            scheduler.add_job(print, IntervalTrigger(minutes=30), id=f"{SITE_JOB_PREFIX}{name}", name=name)
        scheduler.add_job(print, IntervalTrigger(minutes=5), id="heartbeat")
        table = ScheduleTable(store)
        table.write(scheduler)
        first = store.call(scheduled_runs)
        assert set(first) == {"a", "b", "c"} and all(first.values())  # the stale row is gone
        store.call(lambda db: db.execute("UPDATE site_schedule SET updated_at = 'untouched'"))
        assert not table.due()
        moved = datetime.now(timezone.utc) + timedelta(hours=3)
        scheduler.modify_job(f"{SITE_JOB_PREFIX}a", next_run_time=moved)
        table.moved("a")
        table.moved("b")  # reported, but APScheduler has not stored its new time yet
        assert table.due()
        table.write(scheduler)
        rows = store.call(lambda db: {r[0]: (r[1], r[2]) for r in db.execute(
            "SELECT site, next_run_at, updated_at FROM site_schedule")})
        assert set(rows) == {"a", "b", "c"}
        assert rows["a"][0] != first["a"] and rows["a"][1] != "untouched"  # moved: rewritten
        assert rows["b"] == (first["b"], "untouched") and rows["c"] == (first["c"], "untouched")  # not written
        assert table.due()  # b is looked at again at the next write
        scheduler.remove_job(f"{SITE_JOB_PREFIX}c")  # a reload removed it
        table.rescan()
        table.write(scheduler)
        assert set(store.call(scheduled_runs)) == {"a", "b"}
        table.clear()
        assert store.call(scheduled_runs) == {}
    finally:
        scheduler.shutdown(wait=False)
        store.close()
