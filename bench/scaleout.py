"""Scale-out benchmark: crawl throughput with 1, 2 and 4 `newsmon worker` processes (issue 16).

Usage::

    nice -n 10 .venv/bin/python bench/scaleout.py                    # 8 sites x 200 articles, 1/2/4 workers
    nice -n 10 .venv/bin/python bench/scaleout.py --sites 8 --articles 100 --workers 1 2 4 --store sqlite
    nice -n 10 .venv/bin/python bench/scaleout.py --sites 1 --articles 1000 --workers 1 2  # one big site

What runs, all on 127.0.0.1: ``--sites`` fixture portals (each its own HTTP server, so its own
host: a worker crawls one site per host at a time), each serving ``bench-portal`` with
``--articles`` article pages; a throwaway ``redis-server`` and (``--store postgres``, default)
a throwaway PostgreSQL from the Debian packages, both started as the tests start them
(``tests/services``). For each worker count N, on a fresh queue and a fresh empty database:

1. start N ``newsmon worker --concurrency C`` processes (``daemon.workers: 1`` crawl process
   each) and wait until they are up (their start-up is not timed);
2. queue one crawl per site straight into Redis (``CrawlQueue.enqueue``, what ``newsmon run``
   does when the sites come due) and time until every site's report is back;
3. throughput = article pages processed (stored + duplicates + non-articles, from the reports)
   per second of that wall time; CPU = user + system seconds of the worker processes and their
   crawl processes over the same span (read from /proc before they stop).

``--sites 1``: one site's big first crawl. With 2+ workers the owner's worker offers helper jobs
once its frontier is long and the others join it (``newsmon.shared_crawl``); every download takes
its place at the host in Redis (``crawler.politeness``: ``crawl.concurrent_requests_per_domain``
in flight, ``crawl.download_delay`` apart, over all workers together).

The ratio against 1 worker, measured in the same run, is the figure: on a 2-core machine the
portals, Redis, PostgreSQL and the workers share the two cores, so expect sub-linear growth.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsmon.portal import FixturePortal  # noqa: E402
from newsmon.scheduler.crawl_queue import CrawlQueue  # noqa: E402
from tests.services.redis import start_redis  # noqa: E402

NEWSMON = Path(sys.executable).parent / "newsmon"


def write_config(folder: Path, portals: list[FixturePortal], database: str, queue: str, workers: int,
                 per_host: int = 2) -> Path:
    sites = []
    crawl: dict[str, Any] = {}
    for i, portal in enumerate(portals):
        doc = yaml.safe_load(portal.config_yaml(database="news.db", timeout=30,
                                                concurrent_requests_per_domain=per_host))
        crawl = doc["crawl"]
        site = next(s for s in doc["sites"] if s["name"] == "bench-portal")
        sites.append({**site, "name": f"bench-{i}", "every": "1h"})
    config = {"database": database, "queue": queue, "crawl": crawl, "sites": sites,
              "daemon": {"workers": workers, "jitter": 0}}
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def tree_cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds of these processes and their live children."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            root = psutil.Process(pid)
            for proc in [root, *root.children(recursive=True)]:
                times = proc.cpu_times()
                total += times.user + times.system
        except psutil.Error:
            continue
    return total


def run_once(n_workers: int, portals: list[FixturePortal], store: str, concurrency: int, folder: Path,
             pg: Any, per_host: int = 2) -> dict[str, Any]:
    redis_server = start_redis()
    database = pg.create_database() if store == "postgres" else str(folder / f"news-{n_workers}.db")
    procs: list[subprocess.Popen[bytes]] = []
    logs = []
    try:
        config = write_config(folder, portals, database, redis_server.url, workers=1, per_host=per_host)
        if store == "sqlite":
            subprocess.run([str(NEWSMON), "db", "upgrade", "--config", str(config)], capture_output=True, check=False)
        for i in range(n_workers):
            log_path = folder / f"worker-{n_workers}-{i}.log"
            logs.append(log_path)
            procs.append(subprocess.Popen(
                [str(NEWSMON), "worker", "--config", str(config), "--concurrency", str(concurrency)],
                stdout=open(log_path, "w"), stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"}))
        deadline = time.monotonic() + 120
        while not all("worker started" in p.read_text() for p in logs):
            if time.monotonic() > deadline:
                raise RuntimeError("workers did not start:\n" + "\n".join(p.read_text()[-500:] for p in logs))
            time.sleep(0.2)
        time.sleep(3.0)  # their crawl processes finish importing Scrapy
        queue = CrawlQueue.connect(redis_server.url)
        names = [f"bench-{i}" for i in range(len(portals))]
        cpu_before = tree_cpu_s([p.pid for p in procs])
        started = time.monotonic()
        for name in names:
            queue.enqueue(name)
        reports: list[dict[str, Any]] = []
        while len(reports) < len(names):
            reports += queue.pop_reports()
            if time.monotonic() - started > 900:
                raise RuntimeError(f"only {len(reports)} of {len(names)} crawls reported after 900 s")
            time.sleep(0.05)
        wall = time.monotonic() - started
        cpu = tree_cpu_s([p.pid for p in procs]) - cpu_before
        helped = sum(len(re.findall(r"helped crawl site=", p.read_text())) for p in logs)
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        redis_server.stop()
    pages = sum(int(r.get("articles_new", 0)) + int(r.get("duplicates", 0)) + int(r.get("non_articles", 0))
                for r in reports)
    return {"workers": n_workers, "wall_s": wall, "pages": pages, "cpu_s": cpu, "helpers": helped,
            "stored": sum(int(r.get("articles_new", 0)) for r in reports),
            "statuses": sorted({str(r.get("status")) for r in reports}), "pages_per_s": pages / wall}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=int, default=8)
    parser.add_argument("--articles", type=int, default=200, help="article pages per site")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--concurrency", type=int, default=4, help="crawls at once per worker")
    parser.add_argument("--store", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--per-host", type=int, default=2,
                        help="crawl.concurrent_requests_per_domain (downloads in flight per host, all workers)")
    args = parser.parse_args()
    load_start = os.getloadavg()
    pg = root = None
    if args.store == "postgres":
        from tests.services.postgres import _start

        pg, root = _start()
    portals = [FixturePortal(bench_articles=args.articles).start() for _ in range(args.sites)]
    results = []
    try:
        with tempfile.TemporaryDirectory(prefix="newsmon-scaleout-") as tmp:
            for n in args.workers:
                results.append(run_once(n, portals, args.store, args.concurrency, Path(tmp), pg, args.per_host))
                r = results[-1]
                print(f"workers={n} wall={r['wall_s']:.1f}s cpu={r['cpu_s']:.1f}s pages={r['pages']} "
                      f"stored={r['stored']} statuses={','.join(r['statuses'])} pages/s={r['pages_per_s']:.1f} "
                      f"helper_crawls={r['helpers']} load={os.getloadavg()[0]:.1f}", file=sys.stderr)
    finally:
        for portal in portals:
            portal.stop()
        if pg is not None:
            import shutil

            pg.stop()
            shutil.rmtree(str(root), ignore_errors=True)
    base = results[0]["pages_per_s"]
    print(f"\nmachine: {platform.platform()}, {os.cpu_count()} CPUs, load {os.getloadavg()} at the end "
          f"({load_start} at the start); "
          f"{args.sites} sites x {args.articles} articles, store {args.store}, concurrency {args.concurrency}/worker, "
          f"{args.per_host} downloads in flight per host\n")
    print("| workers | wall (s) | pages | pages/s | × 1 worker | worker CPU (s) | CPU ms/page | helper crawls |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['workers']} | {r['wall_s']:.1f} | {r['pages']} | {r['pages_per_s']:.1f} | "
              f"{r['pages_per_s'] / base:.2f} | {r['cpu_s']:.1f} | {1000 * r['cpu_s'] / max(1, r['pages']):.0f} | "
              f"{r['helpers']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
