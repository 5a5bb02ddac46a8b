"""One versioned migration runner for both stores (``newsmon db upgrade``).

A small versioned-SQL runner, not Alembic: Alembic needs SQLAlchemy models or
hand-written operations per backend, and cannot express what our SQLite schema
is made of (FTS5 contentless virtual tables, ``WITHOUT ROWID`` B-trees, the
tokenizer-version rebuild); what we need is "apply, in order, once, and say
what was applied" — a table of applied versions and a list per backend.

Both backends record applied versions in ``schema_migrations (version, name,
applied_at)``. Version 1 is the baseline:

* SQLite: :func:`newsmon.db.schema.create_schema`, the idempotent migrations
  that every ``Store`` open already runs (``ensure_schema``; kept, so existing
  databases open and migrate exactly as before); ``db upgrade`` records it.
* PostgreSQL: the DDL of ``db/pg_schema.py``.

Later versions append to both lists with the same number; a version one
database does not need is left out of its list (4, the UTC-day index, is
PostgreSQL's: SQLite has had it since 3). Both apply them in one transaction
that holds a lock before it reads what is applied: PostgreSQL an advisory lock,
SQLite its write lock (``BEGIN IMMEDIATE``, ``db.schema.write_lock``), so several
workers starting at once migrate once and the others wait, then find nothing to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence, TypeVar

import sqlite_utils

from newsmon.clock import utc_now

from .handle import Handle, PgDatabase
from .pg_schema import (LIST_FAILURES, MIGRATION_LOCK, PG_MIGRATIONS, SITE_PLACES, SITE_PLACES_REPAIR,
                        SITE_READ_WITH, SOURCE_SITE)
from .postgres.reindex import reindex_search
from .schema import (configure_connection, create_schema, ensure_file_type_column, ensure_list_failures_column,
                     ensure_search_indexes, ensure_site_places_schema, ensure_source_site_index, write_lock)

__all__ = ["Migration", "SQLITE_MIGRATIONS", "applied_versions", "pending_migrations", "upgrade"]


@dataclass(frozen=True)
class Migration:
    """One schema version: what ``db upgrade`` applied."""

    version: int
    name: str


SQLITE_MIGRATIONS: tuple[tuple[int, str, Callable[[sqlite_utils.Database], None]], ...] = (
    (1, "baseline: schema version 2 (articles, sources, FTS5, near-duplicate index, outbox, templates, facts)",
     create_schema),
    (2, "articles.file_type: stories that are files named on a list page (PDF announcements), never downloaded",
     ensure_file_type_column),
    (3, "articles(site, id) and articles(UTC day, id) indexes: search walks a site newest first and finds"
        " a date range's ids by day", ensure_search_indexes),
    (5, LIST_FAILURES, ensure_list_failures_column),
    (6, SITE_PLACES, ensure_site_places_schema),
    (7, SITE_PLACES_REPAIR, ensure_site_places_schema),  # (idempotent: it adds what an early form of 6 lacked)
    (8, SITE_READ_WITH, ensure_site_places_schema),  # (idempotent: read_with is added where it is missing)
    (9, SOURCE_SITE, ensure_source_site_index),
)

_CREATE = "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text, applied_at text)"


def applied_versions(db: Handle) -> set[int]:
    """Versions already applied to ``db`` (empty for a database that never ran the runner)."""
    if isinstance(db, PgDatabase):
        with db.connection() as conn:
            exists = conn.execute("SELECT to_regclass('schema_migrations')").fetchone()
            if exists is None or exists[0] is None:
                return set()
            return {int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations")}
    if "schema_migrations" not in db.table_names():
        return set()
    return {int(r[0]) for r in db.execute("SELECT version FROM schema_migrations")}


def pending_migrations(db: Handle) -> list[Migration]:
    """Migrations not yet applied to ``db``, in order."""
    done = applied_versions(db)
    listed = PG_MIGRATIONS if isinstance(db, PgDatabase) else SQLITE_MIGRATIONS
    return [Migration(version, name) for version, name, _ in listed if version not in done]


def upgrade(db: Handle, *, report: Optional[Callable[[Migration], None]] = None) -> list[Migration]:
    """Apply every pending migration to ``db`` in order; return those applied (empty: already current).

    ``report`` is called with each applied migration once all are committed: they are applied in one
    transaction, so one that fails undoes those before it, and the caller's code never runs while the
    lock is held (each other worker opening the database waits for it). PostgreSQL's search column is
    then brought to this newsmon's search-index version (``db.postgres.reindex``; SQLite's index is
    rebuilt by its baseline step, ``create_schema``, which every open runs).
    """
    applied = _apply_all(db)
    if report is not None:
        for migration in applied:
            report(migration)
    if isinstance(db, PgDatabase):
        reindex_search(db)
    return applied


def _apply_all(db: Handle) -> list[Migration]:
    if isinstance(db, PgDatabase):
        # Without the lock, two workers creating the schema of one empty database at once race: CREATE
        # TABLE IF NOT EXISTS checks the catalog before its insert into pg_type/pg_class, so the second
        # fails with a unique violation (pg_type_typname_nsp_index) instead of finding the table. The lock
        # is the transaction's first statement and READ COMMITTED gives each later statement a new
        # snapshot: a worker that waited sees the first one's committed tables and versions.
        with db.transaction() as tx, tx.connection() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
            conn.execute(_CREATE)

            def apply_pg(version: int, name: str, sql: str) -> None:
                conn.execute(sql)  # our own DDL text, no parameters
                conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                             [version, name, utc_now()])

            done = {int(r[0]) for r in conn.execute("SELECT version FROM schema_migrations")}
            return _apply_pending(PG_MIGRATIONS, done, apply_pg)
    lite = db
    configure_connection(lite)  # WAL cannot be switched on inside the transaction below

    def apply_sqlite(version: int, name: str, step: Callable[[sqlite_utils.Database], None]) -> None:
        step(lite)
        lite.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                     [version, name, utc_now()])

    with write_lock(lite):
        lite.execute(_CREATE)
        return _apply_pending(SQLITE_MIGRATIONS, applied_versions(lite), apply_sqlite)


_Step = TypeVar("_Step")


def _apply_pending(listed: Sequence[tuple[int, str, _Step]], done: set[int],
                   apply: Callable[[int, str, _Step], None]) -> list[Migration]:
    """Run ``apply`` on each listed migration not in ``done``, in order; the runner of both databases."""
    applied: list[Migration] = []
    for version, name, step in listed:
        if version in done:
            continue
        apply(version, name, step)
        applied.append(Migration(version, name))
    return applied
