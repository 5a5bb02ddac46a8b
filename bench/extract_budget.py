"""Worst-case extraction cost per hostile page class, as ratios to an ordinary page.

Usage::

    .venv/bin/python bench/extract_budget.py

Each page is extracted in a fresh process (so peak RSS is the page's own);
reported: CPU seconds, peak RSS, what the budget cut (``extra["truncated"]``)
and whether the article came through. Classes (issue 13): a 9.5 MB prose
page, 200,000 short ``<p>``, 100,000 nested ``<div>``, against an ordinary
2 KB story.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PARA = "<p>第{0}段：沈抚示范区与三家企业集中签约新能源项目，总投资58亿元，预计年内开工建设，新增就业岗位{0}个。</p>"


def build(kind: str) -> str:
    """The HTML of one page class."""
    head = "<html><head><title>页面标题</title></head><body><h1>页面标题</h1>"
    if kind == "ordinary":
        return head + "".join(_PARA.format(i) for i in range(12)) + "</body></html>"
    if kind == "prose-9.5MB":
        out, size, i = [head], 0, 0
        while size < 9_500_000:
            p = _PARA.format(i)
            out.append(p)
            size += len(p.encode("utf-8"))
            i += 1
        return "".join(out) + "</body></html>"
    if kind == "200k-short-p":
        return head + "".join(f"<p>短句{i}。</p>" for i in range(200_000)) + "</body></html>"
    if kind == "100k-nested-div":
        return (head + "<div>" * 100_000 + "".join(_PARA.format(i) for i in range(5)) + "</div>" * 100_000
                + "</body></html>")
    raise ValueError(kind)


def child(kind: str) -> None:
    """Run in a fresh process: extract one page, print its cost as JSON."""
    from newsmon.crawler.extract import extract

    html = build(kind).encode("utf-8")
    started, cpu = time.perf_counter(), time.process_time()
    article = extract(html, "http://bench.example/1.html")
    print(json.dumps({
        "kind": kind, "bytes": len(html), "cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - started,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "is_article": article.is_article,
        "body_chars": len(article.body), "truncated": article.extra.get("truncated", ""),
    }, ensure_ascii=False))


def main() -> int:
    rows = []
    for kind in ("ordinary", "prose-9.5MB", "200k-short-p", "100k-nested-div"):
        out = subprocess.run([sys.executable, __file__, "--child", kind], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    base = rows[0]
    print("| page | HTML | CPU s | × ordinary | peak RSS MB | × ordinary | article | body chars | cut |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['kind']} | {r['bytes'] / 1e6:.1f} MB | {r['cpu_s']:.2f} | {r['cpu_s'] / base['cpu_s']:.0f}× "
              f"| {r['rss_mb']:.0f} | {r['rss_mb'] / base['rss_mb']:.1f}× | {r['is_article']} | {r['body_chars']:,} "
              f"| {r['truncated'] or '–'} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        child(sys.argv[2])
    else:
        raise SystemExit(main())
