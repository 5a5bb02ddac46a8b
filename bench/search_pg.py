"""Search on PostgreSQL beside SQLite: p50/p95 per query class, both orders, ratio PG/SQLite in the same run.

    nice -n 10 .venv/bin/python bench/search_pg.py                          # 20k and 200k stories
    nice -n 10 .venv/bin/python bench/search_pg.py --sizes 20000,200000,1000000
    nice -n 10 .venv/bin/python bench/search_pg.py --pg-url postgresql://newsmon@127.0.0.1:5432/bench

The stories, query classes and terms are bench/search_scale.py's (its generator
and ``query_classes``): the SQLite database is its cached one, and the same
stories go into PostgreSQL through ``db.postgres.bulk`` (the real schema from
the store's migrations, the search column from ``db.pg_schema.SEARCH_TSV``, ids
in the same order), so both hold the same stories under the same ids. Without
``--pg-url`` a server is started from the Debian package on a free 127.0.0.1
port with its data under /tmp/newsmon-search-bench/pg (kept: a built database
is reused), ``shared_buffers`` 512MB, and stopped at the end.

Each class runs its 20 queries on SQLite then on PostgreSQL (limit 20), each
backend warmed first. Wall time is what a user waits for; on a shared machine it
includes waiting for a core, so CPU time is given too: this process's, plus,
for PostgreSQL, the server's backends' (read from /proc through psutil; only
with the server this script starts). Every
query's newest-first ids are compared between the backends: the mismatch
count is printed (0 expected; a regex cut short by MAX_EXAMINED/CHECK_SECONDS
may differ).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search_scale import (CACHE, build, pct, pick_terms, query_classes, rare_terms, sentences,  # noqa: E402
                          stories)

from newsmon.db import Store, count_articles, open_store, search_articles  # noqa: E402
from newsmon.db.handle import PgDatabase  # noqa: E402
from newsmon.db.pg_schema import SEARCH_TSV  # noqa: E402
from newsmon.db.postgres.bulk import bulk_add_articles  # noqa: E402
from tests.services.ports import free_port  # noqa: E402

PG_DIR = CACHE / "pg"


def start_server() -> tuple[str, Callable[[], None]]:
    """A PostgreSQL server on a free loopback port, data kept under PG_DIR; (admin URL, stop)."""
    from tests.services.postgres import find_pg_bin

    bin_dir = find_pg_bin()
    if bin_dir is None:
        sys.exit("PostgreSQL is not installed: apt-get install -y postgresql (or pass --pg-url)")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    data = PG_DIR / "data"
    if not (data / "PG_VERSION").exists():
        shutil.rmtree(PG_DIR, ignore_errors=True)
        PG_DIR.mkdir(parents=True)
        if as_user:
            shutil.chown(PG_DIR, "postgres", "postgres")
        subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "newsmon", "--auth=trust",
                        "--encoding=UTF8", "--locale=C", "--no-sync"], check=True, capture_output=True)
        (data / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    pid_file = data / "postmaster.pid"
    if pid_file.exists():  # running (another run's, or left by a killed one): use it (its port is line 4)
        lines = pid_file.read_text().splitlines()
        port = int(lines[3])
    else:
        port = free_port()
    opts = (f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={PG_DIR} "
            "-c shared_buffers=512MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_wal_size=4GB -c work_mem=16MB")
    started = not pid_file.exists()
    if started:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(PG_DIR / "log"),
                        "-w", "-t", "120", "start"], check=True, capture_output=True)

    global SERVER_PID
    SERVER_PID = int((data / "postmaster.pid").read_text().split()[0])

    def stop() -> None:
        if not started:
            return  # another run's server: it stops it
        import psycopg

        with psycopg.connect(f"postgresql://newsmon@127.0.0.1:{port}/postgres", autocommit=True) as admin:
            others = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                                   " AND pid <> pg_backend_pid()").fetchone()
        if others and others[0]:
            print("  (the bench server stays up: another run is using it)", file=sys.stderr)
            return
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True)

    return f"postgresql://newsmon@127.0.0.1:{port}", stop


def pg_database(server: str, n: int, pool: list[str]) -> str:
    """The URL of the PostgreSQL database of ``n`` stories on ``server`` (built if missing or partial)."""
    import psycopg

    name = f"stories_{n}"
    url = f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            with psycopg.connect(url) as conn:
                done = conn.execute("SELECT value FROM newsmon_meta WHERE key = 'bench_built'").fetchone()
            if done == (str(n),):
                open_store(url).close()  # built by a newsmon with another search index: re-indexed (db.postgres.reindex)
                return url
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    start = time.perf_counter()

    def progress(done: int) -> None:
        print(f"  PostgreSQL: {done:,}/{n:,} stories ({time.perf_counter() - start:.0f} s)", file=sys.stderr)

    with open_store(url) as store:  # the real schema: the store's migrations
        assert isinstance(store.db, PgDatabase)
        bulk_add_articles(store.db, stories(n, pool, indexed=True), search_tsv=SEARCH_TSV,
                          batch=20_000, progress=progress)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE articles")
        conn.execute("INSERT INTO newsmon_meta (key, value) VALUES ('bench_built', %s)", [str(n)])
        size = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    print(f"  PostgreSQL: {n:,} stories in {time.perf_counter() - start:.0f} s,"
          f" {(size[0] if size else 0) / 1e6:.0f} MB", file=sys.stderr)
    return url


SERVER_PID: Optional[int] = None  # the bench server's postmaster (we started it or reuse it)
BACKENDS: list[int] = []  # the server processes serving this script's searches (their CPU is counted)
CPU: list[float] = []  # CPU ms of the last _wall() calls: this process + the server's backends


def _server_cpu() -> float:
    """CPU seconds used so far by the bench's own server backends (BACKENDS; 0 without a server of our own)."""
    import psutil

    total = 0.0
    for pid in BACKENDS:
        try:
            times = psutil.Process(pid).cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def _wall(fn: Callable[[], Any]) -> float:
    """Wall ms of one call; its CPU ms (this process and the server's backends) is appended to CPU."""
    server = _server_cpu()  # read outside the timed window: reading /proc costs this process CPU too
    cpu, start = time.process_time(), time.perf_counter()
    fn()
    elapsed = (time.perf_counter() - start) * 1000
    cpu = time.process_time() - cpu
    CPU.append((cpu + _server_cpu() - server) * 1000)
    return elapsed


def measure(path: Path, url: str, terms: dict[str, list[str]], skip: set[str]) -> dict[str, dict[str, float]]:
    """Per class: p50/p95 ms on both backends in both orders, the PG/SQLite p95 ratios, id mismatches."""
    results: dict[str, dict[str, float]] = {}
    with Store(path, readonly=True) as lite, open_store(url, readonly=True) as post:
        db, conn = lite.db, post.db
        if SERVER_PID is not None and isinstance(conn, PgDatabase):
            # The pool's connections, opened now, serve every search below (the pool keeps them).
            with conn.pool.connection() as first, conn.pool.connection() as second:
                BACKENDS[:] = [first.info.backend_pid, second.info.backend_pid]
        for _ in range(2):  # warm both caches
            search_articles(db, terms["common"][0])
            search_articles(conn, terms["common"][0])
        for name, runs in query_classes(terms).items():
            if name in skip:
                continue
            row: dict[str, float] = {}
            mismatches = 0
            for q, kw in runs:
                a = [r["id"] for r in search_articles(db, q, limit=20, **kw)]
                b = [r["id"] for r in search_articles(conn, q, limit=20, **kw)]
                mismatches += a != b
            for sort in ("newest", "relevance"):
                for backend, handle in (("sqlite", db), ("pg", conn)):
                    def fn(q: str, kw: dict[str, Any], handle: Any = handle, sort: str = sort) -> Any:
                        return search_articles(handle, q, limit=20, sort=sort, **kw)

                    CPU.clear()
                    times = [_wall(lambda: fn(q, kw)) for q, kw in runs]
                    row[f"{backend}_{sort}_p50"], row[f"{backend}_{sort}_p95"] = pct(times, 0.5), pct(times, 0.95)
                    # Mean, not percentiles: /proc counts a process's CPU in 10 ms ticks; summed over
                    # the class's 20 queries the ticks average out.
                    row[f"{backend}_{sort}_cpu_mean"] = sum(CPU) / len(CPU)
                row[f"ratio_{sort}_p95"] = row[f"pg_{sort}_p95"] / max(row[f"sqlite_{sort}_p95"], 0.01)
                row[f"ratio_{sort}_cpu_mean"] = row[f"pg_{sort}_cpu_mean"] / max(row[f"sqlite_{sort}_cpu_mean"], 0.01)
            if name in ("common", "1-char", "rare", "date", "site"):
                row["sqlite_count_p50"] = pct([_wall(lambda: count_articles(db, q, **kw)) for q, kw in runs[:5]], 0.5)
                row["pg_count_p50"] = pct([_wall(lambda: count_articles(conn, q, **kw)) for q, kw in runs[:5]], 0.5)
            row["mismatches"] = mismatches
            results[name] = row
            print(f"    {name:9s} " + "  ".join(f"{k} {v:.1f}" for k, v in row.items()), file=sys.stderr)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20000,200000", help="comma-separated story counts")
    parser.add_argument("--pg-url", default=None,
                        help="a PostgreSQL server to use (postgresql://user@host:port, no database name; the"
                             " bench creates stories_N databases there); default: start one")
    parser.add_argument("--build-only", action="store_true", help="build (cache) the databases, measure nothing")
    parser.add_argument("--skip", default="", help="comma-separated query classes not to run (e.g. regex: ~4 min)")
    args = parser.parse_args()
    skip = {c for c in args.skip.split(",") if c}
    sizes = [int(s) for s in args.sizes.split(",")]
    pool = sentences()
    terms = pick_terms(pool)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # `kill` stops the server too (finally below)
    stop: Optional[Callable[[], None]] = None
    server = args.pg_url.rstrip("/") if args.pg_url else None
    if server is None:
        server, stop = start_server()
    report: dict[int, dict[str, dict[str, float]]] = {}
    try:
        for n in sizes:
            path = build(n, pool)
            url = pg_database(server, n, pool)
            if args.build_only:
                continue
            terms["rare"] = rare_terms(path)
            print(f"  {n:,} stories:", file=sys.stderr)
            report[n] = measure(path, url, terms, skip)
    finally:
        if stop is not None:
            stop()
    if args.build_only:
        return
    print(json.dumps(report, indent=1))
    print(f"load average at the end: {os.getloadavg()}")
    for n, classes in report.items():
        for kind, suffix in (("p95 wall", "_p95"), ("mean CPU", "_cpu_mean")):
            print(f"\n{n:,} stories: {kind} ms SQLite / PostgreSQL (ratio), newest | relevance")
            for name, r in classes.items():
                print(f"  {name:9s} {r[f'sqlite_newest{suffix}']:7.1f} / {r[f'pg_newest{suffix}']:7.1f}"
                      f" ({r[f'ratio_newest{suffix}']:5.2f}x) | {r[f'sqlite_relevance{suffix}']:7.1f} /"
                      f" {r[f'pg_relevance{suffix}']:7.1f} ({r[f'ratio_relevance{suffix}']:5.2f}x)"
                      f"  mismatches {int(r['mismatches'])}")
    for a, b in itertools.pairwise(sizes):
        if a in report and b in report:
            print(f"\ngrowth {a:,} -> {b:,} (PostgreSQL p95 ratio):")
            for name in report[b]:
                ra, rb = report[a][name], report[b][name]
                print(f"  {name:9s} p95 wall: newest {rb['pg_newest_p95'] / max(ra['pg_newest_p95'], 0.01):.2f}x"
                      f" relevance {rb['pg_relevance_p95'] / max(ra['pg_relevance_p95'], 0.01):.2f}x;"
                      f" mean CPU: newest {rb['pg_newest_cpu_mean'] / max(ra['pg_newest_cpu_mean'], 0.01):.2f}x"
                      f" relevance {rb['pg_relevance_cpu_mean'] / max(ra['pg_relevance_cpu_mean'], 0.01):.2f}x")


if __name__ == "__main__":
    main()
