"""db.schema.write_lock: one transaction holding SQLite's write lock, committed or rolled back, never left open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from newsmon.db import open_store
from newsmon.db.migrate import Migration, upgrade
from newsmon.db.schema import configure_connection, write_lock


def _database(path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(sqlite3.connect(str(path)))
    configure_connection(db)  # foreign_keys=ON, as every store's connection
    db.execute("CREATE TABLE parents (id INTEGER PRIMARY KEY)")
    # A deferred key is checked at COMMIT: the commit itself fails.
    db.execute("CREATE TABLE children (id INTEGER PRIMARY KEY,"
               " parent INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED)")
    return db


def test_a_commit_that_fails_leaves_no_transaction_open(tmp_path: Path) -> None:
    db = _database(tmp_path / "news.db")
    with pytest.raises(sqlite3.IntegrityError):
        with write_lock(db):
            db.execute("INSERT INTO children (id, parent) VALUES (1, 99)")
    # Left open, the next write_lock would join it (it reuses an open transaction) and nothing written
    # afterwards would ever be committed, while this connection kept the write lock from every other.
    assert not db.conn.in_transaction
    with write_lock(db):
        db.execute("INSERT INTO parents (id) VALUES (1)")
    other = sqlite3.connect(str(tmp_path / "news.db"))
    assert other.execute("SELECT id FROM parents").fetchall() == [(1,)]
    assert other.execute("SELECT count(*) FROM children").fetchone() == (0,)


def test_upgrade_reports_migrations_once_they_are_committed(tmp_path: Path) -> None:
    """``db upgrade`` applies its migrations in one transaction under the write lock: a report made
    inside it would name migrations a later failure undoes, and would run the caller's code (printing
    to a pipe that may block) while every other opener waits for the lock."""
    path = tmp_path / "news.db"
    seen: list[tuple[int, bool, set[int]]] = []

    def report(migration: Migration) -> None:
        other = sqlite3.connect(str(path), timeout=0)
        try:
            committed = {row[0] for row in other.execute("SELECT version FROM schema_migrations")}
            other.execute("BEGIN IMMEDIATE")  # the write lock is free
            other.execute("ROLLBACK")
            seen.append((migration.version, True, committed))
        except sqlite3.OperationalError:
            seen.append((migration.version, False, set()))
        finally:
            other.close()

    with open_store(path) as store:
        applied = upgrade(store.db, report=report)
    assert [m.version for m in applied] == [1, 2, 3, 5, 6, 7, 8, 9]
    assert seen == [(version, True, {1, 2, 3, 5, 6, 7, 8, 9}) for version in (1, 2, 3, 5, 6, 7, 8, 9)]
