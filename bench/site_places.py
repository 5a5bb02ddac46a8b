"""Site-place benchmark: the city or county a site's list page title names as its owner's, on real titles.

Usage::

    .venv/bin/python bench/site_places.py            # table per set, with the misreadings
    .venv/bin/python bench/site_places.py --json

Titles and labels: ``bench/data/site-titles/*.jsonl`` (README.md beside them: where each came from and how it
was labelled). Each line has ``title`` and ``want`` (the site owner's city or county, or null for a site that is
no one place's own: a national or provincial outlet, a firm, a school). ``split`` says whether the title was seen
while the reader was written (``dev``) or only scored (``heldout``).

Whole real list pages too (``list-pages.json``: the pages of ``bench/data/list-pages`` and
``../shared/benchmarks/list-pages``, skipped with a message when that folder is absent): the crawl reads a page's
title and who runs the site as the page says (its SiteName meta, its footer's 主办 and 版权所有 lines).

Two readers are scored in the same run:

* ``owner``: ``newsmon.crawler.siteplace.title_place``, what the crawl uses (a title part written as a place's own
  government, department or outlet);
* ``baseline``: the reader ``newsmon probe`` used before (``sole_place`` of the whole title: the one city or county
  the title names anywhere).

Per set: ``right`` (the wanted place, compared as city and county), ``wrong`` (another place: a story would be put
there), ``none`` (a place's own site read as none: the story stays unplaced, as without the reader), ``false`` (a
place read for a site that is no one place's). A wrong or false reading misplaces stories; a none only leaves them as
they were, so the reader is built to say none when in doubt.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "site-titles"


def _baseline(title: str) -> Optional[str]:
    """The reader before session 42: the one city or county the whole title names (probe's suggestion)."""
    from newsmon.facts import sole_place

    place = sole_place(title)
    if place is None:
        return None
    for written in (place.county, place.city + place.county, place.city) if place.county else (place.city,):
        if written and sole_place(written) == place:
            return written
    return None


def _same(got: Optional[str], want: Optional[str]) -> bool:
    from newsmon.facts import sole_place

    if got is None or want is None:
        return got == want
    a, b = sole_place(got), sole_place(want)
    return a is not None and b is not None and (a.city, a.county) == (b.city, b.county)


def score(rows: list[dict[str, Any]], reader: Callable[[dict[str, Any]], Optional[str]]) -> dict[str, Any]:
    """Counts of one reader (given a row, the place it reads) on ``rows``, with the misreadings."""
    out: dict[str, Any] = {"owned": 0, "right": 0, "wrong": 0, "none": 0, "other": 0, "false": 0, "misread": []}
    for row in rows:
        got, want = reader(row), row["want"]
        if want:
            out["owned"] += 1
            key = "right" if _same(got, want) else "none" if got is None else "wrong"
        else:
            out["other"] += 1
            key = "false" if got is not None else ""
        if key:
            out[key] += 1
        if key in ("wrong", "false"):
            out["misread"].append({"title": row["title"], "want": want, "got": got})
    return out


def _list_pages() -> list[dict[str, Any]]:
    """The labelled real list pages as rows whose ``title`` is the page's title and ``owners`` who runs the site."""
    import gzip
    import os

    from newsmon.crawler.listpage import read_list_page

    labels = json.loads((DATA / "list-pages.json").read_text(encoding="utf-8"))["pages"]
    shared = Path(os.environ.get("NEWSMON_SHARED", ROOT.parent / "shared")) / "benchmarks" / "list-pages"
    rows = []
    for name, want in labels.items():
        path = shared / name[len("shared:"):] if name.startswith("shared:") else ROOT / "bench/data/list-pages/pages" / name
        if not path.exists():
            print(f"skipped {name}: {path} is absent", file=sys.stderr)
            continue
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        reading = read_list_page(raw, "http://example.com/")
        rows.append({"title": reading.title, "owners": reading.owners, "want": want, "page": name})
    return rows


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="one JSON object")
    args = parser.parse_args(argv)
    from newsmon.crawler.siteplace import page_place, title_place

    files = sorted(DATA.glob("*.jsonl"))
    if not files:
        print(f"no titles in {DATA}", file=sys.stderr)
        return 1
    rows = [json.loads(line) for path in files for line in path.read_text(encoding="utf-8").splitlines() if line]
    report: dict[str, Any] = {}
    for split in sorted({row.get("split", "dev") for row in rows}):
        chosen = [row for row in rows if row.get("split", "dev") == split]
        report[split] = {"titles": len(chosen), "owner": score(chosen, lambda row: title_place(row["title"])),
                         "baseline": score(chosen, lambda row: _baseline(row["title"]))}
    pages = _list_pages()
    if pages:
        report["list pages"] = {"titles": len(pages),
                                "owner": score(pages, lambda row: page_place(row["title"], row["owners"])),
                                "baseline": score(pages, lambda row: _baseline(row["title"]))}
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    for split, result in report.items():
        print(f"{split}: {result['titles']} titles")
        for name in ("owner", "baseline"):
            r = result[name]
            print(f"  {name:8} place's own sites {r['owned']}: right {r['right']}, wrong {r['wrong']}, none {r['none']}"
                  f" | others {r['other']}: a place read {r['false']}")
        for miss in result["owner"]["misread"]:
            print(f"    owner misread: {miss['title']!r} want {miss['want']} got {miss['got']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
