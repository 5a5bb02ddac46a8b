"""Daemon memory soak: ``newsmon run`` keeping N loopback sites fresh for hours (issue 12).

The fixture and seeding are those of ``bench/scale.py`` (one port per site on
127.0.0.1, politeness as for many hosts, the database seeded through the real
schema so crawls come due evenly from the start). Most list pages never
change (robots.txt, then a conditional GET answered 304); a few sites publish
a story now and then (``--churn-sites`` sites, one story every
``--churn-every`` seconds in turn), so crawls also fetch, extract and store
articles.

Every ``--sample`` seconds one line goes to ``--out`` (JSON lines): seconds
since the window opened, RSS of the daemon, the sum of its workers' RSS, the
number of workers, CPU seconds of daemon + workers (recycled ones included),
crawls finished and articles stored. At the end (or with ``--report FILE`` on
a file from an earlier or unfinished run) it prints the curve: RSS at the
start, 30 min, 1 h, 2 h and the slope (MiB per hour) over the whole run and
over its second half.

    nice -n 10 .venv/bin/python bench/soak.py --sites 1000 --hours 2 --out /tmp/soak.jsonl
    .venv/bin/python bench/soak.py --report /tmp/soak.jsonl
    .venv/bin/python bench/soak.py --sites 50 --hours 0.05 --interval 30   # a quick check
"""

from __future__ import annotations

import argparse
import json
import signal
import sqlite3
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any



def _count(db: Path, sql: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute(sql).fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return -1


def _slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (hours, MiB) points, MiB per hour."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else 0.0


def report(path: Path) -> None:
    """Print the RSS curve and the slopes of the samples in ``path``."""
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if "t_s" in r]
    if not rows:
        print("no samples")
        return
    head = json.loads(path.read_text().splitlines()[0])
    if "t_s" not in head:
        print(json.dumps(head, ensure_ascii=False))

    def at(seconds: float) -> dict[str, Any]:
        return min(rows, key=lambda r: abs(r["t_s"] - seconds))

    last = rows[-1]
    print(f"{len(rows)} samples over {last['t_s'] / 3600:.2f} h")
    print("| moment | daemon RSS | workers RSS (sum) | total | workers | crawls finished | articles | CPU s |")
    print("|---|---|---|---|---|---|---|---|")
    for label, seconds in (("start", 0), ("30 min", 1800), ("1 h", 3600), ("1.5 h", 5400), ("2 h", 7200)):
        if seconds > last["t_s"] + 60:
            continue
        r = at(seconds)
        print(f"| {label} ({r['t_s'] / 60:.0f} min) | {r['daemon_mb']:.1f} MiB | {r['workers_mb']:.1f} MiB | "
              f"{r['total_mb']:.1f} MiB | {r['workers']} | {r['crawls']:,} | {r['articles']:,} | {r['cpu_s']:.0f} |")
    if last["t_s"] < 7200 - 60:
        r = last
        print(f"| end, partial ({r['t_s'] / 60:.0f} min) | {r['daemon_mb']:.1f} MiB | {r['workers_mb']:.1f} MiB | "
              f"{r['total_mb']:.1f} MiB | {r['workers']} | {r['crawls']:,} | {r['articles']:,} | {r['cpu_s']:.0f} |")
    total = [(r["t_s"] / 3600, r["total_mb"]) for r in rows]
    daemon = [(r["t_s"] / 3600, r["daemon_mb"]) for r in rows]
    half = [p for p in total if p[0] >= total[-1][0] / 2]
    dhalf = [p for p in daemon if p[0] >= daemon[-1][0] / 2]
    peak = max(rows, key=lambda r: r["total_mb"])
    print(f"slope, daemon+workers: {_slope(total):+.1f} MiB/h over the run, {_slope(half):+.1f} MiB/h over its second half")
    print(f"slope, daemon alone:   {_slope(daemon):+.1f} MiB/h over the run, {_slope(dhalf):+.1f} MiB/h over its second half")
    print(f"peak total {peak['total_mb']:.1f} MiB at {peak['t_s'] / 60:.0f} min; "
          f"distinct worker processes seen {last.get('worker_pids_seen', '?')}")
    if last["crawls"] > 0 and last["t_s"] > 0:
        print(f"crawls {last['crawls']:,} ({last['crawls'] / last['t_s']:.2f}/s), "
              f"CPU {last['cpu_s'] / last['crawls'] * 1000:.1f} ms per crawl (articles included), "
              f"{last['cpu_s'] / last['t_s']:.3f} cores")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=1000, help="loopback sites (default 1000)")
    parser.add_argument("--hours", type=float, default=2.0, help="length of the measured window (default 2)")
    parser.add_argument("--interval", type=float, default=300.0, help="each site's interval, seconds (default 300)")
    parser.add_argument("--workers", type=int, default=2, help="daemon.workers (default 2)")
    parser.add_argument("--concurrency", type=int, default=32, help="daemon.max_concurrent_crawls (default 32)")
    parser.add_argument("--churn-sites", type=int, default=50, help="sites that publish stories (default 50)")
    parser.add_argument("--churn-every", type=float, default=5.0,
                        help="seconds between two stories, over those sites in turn (default 5)")
    parser.add_argument("--sample", type=float, default=30.0, help="seconds between samples (default 30)")
    parser.add_argument("--warmup", type=float, default=60.0, help="seconds before the window opens (default 60)")
    parser.add_argument("--out", type=Path, help="samples file (JSON lines; default: in the run's folder)")
    parser.add_argument("--report", type=Path, metavar="FILE", help="only print the curve of an earlier samples file")
    args = parser.parse_args()
    if args.report:
        report(args.report)
        return 0
    import scale  # bench/scale.py (this script's folder is on sys.path): its fixture, seeding, process meters

    setup = scale.prepare(args.sites, args.interval, args.workers, args.concurrency, False, args.warmup,
                          churn=(args.churn_sites, args.churn_every), prefix="newsmon-soak")
    out: Path = args.out or setup.folder / "soak.jsonl"
    db = setup.folder / "news.db"
    daemon = setup.daemon
    print(f"daemon pid {daemon.pid}; {args.sites} sites every {args.interval:.0f}s; folder {setup.folder}; "
          f"samples -> {out}", flush=True)
    pids: set[int] = set()
    try:
        with open(out, "w", encoding="utf-8") as samples:
            samples.write(json.dumps({"started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                      **{k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
                                      "folder": str(setup.folder)}) + "\n")
            while datetime.now(timezone.utc) < setup.start:
                if daemon.poll() is not None:
                    raise SystemExit(f"the daemon exited; see {setup.log_path}")
                time.sleep(0.5)
            t0 = time.monotonic()
            cpu0 = scale._tree(daemon.pid)[0]
            crawls0 = _count(db, "select count(*) from crawl_runs where finished_at is not null")
            end = t0 + args.hours * 3600
            while True:
                if daemon.poll() is not None:
                    raise SystemExit(f"the daemon exited with status {daemon.returncode}; see {setup.log_path}")
                kids = scale._children(daemon.pid)
                pids.update(kids)
                cpu = scale._tree(daemon.pid)[0]
                daemon_mb = scale._rss_mb(daemon.pid)
                workers_mb = sum(scale._rss_mb(k) for k in kids)
                row = {
                    "t_s": round(time.monotonic() - t0, 1), "daemon_mb": round(daemon_mb, 1),
                    "workers_mb": round(workers_mb, 1), "total_mb": round(daemon_mb + workers_mb, 1),
                    "workers": len(kids), "cpu_s": round(cpu - cpu0, 2),
                    "crawls": _count(db, "select count(*) from crawl_runs where finished_at is not null") - crawls0,
                    "articles": _count(db, "select count(*) from articles"),
                    "worker_pids_seen": len(pids),
                }
                samples.write(json.dumps(row) + "\n")
                samples.flush()
                if time.monotonic() >= end:
                    break
                time.sleep(min(args.sample, max(0.0, end - time.monotonic())))
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(60)
        except Exception:
            daemon.kill()
        setup.server.kill()
        setup.server.wait()
    hits = json.loads((setup.folder / "hits.json").read_text()) if (setup.folder / "hits.json").exists() else {}
    print(f"fixture hits: {hits}")
    report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
