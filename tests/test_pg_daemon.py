"""``newsmon run`` on a PostgreSQL database: crawls on schedule, one daemon per database, ``sites`` reads it."""

from __future__ import annotations

import signal
from pathlib import Path

import psycopg

from newsmon.portal import FixturePortal

from tests.test_daemon_support import FAST_TIMINGS, DaemonProcess, run_cli, wait_for, write_config


def test_daemon_on_postgres_crawls_and_refuses_a_second_one(tmp_path: Path, postgres_url: str) -> None:
    portal = FixturePortal().start()
    try:
        config = write_config(portal, tmp_path, every="5s", database=postgres_url)
        daemon = DaemonProcess(config, env=FAST_TIMINGS)  # its stop does not wait for a crawl in flight
        try:
            daemon.wait_log(r"started pid=\d+ .*database=postgresql://newsmon@127\.0\.0\.1", timeout=60)

            def stored() -> int:
                with psycopg.connect(postgres_url) as conn:
                    row = conn.execute("SELECT count(DISTINCT site) FROM crawl_runs WHERE status != 'running'"
                                       ).fetchone()
                return int(row[0]) if row else 0

            try:
                wait_for(lambda: stored() >= len(portal.sites), 180, "every site's first crawl on PostgreSQL")
            except AssertionError as exc:
                raise AssertionError(f"{exc}\n--- daemon log ---\n{daemon.log[-4000:]}") from None
            second = run_cli("run", "--config", str(config), timeout=60)
            assert second.returncode == 1
            assert "Another newsmon run is already running on postgresql://newsmon@127.0.0.1:" in second.stderr
            sites = run_cli("sites", "--config", str(config), "--format", "json")
            assert sites.returncode == 0, sites.stderr
            assert '"next_run_at": "20' in sites.stdout  # the daemon's schedule, seen through its lock
            daemon.signal(signal.SIGTERM)
            assert daemon.proc.wait(60) == 0
        finally:
            daemon.kill()
        with psycopg.connect(postgres_url) as conn:
            row = conn.execute("SELECT count(*) FROM articles").fetchone()
        assert row is not None and row[0] >= 10
        serve = run_cli("serve", "--config", str(config), "--port", "0", timeout=60)
        assert serve.returncode == 2
        assert serve.stderr.strip() == ("Error: newsmon serve (the web UI, built on Datasette) reads SQLite only;"
                                        " this config's database is PostgreSQL: use the search, show, sites and"
                                        " alerts commands instead.")
    finally:
        portal.stop()
