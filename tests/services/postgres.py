"""A real PostgreSQL server for the tests, from the Debian ``postgresql`` package.

Fixtures (made global by ``tests/conftest.py``, so any test can just ask for them):

- ``postgres_server`` (session scope): one server per test run. ``initdb`` in a temp directory
  owned by the ``postgres`` user (``initdb`` refuses to run as root, so it runs through
  ``runuser -u postgres --`` when the tests run as root), started with ``pg_ctl`` on a free
  127.0.0.1 port with its unix socket inside that directory, ``trust`` auth for 127.0.0.1 only.
  Stopped and deleted at the end of the session.
- ``postgres_url`` (function scope): a fresh, empty database on that server for each test, as a
  ``postgresql://newsmon@127.0.0.1:<port>/<name>`` URL (dropped afterwards).

If no server can be started the fixture FAILS with one clear sentence (it never skips: issue 16
wants these tests to run in CI; ``.ci/run`` installs the package when it is missing).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from tests.services.ports import free_port

__all__ = ["PostgresServer", "postgres_server", "postgres_url", "find_pg_bin", "start_server"]

SUPERUSER = "newsmon"


def find_pg_bin() -> Path | None:
    """The directory holding ``initdb`` and ``pg_ctl``: PATH first, then ``/usr/lib/postgresql/*/bin`` (newest)."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(os.path.realpath(on_path)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(versions[-1]).parent if versions else None


@dataclass
class PostgresServer:
    """A running throwaway server: ``admin_url`` reaches its ``postgres`` database as superuser."""

    bin_dir: Path
    data_dir: Path
    socket_dir: Path
    port: int
    as_user: list[str]  # command prefix (``runuser -u postgres --`` when we are root)

    def url(self, dbname: str) -> str:
        """A URL for database ``dbname`` on this server."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    @property
    def admin_url(self) -> str:
        return self.url("postgres")

    def create_database(self) -> str:
        """Create a fresh empty database and return its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database made by ``create_database`` (closing what still uses it)."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self, mode: str = "immediate") -> None:
        """``pg_ctl stop -m mode``: ``immediate`` (the default: quick, like a crash) or ``fast`` (an admin's restart)."""
        subprocess.run([*self.as_user, str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir),
                        "-m", mode, "-w", "stop"], capture_output=True, timeout=60)

    def start(self) -> bool:
        """Start the server on its port and data directory (again, after ``stop()``); False if it did not start."""
        opts = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.socket_dir} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
                "-c shared_buffers=32MB")
        started = subprocess.run([*self.as_user, str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-o", opts,
                                  "-l", str(self.data_dir.parent / "server.log"), "-w", "-t", "60", "start"],
                                 capture_output=True, text=True, timeout=90)
        return started.returncode == 0


def _start() -> tuple[PostgresServer, Path]:
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin): "
                           "install the Debian package with `apt-get install -y postgresql`")
    root = Path(tempfile.mkdtemp(prefix="newsmon-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb and postgres refuse to run as root
        as_user = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres", "postgres")
    os.chmod(root, 0o700)
    data_dir, socket_dir = root / "data", root / "sock"
    subprocess.run([*as_user, "mkdir", "-p", str(socket_dir)], check=True)
    done = subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data_dir), "-U", SUPERUSER,
                           "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"],
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"initdb failed: {done.stderr.strip()[-500:]}")
    # Trust only loopback TCP (and the private socket dir): nothing else may connect.
    (data_dir / "pg_hba.conf").write_text(
        "local all all trust\nhost all all 127.0.0.1/32 trust\n", encoding="utf-8")
    last_error = ""
    for _attempt in range(3):  # a free port can be taken between probe and bind: retry
        server = PostgresServer(bin_dir, data_dir, socket_dir, free_port(), as_user)
        if server.start():
            return server, root
        try:
            last_error = (root / "server.log").read_text(encoding="utf-8", errors="replace")[-800:]
        except OSError:
            last_error = "pg_ctl start failed"
    raise RuntimeError(f"PostgreSQL did not start: {last_error.strip()}")


def start_server() -> tuple[PostgresServer, Path]:
    """Start a throwaway server (for benchmarks): the server and its temp folder (``stop()`` then delete it)."""
    return _start()


@contextlib.contextmanager
def running_server(what: str) -> Iterator[PostgresServer]:
    """A server of its own for the block (stopped and deleted after it); the test fails in one sentence
    naming ``what`` if it cannot start."""
    try:
        server, root = _start()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        pytest.fail(f"Cannot start {what}: {exc}", pytrace=False)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL server on 127.0.0.1:<free port> for the whole test session."""
    with running_server("the test PostgreSQL server") as server:
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh empty database on the session's server, as a ``postgresql://`` URL; dropped after the test."""
    url = postgres_server.create_database()
    try:
        yield url
    finally:
        postgres_server.drop_database(url)


def wait_ready(url: str, timeout: float = 10.0) -> None:
    """Block until ``url`` accepts connections (for tests that restart the server)."""
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(url).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
