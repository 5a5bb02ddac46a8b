"""The daemon end to end: a real ``newsmon run`` subprocess against the fixture portal on 127.0.0.1.

Sites are crawled ``every: 3s``; everything is observed from outside, as an
operator would: the log, the SQLite file, ``newsmon sites``, exit statuses.
Timeouts are generous because each crawl is a fresh worker process (1-2 s of
start-up on an idle 2-core box, several seconds when the tests run in parallel).
"""

from __future__ import annotations

import json
import signal
import time
from typing import Iterator

import pytest

from newsmon.portal import FixturePortal

from test_daemon_support import DaemonProcess, run_cli, story, wait_for, write_config

EVERY_S = 3.0
# Worker start-up + crawl + waiting for a slot, on a busy machine.
CRAWL_S = 60.0
SITES = ("liaoning-invest", "shenyang-gov", "dongbei-news")


@pytest.fixture(scope="module")
def portal() -> Iterator[FixturePortal]:
    with FixturePortal() as p:
        yield p


@pytest.fixture(scope="module")
def daemon(portal: FixturePortal, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DaemonProcess]:
    """One daemon for the liveness tests below (they run in file order)."""
    config = write_config(portal, tmp_path_factory.mktemp("daemon"), every=f"{EVERY_S:g}s")
    proc = DaemonProcess(config)
    try:
        proc.wait_log(r"started pid=")
        for site in SITES:
            proc.wait_log(rf"crawl site={site} ", timeout=90)
        yield proc
    finally:
        proc.kill()


def test_new_article_is_stored_within_one_interval(daemon: DaemonProcess, portal: FixturePortal) -> None:
    url = portal.publish("liaoning-invest", "辽宁氪氙提纯项目二期开工", story("氪氙提纯二期"))
    published = time.monotonic()
    wait_for(lambda: daemon.rows("SELECT article_id FROM article_sources WHERE url = ?", url), EVERY_S * 1.1 + CRAWL_S,
             f"{url} in the database")
    # The next crawl starts within one interval (+10% jitter), plus the crawl itself.
    print(f"published → stored in {time.monotonic() - published:.1f}s (every: {EVERY_S:g}s)")
    assert daemon.rows("SELECT count(*) FROM articles WHERE url = ?", url) == [(1,)]
    line = daemon.wait_log(r"crawl site=liaoning-invest status=ok new=1 ")[0]
    assert "duplicates=0" in line and "failures=0" in line and "duration=" in line


def test_second_daemon_and_manual_crawl_are_refused(daemon: DaemonProcess) -> None:
    pid = daemon.proc.pid
    second = run_cli("run", "--config", str(daemon.config), timeout=30)
    assert second.returncode == 1
    assert second.stderr.strip() == (
        f"Error: newsmon run (pid {pid}) is already running on {daemon.db.resolve()}; stop it before starting another."
    )
    crawl = run_cli("crawl", "--config", str(daemon.config), timeout=30)
    assert crawl.returncode == 1
    assert crawl.stderr.strip() == (
        f"Error: newsmon run (pid {pid}) is writing to {daemon.db.resolve()} and crawls it on schedule; "
        "stop it before running newsmon crawl."
    )
    assert daemon.proc.poll() is None


def test_failing_site_is_flagged_unhealthy_while_others_keep_running(
    daemon: DaemonProcess, portal: FixturePortal
) -> None:
    import yaml

    from test_alerts_support import Receiver

    # The operator is told through alerts.health_channels too.
    health = Receiver()
    original = daemon.config.read_text(encoding="utf-8")
    doc = yaml.safe_load(original)
    doc["alerts"] = {"channels": {"oncall": {"type": "webhook", "url": health.url + "/health"}},
                     "health_channels": ["oncall"]}
    reloads = daemon.log.count("config reloaded (file change)")
    daemon.config.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    daemon.wait_log(r"config reloaded \(file change\)", count=reloads + 1, timeout=10)
    portal.fail("shenyang-gov", 500)
    try:
        line = daemon.wait_log(r"unhealthy site=shenyang-gov ", timeout=2 * (EVERY_S * 1.1 + CRAWL_S))[0]
        notice = wait_for(lambda: health.accepted, 10, "the unhealthy notice")[0]["json"]
        assert notice["event"] == "site_unhealthy" and notice["site"] == "shenyang-gov"
        assert "HTTP 500" in notice["reasons"]
        assert "the last 2 crawls failed" in line and "HTTP 500" in line
        ok_runs = daemon.rows("SELECT count(*) FROM crawl_runs WHERE site = 'liaoning-invest' AND status = 'ok'")[0][0]
        url = portal.publish("liaoning-invest", "沈阳稀有气体产业园签约", story("稀有气体产业园"))
        wait_for(lambda: daemon.rows("SELECT 1 FROM article_sources WHERE url = ?", url),
                 EVERY_S * 1.1 + CRAWL_S, "the healthy site's new article")
        # The story is stored mid-crawl; the run is marked ok only when the crawl ends.
        wait_for(lambda: daemon.rows(
            "SELECT count(*) FROM crawl_runs WHERE site = 'liaoning-invest' AND status = 'ok'")[0][0] > ok_runs,
            CRAWL_S + 5, "the healthy site's crawl to end ok")
        result = run_cli("sites", "--config", str(daemon.config), "--format", "json")
        assert result.returncode == 0, result.stderr
        sites = {s["name"]: s for s in json.loads(result.stdout)}
        assert list(sites) == list(SITES)
        assert sites["shenyang-gov"]["status"] == "unhealthy"
        assert sites["shenyang-gov"]["failure_streak"] >= 2
        assert sites["liaoning-invest"]["status"] == "ok"
        assert sites["liaoning-invest"]["failure_streak"] == 0
        for entry in sites.values():
            assert {"name", "status", "last_run_at", "last_new_article_at", "failure_streak", "next_run_at"} <= set(entry)
            assert entry["last_run_at"] and entry["next_run_at"]  # the daemon is running
        table = run_cli("sites", "--config", str(daemon.config))
        assert "unhealthy" in table.stdout and "the last" in table.stdout
    finally:
        portal.fail("shenyang-gov", None)
    try:
        daemon.wait_log(r"recovered site=shenyang-gov", timeout=EVERY_S * 1.1 + CRAWL_S)
        wait_for(lambda: any(r["json"]["event"] == "site_recovered" for r in health.accepted), 10,
                 "the recovered notice")
        assert [r["json"]["event"] for r in health.accepted] == ["site_unhealthy", "site_recovered"]
    finally:
        reloads = daemon.log.count("config reloaded (file change)")
        daemon.config.write_text(original, encoding="utf-8")
        daemon.wait_log(r"config reloaded \(file change\)", count=reloads + 1, timeout=10)
        health.close()


def test_invalid_config_on_sighup_is_rejected_and_old_one_keeps_running(daemon: DaemonProcess) -> None:
    good = daemon.config.read_text(encoding="utf-8")
    try:
        daemon.config.write_text(good.replace(f"every: {EVERY_S:g}s", "every: soon", 1), encoding="utf-8")
        daemon.signal(signal.SIGHUP)
        line = daemon.wait_log(r"config reload rejected")[0]
        assert "sites[0].every: 'soon' is not a duration" in line
        assert "The previous configuration keeps running." in line
        before = len(daemon.wait_log(r"crawl site=liaoning-invest "))
        daemon.wait_log(r"crawl site=liaoning-invest ", count=before + 1, timeout=EVERY_S * 1.1 + CRAWL_S)
    finally:
        daemon.config.write_text(good, encoding="utf-8")
    # A valid change is picked up from the file alone (no SIGHUP): drop a site.
    reloads = daemon.log.count("config reloaded (file change)")
    daemon.config.write_text(good.replace("- name: dongbei-news", "- enabled: false\n  name: dongbei-news"),
                             encoding="utf-8")
    line = daemon.wait_log(r"config reloaded \(file change\)", count=reloads + 1, timeout=10)[-1]
    assert "removed=dongbei-news" in line


def test_daemon_delivers_alerts_for_new_stories_once(daemon: DaemonProcess, portal: FixturePortal) -> None:
    import yaml

    from test_alerts_support import Receiver

    receiver = Receiver()
    try:
        reloads = daemon.log.count("config reloaded (file change)")
        doc = yaml.safe_load(daemon.config.read_text(encoding="utf-8"))
        doc["alerts"] = {"channels": {"ops": {"type": "webhook", "url": receiver.url + "/hook"}},
                         "rules": [{"name": "rare-gas", "query": "氙气 OR 稀有气体", "channels": ["ops"]}]}
        daemon.config.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        daemon.wait_log(r"config reloaded \(file change\)", count=reloads + 1, timeout=10)
        # A crawl in flight during the reload finishes with the old config (no rules): let it end.
        crawls = daemon.log.count("crawl site=liaoning-invest ")
        daemon.wait_log(r"crawl site=liaoning-invest ", count=crawls + 1, timeout=EVERY_S * 1.1 + CRAWL_S)
        url = portal.publish("liaoning-invest", "大连氙气提纯装置投产", story("氙气提纯装置"))
        wait_for(lambda: receiver.accepted, EVERY_S * 1.1 + CRAWL_S + 5, "the webhook POST")
        # Later crawls (304s, known URLs) send nothing more.
        before = len(daemon.wait_log(r"crawl site=liaoning-invest "))
        daemon.wait_log(r"crawl site=liaoning-invest ", count=before + 2, timeout=2 * (EVERY_S * 1.1 + CRAWL_S))
        assert [r["json"]["url"] for r in receiver.accepted] == [url]
        assert receiver.accepted[0]["json"]["rule"] == "rare-gas"
        daemon.wait_log(r"alerts Alerts: 1 sent")
    finally:
        receiver.close()


def test_sigterm_mid_crawl_exits_0_within_10s(daemon: DaemonProcess) -> None:
    # Last in this file: it stops the module's daemon.
    wait_for(lambda: daemon.rows("SELECT 1 FROM crawl_runs WHERE status = 'running'"), EVERY_S * 1.1 + CRAWL_S,
             "a running crawl", interval=0.02)
    daemon.signal(signal.SIGTERM)
    start = time.monotonic()
    assert daemon.proc.wait(12) == 0
    assert time.monotonic() - start < 10
    assert "received SIGTERM, stopping" in daemon.log and "stopped after" in daemon.log
    assert daemon.rows("SELECT count(*) FROM crawl_runs WHERE status = 'running'") == [(0,)]
    # The lock is released: the database is free for newsmon crawl again, and nothing is scheduled.
    result = run_cli("sites", "--config", str(daemon.config), "--format", "json")
    assert all(site["next_run_at"] is None for site in json.loads(result.stdout))
