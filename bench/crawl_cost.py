"""CPU of one crawl of an unchanged list page, split by process (issue 12: ≤ 30 ms daemon and workers together).

``bench/scale.py`` measures the daemon as a whole (scheduling included) over
minutes; this measures the crawl engine alone, quickly, with the same fixture
and config: one ``CrawlPool`` (the daemon's), ``--workers`` persistent workers,
``--crawls`` crawls of unchanged sites (robots.txt, then a conditional GET
answered 304, or ``--changed-200``: an unchanged page answered 200 without
validators), ``--concurrency`` at once. It prints the CPU per crawl of the
workers and of the calling process (the pool's dispatcher and reader
threads), measured from /proc after a warm-up.

    .venv/bin/python bench/crawl_cost.py                      # 200 crawls of 304s
    .venv/bin/python bench/crawl_cost.py --changed-200        # unchanged 200s
    NEWSMON_WORKER_PROFILE=/tmp/w.prof .venv/bin/python bench/crawl_cost.py --workers 1
        # then: python -c "import pstats; pstats.Stats('/tmp/w.prof.<pid>').sort_stats('cumtime').print_stats(40)"
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=50, help="loopback sites (default 50)")
    parser.add_argument("--crawls", type=int, default=200, help="measured crawls (default 200)")
    parser.add_argument("--warmup", type=int, default=20,
                        help="crawls before the measurement (default 20; with --changed-200 at least --sites: a first crawl stores the stories)")
    parser.add_argument("--workers", type=int, default=2, help="daemon.workers (default 2)")
    parser.add_argument("--concurrency", type=int, default=8, help="crawls at once (default 8)")
    parser.add_argument("--changed-200", action="store_true",
                        help="the server sends no ETag: every list page is fetched whole (200) and found unchanged "
                             "(the first crawl of each site, in the warm-up, stores its stories)")
    args = parser.parse_args()
    import scale  # bench/scale.py (this script's folder is on sys.path): its fixture, seeding, process meters

    from newsmon.config import load_config
    from newsmon.scheduler.crawl import pool_settings
    from newsmon.scheduler.pool import CrawlPool

    folder = Path(tempfile.mkdtemp(prefix="newsmon-crawl-cost-"))
    server, ports = scale.serve(args.sites, folder, etag=not args.changed_200)
    try:
        config_path = scale.write_config(folder, ports, 600, args.workers, args.concurrency)
        config = load_config(config_path)
        # download_delay applies between two crawls of one host too; the sites take turns, so a
        # site's next crawl waits for nothing as long as sites > concurrency.
        due = {f"s{n}": datetime.now(timezone.utc) + timedelta(seconds=600) for n in range(args.sites)}
        scale.seed(folder / "news.db", ports, due, 600)
        if args.changed_200:
            from newsmon.db import Store

            with Store(folder / "news.db") as store:
                store.db.execute("DELETE FROM list_pages")
        settings = pool_settings(config)
        settings.max_crawls_per_worker = 10**9
        pool = CrawlPool(config.database_path, settings)
        pool.configure(config)
        pool.start_workers()
        names = [s.name for s in config.sites]
        statuses: dict[str, int] = {}
        lock = threading.Lock()
        counter = iter(range(10**9))

        def run(total: int) -> None:
            def one() -> None:
                while True:
                    with lock:
                        k = next(counter)
                    if k >= total:
                        return
                    report = pool.crawl(names[k % len(names)], time_limit=60)
                    with lock:
                        statuses[report.status] = statuses.get(report.status, 0) + 1

            threads = [threading.Thread(target=one) for _ in range(args.concurrency)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()

        run(max(args.warmup, args.sites) if args.changed_200 else args.warmup)
        counter = iter(range(10**9))
        statuses.clear()
        pids = pool.worker_pids()
        w0 = sum(scale._proc_cpu(p) for p in pids)
        p0 = time.process_time()
        t0 = time.perf_counter()
        run(args.crawls)
        wall = time.perf_counter() - t0
        parent = time.process_time() - p0
        workers = sum(scale._proc_cpu(p) for p in pids) - w0
        same = pool.worker_pids() == pids
        pool.close()
    finally:
        server.kill()
        server.wait()
    n = args.crawls
    print(f"{n} crawls ({'unchanged 200' if args.changed_200 else '304'}), {args.workers} workers, "
          f"{args.concurrency} at once: {statuses}; wall {wall:.1f}s; load {os.getloadavg()[0]:.1f}")
    print(f"CPU per crawl: workers {workers / n * 1000:.1f} ms + calling process {parent / n * 1000:.1f} ms "
          f"= {(workers + parent) / n * 1000:.1f} ms{'' if same else ' (a worker was replaced meanwhile)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
