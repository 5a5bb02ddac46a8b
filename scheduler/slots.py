"""``CrawlSlots``: a resizable counting semaphore (at most N at once, first come first served).

The worker pool (:mod:`newsmon.scheduler.pool`) queues crawls itself; this
is the plain building block for callers that bound their own work.
"""

from __future__ import annotations

import threading

__all__ = ["CrawlSlots"]


class CrawlSlots:
    """A resizable counting semaphore: at most ``limit`` holders at once, first come first served."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0
        self.waiting = 0
        self._cond = threading.Condition()

    def acquire(self, stop: threading.Event) -> bool:
        """Wait for a slot; False if ``stop`` was set meanwhile."""
        with self._cond:
            self.waiting += 1
            try:
                while self.used >= self.limit and not stop.is_set():
                    self._cond.wait()
                if stop.is_set():
                    return False
                self.used += 1
                return True
            finally:
                self.waiting -= 1

    def release(self) -> None:
        """Give a slot back."""
        with self._cond:
            self.used -= 1
            self._cond.notify()

    def resize(self, limit: int) -> None:
        """Change the limit (config reload); current holders keep their slots."""
        with self._cond:
            self.limit = limit
            self._cond.notify_all()

    def wake_all(self) -> None:
        """Wake every waiter (so it can notice a stop)."""
        with self._cond:
            self._cond.notify_all()
