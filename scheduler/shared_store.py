"""The daemon's own database connection, shared by its threads under one lock."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, TypeVar, Union

from newsmon.db.handle import Handle
from newsmon.db import StoreAPI, open_store

__all__ = ["SharedStore"]

T = TypeVar("T")


class SharedStore:
    """One ``Store`` for the daemon's bookkeeping (health, schedule, heartbeat, WAL); sqlite3 wants one user at a time."""

    def __init__(self, path: Union[Path, str]) -> None:
        self.store: StoreAPI = open_store(path)  # a SQLite file or a PostgreSQL URL
        self._lock = threading.Lock()

    def call(self, fn: Callable[[Handle], T]) -> T:
        """Run ``fn(db)`` while holding the connection."""
        with self._lock:
            return fn(self.store.db)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.store.close()
