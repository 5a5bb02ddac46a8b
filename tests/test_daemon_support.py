"""Helpers for the daemon tests: a real ``newsmon run`` subprocess against the fixture portal."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Mapping, Optional

import yaml

from newsmon.portal import FixturePortal

NEWSMON = Path(sys.executable).parent / "newsmon"

# Timings for the daemon subprocesses (newsmon.timings; production: lease 15 s, worker 10 s, member 6 s,
# database check 2 s, stop grace 4 s): a kill -9 noticed in seconds, not tens. Each keeps its renewal well
# inside its life (derived there), with room for a loaded 2-core machine.
FAST_TIMINGS = {
    "NEWSMON_LEASE_TTL_S": "5",  # renewed every 1 s; a standby takes over within 6 s
    "NEWSMON_WORKER_TTL_S": "4",  # renewed every 1 s; a dead worker's crawls reaped within ~6 s
    "NEWSMON_MEMBER_TTL_S": "3",  # renewed every 0.5 s (by the crawl and by its worker)
    "NEWSMON_DB_CHECK_EVERY_S": "0.5",
    # newsmon run interrupts its crawls in flight at once on SIGTERM (production: 4 s to finish): a test
    # that stops its daemon does not wait for dongbei-news's slow page.
    "NEWSMON_STOP_GRACE_S": "0",
}


def newsmon_command(*args: str) -> list[str]:
    """The installed console script, or ``python -m newsmon.cli`` when there is none."""
    if NEWSMON.exists():
        return [str(NEWSMON), *args]
    return [sys.executable, "-m", "newsmon.cli", *args]


def write_config(portal: FixturePortal, folder: Path, *, every: str = "2s", database: str = "news.db",
                 **daemon: Any) -> Path:
    """config.yaml for the portal with every site crawled ``every``, ``database`` (a path or a PostgreSQL URL)
    and ``daemon:`` settings."""
    doc = yaml.safe_load(portal.config_yaml(database=database))
    for site in doc["sites"]:
        site["every"] = every
    doc["daemon"] = {"heartbeat": "1s", "unhealthy_after_failures": 2, "max_concurrent_crawls": 2, **daemon}
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def story(topic: str) -> list[str]:
    """Three distinct paragraphs about ``topic`` (a real-looking body, unlike any fixture story)."""
    stamp = time.monotonic_ns()
    return [
        f"{topic}项目今天上午举行开工仪式，总投资约{stamp % 97 + 3}亿元，计划于明年六月建成投产。",
        f"据介绍，项目建成后年产高纯稀有气体{stamp % 89 + 11}万立方米，可新增就业岗位{stamp % 83 + 100}个。",
        f"市有关部门负责人表示，将持续优化营商环境，为{topic}项目建设提供全方位服务保障（编号{stamp}）。",
    ]


def wait_for(predicate: Callable[[], Any], timeout: float, what: str, interval: float = 0.1) -> Any:
    """Poll ``predicate`` until it is truthy; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


class DaemonProcess:
    """``newsmon run --config CONFIG`` (or another ``command``, e.g. ``worker``) as a subprocess, its log in a file;
    ``env``: variables added to this process's environment (e.g. ``FAST_TIMINGS``)."""

    def __init__(self, config: Path, *command: str, env: Optional[Mapping[str, str]] = None) -> None:
        self.config = config
        self.db = config.parent / "news.db"
        self.log_path = config.parent / f"{command[0] if command else 'daemon'}-{time.monotonic_ns()}.log"
        self._log = open(self.log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(
            newsmon_command(*(command or ("run",)), "--config", str(config)), stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
        )

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def wait_log(self, pattern: str, timeout: float = 20, count: int = 1) -> list[str]:
        """Wait until ``pattern`` (regex) matches ``count`` log lines; return the matching lines."""
        def found() -> Optional[list[str]]:
            if self.proc.poll() is not None:
                raise AssertionError(f"the daemon exited ({self.proc.returncode}):\n{self.log}")
            lines = [line for line in self.log.splitlines() if re.search(pattern, line)]
            return lines if len(lines) >= count else None

        try:
            return wait_for(found, timeout, f"log line {pattern!r}")  # type: ignore[no-any-return]
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n--- daemon log ---\n{self.log}") from None

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        if not self.db.exists():
            return []
        conn = sqlite3.connect(self.db, timeout=10)
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return []  # schema not created yet
            raise
        finally:
            conn.close()

    def signal(self, sig: int) -> None:
        self.proc.send_signal(sig)

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM and wait; returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        finally:
            self._log.close()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._log.close()


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``newsmon ARGS`` to completion."""
    return subprocess.run(newsmon_command(*args), capture_output=True, text=True, timeout=timeout)
