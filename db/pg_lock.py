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
        import psycopg

        try:
            conn = psycopg.connect(conninfo_of(self.url), autocommit=True, connect_timeout=10,
                                   application_name=self.command)
        except psycopg.Error as exc:
            raise StoreError(f"Cannot connect to PostgreSQL at {display_url(self.url)}"
                             f" ({' '.join(str(exc).split())}).") from None
        row = conn.execute("SELECT pg_try_advisory_lock(%s, %s)", [_NAMESPACE, _RUN]).fetchone()
        if not (row and row[0]):
            conn.close()
            raise StoreError(f"Another newsmon run is already running on {display_url(self.url)}; stop it first"
                             " (or set queue: to run several schedulers with one active).")
        self.conn = conn
        return self

    def __exit__(self, *exc: object) -> None:
        if self.conn is not None:
            self.conn.close()  # closing the session releases the lock
            self.conn = None


def run_lock_held(db: PgDatabase) -> bool:
    """True while some ``newsmon run`` holds the lock of this database."""
    rows = pg_execute(db, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND objid = ?"
                      " AND granted", [_NAMESPACE, _RUN])[1]
    return bool(rows)
