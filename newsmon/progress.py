"""Live progress of a long crawl on stderr: a spinner line on a terminal, a plain line every few seconds otherwise.

Under cron, systemd or a pipe nothing redraws a line, so a 6-minute first
crawl would print nothing; there ``CrawlProgress`` writes
``crawling… 12 new, 3 duplicates, 2/3 sites done (40s)`` every
``every_s`` seconds instead (never on stdout, which carries the data).
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from typing import IO, Any, Optional

from rich.console import Console
from rich.status import Status

__all__ = ["CrawlProgress"]

PLAIN_EVERY_S = 5.0


class CrawlProgress:
    """Context manager fed with worker events; shows ``crawling… 12 new, 3 duplicates, 2/3 sites done``."""

    def __init__(self, *, enabled: bool = True, sites: Optional[int] = None, every_s: float = PLAIN_EVERY_S,
                 stream: Optional[IO[str]] = None) -> None:
        self.console = Console(stderr=True)
        self.enabled = enabled
        self.sites = sites
        self.every_s = every_s
        self.stream = stream or sys.stderr
        self.counts: Counter[str] = Counter()
        self.sites_done = 0
        self.started = time.monotonic()
        self._status: Optional[Status] = None
        self._done = threading.Event()
        self._ticker: Optional[threading.Thread] = None

    def __enter__(self) -> "CrawlProgress":
        if not self.enabled:
            return self
        if self.console.is_terminal:
            self._status = self.console.status("crawling…")
            self._status.start()
        else:
            self._ticker = threading.Thread(target=self._tick, name="progress", daemon=True)
            self._ticker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._status is not None:
            self._status.stop()
        if self._ticker is not None:
            self._ticker.join(1)

    def line(self) -> str:
        """The progress text."""
        total = f"/{self.sites}" if self.sites else ""
        return (f"crawling… {self.counts['new']} new, {self.counts['duplicate']} duplicates, "
                f"{self.sites_done}{total} site{'s' if (self.sites or self.sites_done) != 1 else ''} done")

    def _tick(self) -> None:
        while not self._done.wait(self.every_s):
            self.stream.write(f"{self.line()} ({time.monotonic() - self.started:.0f}s)\n")
            self.stream.flush()

    def update(self, event: dict[str, Any]) -> None:
        """Account for one worker event and refresh the line."""
        if event.get("event") == "article":
            self.counts[event.get("status", "new")] += 1
        elif event.get("event") in ("site_done", "fatal"):
            self.sites_done += 1
        if self._status is not None:
            self._status.update(self.line())
