"""Web UI render time over HTTP on loopback, and export throughput, on a 200k-story database.

    nice -n 10 .venv/bin/python bench/web.py                 # 200,000 stories
    nice -n 10 .venv/bin/python bench/web.py --stories 20000 --requests 40

The database is built with the search benchmark's generator (``bench/search_scale.py``:
real Chinese sentences, 50 sites, two years of dates, ``db.bulk.bulk_add_articles`` through
the real schema and FTS indexing), cached under /tmp/newsmon-web-bench/. A real
``newsmon serve --port 0`` process serves it; one client (keep-alive, sequential requests)
measures the time to the last byte of each page:

* search pages: the latest stories (no query), a common word, a rare word, a phrase,
  a common word on one site, a common word by relevance, a date window;
* search with investment facts: facets are counted on every search page; a stage filter and
  the ``/projects`` pipeline page (30% of the stories get synthetic facts: stage, city,
  industry, amount, so the facet and chart queries have real rows to group);
* story pages (random ids);
* baseline in the same run, same server: Datasette's own row page of the same stories
  (``/DB/articles/ID``) and Datasette's canned ``search`` query (``cjk_match_query(:q)``)
  for the same words, so the figures read as "newsmon's page costs X times Datasette's".

Then ``newsmon export`` of every story as jsonl and atom: stories per second and the
exporter's peak RSS (constant memory: compared with an export of a tenth of the stories).
Target (issue 14): p95 <= 100 ms for search and story pages.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

import search_scale  # noqa: E402  (the search benchmark's story generator and cached build)

from tests.test_web_support import Served  # noqa: E402

search_scale.CACHE = Path("/tmp/newsmon-web-bench")  # our own cache: never race the search benchmark's build


FACTS_SHARE = 0.3
CITIES = ("沈阳市", "大连市", "鞍山市", "锦州市", "营口市", "盘锦市", "丹东市", "抚顺市", "本溪市", "辽阳市", "铁岭市", "朝阳市")
INDUSTRIES = ("新能源", "新材料", "装备制造", "石化", "生物医药", "电子信息", "物流", "文旅")


def add_facts(db_path: Path) -> int:
    """Give FACTS_SHARE of the stories synthetic investment facts (once per cached database)."""
    import sqlite_utils

    from newsmon.db.facts import ensure_facts_schema, save_facts
    from newsmon.facts import STAGES

    db = sqlite_utils.Database(db_path)
    ensure_facts_schema(db)
    if db.execute("SELECT count(*) FROM article_facts").fetchone()[0]:
        return 0
    rng = random.Random(5)
    ids = [r[0] for r in db.execute("SELECT id FROM articles")]
    chosen = [i for i in ids if rng.random() < FACTS_SHARE]
    with db.conn:
        for article_id in chosen:
            amount = rng.choice((None, rng.randint(1, 500) * 1e7))
            save_facts(db, article_id, {
                "amount": amount, "currency": "CNY" if amount else None, "amount_cny": amount,
                "amount_text": f"{amount / 1e8:g}亿元" if amount else None, "kind": "project" if amount else None,
                "stage": rng.choice(STAGES), "places": [{"province": "辽宁省", "city": rng.choice(CITIES)}],
                "industry": rng.sample(INDUSTRIES, rng.randint(0, 2)), "project": None,
            }, version=0)
    db.close()
    return len(chosen)


def write_config(db: Path) -> Path:
    config = db.with_suffix(".yaml")
    config.write_text(f"database: {db.name}\nsites:\n" + "".join(
        f"  - name: {s}\n    start_urls: ['http://127.0.0.1:1/{s}/']\n" for s in search_scale.SITES),
        encoding="utf-8")
    return config


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(client: httpx.Client, url: str, params: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"{response.status_code} for {response.url}: {response.text[:200]}")
    return elapsed * 1000


def words(client: httpx.Client, base: str, db: str) -> dict[str, str]:
    """A common word, a rare word (a story's entity) and a phrase, picked from the stored text."""
    row = client.get(f"{base}/{db}.json", params={"sql": "SELECT body FROM articles WHERE id = 1234",
                                                  "_shape": "array"}).json()[0]
    entity = re.search(r"（(.{3})公司）", row["body"])
    phrase = re.search(r"[\u4e00-\u9fff]{4}", row["body"])
    assert entity and phrase
    return {"common": "项目", "rare": entity.group(1), "phrase": f'"{phrase.group()}"', "second": "发展"}


def run_pages(base: str, db: str, n_stories: int, requests: int) -> list[tuple[str, float, float, int]]:
    rng = random.Random(3)
    out = []
    with httpx.Client(timeout=60) as client:
        w = words(client, base, db)
        site = search_scale.SITES[7]
        cases: list[tuple[str, Callable[[], float]]] = [
            ("search: latest (no query)", lambda: timed(client, f"{base}/search")),
            ("search: common word", lambda: timed(client, f"{base}/search", {"q": w["common"]})),
            ("search: rare word", lambda: timed(client, f"{base}/search", {"q": w["rare"]})),
            ("search: phrase", lambda: timed(client, f"{base}/search", {"q": w["phrase"]})),
            ("search: common AND common", lambda: timed(client, f"{base}/search",
                                                        {"q": f"{w['common']} {w['second']}"})),
            ("search: common, one site", lambda: timed(client, f"{base}/search", {"q": w["common"], "site": site})),
            ("search: common, relevance", lambda: timed(client, f"{base}/search",
                                                        {"q": w["common"], "sort": "relevance"})),
            ("search: common, 30 days", lambda: timed(client, f"{base}/search",
                                                      {"q": w["common"], "since": "2025-11-01",
                                                       "until": "2025-11-30"})),
            ("search: common, stage filter", lambda: timed(client, f"{base}/search",
                                                           {"q": w["common"], "stage": "签约"})),
            ("projects: pipeline chart, all", lambda: timed(client, f"{base}/projects")),
            ("projects: pipeline chart, one city", lambda: timed(client, f"{base}/projects", {"place": "大连"})),
            ("story page", lambda: timed(client, f"{base}/story/{rng.randint(1, n_stories)}")),
            ("feed: search.atom common", lambda: timed(client, f"{base}/feeds/search.atom", {"q": w["common"]})),
            ("baseline: Datasette row page", lambda: timed(client, f"{base}/{db}/articles/{rng.randint(1, n_stories)}")),
            # Datasette's canned query (join, ORDER BY id) on a common word passes its 3 s SQL
            # time limit at 200k stories; the rare word is what it can do.
            ("baseline: Datasette canned search, rare", lambda: timed(client, f"{base}/{db}/search",
                                                                     {"q": w["rare"]})),
        ]
        for _ in range(3):  # warm-up: templates compiled, pages of the index in the OS cache
            for _, case in cases:
                case()
        for name, case in cases:
            times = [case() for _ in range(requests)]
            out.append((name, statistics.median(times), percentile(times, 0.95), len(times)))
            print(f"  {name:45s} p50 {out[-1][1]:7.1f} ms  p95 {out[-1][2]:7.1f} ms", file=sys.stderr)
    return out


def facet_costs(db_path: Path) -> list[tuple[str, float, float]]:
    """In-process CPU ms (median of 15) of the search page's parts: the 50 results (the baseline),
    the facet window's ids, the facet GROUP BYs; and the /projects pipeline query."""
    from itertools import islice

    import sqlite_utils

    from newsmon.db import search_articles
    from newsmon.db.facts import facet_counts, pipeline
    from newsmon.db.search import MAX_EXAMINED, iter_matching_ids
    from newsmon.web.pages import FACET_WINDOW

    db = sqlite_utils.Database(db_path)

    def cpu_ms(work: Callable[[], object], n: int = 15) -> float:
        times = []
        for _ in range(n):
            start = time.process_time()
            work()
            times.append((time.process_time() - start) * 1000)
        return statistics.median(times)

    out = []
    for label, q in (("no query", None), ("common word", "项目"), ("common AND common", "发展 项目")):
        base = cpu_ms(lambda: search_articles(db, q, limit=50))
        ids = list(islice(iter_matching_ids(db, q, max_examined=MAX_EXAMINED), FACET_WINDOW))
        window = cpu_ms(lambda: list(islice(iter_matching_ids(db, q, max_examined=MAX_EXAMINED), FACET_WINDOW)))
        groups = cpu_ms(lambda: facet_counts(db, ids))
        out += [(f"{label}: 50 results (baseline)", base, 1.0), (f"{label}: facet window ids", window, window / base),
                (f"{label}: facet counts", groups, groups / base)]
    chart = cpu_ms(lambda: pipeline(db), 5)
    out.append(("pipeline chart query (every story with an amount)", chart, chart / out[0][1]))
    return out


_EXPORT = """
import resource, sys
from newsmon.cli import cli
try:
    cli(sys.argv[1:], prog_name="newsmon")
finally:
    print(f"maxrss_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


def run_export(config: Path, fmt: str, site: str | None) -> tuple[int, float, float]:
    """(stories, seconds, peak RSS in MB of the export process itself)."""
    out = config.with_suffix(f".{fmt}")
    args = ["export", "--config", str(config), "--format", fmt, "--output", str(out)]
    if site:
        args += ["--site", site]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _EXPORT, *args], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    count = int(re.search(r"exported ([\d,]+) stories to ", done.stderr).group(1).replace(",", ""))  # type: ignore[union-attr]
    peak = int(re.search(r"maxrss_kb=(\d+)", done.stderr).group(1)) / 1024  # type: ignore[union-attr]
    out.unlink()
    return count, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=100, help="requests per page kind")
    parser.add_argument("--quick-export", action="store_true", help="export every story as jsonl only")
    args = parser.parse_args()
    db = search_scale.build(args.stories, search_scale.sentences())
    added = add_facts(db)
    if added:
        print(f"gave {added:,} stories synthetic investment facts", file=sys.stderr)
    config = write_config(db)
    print(f"database: {db} ({args.stories:,} stories, {db.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)
    with Served(config) as served:
        pages = run_pages(served.url, db.stem, args.stories, args.requests)
    print(f"\n### {args.stories:,} stories, {args.requests} requests per row (loopback HTTP, one client)\n")
    print("| page | p50 ms | p95 ms |")
    print("|---|---:|---:|")
    for name, p50, p95, _ in pages:
        print(f"| {name} | {p50:.1f} | {p95:.1f} |")
    print("\n| search page part (in process) | CPU ms | × the 50 results |")
    print("|---|---:|---:|")
    for name, ms, ratio in facet_costs(db):
        print(f"| {name} | {ms:.1f} | {ratio:.1f} |")
    small_site = "small-site"  # ~0.5% of the stories
    rows = []
    for fmt in ("jsonl", "atom"):
        count, seconds, peak = run_export(config, fmt, small_site)
        rows.append((f"{fmt}, one small site", count, seconds, peak))
    for fmt in ("jsonl",) if args.quick_export else ("jsonl", "atom"):
        count, seconds, peak = run_export(config, fmt, None)
        rows.append((f"{fmt}, every story", count, seconds, peak))
    print("\n| export | stories | seconds | stories/s | peak RSS, MB |")
    print("|---|---:|---:|---:|---:|")
    for name, count, seconds, peak in rows:
        print(f"| {name} | {count:,} | {seconds:.1f} | {count / seconds:,.0f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
