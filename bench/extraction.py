"""Extraction benchmark: newsmon vs trafilatura, readability-lxml and GNE.

Usage::

    .venv/bin/python bench/extraction.py                 # everything, sequential timing
    .venv/bin/python bench/extraction.py --only newsmon --worst 15
    .venv/bin/python bench/extraction.py --sets magic-html --jobs 2
    .venv/bin/python bench/extraction.py --only newsmon trafilatura --repeat 3   # speed ratio

Sets live in ``../shared/benchmarks`` beside the checkout (override with
``NEWSMON_SHARED``); a missing set is skipped with a message.

* ``article-extraction``: 181 pages, gold ``articleBody``.
* ``magic-html``: 158 pages, gold ``content``; the Chinese pages (CJK gold)
  are also reported on their own as ``magic-html/zh``.
* ``short-stories``: 18 fixture portal pages (DESTOON, TRS, Hanweb; stories of
  150–400 characters beside lists of other stories; built in
  ``newsmon/portal/short_stories.py``): F1, the worst page, and how many
  bodies carry another story's headline.
* ``zh-news-pages``: 62 Chinese pages without gold, for robustness: did
  anything raise, is there a title that the page's ``<title>``/og:title/h1
  confirms, a date, and a body.

Scoring (the shared convention): token-bag precision/recall/F1 between the
extracted body and the gold body, whitespace tokens with each CJK character a
token of its own, averaged over pages; ``acc`` is the share of pages with
F1 ≥ 0.9. ``ms`` is wall time per page of the extractor call (bytes in).
Neither gold set has titles or dates, so title/date are checked for sanity on
``zh-news-pages`` only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EXTRACTORS = ("newsmon", "trafilatura", "readability", "gne")
SETS = ("article-extraction", "magic-html", "zh-news-pages", "short-stories")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_TOKEN = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")


def shared_dir() -> Path:
    """``$NEWSMON_SHARED`` or ``../shared`` beside the repository."""
    env = os.environ.get("NEWSMON_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def tokens(text: str) -> Counter[str]:
    """Whitespace tokens, each CJK character (and CJK punctuation) a token of its own."""
    return Counter(_TOKEN.findall(text or ""))


def prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Token-bag precision, recall, F1."""
    p, g = tokens(pred), tokens(gold)
    if not p and not g:
        return 1.0, 1.0, 1.0
    common = sum((p & g).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def is_chinese(text: str) -> bool:
    """True when CJK characters make up at least 30% of the text."""
    return len(re.findall(r"[\u4e00-\u9fff]", text)) >= 0.3 * max(1, len(text))


@dataclass
class Page:
    set: str
    id: str
    url: str
    html: bytes
    gold: str | None
    chinese: bool
    others: tuple[str, ...] = ()  # other stories' headlines on the page (short-stories)


def load_pages(name: str, base: Path) -> Iterator[Page]:
    """Pages of one benchmark set (nothing when the set is absent)."""
    root = base / "benchmarks" / name
    if name == "article-extraction":
        gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
        for key, item in sorted(gold.items()):
            path = root / "html" / f"{key}.html.gz"
            if path.exists():
                body = item["articleBody"]
                yield Page(name, key, item.get("url", ""), gzip.decompress(path.read_bytes()), body, is_chinese(body))
    elif name == "magic-html":
        gold = json.loads((root / "base.json").read_text(encoding="utf-8"))
        for key, item in sorted(gold.items()):
            path = root / "htmls" / f"{key}.html"
            if path.exists():
                body = item["content"]
                yield Page(name, key, item.get("url", ""), path.read_bytes(), body, is_chinese(body))
    elif name == "short-stories":
        # Fixture portals (newsmon/portal/short_stories.py): DESTOON/TRS/Hanweb stories of
        # 150–400 characters beside lists of the site's other stories.
        from newsmon.portal.short_stories import short_story_pages

        for sp in short_story_pages():
            yield Page(name, sp.id, sp.url, sp.html.encode("utf-8"), sp.body, True,
                       others=sp.other_headlines)
    elif name == "zh-news-pages":
        for path in sorted(root.glob("*/*.html")):
            yield Page(name, f"{path.parent.name}/{path.name}", f"https://{path.parent.name}.example/{path.name}",
                       path.read_bytes(), None, True)


# ---------------------------------------------------------------- extractors

def _run_newsmon(html: bytes, url: str) -> dict[str, Any]:
    from newsmon.crawler.extract import extract

    a = extract(html, url)
    return {"body": a.body, "title": a.title, "date": a.published_at.isoformat() if a.published_at else None,
            "is_article": a.is_article, "reason": a.reason}


def _run_trafilatura(html: bytes, url: str) -> dict[str, Any]:
    import trafilatura

    # The configuration the baseline figures were measured with.
    body = trafilatura.extract(html, url=url or None, favor_precision=True, include_comments=False)
    return {"body": body or ""}


def _run_readability(html: bytes, url: str) -> dict[str, Any]:
    from lxml import html as lxml_html
    from readability import Document

    summary = Document(html, url=url or None).summary(html_partial=True)
    return {"body": lxml_html.fromstring(summary).text_content() if summary.strip() else ""}


def _run_gne(html: bytes, url: str) -> dict[str, Any]:
    from gne import GeneralNewsExtractor

    from newsmon.crawler.encoding import decode_html

    text = decode_html(html)[0]  # GNE wants text; decoding is not what is measured
    started = time.perf_counter()
    result = GeneralNewsExtractor().extract(text)
    return {"body": result.get("content") or "", "title": result.get("title"), "_ms": time.perf_counter() - started}


RUNNERS: dict[str, Callable[[bytes, str], dict[str, Any]]] = {
    "newsmon": _run_newsmon, "trafilatura": _run_trafilatura, "readability": _run_readability, "gne": _run_gne,
}


def run_one(job: tuple[str, Page]) -> dict[str, Any]:
    """Run one extractor on one page; exceptions are recorded, not raised."""
    name, page = job
    warnings.simplefilter("ignore")
    started = time.perf_counter()
    try:
        out = RUNNERS[name](page.html, page.url)
        error = None
    except Exception as exc:  # noqa: BLE001 - a benchmark records failures
        out, error = {"body": ""}, f"{type(exc).__name__}: {exc}"[:200]
    elapsed = out.pop("_ms", None) or (time.perf_counter() - started)
    row: dict[str, Any] = {"extractor": name, "set": page.set, "id": page.id, "ms": 1000 * float(elapsed),
                              "error": error, **out}
    if page.gold is not None:
        row["p"], row["r"], row["f1"] = prf(str(out.get("body") or ""), page.gold)
    if page.others:
        row["leaked"] = sum(1 for h in page.others if h in str(out.get("body") or ""))
    return row


# ---------------------------------------------------------------- reports

def _title_ok(title: str, html: bytes) -> bool:
    from lxml import html as lxml_html

    from newsmon.crawler.encoding import decode_html

    if not title or len(title) > 120:
        return False
    tree = lxml_html.document_fromstring(decode_html(html)[0])
    refs = tree.xpath("//title//text()") + tree.xpath("//meta[@property='og:title']/@content") + [
        h.text_content() for h in tree.xpath("//h1")]
    squash = title.replace(" ", "")
    return any(squash in re.sub(r"\s+", "", r) for r in refs)


def _date_ok(value: object) -> bool:
    if not value:
        return False
    dt = datetime.fromisoformat(str(value))
    return dt.tzinfo is not None and dt.year >= 1995 and dt <= datetime.now(timezone.utc) + timedelta(hours=2)


def summarise(rows: list[dict[str, Any]], pages: dict[tuple[str, str], Page]) -> list[str]:
    """Markdown tables of the results."""
    out = ["| set | extractor | pages | P | R | F1 | acc | ms/page | errors |", "|---|---|---|---|---|---|---|---|---|"]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        page = pages[(str(row["set"]), str(row["id"]))]
        if page.gold is None:
            continue
        groups.setdefault((page.set, str(row["extractor"])), []).append(row)
        if page.set == "magic-html" and page.chinese:
            groups.setdefault(("magic-html/zh", str(row["extractor"])), []).append(row)
    order = {s: i for i, s in enumerate(("article-extraction", "magic-html", "magic-html/zh", "short-stories"))}
    for (set_name, ext), rs in sorted(groups.items(), key=lambda kv: (order.get(kv[0][0], 9), EXTRACTORS.index(kv[0][1]))):
        n = len(rs)

        def mean(key: str, rs: list[dict[str, Any]] = rs) -> float:
            return sum(float(r[key]) for r in rs) / len(rs)

        acc = sum(1 for r in rs if float(r["f1"]) >= 0.9) / n
        errors = sum(1 for r in rs if r["error"])
        extra = ""
        if set_name == "short-stories":
            extra = (f" (min F1 {min(float(r['f1']) for r in rs):.3f}, "
                     f"bodies with another story's headline: {sum(1 for r in rs if r.get('leaked'))})")
        out.append(f"| {set_name} | {ext} | {n} | {mean('p'):.3f} | {mean('r'):.3f} | {mean('f1'):.3f} | {acc:.3f} "
                   f"| {mean('ms'):.0f} | {errors}{extra} |")
    sanity = [r for r in rows if r["set"] == "zh-news-pages" and r["extractor"] == "newsmon"]
    if sanity:
        n = len(sanity)
        titles = sum(1 for r in sanity if _title_ok(str(r.get("title") or ""), pages[("zh-news-pages", str(r["id"]))].html))
        dates = sum(1 for r in sanity if _date_ok(r.get("date")))
        bodies = sum(1 for r in sanity if len(str(r.get("body") or "")) >= 100)
        articles = sum(1 for r in sanity if r.get("is_article"))
        errors = sum(1 for r in sanity if r["error"])
        ms = sum(float(r["ms"]) for r in sanity) / n
        out += ["", "| zh-news-pages (newsmon, no gold) | pages | raised | is_article | title confirmed | date found | body ≥ 100 chars | ms/page |",
                "|---|---|---|---|---|---|---|---|",
                f"| sanity | {n} | {errors} | {articles} | {titles} | {dates} | {bodies} | {ms:.0f} |"]
    return out


def print_speed_ratios(runs: list[list[dict[str, Any]]]) -> None:
    """newsmon's total time over trafilatura's on the same pages, per set, for each repeat."""
    print("# speed: newsmon time / trafilatura time on the same pages, each repeat (and fastest-of-repeats)\n")
    sets = sorted({str(r["set"]) for r in runs[0] if r["set"] != "zh-news-pages"})
    for set_name in sets:
        ratios = []
        for rows in runs:
            mine = sum(float(r["ms"]) for r in rows if r["set"] == set_name and r["extractor"] == "newsmon")
            base = sum(float(r["ms"]) for r in rows if r["set"] == set_name and r["extractor"] == "trafilatura")
            if base:
                ratios.append(mine / base)
        fastest = {}
        for rows in runs:
            for r in rows:
                if r["set"] == set_name:
                    key = (r["extractor"], r["id"])
                    fastest[key] = min(fastest.get(key, float("inf")), float(r["ms"]))
        mine = sum(v for (ext, _), v in fastest.items() if ext == "newsmon")
        base = sum(v for (ext, _), v in fastest.items() if ext == "trafilatura")
        if ratios and base:
            print(f"- {set_name}: " + ", ".join(f"{x:.2f}x" for x in ratios) + f" (fastest of each page: {mine / base:.2f}x)")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=EXTRACTORS, default=list(EXTRACTORS))
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (timings are noisier above 1)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="time every page this many times (sequential only); ms is each page's fastest, "
                             "and newsmon/trafilatura time ratios are printed per repeat")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst newsmon pages per set")
    parser.add_argument("--dump", type=Path, help="write every row as JSON lines to this file")
    args = parser.parse_args(argv)

    base = shared_dir()
    pages: dict[tuple[str, str], Page] = {}
    for name in args.sets:
        if name != "short-stories" and not (base / "benchmarks" / name).is_dir():
            print(f"skipping {name}: {base / 'benchmarks' / name} not found (set NEWSMON_SHARED)", file=sys.stderr)
            continue
        for page in load_pages(name, base):
            pages[(page.set, page.id)] = page
    if not pages:
        print("no benchmark pages found; nothing to do", file=sys.stderr)
        return 1
    # Page by page, every extractor in turn: load on a shared machine drifts, and
    # interleaving spreads the drift over all extractors alike.
    jobs = [(ext, page) for page in pages.values() for ext in args.only
            if not (page.set == "zh-news-pages" and ext != "newsmon")]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            rows = list(pool.map(run_one, jobs, chunksize=4))
    else:
        for ext in args.only:  # warm imports so the first page does not pay for them
            run_one((ext, Page("warm", "warm", "", b"<html><body><p>warm up</p></body></html>", None, False)))
        rows = [run_one(job) for job in jobs]
        runs = [rows]
        for _ in range(args.repeat - 1):
            runs.append([run_one(job) for job in jobs])
        if args.repeat > 1:
            print_speed_ratios(runs)
            # Each page's time is its fastest of the repeats (the least disturbed by other load).
            for row, *again in zip(*runs):
                row["ms"] = min(float(r["ms"]) for r in (row, *again))
    print(f"# extraction benchmark, {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores, jobs={args.jobs}\n")
    print("\n".join(summarise(rows, pages)))
    if args.worst:
        for set_name in ("article-extraction", "magic-html", "short-stories"):
            worst = sorted((r for r in rows if r["extractor"] == "newsmon" and r["set"] == set_name and "f1" in r),
                           key=lambda r: float(r["f1"]))[: args.worst]
            if worst:
                print(f"\nworst newsmon pages in {set_name}:")
                for r in worst:
                    print(f"  {r['id'][:16]} F1={float(r['f1']):.3f} P={float(r['p']):.3f} R={float(r['r']):.3f} "
                          f"{pages[(set_name, str(r['id']))].url[:80]}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
