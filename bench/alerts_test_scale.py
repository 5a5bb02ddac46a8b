"""`newsmon alerts test` at scale: the search-index walk against the old full scan, same run, same queries.

    nice -n 10 .venv/bin/python bench/alerts_test_scale.py                  # 20k and 60k stories
    nice -n 10 .venv/bin/python bench/alerts_test_scale.py --sizes 20000,200000

Uses bench/search_scale.py's cached databases (built there if missing; real
Chinese sentences, 50 sites, rare entity words). For each query class (rare
entity, common word, NOT, a rule limited to one site) and 5 queries each, it
times ``alerts.review.test_rule`` (candidates from the FTS index in search's
order, the alert matcher confirming each: how it works now) and the baseline:
the scan it replaced (every story ordered by date in SQL, the matcher run on
each until 20 matched). Prints median wall ms per class and size and the
growth between the two largest sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from search_scale import build, pick_terms, rare_terms, sentences  # noqa: E402

from newsmon.alerts.matcher import Matcher, compile_rule  # noqa: E402
from newsmon.alerts.review import test_rule  # noqa: E402
from newsmon.alerts_config import RuleConfig  # noqa: E402
from newsmon.config import parse_config  # noqa: E402
from newsmon.db import Store  # noqa: E402

QUERIES = 5
LIMIT = 20


def old_scan(db: Any, query: str, site: str | None) -> list[int]:
    """The scan `alerts test` ran before (baseline): every story, newest date first, matched in Python."""
    matcher = Matcher([compile_rule(RuleConfig(name="q", query=query))])
    where, params = ("WHERE site = ?", [site]) if site else ("", [])
    found = []
    for row in db.query(f"SELECT id, published_at, site, title, url, body FROM articles {where}"
                        " ORDER BY coalesce(published_utc, fetched_at) DESC, id DESC", params):
        if matcher.match(row["title"], row["body"], row["site"]):
            found.append(row["id"])
            if len(found) >= LIMIT:
                break
    return found


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def measure(path: Path, classes: dict[str, list[str]], small_site: str) -> dict[str, dict[str, float]]:
    config = parse_config({})
    out: dict[str, dict[str, float]] = {}
    with Store(path, readonly=True) as store:
        for name, queries in classes.items():
            site = small_site if name == "site" else None
            new = [timed(lambda q=q: test_rule(config, store.db, q, limit=LIMIT, site=site))
                   for q in queries[:QUERIES]]
            old = [timed(lambda q=q: old_scan(store.db, q, site)) for q in queries[:QUERIES]]
            out[name] = {"index_ms": round(statistics.median(new), 1), "scan_ms": round(statistics.median(old), 1)}
            print(f"    {name:7s} index walk {out[name]['index_ms']:9.1f} ms   old scan {out[name]['scan_ms']:9.1f} ms",
                  file=sys.stderr)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20000,60000", help="comma-separated story counts")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    pool = sentences()
    terms = pick_terms(pool)
    report: dict[int, dict[str, dict[str, float]]] = {}
    for n in sizes:
        path = build(n, pool)
        with Store(path, readonly=True) as store:
            small = store.db.execute("SELECT site FROM articles GROUP BY site ORDER BY count(*) LIMIT 1").fetchone()[0]
        classes = {"rare": rare_terms(path), "common": terms["common"], "NOT": terms["NOT"],
                   "site": terms["common"]}
        print(f"  {n:,} stories (site class: {small}):", file=sys.stderr)
        report[n] = measure(path, classes, small)
    print(json.dumps(report, indent=1))
    print(f"load average at the end: {os.getloadavg()}")
    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        print(f"\ngrowth {a:,} -> {b:,} (median ratio, {b / a:.1f}x the stories):")
        for name in report[b]:
            ratios = [report[b][name][k] / max(report[a][name][k], 0.01) for k in ("index_ms", "scan_ms")]
            print(f"  {name:7s} index walk {ratios[0]:.2f}x   old scan {ratios[1]:.2f}x")


if __name__ == "__main__":
    main()
