"""Where the daemon's own CPU goes per crawl, thread by thread (issue 12: the daemon's share).

cProfile sees one thread; the daemon's work is spread over APScheduler's job
threads, its scheduler thread, the pool's dispatcher and reader threads, the
alert sender and the main loop. This runs ``Daemon`` in-process against the
``bench/scale.py`` fixture (N loopback sites, every list page a 304, crawls
due evenly over ``--interval``), waits for crawls to come due, then measures
for ``--seconds``: the process's CPU per finished crawl (workers are other
processes and are not counted) and each thread's share, read from
``/proc/self/task/<tid>/stat``. ``--yappi`` also profiles every thread's
functions by CPU time (``pip install yappi``; it slows the daemon several-fold,
so use it for where, not for how much) into ``--out``.

    .venv/bin/python bench/daemon_threads.py --sites 5000 --seconds 90
    .venv/bin/python bench/daemon_threads.py --sites 5000 --seconds 60 --yappi --out /tmp/daemon-yappi.txt
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _threads_cpu() -> dict[str, float]:
    """CPU seconds of each live thread of this process, by thread name (pool threads summed by prefix)."""
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[str, float] = {}
    for thread in threading.enumerate():
        try:
            with open(f"/proc/self/task/{thread.native_id}/stat", encoding="ascii") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except (OSError, TypeError):
            continue
        name = thread.name.rstrip("0123456789_-") or thread.name  # ThreadPoolExecutor-0_12 -> ThreadPoolExecutor
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=90.0, help="measured window (default 90)")
    parser.add_argument("--interval", type=float, default=1800.0, help="each site's interval (default 1800)")
    parser.add_argument("--warmup", type=float, default=40.0, help="seconds before the first crawl is due")
    parser.add_argument("--yappi", action="store_true", help="profile every thread's functions (CPU clock)")
    parser.add_argument("--out", default="/tmp/newsmon-daemon-yappi.txt", help="yappi's report (with --yappi)")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import scale  # the fixture, config and seeding of bench/scale.py

    folder = Path(tempfile.mkdtemp(prefix="newsmon-daemon-threads-"))
    server, ports = scale.serve(args.sites, folder)
    config = scale.write_config(folder, ports, args.interval, 2, 32)
    start = datetime.now(timezone.utc) + timedelta(seconds=args.warmup)
    rng = random.Random(args.sites)
    due = {f"s{n}": start + timedelta(seconds=rng.uniform(0, args.interval)) for n in range(args.sites)}
    scale.seed(folder / "news.db", ports, due, args.interval)
    logging.basicConfig(level=logging.WARNING)
    from newsmon.scheduler.daemon import Daemon

    daemon = Daemon(config)
    result: dict[str, Any] = {}

    def measure() -> None:
        time.sleep(args.warmup + 5)
        crawls0, cpu0, threads0 = daemon.crawls, time.process_time(), _threads_cpu()
        if args.yappi:
            import yappi

            yappi.set_clock_type("cpu")
            yappi.start()
        time.sleep(args.seconds)
        if args.yappi:
            yappi.stop()
        crawls = max(1, daemon.crawls - crawls0)
        cpu, threads1 = time.process_time() - cpu0, _threads_cpu()
        shares = {name: threads1.get(name, 0.0) - threads0.get(name, 0.0) for name in set(threads0) | set(threads1)}
        result.update(sites=args.sites, crawls=crawls, cpu_ms_per_crawl=round(cpu / crawls * 1000, 2),
                      load=round(os.getloadavg()[0], 1),
                      threads_ms_per_crawl={name: round(v / crawls * 1000, 2) for name, v in
                                            sorted(shares.items(), key=lambda kv: -kv[1]) if v > 0})
        if args.yappi:
            stats = yappi.get_func_stats()
            stats.sort("tsub", "desc")
            with open(args.out, "w", encoding="utf-8") as fh:
                stats.print_all(out=fh, columns={0: ("name", 100), 1: ("ncall", 10), 2: ("tsub", 8), 3: ("ttot", 8)})
        daemon.stop()

    threading.Thread(target=measure, name="bench-measure", daemon=True).start()
    try:
        daemon.run()
    finally:
        server.kill()
        server.wait()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
