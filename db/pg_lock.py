"""One ``newsmon run`` per PostgreSQL database (without ``queue:``): a session advisory lock.

The SQLite store has its writer lock file (``newsmon.scheduler.lock``); a
PostgreSQL database may be on another machine, so the lock lives in the server:
``pg_try_advisory_lock`` held by a dedicated connection for as long as the
daemon runs. The server drops it when that connection goes (the process died,
``kill -9``, the machine vanished), so a stale lock never blocks a restart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from newsmon.errors import StoreError

from .handle import PgDatabase, conninfo_of, display_url, pg_execute

if TYPE_CHECKING:
    import psycopg

__all__ = ["PgRunLock", "run_lock_held"]

# (classid, objid) of the advisory lock: two int4 keys, so pg_locks shows them as they are.
_NAMESPACE = 0x6E6D  # "nm"
_RUN = 1


class PgRunLock:
    """Context manager: hold the one-daemon lock of PostgreSQL database ``url`` or raise StoreError."""

    def __init__(self, url: str, command: str) -> None:
        self.url = url
        self.command = command
        self.conn: Optional["psycopg.Connection[Any]"] = None

    def __enter__(self) -> "PgRunLock":
        if not self._take():
            raise StoreError(f"Another newsmon run is already running on {display_url(self.url)}; stop it first"
                             " (or set queue: to run several schedulers with one active).")
        return self

    def __exit__(self, *exc: object) -> None:
        self._drop()  # closing the session releases the lock

    def keep(self) -> bool:
        """True while we hold the lock; False if another ``newsmon run`` holds it now (StoreError: no server).

        The lock lives in our session: a server restart (or failover) ends it and frees the lock
        while this daemon runs on. Asked every few seconds, this takes it again on a new session as
        soon as the server answers; if a second daemon was quicker, the caller must stop.
        """
        import psycopg

        conn = self.conn
        if conn is not None and not conn.closed and not conn.broken:
            try:
                conn.execute("SELECT 1")
                return True
            except psycopg.Error:
                pass  # the session is gone, and the lock with it
        self._drop()
        return self._take()

    def _take(self) -> bool:
        """Connect and try the lock; False (no connection kept) if another session holds it."""
        import psycopg

        try:
            conn = psycopg.connect(conninfo_of(self.url), autocommit=True, connect_timeout=10,
                                   application_name=self.command)
        except psycopg.Error as exc:
            raise StoreError(f"Cannot connect to PostgreSQL at {display_url(self.url)}"
                             f" ({' '.join(str(exc).split())}).") from None
        try:
            row = conn.execute("SELECT pg_try_advisory_lock(%s, %s)", [_NAMESPACE, _RUN]).fetchone()
        except psycopg.Error as exc:
            conn.close()
            raise StoreError(f"Cannot take the newsmon run lock on {display_url(self.url)}"
                             f" ({' '.join(str(exc).split())}).") from None
        if not (row and row[0]):
            conn.close()
            return False
        self.conn = conn
        return True

    def _drop(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001 - a broken session: nothing to release
                pass
            self.conn = None


def run_lock_held(db: PgDatabase) -> bool:
    """True while some ``newsmon run`` holds the lock of this database."""
    rows = pg_execute(db, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND objid = ?"
                      " AND granted", [_NAMESPACE, _RUN])[1]
    return bool(rows)
