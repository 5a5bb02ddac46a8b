"""Daemon soak: ``newsmon run`` against the loopback fixture portal for many short crawl cycles.

Prints the resident memory (RSS) of the daemon **and its persistent crawl
workers** after 10 and after N cycles (the target is a ratio of at most 1.2:
the long-lived processes must not grow; workers are recycled after
``daemon.worker_max_crawls``), the per-cycle overhead (wall time of a crawl
minus the crawl itself: the wait in the queue) and the CPU per cycle of the
daemon and its workers together.

    .venv/bin/python bench/soak.py                 # 200 cycles, about 5 minutes on 2 cores
    .venv/bin/python bench/soak.py --cycles 50     # quicker

A cycle is one site crawl. Sites are crawled ``every: 1s``; every tenth cycle
a story is published so that crawls also store articles, not only get 304s.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsmon.portal import FixturePortal  # noqa: E402

# Phrases combined at random into distinct stories (near-identical ones would be
# recognised as one syndicated story and not counted as new).
PHRASES = [
    "沈阳市召开重点项目推进会", "大连港集装箱吞吐量同比增长", "鞍山钢铁启动智能化改造", "锦州湾新建风电场并网发电",
    "营口自贸片区新增注册企业", "丹东边境贸易额创历史新高", "抚顺石化完成检修复产", "本溪中药产业园揭牌",
    "辽阳芳烃基地二期开工", "盘锦湿地生态修复工程验收", "铁岭现代农业示范区建设提速", "朝阳光伏项目签约落地",
    "葫芦岛泳装产业带线上销售火爆", "阜新氟化工园区引进新项目", "省政府发布稳经济一揽子措施", "高校毕业生就业招聘会举行",
    "冬季供暖准备工作全面启动", "冰雪旅游季推出惠民措施", "营商环境评价结果公布", "科技型中小企业数量稳步增长",
]


def random_story(rng: random.Random) -> tuple[str, list[str]]:
    """A title and three paragraphs no other call is likely to repeat."""
    picks = rng.sample(PHRASES, 9)
    paragraphs = ["，".join(picks[i:i + 3]) + f"，涉及金额{rng.randint(2, 900)}亿元。" for i in (0, 3, 6)]
    return picks[0] + f"（{rng.randint(1000, 9999)}）", paragraphs


CRAWL_LINE = re.compile(r" crawl site=(\S+) status=(\S+) new=(\d+) .* duration=([\d.]+)s wall=([\d.]+)s")


def rss_mb(pid: int) -> float:
    """Resident set size of ``pid`` in MiB (from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _children(pid: int) -> list[int]:
    try:
        return [child.pid for child in psutil.Process(pid).children()]
    except psutil.NoSuchProcess:
        return []


def tree_rss_mb(pid: int) -> float:
    """RSS of ``pid`` and its children (the crawl workers), MiB."""
    total = rss_mb(pid)
    for kid in _children(pid):
        try:
            total += rss_mb(kid)
        except (OSError, RuntimeError):
            pass
    return total


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of ``pid``, its live children and its reaped children (recycled workers)."""
    def ticks(p: int, reaped: bool) -> int:
        fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12]) + ((int(fields[13]) + int(fields[14])) if reaped else 0)

    total = ticks(pid, True)
    for kid in _children(pid):
        try:
            total += ticks(kid, False)
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=200, help="crawl cycles to run (default 200)")
    parser.add_argument("--every", default="1s", help="each site's interval (default 1s)")
    parser.add_argument("--sites", default="liaoning-invest,shenyang-gov",
                        help="fixture sites to crawl (default: the two fast ones)")
    parser.add_argument("--concurrency", type=int, default=2, help="daemon.max_concurrent_crawls (default 2)")
    args = parser.parse_args()
    wanted = args.sites.split(",")
    folder = Path(tempfile.mkdtemp(prefix="newsmon-soak-"))
    with FixturePortal() as portal:
        doc = yaml.safe_load(portal.config_yaml(database="news.db"))
        doc["sites"] = [dict(s, every=args.every) for s in doc["sites"] if s["name"] in wanted]
        doc["daemon"] = {"max_concurrent_crawls": args.concurrency, "jitter": 0, "heartbeat": "1m"}
        config = folder / "config.yaml"
        config.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        log_path = folder / "daemon.log"
        newsmon = Path(sys.executable).parent / "newsmon"
        command = [str(newsmon)] if newsmon.exists() else [sys.executable, "-m", "newsmon.cli"]
        with open(log_path, "w", encoding="utf-8") as log:
            daemon = subprocess.Popen([*command, "run", "--config", str(config)], stdout=log,
                                      stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        print(f"daemon pid {daemon.pid}, {len(doc['sites'])} sites every {args.every}, "
              f"{args.concurrency} at once; log: {log_path}")
        marks: dict[int, tuple[float, float, float]] = {}  # cycle -> (time, rss, cpu)
        cycles: list[tuple[str, str, int, float, float]] = []
        published = 0
        rng = random.Random(5)
        start = time.monotonic()
        try:
            while len(cycles) < args.cycles:
                if daemon.poll() is not None:
                    raise SystemExit(f"the daemon exited with status {daemon.returncode}; see {log_path}")
                lines = log_path.read_text(encoding="utf-8").splitlines()
                cycles = [(m[1], m[2], int(m[3]), float(m[4]), float(m[5]))
                          for m in map(CRAWL_LINE.search, lines) if m]
                done = len(cycles)
                for mark in (1, 10, args.cycles):
                    if done >= mark and mark not in marks:
                        marks[mark] = (time.monotonic() - start, tree_rss_mb(daemon.pid), cpu_s(daemon.pid))
                        print(f"after {mark:>4} cycles: {marks[mark][0]:7.1f}s  daemon+workers RSS {marks[mark][1]:6.1f} MiB")
                if done // 10 > published:
                    published += 1
                    portal.publish(wanted[0], *random_story(rng))
                time.sleep(0.2)
        finally:
            daemon.send_signal(signal.SIGTERM)
            stopped = time.monotonic()
            code = daemon.wait(30)
            stop_s = time.monotonic() - stopped
    n = args.cycles
    t10, rss10, cpu10 = marks[10]
    tn, rssn, cpun = marks[n]
    overhead = [wall - duration for _, _, _, duration, wall in cycles[10:n]]
    statuses = {s: sum(1 for c in cycles[:n] if c[1] == s) for s in sorted({c[1] for c in cycles[:n]})}
    print()
    print(f"cycles:                 {n} ({', '.join(f'{k} {v}' for k, v in statuses.items())}), "
          f"{sum(c[2] for c in cycles[:n])} new articles ({published} published during the run)")
    print(f"daemon+workers RSS:     {rss10:.1f} MiB after 10 cycles, {rssn:.1f} MiB after {n}: "
          f"ratio {rssn / rss10:.3f} (target <= 1.2)")
    print(f"throughput:             {(n - 10) / (tn - t10):.2f} cycles/s "
          f"({(tn - t10) / (n - 10):.2f}s per cycle with {args.concurrency} at once)")
    print(f"per-cycle overhead:     wait in the queue {statistics.mean(overhead):.2f}s mean, "
          f"{statistics.median(overhead):.2f}s median, {max(overhead):.2f}s max (wall - crawl duration)")
    print(f"CPU per cycle:          {(cpun - cpu10) / (n - 10) * 1000:.1f} ms")
    print(f"SIGTERM → exit:         {stop_s:.1f}s, status {code}")
    return 0 if rssn / rss10 <= 1.2 and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
