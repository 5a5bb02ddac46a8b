"""Several processes opening one new database at once (two `newsmon worker`s started together) all
get a store: none fails while another creates or migrates the schema. SQLite: "database is locked",
"already exists" or "duplicate column name" without ``db/schema.py``'s write lock; PostgreSQL: a
unique violation on ``pg_type`` without ``db/migrate.py``'s advisory lock (concurrent ``CREATE TABLE
IF NOT EXISTS`` of one table is not safe there)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize
import sqlite3
from pathlib import Path

import psycopg
import sqlite_utils

from newsmon.db import open_store
from newsmon.db.pg_schema import PG_MIGRATIONS
from tests.services.postgres import PostgresServer


def _open(path: str, start: multiprocessing.synchronize.Event, errors: "multiprocessing.Queue[str]") -> None:
    from newsmon.db import open_store

    start.wait(10)
    try:
        open_store(path).close()
    except Exception as exc:  # noqa: BLE001 - reported to the test, whatever it is
        errors.put(f"{type(exc).__name__}: {' '.join(str(exc).split())}")


def _open_together(paths: list[str], processes: int = 6) -> None:
    """Open each of ``paths`` (files or PostgreSQL URLs) from ``processes`` processes released at once;
    assert none failed."""
    context = multiprocessing.get_context("spawn")
    for path in paths:
        start, errors = context.Event(), context.Queue()
        procs = [context.Process(target=_open, args=(path, start, errors)) for _ in range(processes)]
        for proc in procs:
            proc.start()
        start.set()
        for proc in procs:
            proc.join(60)
        found = []
        while not errors.empty():
            found.append(errors.get())
        assert found == [], found
        assert all(proc.exitcode == 0 for proc in procs)


def test_processes_opening_a_new_file_together_all_get_the_store(tmp_path: Path) -> None:
    # The race is a matter of timing: give it several chances to show.
    _open_together([str(tmp_path / f"news-{attempt}.db") for attempt in range(3)])
    with sqlite3.connect(tmp_path / "news-0.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT count(*) FROM newsmon_meta WHERE key = 'schema_version'").fetchone() == (1,)


def test_processes_migrating_an_older_file_together_add_each_column_once(tmp_path: Path) -> None:
    # A file from before migration 5 and the search index version: every opener finds the column missing
    # and the index stale until one of them has changed both.
    paths = []
    for attempt in range(2):
        path = tmp_path / f"old-{attempt}.db"
        open_store(path).close()
        with sqlite3.connect(path) as conn:
            conn.execute("ALTER TABLE crawl_runs DROP COLUMN list_failures")
            conn.execute("DELETE FROM newsmon_meta WHERE key = 'tokenizer_version'")
        paths.append(str(path))
    _open_together(paths)
    db = sqlite_utils.Database(paths[0])
    assert "list_failures" in db["crawl_runs"].columns_dict
    assert db.execute("SELECT count(*) FROM newsmon_meta WHERE key = 'tokenizer_version'").fetchone() == (1,)


def _switch_to_wal(paths: list[str], start: multiprocessing.synchronize.Barrier,
                   results: "multiprocessing.Queue[str]") -> None:
    from newsmon.db.schema import BUSY_TIMEOUT_S, configure_connection

    for path in paths:
        db = sqlite_utils.Database(sqlite3.connect(path, timeout=BUSY_TIMEOUT_S))
        start.wait(30)
        try:
            configure_connection(db)
            results.put(db.execute("PRAGMA journal_mode").fetchone()[0])
        except sqlite3.OperationalError as exc:
            results.put(str(exc))
        db.close()


def test_processes_switching_a_new_file_to_wal_together_all_succeed(tmp_path: Path) -> None:
    # SQLite answers one of two connections switching a new file to WAL at the same instant "database
    # is locked" at once, without the busy timeout; it happened in about 1 of 130 switches of 6
    # processes released together, so 6 processes switch 100 new files.
    context = multiprocessing.get_context("spawn")
    paths = [str(tmp_path / f"wal-{n}.db") for n in range(100)]
    start, results = context.Barrier(6), context.Queue()
    procs = [context.Process(target=_switch_to_wal, args=(paths, start, results)) for _ in range(6)]
    for proc in procs:
        proc.start()
    answers = [results.get(timeout=60) for _ in range(6 * len(paths))]
    for proc in procs:
        proc.join(60)
    assert {answer: answers.count(answer) for answer in set(answers)} == {"wal": 6 * len(paths)}


def test_workers_opening_an_empty_postgresql_database_together_make_the_schema_once(
        postgres_server: PostgresServer) -> None:
    urls = [postgres_server.create_database() for _ in range(3)]
    try:
        _open_together(urls)
        for url in urls:
            with psycopg.connect(url) as conn:
                versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
            assert versions == [version for version, _, _ in PG_MIGRATIONS]
    finally:
        for url in urls:
            postgres_server.drop_database(url)
