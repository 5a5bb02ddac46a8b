"""Helpers for the web, feed and export tests: a crawled fixture portal and a real ``newsmon serve`` process."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from newsmon.config import Config, load_config
from newsmon.portal import FixturePortal

NEWSMON = Path(sys.executable).parent / "newsmon"
RULE = "rare-gas"


def newsmon_command(*args: str) -> list[str]:
    """The installed console script, or ``python -m newsmon.cli`` when there is none."""
    if NEWSMON.exists():
        return [str(NEWSMON), *args]
    return [sys.executable, "-m", "newsmon.cli", *args]


def closed_port() -> int:
    """A loopback port nothing listens on (a webhook there fails: connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Crawled:
    """The fixture portal (still running), crawled once into ``folder/news.db``, with one alert rule."""

    portal: FixturePortal
    config_path: Path
    config: Config

    @property
    def db_path(self) -> Path:
        return self.config.database_path


def crawl_portal(folder: Path) -> Crawled:
    """Start the portal, crawl it with the real crawler, match alerts and try (and fail) to deliver them."""
    from newsmon.alerts import send_due
    from newsmon.db import Store
    from newsmon.scheduler import run_crawl

    portal = FixturePortal().start()
    doc = yaml.safe_load(portal.config_yaml(database="news.db"))
    doc["alerts"] = {
        # A webhook nobody listens on: deliveries fail and wait in the outbox with the reason.
        "channels": {"hook": {"type": "webhook", "url": f"http://127.0.0.1:{closed_port()}/hook"}},
        "rules": [{"name": RULE, "query": "氪氙 OR 稀有气体", "channels": ["hook"]}],
    }
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    config = load_config(path)
    run_crawl(config, log_level="CRITICAL")
    with Store(config.database_path) as store:
        send_due(config, store)
    return Crawled(portal, path, config)


class Served:
    """``newsmon serve --port 0`` in a subprocess; ``url`` is where it listens."""

    def __init__(self, config_path: Optional[Path], *extra: str, timeout: float = 60,
                 argv: Optional[list[str]] = None) -> None:
        command = argv or newsmon_command("serve", "--config", str(config_path), "--port", "0", *extra)
        self.proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        self.stderr_lines: list[str] = []
        deadline = time.monotonic() + timeout
        self.url = ""
        assert self.proc.stderr is not None
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                break
            self.stderr_lines.append(line)
            found = re.search(r"newsmon serve: (http://\S+/)", line)
            if found:
                self.url = found.group(1).rstrip("/")
                break
        if not self.url:
            self.stop()
            raise AssertionError("newsmon serve did not start: " + "".join(self.stderr_lines))

    def stop(self) -> str:
        """Stop with Ctrl-C (SIGINT); return the rest of stderr."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            _, err = self.proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return "".join(self.stderr_lines) + (err or "")

    def __enter__(self) -> "Served":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def wait_closed(proc: "subprocess.Popen[str]", timeout: float = 15) -> Optional[int]:
    """The exit status once ``proc`` ended (None if it did not within ``timeout``)."""
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
