"""Crawl scale: ``newsmon run`` keeping thousands of list pages fresh on one machine (issue 12, part 1).

A loopback fixture serves N sites' list pages, one port per site on
127.0.0.1 (so each site is its own host for politeness), each with an
``ETag`` that never changes: every crawl is the common case of a monitor, an
unchanged list page (robots.txt, then a conditional GET answered ``304``).
The database is seeded through the real schema (``Store``, crawl rows,
``list_pages`` validators) as if each site had been crawled once, at a
moment spread over one interval, so crawls come due evenly from the start.
Then ``newsmon run`` runs for ``--minutes`` and we measure, over that window:

* **on time**: the share of crawls that came due in the window and started
  (``crawl_runs.started_at``) within 10% of the interval after their due time
  (``daemon.jitter`` is 0 here so the due time is exact);
* **CPU per crawl**: user+system CPU of the daemon and its workers (exited
  workers included, via the daemon's reaped-children time) per finished crawl;
* **memory**: RSS of the daemon plus its workers at the start and end of the window.

``--baseline`` measures the old path, one fresh worker process per crawl
(``daemon.worker_max_crawls: 1``), in the same run.

    .venv/bin/python bench/scale.py --sites 100 1000 5000 --minutes 4
    .venv/bin/python bench/scale.py --sites 100 --baseline
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import psutil
import yaml

ROOT = Path(__file__).resolve().parents[1]
LIST_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>要闻 - 站点{n}</title></head><body>"
    "<ul class='news'>{items}</ul></body></html>"
)
ITEM = "<li><a href='/news/{n}-{i}.html'>站点{n}重点项目推进会第{i}次会议召开</a><span>2026-11-{d:02d}</span></li>"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


# -- the loopback fixture (a process of its own: its CPU is not counted) --------------------------------


ARTICLE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
    "<div class='nav'><a href='/list/'>首页</a> <a href='/list/'>要闻</a></div>"
    "<div class='article'><h1>{title}</h1><p class='info'>发布时间：2026-11-{d:02d} 10:00 来源：站点{n}</p>"
    "{body}</div><div class='footer'>版权所有 站点{n}</div></body></html>"
)


CITIES = ["沈阳", "大连", "鞍山", "抚顺", "本溪", "丹东", "锦州", "营口", "阜新", "辽阳", "盘锦", "铁岭", "朝阳", "葫芦岛"]
THINGS = ["集装箱码头", "风电场", "中药产业园", "芳烃基地", "湿地公园", "光伏电站", "氟化工园区", "供暖管网", "冰雪景区",
          "科技孵化器", "物流枢纽", "数据中心", "污水处理厂", "轨道交通线", "保障性住房", "职业院校", "医疗中心", "农贸市场"]
DEEDS = ["开工建设", "竣工验收", "签约落地", "并网运行", "完成检修", "启动招标", "通过评审", "投入使用", "扩建提速", "引进外资"]


def _article(n: int, i: int) -> bytes:
    """A story no other (site, index) is likely to repeat: clauses drawn with a seed of its own."""
    rng = random.Random(n * 1_000_003 + i)

    def clause() -> str:
        return (f"{rng.choice(CITIES)}{rng.choice(THINGS)}{rng.choice(DEEDS)}，"
                f"总投资{rng.randint(2, 900)}亿元，涉及{rng.randint(10, 999)}户")

    paragraphs = "".join("<p>" + "；".join(clause() for _ in range(5)) + "。</p>" for _ in range(3))
    title = f"{rng.choice(CITIES)}{rng.choice(THINGS)}{rng.choice(DEEDS)}（站点{n}第{i}号）"
    return ARTICLE.format(title=title, d=1 + i % 28, n=n, body=paragraphs).encode()


async def _serve(count: int, ports_file: Path, churn_sites: int = 0, churn_every_s: float = 0.0,
                 etag: bool = True) -> None:
    """Serve ``count`` list pages, one port each, until killed.

    With ``churn_sites``, every ``churn_every_s`` one of the first ``churn_sites``
    sites (round robin) publishes a story: its list page gains an item and a new
    ETag, and its article pages are served, so some crawls store articles.
    """
    published = [0] * count  # stories published since the start, per site
    use_etag = etag  # without: every list page is answered 200 in full (no conditional GET possible)

    def list_page(n: int) -> bytes:
        newest = 19 + published[n]
        items = "".join(ITEM.format(n=n, i=i, d=1 + i % 28) for i in range(newest, newest - 20, -1))
        return LIST_PAGE.format(n=n, items=items).encode()

    pages = [list_page(n) for n in range(count)]
    hits = {"robots": 0, "200": 0, "304": 0, "article": 0, "published": 0}

    def handler(n: int) -> Any:
        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            try:
                while True:
                    head = await reader.readuntil(b"\r\n\r\n")
                    lines = head.decode("latin-1").split("\r\n")
                    path = lines[0].split(" ")[1]
                    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
                    etag = f'"list-{n}"' if not published[n] else f'"list-{n}-{published[n]}"'
                    if path == "/robots.txt":
                        hits["robots"] += 1
                        status, body, extra = "200 OK", ROBOTS, "Content-Type: text/plain\r\n"
                    elif path.startswith("/news/"):
                        hits["article"] += 1
                        i = int(path.rsplit("-", 1)[1].split(".")[0])
                        status, body, extra = "200 OK", _article(n, i), "Content-Type: text/html; charset=utf-8\r\n"
                    elif use_etag and headers.get("if-none-match") == etag:
                        hits["304"] += 1
                        status, body, extra = "304 Not Modified", b"", f"ETag: {etag}\r\n"
                    else:
                        hits["200"] += 1
                        status, body = "200 OK", pages[n]
                        extra = (f"ETag: {etag}\r\n" if use_etag else "") + "Content-Type: text/html; charset=utf-8\r\n"
                    writer.write(f"HTTP/1.1 {status}\r\n{extra}Content-Length: {len(body)}\r\n\r\n".encode() + body)
                    await writer.drain()
            except (asyncio.IncompleteReadError, ConnectionError, IndexError, ValueError):
                pass
            finally:
                writer.close()
        return handle

    ports = []
    for n in range(count):
        server = await asyncio.start_server(handler(n), "127.0.0.1", 0, backlog=16)
        ports.append(server.sockets[0].getsockname()[1])
    partial = ports_file.with_suffix(".tmp")
    partial.write_text(json.dumps(ports))
    partial.rename(ports_file)  # whole or absent: the driver polls for it
    tick = 0
    next_story = time.monotonic() + churn_every_s
    while True:
        await asyncio.sleep(1)
        while churn_sites and time.monotonic() >= next_story:
            n = tick % min(churn_sites, count)
            tick += 1
            published[n] += 1
            pages[n] = list_page(n)
            hits["published"] += 1
            next_story += churn_every_s
        (ports_file.parent / "hits.json").write_text(json.dumps(hits))


# -- the measurement ---------------------------------------------------------------------------------


def _proc_cpu(pid: int, children: bool = False) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if children else 0)
    return ticks / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    try:
        return [child.pid for child in psutil.Process(pid).children()]
    except psutil.NoSuchProcess:
        return []


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree(pid: int) -> tuple[float, float, int]:
    """(CPU s of daemon + live workers + reaped workers, RSS MiB of daemon + workers, workers)."""
    kids = _children(pid)
    cpu = _proc_cpu(pid, children=True)
    for kid in kids:
        try:
            cpu += _proc_cpu(kid)
        except OSError:
            pass
    return cpu, _rss_mb(pid) + sum(_rss_mb(k) for k in kids), len(kids)


class Setup:
    """A served fixture, a seeded database and a running daemon (see :func:`prepare`)."""

    def __init__(self, folder: Path, server: "subprocess.Popen[bytes]", daemon: "subprocess.Popen[bytes]",
                 due: dict[str, datetime], start: datetime, log_path: Path) -> None:
        self.folder, self.server, self.daemon, self.due, self.start, self.log_path = (
            folder, server, daemon, due, start, log_path)


def serve(count: int, folder: Path, churn: tuple[int, float] = (0, 0.0),
          etag: bool = True) -> tuple["subprocess.Popen[bytes]", list[int]]:
    """Start the loopback fixture for ``count`` sites (a process of its own); its ports."""
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(count), str(folder / "ports.json"),
                               str(churn[0]), str(churn[1])] + ([] if etag else ["no-etag"]))
    while not (folder / "ports.json").exists():
        if server.poll() is not None:
            raise SystemExit("the fixture server failed")
        time.sleep(0.1)
    return server, json.loads((folder / "ports.json").read_text())


def write_config(folder: Path, ports: list[int], interval_s: float, workers: int, concurrency: int,
                 one_process_per_crawl: bool = False) -> Path:
    """The config a user would write for these many hosts (politeness on); its path."""
    every = f"{int(interval_s)}s"
    doc = {
        "database": "news.db",
        # Politeness as for many hosts: robots.txt obeyed, 2 requests at once and 1 s apart per host.
        "crawl": {"obey_robots_txt": True, "concurrent_requests_per_domain": 2, "download_delay": 1.0,
                  "autothrottle": True, "timeout": 20, "retries": 1},
        # The old path: one fresh process per crawl, as many crawls at once as processes.
        "daemon": {"workers": workers, "max_concurrent_crawls": workers if one_process_per_crawl else concurrency,
                   "jitter": 0, "heartbeat": "1m", "watch_config": False,
                   **({"worker_max_crawls": 1} if one_process_per_crawl else {})},
        "sites": [{"name": f"s{n}", "start_urls": [f"http://127.0.0.1:{port}/list/"], "every": every}
                  for n, port in enumerate(ports)],
    }
    config = folder / "config.yaml"
    config.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return config


def seed(database: Path, ports: list[int], due: dict[str, datetime], interval_s: float) -> None:
    """Each site crawled once (ok) one interval before its due time, its list page's validator saved."""
    sys.path.insert(0, str(ROOT))
    from newsmon.db import Store
    from newsmon.db.health import save_list_page_validators

    with Store(database) as store:
        store.db["crawl_runs"].insert_all(
            {"site": name, "started_at": (when - timedelta(seconds=interval_s)).isoformat(timespec="seconds"),
             "finished_at": (when - timedelta(seconds=interval_s - 1)).isoformat(timespec="seconds"),
             "status": "ok", "list_pages": 1, "duration_s": 0.1}
            for name, when in due.items()
        )
        for n, port in enumerate(ports):
            save_list_page_validators(store.db, f"s{n}", {f"http://127.0.0.1:{port}/list/": (f'"list-{n}"', None)})


def prepare(count: int, interval_s: float, workers: int, concurrency: int, one_process_per_crawl: bool,
            warmup_s: float, churn: tuple[int, float] = (0, 0.0), prefix: str = "newsmon-scale") -> Setup:
    """Serve ``count`` sites, write the config, seed the database, start ``newsmon run``.

    ``churn`` = (sites, seconds): one of the first ``sites`` sites publishes a
    story every ``seconds`` (0: every list page stays unchanged).
    """
    folder = Path(tempfile.mkdtemp(prefix=f"{prefix}-{count}-"))
    server, ports = serve(count, folder, churn)
    config = write_config(folder, ports, interval_s, workers, concurrency, one_process_per_crawl)
    # Seed: each site crawled once, at a moment spread over one interval from the end of a warm-up
    # (workers start, the schedule is built), after which the window is measured.
    rng = random.Random(count)
    start = datetime.now(timezone.utc) + timedelta(seconds=warmup_s)
    due = {f"s{n}": start + timedelta(seconds=rng.uniform(0, interval_s)) for n in range(count)}
    seed(folder / "news.db", ports, due, interval_s)
    newsmon = Path(sys.executable).parent / "newsmon"
    command = [str(newsmon)] if newsmon.exists() else [sys.executable, "-m", "newsmon.cli"]
    log_path = folder / "daemon.log"
    with open(log_path, "w", encoding="utf-8") as log:
        daemon = subprocess.Popen([*command, "run", "--config", str(config)], stdout=log, stderr=subprocess.STDOUT)
    return Setup(folder, server, daemon, due, start, log_path)


def run_one(count: int, minutes: float, interval_s: float, workers: int, concurrency: int,
            one_process_per_crawl: bool, warmup_s: float) -> dict[str, Any]:
    """Serve ``count`` sites, seed, run the daemon, measure; return the figures."""
    from newsmon.db import Store

    setup = prepare(count, interval_s, workers, concurrency, one_process_per_crawl, warmup_s)
    folder, server, daemon, due, start, log_path = (
        setup.folder, setup.server, setup.daemon, setup.due, setup.start, setup.log_path)
    try:
        try:
            while datetime.now(timezone.utc) < start:
                if daemon.poll() is not None:
                    raise SystemExit(f"the daemon exited; see {log_path}")
                time.sleep(0.2)
            t0 = datetime.now(timezone.utc)
            cpu0, rss0, _ = _tree(daemon.pid)
            own0 = _proc_cpu(daemon.pid)
            rss_peak = rss0
            end = time.monotonic() + minutes * 60
            while time.monotonic() < end:
                time.sleep(5)
                rss_peak = max(rss_peak, _tree(daemon.pid)[1])
            t1 = datetime.now(timezone.utc)
            cpu1, rss1, kids = _tree(daemon.pid)
            own1 = _proc_cpu(daemon.pid)
        finally:
            daemon.send_signal(signal.SIGTERM)
            daemon.wait(60)
        hits = json.loads((folder / "hits.json").read_text())
    finally:
        server.kill()
        server.wait()
    with Store(folder / "news.db", readonly=True) as store:
        runs = [(r["site"], r["started_at"], r["finished_at"], r["status"])
                for r in store.db["crawl_runs"].rows_where("started_at >= ?", [t0.isoformat(timespec="seconds")])]
    tolerance = timedelta(seconds=0.1 * interval_s)
    first_start: dict[str, datetime] = {}
    for site, started, _finished, _status in runs:
        moment = datetime.fromisoformat(started)
        if site not in first_start or moment < first_start[site]:
            first_start[site] = moment
    window_due = [s for s, when in due.items() if t0 <= when <= t1 - tolerance]
    on_time = [s for s in window_due if s in first_start and first_start[s] - due[s] <= tolerance]
    lateness = sorted((first_start[s] - due[s]).total_seconds() for s in window_due if s in first_start)
    finished = [r for r in runs if r[2] and datetime.fromisoformat(r[2]) <= t1]
    statuses: dict[str, int] = {}
    for r in finished:
        statuses[r[3]] = statuses.get(r[3], 0) + 1
    return {
        "sites": count, "interval_s": interval_s, "workers": workers,
        "max_concurrent_crawls": workers if one_process_per_crawl else concurrency,
        "path": "one process per crawl" if one_process_per_crawl else "persistent workers",
        "window_s": round((t1 - t0).total_seconds()), "due": len(window_due), "on_time": len(on_time),
        "on_time_share": round(len(on_time) / len(window_due), 4) if window_due else None,
        "lateness_p50_s": round(lateness[len(lateness) // 2], 2) if lateness else None,
        "lateness_max_s": round(lateness[-1], 2) if lateness else None,
        "crawls": len(finished), "statuses": statuses,
        "crawls_per_s": round(len(finished) / (t1 - t0).total_seconds(), 2),
        "cpu_ms_per_crawl": round((cpu1 - cpu0) / max(1, len(finished)) * 1000, 1),
        "daemon_cpu_ms_per_crawl": round((own1 - own0) / max(1, len(finished)) * 1000, 1),
        "cpu_share_of_one_core": round((cpu1 - cpu0) / (t1 - t0).total_seconds(), 3),
        "rss_mb_start": round(rss0, 1), "rss_mb_end": round(rss1, 1), "rss_mb_peak": round(rss_peak, 1),
        "workers_alive": kids, "server_hits": hits, "log": str(log_path),
    }


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve":
        churn = (int(sys.argv[4]), float(sys.argv[5])) if len(sys.argv) > 5 else (0, 0.0)
        asyncio.run(_serve(int(sys.argv[2]), Path(sys.argv[3]), *churn, etag="no-etag" not in sys.argv))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, nargs="+", default=[100, 1000], help="site counts (default 100 1000)")
    parser.add_argument("--minutes", type=float, default=3.0, help="measured window per size (default 3)")
    parser.add_argument("--interval", type=float, default=600.0, help="each site's interval, seconds (default 600)")
    parser.add_argument("--workers", type=int, default=2, help="daemon.workers (default 2)")
    parser.add_argument("--concurrency", type=int, default=32, help="daemon.max_concurrent_crawls (default 32)")
    parser.add_argument("--warmup", type=float, default=60.0,
                        help="seconds between the daemon's start and the window (default 60; more on a busy box)")
    parser.add_argument("--baseline", action="store_true",
                        help="also run the old path (one fresh worker process per crawl) at the first size")
    args = parser.parse_args()
    results = []
    runs = [(n, False) for n in args.sites] + ([(args.sites[0], True)] if args.baseline else [])
    for count, old in runs:
        result = run_one(count, args.minutes, args.interval, args.workers, args.concurrency, old, args.warmup)
        results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    print()
    print("| sites | path | interval | due in window | on time (≤10% late) | lateness p50 / max | crawls/s | "
          "CPU per crawl | CPU (cores) | RSS start → end (peak), daemon+workers |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        share = f"{r['on_time_share']:.1%}" if r["on_time_share"] is not None else "–"
        print(f"| {r['sites']:,} | {r['path']} | {r['interval_s']:.0f} s | {r['due']} | {share} | "
              f"{r['lateness_p50_s']} / {r['lateness_max_s']} s | {r['crawls_per_s']} | {r['cpu_ms_per_crawl']} ms | "
              f"{r['cpu_share_of_one_core']} | {r['rss_mb_start']} → {r['rss_mb_end']} ({r['rss_mb_peak']}) MiB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
