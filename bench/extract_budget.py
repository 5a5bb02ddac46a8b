"""Worst-case cost per hostile page class, as ratios to an ordinary page, and growth with size.

Usage::

    nice -n 10 .venv/bin/python bench/extract_budget.py            # the issue's sizes and 1/10, 1/100
    nice -n 10 .venv/bin/python bench/extract_budget.py --quick    # the issue's sizes only
    nice -n 10 .venv/bin/python bench/extract_budget.py --only=list-links   # one class
    nice -n 10 .venv/bin/python bench/extract_budget.py --profile=random-cjk  # cProfile of one page, full size

Each page is built by this process, written to a file, and handled in a fresh process that
reads it (so the peak RSS is the page's own, as a worker holding the downloaded response): article pages by ``extract()`` — what a crawl worker does
with a downloaded page — and list pages by ``read_list_page()``. An article that comes through
then goes down the rest of the worker's path, timed apart ("store"): its investment facts, its
exact and near-duplicate fingerprints and ``add_article`` into a fresh SQLite file (dedupe,
full-text index, near-duplicate bands, alert matching of three rules, one of them
``/(a+)+$/``) — ``newsmon.crawler.pipelines.store_article``, what ``StorePipeline`` calls.
Reported per page: CPU seconds (extraction, the store path, both), peak RSS, as ratios to the
ordinary article page measured in the same run, the bytes the story added to the database,
what the budget cut and whether the story came through. The classes (issue 13, built by
``newsmon.portal.hostile``, the same builders the fault suite serves): a prose page (9.5 MB at
full size), N short ``<p>`` (200,000), N nested ``<div>`` (100,000), a story of N random CJK
characters (100,000: every character pair a new search term), a list page of N links
(200,000). Each class is also measured at 1/10 and 1/100 of its size: bounded cost means the
column stops growing once the budget's cap is reached, instead of growing with the page.

The list-page classification alone (no process start, median of three) is ``bench/list_cost.py``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# (class, full size, unit); each is measured at full size, 1/10 and 1/100.
CLASSES = (
    ("prose", 9_500_000, "bytes"),
    ("short-p", 200_000, "<p>"),
    ("nested-div", 100_000, "levels"),
    ("random-cjk", 100_000, "chars"),
    ("list-links", 200_000, "links"),
)


def build(kind: str, size: int) -> bytes:
    """The page of one class at one size."""
    from newsmon.portal.hostile import (
        link_list_page, many_paragraphs_page, nested_divs_page, ordinary_article, prose_page, random_cjk_page,
    )

    if kind == "ordinary":
        return ordinary_article("沈抚示范区集中签约12个产业项目").encode("utf-8")
    if kind == "prose":
        return prose_page(size)
    if kind == "short-p":
        return many_paragraphs_page(size)
    if kind == "nested-div":
        return nested_divs_page(size)
    if kind == "random-cjk":
        return random_cjk_page(size)
    if kind == "list-links":  # headline-length link texts, as a real column has
        return link_list_page(size, path="/news/show-{}.html", text="辽宁省重点项目集中签约仪式第{}批举行")
    raise ValueError(kind)


RULES = [{"name": "signing", "query": "签约 OR 开工"}, {"name": "big", "query": "投资 AND NOT 取消"},
         {"name": "backtracking", "query": "/(a+)+$/"}]


def open_bench_store(folder: str) -> Any:
    """A fresh SQLite store in ``folder`` with the alert hook of ``RULES`` installed, as a crawl worker has."""
    from newsmon.alerts import install_alert_hook
    from newsmon.config import parse_config
    from newsmon.db import Store

    config = parse_config({"database": f"{folder}/bench.db",
                           "sites": [{"name": "bench", "start_urls": ["http://bench.example/list/"]}],
                           "alerts": {"channels": {"hook": {"type": "webhook", "url": "http://127.0.0.1:9/hook"}},
                                      "rules": RULES}})
    store = Store(f"{folder}/bench.db")
    install_alert_hook(store, config)
    return store


def database_bytes(folder: str) -> int:
    """The database's size with its WAL folded in (what the stored story costs on disk)."""
    from newsmon.db.housekeeping import checkpoint_wal

    checkpoint_wal(Path(folder) / "bench.db")
    return (Path(folder) / "bench.db").stat().st_size


def handle(kind: str, html: bytes, folder: str) -> dict[str, Any]:
    """What a crawl worker does with one downloaded page; CPU seconds of extraction and of the store path."""
    from newsmon.crawler import read_list_page
    from newsmon.crawler.extract import extract
    from newsmon.crawler.pipelines import store_article
    from newsmon.facts import facts_record

    store = open_bench_store(folder)
    empty = database_bytes(folder)
    started, cpu = time.perf_counter(), time.process_time()
    store_cpu, stored = 0.0, 0
    if kind == "list-links":
        reading = read_list_page(html, "http://bench.example/list/")
        came, chars, cut = bool(reading.articles), len(reading.articles), (
            f"{reading.links_over_cap:,} links over the cap" if reading.links_over_cap else "")
        extract_cpu = time.process_time() - cpu
    else:
        article = extract(html, "http://bench.example/1.html")
        came, chars, cut = article.is_article, len(article.body), article.extra.get("truncated", "")
        extract_cpu = time.process_time() - cpu
        if came:
            result = store_article(store, "bench", "http://bench.example/1.html", article,
                                   facts_record(article.title, article.body))
            assert result.status == "new", result
            store_cpu = time.process_time() - cpu - extract_cpu
            stored = database_bytes(folder) - empty
    store.close()
    return {"kind": kind, "bytes": len(html), "extract_cpu_s": extract_cpu, "store_cpu_s": store_cpu,
            "cpu_s": extract_cpu + store_cpu, "wall_s": time.perf_counter() - started, "db_bytes": stored,
            "came_through": came, "out": chars, "cut": cut}


def child(kind: str, size: int, path: str) -> None:
    """Run in a fresh process: read one page's bytes (built by the parent), handle it, print its cost as JSON."""
    html = Path(path).read_bytes()  # as a worker holds a downloaded response
    with tempfile.TemporaryDirectory() as folder:
        cost = handle(kind, html, folder)
    print(json.dumps({**cost, "size": size, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024},
                     ensure_ascii=False))


def profile(kind: str) -> int:
    """cProfile of one full-size page of ``kind`` through extraction and the store path (this process)."""
    import cProfile
    import pstats

    size = {k: full for k, full, _ in CLASSES}.get(kind, 0)
    html = build(kind, size)
    handle("ordinary", build("ordinary", 0), tempfile.mkdtemp())  # imports and first-use costs out of the way
    with tempfile.TemporaryDirectory() as folder:
        profiler = cProfile.Profile()
        profiler.enable()
        cost = handle(kind, html, folder)
        profiler.disable()
    print(json.dumps(cost, ensure_ascii=False))
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return 0


def measure(kind: str, size: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".html") as page:
        page.write(build(kind, size))
        page.flush()
        out = subprocess.run([sys.executable, __file__, "--child", kind, str(size), page.name], capture_output=True,
                             text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(quick: bool, only: str = "") -> int:
    base = measure("ordinary", 0)
    print(f"ordinary article page ({base['bytes']:,} bytes): {base['cpu_s']:.3f} s CPU "
          f"(extraction {base['extract_cpu_s']:.3f} s, store path {base['store_cpu_s']:.3f} s), "
          f"peak RSS {base['rss_mb']:.0f} MB, {base['db_bytes'] / 1e3:.0f} KB in the database\n")
    print("| page class | size | HTML | CPU s: extract + store = total | × ordinary | peak RSS MB | × ordinary "
          "| DB KB | × ordinary | came through | body chars / links read | budget cut |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for kind, full, unit in CLASSES:
        if only and kind != only:
            continue
        for size in ([full] if quick else [full // 100, full // 10, full]):
            r = measure(kind, size)
            # A short story can fit in the database's free pages: 0 bytes added, not "nothing stored".
            db = (f"{r['db_bytes'] / 1e3:,.0f} | {r['db_bytes'] / base['db_bytes']:.0f}×" if kind != "list-links"
                  else "– | –")
            print(f"| {kind} | {size:,} {unit} | {r['bytes'] / 1e6:.2f} MB "
                  f"| {r['extract_cpu_s']:.2f} + {r['store_cpu_s']:.2f} = {r['cpu_s']:.2f} "
                  f"| {r['cpu_s'] / base['cpu_s']:.0f}× | {r['rss_mb']:.0f} | {r['rss_mb'] / base['rss_mb']:.1f}× "
                  f"| {db} | {r['came_through']} | {r['out']:,} | {r['cut'] or '–'} |", flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        kinds = [a.removeprefix("--only=") for a in sys.argv if a.startswith("--only=")]
        profiled = [a.removeprefix("--profile=") for a in sys.argv if a.startswith("--profile=")]
        if profiled:
            sys.path.insert(0, str(ROOT))
            raise SystemExit(profile(profiled[0]))
        raise SystemExit(main("--quick" in sys.argv, kinds[0] if kinds else ""))
