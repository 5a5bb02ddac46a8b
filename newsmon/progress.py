"""A one-line live progress display for long crawls (stderr, only on a terminal)."""

from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from rich.console import Console
from rich.status import Status

__all__ = ["CrawlProgress"]


class CrawlProgress:
    """Context manager fed with worker events; shows ``crawling… 12 new, 3 duplicates, 2/3 sites done``."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.console = Console(stderr=True)
        self.enabled = enabled and self.console.is_terminal
        self.counts: Counter[str] = Counter()
        self.sites_done = 0
        self._status: Optional[Status] = None

    def __enter__(self) -> "CrawlProgress":
        if self.enabled:
            self._status = self.console.status("crawling…")
            self._status.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._status is not None:
            self._status.stop()

    def update(self, event: dict[str, Any]) -> None:
        """Account for one worker event and refresh the line."""
        if event.get("event") == "article":
            self.counts[event.get("status", "new")] += 1
        elif event.get("event") == "site_done":
            self.sites_done += 1
        if self._status is not None:
            self._status.update(
                f"crawling… {self.counts['new']} new, {self.counts['duplicate']} duplicates, "
                f"{self.sites_done} site{'s' if self.sites_done != 1 else ''} done"
            )


