"""Several workers opening one empty PostgreSQL database at once (``newsmon worker``s started together
on a new ``database: postgresql://…``) all get a store, and the schema is made once.

Without the advisory lock of ``db.migrate.upgrade`` this fails: concurrent ``CREATE TABLE IF NOT
EXISTS`` of one table is not safe in PostgreSQL (a unique violation on ``pg_type``)."""

from __future__ import annotations

import multiprocessing
import multiprocessing.synchronize

import psycopg

from newsmon.db.pg_schema import PG_MIGRATIONS
from tests.services.postgres import PostgresServer


def _open(url: str, start: multiprocessing.synchronize.Event, errors: "multiprocessing.Queue[str]") -> None:
    from newsmon.db import open_store

    start.wait(10)
    try:
        open_store(url).close()
    except Exception as exc:  # noqa: BLE001 - reported to the test, whatever it is
        errors.put(f"{type(exc).__name__}: {' '.join(str(exc).split())}")


def test_workers_opening_an_empty_database_together_make_the_schema_once(postgres_server: PostgresServer) -> None:
    context = multiprocessing.get_context("spawn")
    for _ in range(3):  # the race is a matter of timing: give it several chances to show
        url = postgres_server.create_database()
        try:
            start, errors = context.Event(), context.Queue()
            procs = [context.Process(target=_open, args=(url, start, errors)) for _ in range(6)]
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
            with psycopg.connect(url) as conn:
                versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
            assert versions == [version for version, _, _ in PG_MIGRATIONS]
        finally:
            postgres_server.drop_database(url)
