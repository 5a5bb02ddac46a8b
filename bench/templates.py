"""Site templates: is the N-th page of a site extracted better than the 1st?

Two measurements, printed side by side:

1. **Fixture portal, with gold** (`newsmon.portal`, bundled): every article of
   each site is extracted cold (``extract()`` alone) and warm (after the
   template learned from the site's *other* pages: leave-one-out), and scored
   against the portal's gold paragraphs with the shared convention
   (token-bag P/R/F1, each CJK character a token).
2. **Real pages, no gold** (`../shared/benchmarks/zh-news-pages/`, sites with
   3+ pages): the same leave-one-out; prints how many lines the template
   removed and what they were, for a human to judge. Skipped with a message
   when ../shared is absent.

    .venv/bin/python bench/templates.py
"""

from __future__ import annotations

import sys
import urllib.request
from collections import Counter
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import prf, shared_dir  # noqa: E402  (bench/extraction.py: the shared scoring)

from newsmon.crawler.extract import decode_html, extract  # noqa: E402
from newsmon.crawler.template import apply_template, chrome_from_counts, page_blocks  # noqa: E402
from newsmon.portal import FixturePortal  # noqa: E402


def leave_one_out(pages: list[str], urls: list[str]) -> list[tuple[str, str, int]]:
    """(cold body, warm body, lines removed) per page, the template learned from the others."""
    blocks = [page_blocks(p) for p in pages]
    out = []
    for i, (html, url) in enumerate(zip(pages, urls)):
        counts: Counter[int] = Counter()
        for j, b in enumerate(blocks):
            if j != i:
                counts.update(b)
        template = chrome_from_counts(counts.items(), len(pages) - 1)
        cold = extract(html, url)
        warm = apply_template(cold, template)
        out.append((cold.body, warm.body, int(warm.extra.get("template_removed", 0))))
    return out


def portal_figures() -> None:
    print("Fixture portal (gold = the portal's own paragraphs), leave-one-out per site")
    print(f"{'site':18} {'pages':>5} {'F1 cold':>8} {'F1 warm':>8} {'P cold':>7} {'P warm':>7} {'lines removed':>13}")
    with FixturePortal() as portal:
        for site, articles in portal.expected().items():
            pages = []
            for a in articles:
                raw = urllib.request.urlopen(a["url"], timeout=10).read()
                pages.append(decode_html(raw)[0])
            results = leave_one_out(pages, [a["url"] for a in articles])
            gold = ["\n".join(a["paragraphs"]) for a in articles]
            cold = [prf(c, g) for (c, _, _), g in zip(results, gold)]
            warm = [prf(w, g) for (_, w, _), g in zip(results, gold)]
            print(
                f"{site:18} {len(pages):5} {mean(f for *_, f in cold):8.3f} {mean(f for *_, f in warm):8.3f}"
                f" {mean(p for p, *_ in cold):7.3f} {mean(p for p, *_ in warm):7.3f}"
                f" {sum(r for *_, r in results):13}"
            )


def real_pages_figures() -> None:
    base = shared_dir() / "benchmarks" / "zh-news-pages"
    if not base.is_dir():
        print(f"\nskipped real pages: {base} is absent")
        return
    print("\nzh-news-pages (no gold), sites with 3+ pages, leave-one-out: lines the template removed")
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.html"))
        if len(files) < 3:
            continue
        pages = [decode_html(f.read_bytes())[0] for f in files]
        results = leave_one_out(pages, [f"http://{folder.name}.example/{f.name}" for f in files])
        removed = [set(c.splitlines()) - set(w.splitlines()) for c, w, _ in results]
        lines = sorted({line for r in removed for line in r})
        chars = sum(len(c) for c, _, _ in results)
        kept = sum(len(w) for _, w, _ in results)
        print(f"  {folder.name:10} pages {len(files):2}  lines removed {sum(len(r) for r in removed):3}"
              f"  chars {chars} -> {kept}")
        for line in lines[:8]:
            print(f"      - {line[:60]}")


def main() -> int:
    portal_figures()
    real_pages_figures()
    return 0


if __name__ == "__main__":
    sys.exit(main())
