"""Worst-case cost per hostile page class, as ratios to an ordinary page, and growth with size.

Usage::

    nice -n 10 .venv/bin/python bench/extract_budget.py            # the issue's sizes and 1/10, 1/100
    nice -n 10 .venv/bin/python bench/extract_budget.py --quick    # the issue's sizes only
    nice -n 10 .venv/bin/python bench/extract_budget.py --only=list-links   # one class

Each page is built by this process, written to a file, and handled in a fresh process that
reads it (so the peak RSS is the page's own, as a worker holding the downloaded response): article pages by ``extract()`` — what a crawl worker does
with a downloaded page — and list pages by ``read_list_page()``. Reported per page: CPU
seconds, peak RSS, both as ratios to the ordinary article page measured in the same run, what
the budget cut and whether the story came through. The classes (issue 13, built by
``newsmon.portal.hostile``, the same builders the fault suite serves): a prose page (9.5 MB at
full size), N short ``<p>`` (200,000), N nested ``<div>`` (100,000), a list page of N links
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
    ("list-links", 200_000, "links"),
)


def build(kind: str, size: int) -> bytes:
    """The page of one class at one size."""
    from newsmon.portal.hostile import (
        link_list_page, many_paragraphs_page, nested_divs_page, ordinary_article, prose_page,
    )

    if kind == "ordinary":
        return ordinary_article("沈抚示范区集中签约12个产业项目").encode("utf-8")
    if kind == "prose":
        return prose_page(size)
    if kind == "short-p":
        return many_paragraphs_page(size)
    if kind == "nested-div":
        return nested_divs_page(size)
    if kind == "list-links":  # headline-length link texts, as a real column has
        return link_list_page(size, path="/news/show-{}.html", text="辽宁省重点项目集中签约仪式第{}批举行")
    raise ValueError(kind)


def child(kind: str, size: int, path: str) -> None:
    """Run in a fresh process: read one page's bytes (built by the parent), handle it, print its cost as JSON."""
    from newsmon.crawler import read_list_page
    from newsmon.crawler.extract import extract

    html = Path(path).read_bytes()  # as a worker holds a downloaded response
    started, cpu = time.perf_counter(), time.process_time()
    if kind == "list-links":
        reading = read_list_page(html, "http://bench.example/list/")
        came, chars, cut = bool(reading.articles), len(reading.articles), (
            f"{reading.links_over_cap:,} links over the cap" if reading.links_over_cap else "")
    else:
        article = extract(html, "http://bench.example/1.html")
        came, chars, cut = article.is_article, len(article.body), article.extra.get("truncated", "")
    print(json.dumps({
        "kind": kind, "size": size, "bytes": len(html), "cpu_s": time.process_time() - cpu,
        "wall_s": time.perf_counter() - started, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "came_through": came, "out": chars, "cut": cut,
    }, ensure_ascii=False))


def measure(kind: str, size: int) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".html") as page:
        page.write(build(kind, size))
        page.flush()
        out = subprocess.run([sys.executable, __file__, "--child", kind, str(size), page.name], capture_output=True,
                             text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(quick: bool, only: str = "") -> int:
    base = measure("ordinary", 0)
    print(f"ordinary article page ({base['bytes']:,} bytes): {base['cpu_s']:.3f} s CPU, "
          f"peak RSS {base['rss_mb']:.0f} MB\n")
    print("| page class | size | HTML | CPU s | × ordinary | peak RSS MB | × ordinary | came through | "
          "body chars / links read | budget cut |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for kind, full, unit in CLASSES:
        if only and kind != only:
            continue
        for size in ([full] if quick else [full // 100, full // 10, full]):
            r = measure(kind, size)
            print(f"| {kind} | {size:,} {unit} | {r['bytes'] / 1e6:.2f} MB | {r['cpu_s']:.2f} "
                  f"| {r['cpu_s'] / base['cpu_s']:.0f}× | {r['rss_mb']:.0f} | {r['rss_mb'] / base['rss_mb']:.1f}× "
                  f"| {r['came_through']} | {r['out']:,} | {r['cut'] or '–'} |", flush=True)
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        child(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        kinds = [a.removeprefix("--only=") for a in sys.argv if a.startswith("--only=")]
        raise SystemExit(main("--quick" in sys.argv, kinds[0] if kinds else ""))
