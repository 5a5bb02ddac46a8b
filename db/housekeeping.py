"""Keeping the write-ahead log bounded while ``newsmon run`` writes for weeks.

SQLite's WAL grows while any reader holds an old snapshot (an open
``sqlite3`` shell in a transaction, a long Datasette query) and its file is
never shrunk by automatic checkpoints. The daemon calls
:func:`checkpoint_wal` every few minutes: ``wal_checkpoint(TRUNCATE)`` copies
the log into the database and truncates it when no reader is in the way,
and says when a reader is (``busy``), so the daemon can warn about it.
``journal_size_limit`` (set on every connection in ``schema.py``) caps what
a reset WAL keeps on disk.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

__all__ = ["WalStatus", "checkpoint_wal", "wal_bytes"]


@dataclass(frozen=True)
class WalStatus:
    """Outcome of one checkpoint attempt."""

    busy: bool  # a reader (or writer) kept the log from being fully checkpointed
    wal_bytes: int  # size of the -wal file afterwards


def wal_bytes(database: Path) -> int:
    """Size of ``database``'s write-ahead log file (0 if there is none)."""
    try:
        return Path(f"{database}-wal").stat().st_size
    except OSError:
        return 0


def checkpoint_wal(database: Path, *, timeout_s: float = 2.0) -> WalStatus:
    """``PRAGMA wal_checkpoint(TRUNCATE)`` on a connection of its own, waiting at most ``timeout_s`` for writers."""
    conn = sqlite3.connect(str(database), timeout=timeout_s)
    try:
        conn.execute(f"PRAGMA busy_timeout={int(timeout_s * 1000)}")
        busy, _log_frames, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:
        busy = 1  # locked for longer than the timeout: try again next time
    finally:
        conn.close()
    return WalStatus(busy=bool(busy), wal_bytes=wal_bytes(database))
