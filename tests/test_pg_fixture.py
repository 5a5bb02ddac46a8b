"""The ``postgres_url`` fixture gives a real, isolated PostgreSQL database on loopback."""

from __future__ import annotations

import psycopg

from tests.services.postgres import PostgresServer


def test_server_is_real_and_loopback_only(postgres_server: PostgresServer, postgres_url: str) -> None:
    with psycopg.connect(postgres_url) as conn:
        version = conn.execute("SHOW server_version").fetchone()
        listen = conn.execute("SHOW listen_addresses").fetchone()
        conn.execute("CREATE TABLE t (x int)")
        conn.execute("INSERT INTO t VALUES (1), (2)")
        total = conn.execute("SELECT sum(x) FROM t").fetchone()
    assert version is not None and int(version[0].split(".")[0]) >= 12
    assert listen == ("127.0.0.1",)
    assert total == (3,)
    assert postgres_url.startswith(f"postgresql://newsmon@127.0.0.1:{postgres_server.port}/")


def test_each_test_gets_a_fresh_database(postgres_url: str) -> None:
    # The table made by the test above must not be here.
    with psycopg.connect(postgres_url) as conn:
        row = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'").fetchone()
    assert row == (0,)
