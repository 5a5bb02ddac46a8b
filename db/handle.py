"""The database handle the ``db`` functions take: a SQLite ``sqlite_utils.Database`` or a :class:`PgDatabase`.

newsmon has two stores (issue 16): SQLite, the default (a file path in
``database:``), and PostgreSQL (a ``postgresql://`` URL). The module functions of
``db/`` (outbox, health, templates, facts, reclean ...) take either handle and
do the backend's SQL; callers above ``db/`` never see the difference.

This module stays light (psycopg is imported only when a PostgreSQL database is
opened): every ``newsmon`` command imports it, and SQLite users need no psycopg.
"""

from __future__ import annotations

import contextlib
import urllib.parse
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Optional, Sequence, Union

import sqlite_utils

from newsmon.errors import ConfigError, StoreError

if TYPE_CHECKING:
    import psycopg
    import psycopg_pool

__all__ = ["Handle", "PgDatabase", "display_url", "is_postgres_url", "conninfo_of", "open_pg", "pg_execute", "require_sqlite"]

_SCHEMES = ("postgresql://", "postgres://")
# Enough connections for a crawl's spider thread, the sender and a few readers; a
# worker process opens its own pool (sizing: docs/scale-out.md).
POOL_MAX = 8
CONNECT_TIMEOUT_S = 10
# How long a store call waits for a pooled connection. A restarting server (a few seconds) is
# waited out; one that stays down fails each call after this long, not psycopg_pool's 30 s, which
# held a crawl process's reactor, and so every crawl in it, for half a minute per call.
POOL_WAIT_S = 5.0


def is_postgres_url(target: object) -> bool:
    """True when ``target`` (a ``database:`` value) selects PostgreSQL."""
    return isinstance(target, str) and target.strip().lower().startswith(_SCHEMES)


def display_url(url: str) -> str:
    """``url`` safe to print: no password, no query string."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return f"{parts.scheme}://{user}{host}{parts.path}"


class PgDatabase:
    """A PostgreSQL newsmon database: a connection pool, or one connection inside a transaction.

    ``connection()`` yields the bound connection when the handle belongs to an
    open transaction (:meth:`transaction`; the new-story hooks get such a handle,
    so their rows commit or roll back with the story), else a pooled connection
    whose block is one transaction (committed on success, rolled back on error).
    """

    def __init__(self, pool: "psycopg_pool.ConnectionPool[Any]", url: str,
                 conn: Optional["psycopg.Connection[Any]"] = None) -> None:
        self.pool = pool
        self.url = url  # as configured (``${VAR}`` not expanded): safe to print through display_url
        self.conn = conn

    @property
    def name(self) -> str:
        """The database's printable name (URL without password)."""
        return display_url(self.url)

    @contextlib.contextmanager
    def connection(self) -> Iterator["psycopg.Connection[Any]"]:
        """A connection: the transaction's own, or a pooled one for the block (one transaction).

        A server that cannot be reached, or whose connection broke in the block (stopped,
        restarted, failed over), is a StoreError naming the database; the block's
        transaction is rolled back, and the pool reconnects for the next caller.
        """
        if self.conn is not None:
            yield self.conn
            return
        with self._pooled() as conn:
            yield conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator["PgDatabase"]:
        """A handle bound to one connection and one transaction (nested calls reuse it); StoreError as ``connection``."""
        if self.conn is not None:
            yield self
            return
        with self._pooled() as conn:
            with conn.transaction():
                yield PgDatabase(self.pool, self.url, conn)

    @contextlib.contextmanager
    def _pooled(self) -> Iterator["psycopg.Connection[Any]"]:
        """A pooled connection; a lost server becomes one sentence instead of psycopg's three-line message.

        Only a broken connection (or none to be had) is translated: errors of a working
        connection (a deadlock, a unique violation) stay psycopg's, for callers that retry them.
        """
        import psycopg
        import psycopg_pool

        try:
            with self.pool.connection() as conn:
                try:
                    yield conn
                except psycopg.OperationalError as exc:
                    if not conn.broken:
                        raise
                    raise StoreError(f"Lost the connection to PostgreSQL at {self.name} ({_first_line(exc)}).") \
                        from None
        except psycopg_pool.PoolTimeout as exc:
            raise StoreError(f"Cannot reach PostgreSQL at {self.name} ({_first_line(exc)}).") from None

    def close(self) -> None:
        """Close the pool (not a transaction-bound handle's)."""
        if self.conn is None:
            self.pool.close()


Handle = Union[sqlite_utils.Database, PgDatabase]


def _first_line(exc: BaseException) -> str:
    """The first line of a psycopg message (the rest is libpq's advice: "Is the server running…")."""
    from newsmon.redact import redact

    lines = str(exc).strip().splitlines()
    return redact(lines[0].strip() if lines else type(exc).__name__)


def conninfo_of(url: str) -> str:
    """``url`` with its ``${VAR}`` references expanded (ConfigError naming an unset one); never print the result."""
    from newsmon.redact import expand_env

    return expand_env(url.strip(), lambda var: ConfigError(
        f"database: environment variable {var} (in {display_url(url)}) is not set."))


def open_pg(url: str, *, max_size: int = POOL_MAX) -> PgDatabase:
    """Connect to the PostgreSQL database at ``url`` (``${VAR}`` expanded from the environment).

    Raises ConfigError for an unset variable or a malformed URL, StoreError
    with one sentence when the server cannot be reached or refuses us.
    """
    import psycopg
    import psycopg_pool

    shown = display_url(url)
    conninfo = conninfo_of(url)
    try:
        parts = urllib.parse.urlsplit(conninfo)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as exc:
        raise ConfigError(f"database: {shown} is not a valid PostgreSQL URL ({exc}).") from None
    if not parts.path.strip("/"):
        raise ConfigError(f"database: {shown} names no database (postgresql://user@host:5432/DBNAME).")
    try:
        # A direct first connection: a clear sentence at once instead of a pool waiting for its timeout.
        psycopg.connect(conninfo, connect_timeout=CONNECT_TIMEOUT_S).close()
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        from newsmon.redact import redact

        raise StoreError(f"Cannot connect to PostgreSQL at {shown} ({redact(reason)}).") from None
    # check: a pooled connection is tried (one round trip) before it is handed out. After the server
    # restarted, every idle connection of a long-lived crawl process is dead; unchecked, each one
    # failed the next story or crawl that drew it (psycopg_pool docs, "Connection quality").
    pool: psycopg_pool.ConnectionPool[Any] = psycopg_pool.ConnectionPool(
        conninfo, min_size=1, max_size=max_size, open=True, name="newsmon", timeout=POOL_WAIT_S,
        kwargs={"connect_timeout": CONNECT_TIMEOUT_S}, check=psycopg_pool.ConnectionPool.check_connection)
    return PgDatabase(pool, url)


def pg_execute(db: PgDatabase, sql: str, params: Sequence[Any] = (), *,
               many: Optional[Iterable[Sequence[Any]]] = None) -> tuple[list[str], list[tuple[Any, ...]], int]:
    """Run one statement on PostgreSQL; ``(columns, rows, rowcount)``.

    ``sql`` may use ``?`` placeholders (the SQLite functions' statement text,
    where it means the same in both dialects, is reused as is; there is no other
    rewriting). One transaction per call, or the caller's for a
    transaction-bound handle; ``many`` runs the statement once per parameter row.
    """
    text = sql.replace("?", "%s")
    with db.connection() as conn:
        cursor = conn.cursor()
        if many is not None:
            cursor.executemany(text, list(many))
            return [], [], cursor.rowcount
        cursor.execute(text, list(params))
        names = [d.name for d in cursor.description] if cursor.description else []
        rows = [tuple(r) for r in cursor.fetchall()] if cursor.description else []
        return names, rows, cursor.rowcount


def require_sqlite(db: Handle, what: str) -> sqlite_utils.Database:
    """``db`` as a SQLite database, or StoreError naming ``what`` (a command or page) that has no PostgreSQL side yet."""
    if isinstance(db, PgDatabase):
        raise StoreError(f"{what} works on a SQLite database only; this config's database is PostgreSQL"
                         f" ({db.name}).")
    return db
