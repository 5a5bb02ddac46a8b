"""Cost of reading one list page as it grows: linear work and the link cap (issue 13, item 3).

Usage::

    nice -n 10 .venv/bin/python bench/list_cost.py

Builds list pages of N article links (a DESTOON-like column: headline, date,
one URL template) and times ``read_list_page`` on each (median of three runs),
with the ratio to the 100-link page measured in the same run. Past
``MAX_LINKS_PER_PAGE`` the extra anchors are only counted, so the 200,000-link
page costs what the parse plus the capped classification cost.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsmon.crawler import read_list_page  # noqa: E402
from newsmon.crawler.links import MAX_LINKS_PER_PAGE  # noqa: E402

SIZES = (100, 1_000, 5_000, 20_000, 200_000)


def build(n: int) -> bytes:
    rows = "".join(
        f"<li><span class=f_r>2023-04-{i % 28 + 1:02d}</span><a href='/news/show-{i}.html'>辽宁省重点项目集中签约仪式第{i}批举行</a></li>"
        for i in range(n)
    )
    pager = "<div class=pages><a href='/news/list-2.html'>下一页»</a></div>"
    return f"<html><head><meta charset=utf-8></head><body><ul>{rows}</ul>{pager}</body></html>".encode()


def main() -> None:
    url = "http://127.0.0.1:8000/news/"
    print(f"MAX_LINKS_PER_PAGE = {MAX_LINKS_PER_PAGE}\n")
    print("| links | bytes | ms (median of 3) | × 100-link page | articles read | over cap |")
    print("|---|---|---|---|---|---|")
    base = None
    for n in SIZES:
        body = build(n)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            reading = read_list_page(body, url)
            times.append((time.perf_counter() - start) * 1000)
        ms = statistics.median(times)
        base = base or ms
        print(f"| {n:,} | {len(body):,} | {ms:.0f} | {ms / base:.1f} | {len(reading.articles):,} | {reading.links_over_cap:,} |")


if __name__ == "__main__":
    main()
