"""One writer per database: an advisory lock on ``<database>.lock``.

``newsmon run`` holds the lock for as long as it runs; ``newsmon crawl`` (via
:func:`newsmon.scheduler.crawl.run_crawl`) holds it for one pass. A second process
asking for it is refused with one sentence naming the holder, so a second
daemon never starts and a manual crawl never races the daemon.

The lock is ``fcntl.flock`` on a file next to the database: the kernel drops
it when the holder dies (even by ``kill -9``), so a stale lock file never
blocks a restart. Within one process the lock is re-entrant: the daemon holds
it and its own crawls pass straight through.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Optional

from newsmon.errors import StoreError

if TYPE_CHECKING:
    from newsmon.config import Config

__all__ = ["DatabaseLockedError", "WriterLock", "daemon_lock", "lock_holder", "lock_path"]


class DatabaseLockedError(StoreError):
    """Another newsmon process is already writing to this database."""


def lock_path(database: Path) -> Path:
    """The lock file that guards ``database``."""
    return database.with_name(database.name + ".lock")


# Locks this process holds: path -> [file object, depth]. flock locks belong to
# an open file description, so re-opening the file in the same process would
# conflict with ourselves; re-entrancy is handled here instead.
_held: dict[Path, list[Any]] = {}
_held_guard = threading.Lock()


def lock_holder(database: Path) -> Optional[dict[str, Any]]:
    """Who holds the lock on ``database`` (``{"pid", "command", "since"}``), or None if nobody."""
    path = lock_path(database)
    with _held_guard:
        if path in _held:
            return _read_info(path) or {"pid": os.getpid(), "command": "this process"}
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_info(path) or {"pid": None, "command": "another newsmon process"}
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _read_info(path: Path) -> Optional[dict[str, Any]]:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "null")
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


class WriterLock:
    """Context manager: hold the writer lock on ``database`` or raise DatabaseLockedError.

    ``command`` ("newsmon run", "newsmon crawl") is written into the lock file
    so that whoever is refused learns who is in the way.
    """

    def __init__(self, database: Path, command: str) -> None:
        self.database = Path(database)
        self.path = lock_path(self.database)
        self.command = command

    def acquire(self) -> None:
        """Take the lock now (no waiting)."""
        with _held_guard:
            entry = _held.get(self.path)
            if entry is not None:
                entry[1] += 1
                return
            handle = self._open()
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                raise DatabaseLockedError(self._refusal()) from None
            # Only the holder writes the file, after locking it.
            handle.seek(0)
            handle.truncate()
            info = {"pid": os.getpid(), "command": self.command, "since": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
            handle.write(json.dumps(info))
            handle.flush()
            _held[self.path] = [handle, 1]

    def release(self) -> None:
        """Give the lock back (the outermost release unlocks)."""
        with _held_guard:
            entry = _held.get(self.path)
            if entry is None:
                return
            entry[1] -= 1
            if entry[1] > 0:
                return
            del _held[self.path]
            handle = entry[0]
            try:
                handle.seek(0)
                handle.truncate()
                handle.flush()
            except OSError:
                pass
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            handle.close()

    def _open(self) -> Any:
        if not self.path.parent.is_dir():
            # Same sentence as db.Store gives for a database in a missing folder.
            raise StoreError(f"{self.database}: the folder {self.path.parent} does not exist.")
        try:
            # "a+" creates without truncating: the current holder's info stays readable.
            return open(self.path, "a+", encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the database lock file ({exc.strerror}).") from None

    def _refusal(self) -> str:
        info = _read_info(self.path) or {}
        who = info.get("command") or "another newsmon process"
        pid = f" (pid {info['pid']})" if info.get("pid") else ""
        if self.command == "newsmon run" and who == "newsmon run":
            return f"newsmon run{pid} is already running on {self.database}; stop it before starting another."
        if who == "newsmon run":
            return (
                f"newsmon run{pid} is writing to {self.database} and crawls it on schedule; "
                f"stop it before running {self.command}."
            )
        return f"{who}{pid} is writing to {self.database}; wait for it to finish before running {self.command}."

    def keep(self) -> bool:
        """True: a file lock is held until this process releases it or dies (``PgRunLock.keep``'s counterpart)."""
        return True

    def __enter__(self) -> "WriterLock":
        self.acquire()
        return self

    def __exit__(
        self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException], tb: Optional[TracebackType]
    ) -> None:
        self.release()


def daemon_lock(config: "Config", command: str) -> Any:
    """The lock that keeps a second ``newsmon run`` out: the writer lock file (SQLite) or an advisory lock in the
    PostgreSQL server (``newsmon.db.pg_lock``), a context manager either way."""
    if config.database_is_postgres:
        from newsmon.db.pg_lock import PgRunLock

        return PgRunLock(str(config.database_target), command)
    return WriterLock(config.database_path, command)
