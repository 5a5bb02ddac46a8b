"""db.schema.write_lock: one transaction holding SQLite's write lock, committed or rolled back, never left open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

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
