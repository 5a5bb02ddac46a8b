"""The daemon's heartbeat line: what runs, what waits, how big it all is."""

from __future__ import annotations

import logging
import os
import resource
from dataclasses import dataclass

__all__ = ["Heartbeat", "process_rss_mb", "uptime_text"]

log = logging.getLogger("newsmon.daemon")


def process_rss_mb() -> float:
    """Resident memory of this process (MiB)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def uptime_text(seconds: float) -> str:
    """``3.2h``, ``12.0m``, ``45s``."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:.1f}{unit}"
    return f"{seconds:.0f}s"


@dataclass
class Heartbeat:
    """One heartbeat's figures."""

    sites: int
    running: int
    waiting: int
    crawls: int
    unhealthy: list[str]
    articles: int
    workers: int
    workers_rss_mb: float
    uptime_s: float

    def log(self) -> None:
        """Write the ``heartbeat …`` line."""
        log.info(
            "heartbeat sites=%d running=%d waiting=%d crawls=%d unhealthy=%d%s articles=%d rss_mb=%.1f "
            "workers=%d workers_rss_mb=%.1f uptime=%s",
            self.sites, self.running, self.waiting, self.crawls, len(self.unhealthy),
            f" unhealthy_sites={','.join(self.unhealthy)}" if self.unhealthy else "", self.articles,
            process_rss_mb(), self.workers, self.workers_rss_mb, uptime_text(self.uptime_s),
        )
