"""The daemon's periodic WAL checkpoint, and a warning when a reader keeps the log from shrinking."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Optional

from newsmon.db.housekeeping import checkpoint_wal

__all__ = ["WalKeeper", "CHECKPOINT_EVERY_S", "SNAPSHOT_WARN_S"]

log = logging.getLogger("newsmon.daemon")

CHECKPOINT_EVERY_S = 300.0
# Warn when checkpoints have been blocked this long (a reader holding one snapshot that long).
SNAPSHOT_WARN_S = 900.0


class WalKeeper:
    """Checkpoints the WAL; remembers since when it has been blocked."""

    def __init__(self, database: Path, *, warn_after_s: float = SNAPSHOT_WARN_S) -> None:
        self.database = Path(database)
        self.warn_after_s = warn_after_s
        self.blocked_since: Optional[float] = None
        self._warned = False

    def run(self) -> None:
        """One checkpoint attempt (a scheduler job)."""
        status = checkpoint_wal(self.database)
        now = time.monotonic()
        if not status.busy:
            if self._warned:
                log.info("wal checkpointed size_mb=%.1f (the reader that held it is gone)", status.wal_bytes / 2**20)
            self.blocked_since, self._warned = None, False
            return
        self.blocked_since = self.blocked_since or now
        blocked = now - self.blocked_since
        if blocked >= self.warn_after_s and not self._warned:
            self._warned = True
            log.warning(
                "wal blocked size_mb=%.1f for=%.0fm reason=\"a reader has held one snapshot of the database for "
                "that long (an open sqlite3 transaction, a long query?); the write-ahead log grows until it ends\"",
                status.wal_bytes / 2**20, blocked / 60,
            )
