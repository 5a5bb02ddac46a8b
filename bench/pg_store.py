"""The PostgreSQL write path beside SQLite's: stories stored per second, one writer and several at once.

    nice -n 10 .venv/bin/python bench/pg_store.py                 # 2,000 stories
    nice -n 10 .venv/bin/python bench/pg_store.py --stories 10000 --writers 4

Each story goes through the real ``add_article`` (URL, fingerprint and
near-duplicate lookups, the band index, the search column on PostgreSQL): one
writer on SQLite, one writer on PostgreSQL, then ``--writers`` processes on
PostgreSQL at once, each storing its share plus copies of 10% of the others'
stories (syndicated copies arriving at several workers at the same time, the
case the advisory locks serialise). The stored count is checked: every story
once. Then ``newsmon db copy`` of the SQLite database into an empty PostgreSQL
database (rows per second). The server is a throwaway one from the Debian
package on a free 127.0.0.1 port (tests/services/postgres.py), fsync off: the
figures compare code paths on this machine, not disks.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsmon.crawler.fingerprint import text_fingerprint  # noqa: E402
from newsmon.crawler.pipelines import _near_print  # noqa: E402
from newsmon.db import open_store  # noqa: E402

from tests.services.postgres import start_server  # noqa: E402

_WORDS = ("项目", "开工", "投资", "沈阳", "大连", "鞍山", "港口", "铁路", "产业园", "集成电路", "新能源", "医药", "签约",
          "竣工", "园区", "企业", "亿元", "万吨", "厂房", "设备", "研发", "基地", "物流", "电站", "风电", "光伏", "改造",
          "招商", "引资", "合作", "协议", "建设", "运营", "生产线", "智能", "制造", "数字", "经济", "农业", "文旅")


def story(i: int) -> tuple[str, str]:
    """Title and a ~500-character body, distinct per ``i``."""
    rng = random.Random(i)
    body = "\n".join("".join(rng.choice(_WORDS) for _ in range(24)) + "。" for _ in range(6))
    return f"第{i}号：" + "".join(rng.choice(_WORDS) for _ in range(5)), body


def add_all(target: str, items: list[tuple[str, int]]) -> dict[str, int]:
    """Store ``(url, story number)`` items through add_article; statuses counted."""
    counts: dict[str, int] = {}
    with open_store(target) as store:
        for url, n in items:
            title, body = story(n)
            result = store.add_article(site=url.split("/")[2], url=url, title=title, body=body,
                                       fingerprint=text_fingerprint(body), near=_near_print(body))
            counts[result.status] = counts.get(result.status, 0) + 1
    return counts


def _worker(args: tuple[str, list[tuple[str, int]]]) -> dict[str, int]:
    return add_all(*args)


def timed(label: str, n: int, fn: Any) -> float:
    started = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - started
    rate = n / seconds
    print(f"{label:<44} {n:>7,} in {seconds:7.2f} s  {rate:8.1f}/s  {out if out is not None else ''}")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--writers", type=int, default=4)
    args = parser.parse_args()
    n, writers = args.stories, args.writers
    server, root = start_server()
    work = Path(tempfile.mkdtemp(prefix="newsmon-pg-bench-"))
    try:
        items = [(f"http://s{i % 7}.example/{i}.html", i) for i in range(n)]
        print(f"stories={n} writers={writers} (PostgreSQL {server.bin_dir.parent.name}, fsync off)")
        sqlite_rate = timed("SQLite, 1 writer", n, lambda: add_all(str(work / "news.db"), items))
        one = server.create_database()
        pg_rate = timed("PostgreSQL, 1 writer", n, lambda: add_all(one, items))
        many = server.create_database()
        shares: list[list[tuple[str, int]]] = [items[w::writers] for w in range(writers)]
        rng = random.Random(7)
        for w in range(writers):  # copies of other writers' stories under other URLs, at the same time
            others = [i for i in range(n) if i % writers != w]
            shares[w] += [(f"http://copy{w}.example/{i}.html", i) for i in rng.sample(others, n // 10)]
            rng.shuffle(shares[w])
        total = sum(len(s) for s in shares)
        with multiprocessing.get_context("spawn").Pool(writers) as pool:
            results: list[dict[str, int]] = []
            par_rate = timed(f"PostgreSQL, {writers} writers at once (+10% copies)", total,
                             lambda: results.extend(pool.map(_worker, [(many, s) for s in shares])) or None)
        with open_store(many) as store:
            stored = store.counts()
        statuses: dict[str, int] = {}
        for r in results:
            for k, v in r.items():
                statuses[k] = statuses.get(k, 0) + v
        print(f"  stored {stored['articles']:,} stories, {stored['article_sources']:,} sources; statuses {statuses}"
              f" -> {'OK: every story once' if stored['articles'] == n else 'WRONG'}")
        target = server.create_database()
        from newsmon.db.copy import copy_database
        from newsmon.db.pg_store import PgStore

        with PgStore(target) as store:
            started = time.perf_counter()
            report = copy_database(work / "news.db", store.db)
            seconds = time.perf_counter() - started
        rows = sum(report.rows.values())
        copy_rate = rows / seconds
        print(f"{'db copy SQLite -> PostgreSQL (rows, every table)':<44} {rows:>7,} in {seconds:7.2f} s"
              f"  {copy_rate:8.1f}/s  ({report.rows['articles']:,} stories)")
        print(f"ratios: PostgreSQL/SQLite one writer {pg_rate / sqlite_rate:.2f}; {writers} writers/1 writer on"
              f" PostgreSQL {par_rate / pg_rate:.2f} (machine has {multiprocessing.cpu_count()} cores);"
              f" copy {copy_rate:,.0f} rows/s")
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
