"""List-page benchmark: article-link precision/recall and next-page accuracy on real pages.

Usage::

    .venv/bin/python bench/links.py                 # table, per shape, worst pages
    .venv/bin/python bench/links.py --json          # one JSON object
    .venv/bin/python bench/links.py --worst 10 --page gerapy/rtfund_xxpl
    .venv/bin/python bench/links.py --per-page --reader reader

Pages and labels: ``bench/data/list-pages/labels.json`` (how they were
labelled: ``bench/data/list-pages/README.md``). A page whose ``file`` starts
with ``shared:`` is read from ``../shared/benchmarks/list-pages/`` beside the
checkout (override with ``NEWSMON_SHARED``) and skipped with a message when
that folder is absent; the others are gzipped files in the corpus folder.

Each page goes through the list reader the crawler uses, as a new user's
site would: ``name`` + ``start_urls`` only (the domain is the page's host, no
URL patterns). Two readers are scored in the same run when both exist:

* ``reader``: ``newsmon.crawler.read_list_page`` (shape, articles,
  next pages);
* ``baseline``: ``extract_links`` + ``classify_links``, the link
  classification the crawler used before ``read_list_page``.

Scoring. Article URLs are compared after w3lib's ``canonicalize_url``
(query order, percent-encoding; fragments dropped). Precision/recall are
given micro (all links of all pages pooled) and as the mean over pages; a
page where the reader returns nothing has precision 0 (when it has labelled
articles). Next page: on pages labelled with one, right when the reader's
first next page is that URL; on pages labelled without one, a next page
returned is counted as ``next_false``. File rows (PDF announcements; the reader returns them
as entries of kind ``file``, stored as title-only stories) score like any other row; ``files``
counts those the reader returned. Targets (issue 9): precision ≥ 0.97,
recall ≥ 0.97 overall, next page right on ≥ 95% of pages that have one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional
from urllib.parse import urlsplit

# newsmon is imported as installed (`make install` / `pip install -e .`): run with the venv of the
# checkout to measure, or with another worktree's venv to measure that worktree's reader.
ROOT = Path(__file__).resolve().parents[1]

CORPUS = ROOT / "bench" / "data" / "list-pages"
SHAPES = ("links", "trs_pager", "hanweb", "script_data", "feed", "sitemap", "needs_browser")
TARGET_P = TARGET_R = 0.97
TARGET_NEXT = 0.95


def shared_dir() -> Path:
    """``$NEWSMON_SHARED``, else ``shared/`` beside the checkout (or beside its parent: worktrees)."""
    env = os.environ.get("NEWSMON_SHARED")
    if env:
        return Path(env)
    for parent in (ROOT.parent, ROOT.parent.parent):
        if (parent / "shared").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


@dataclass
class Page:
    """One labelled list page."""

    id: str
    url: str
    shape: str
    articles: list[str]
    next_page: Optional[str]
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    # Other spellings of the same next page the site serves (WordPress /page/2 and ?paged=2).
    next_page_alt: list[str] = field(default_factory=list)
    # "dev" (reader changes may be designed on it) or "heldout" (scored only), fixed in labels.json.
    split: str = "dev"


@dataclass
class Reading:
    """What a reader saw on one page."""

    shape: Optional[str]
    articles: list[str]
    next_pages: list[str]
    ms: float
    error: Optional[str] = None
    files: int = 0  # entries of kind "file" among ``articles``


def load_pages(labels_path: Path = CORPUS / "labels.json", only: Optional[set[str]] = None) -> tuple[list[Page], list[str]]:
    """The labelled pages whose files are here, and one message per page skipped."""
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    pages: list[Page] = []
    skipped: list[str] = []
    shared = shared_dir() / "benchmarks" / "list-pages"
    for item in labels["pages"]:
        if only and item["id"] not in only:
            continue
        name: str = item["file"]
        path = shared / name[len("shared:"):] if name.startswith("shared:") else CORPUS / name
        if not path.exists():
            where = "the shared list pages" if name.startswith("shared:") else "the corpus"
            skipped.append(f"{item['id']}: {path} is not there ({where} absent), skipped")
            continue
        body = path.read_bytes()
        if path.suffix == ".gz":
            body = gzip.decompress(body)
        pages.append(Page(item["id"], item["url"], item["shape"], item["articles"], item.get("next_page"),
                          body, item.get("headers") or {}, item.get("next_page_alt") or [],
                          item.get("split") or "dev"))
    return pages, skipped


# ------------------------------------------------------------------ readers
# One small adapter per API: the benchmark scores whatever the crawler runs.

def _domains(url: str) -> list[str]:
    # What a site configured with only start_urls stays on (SiteConfig.domains).
    return [urlsplit(url).hostname or ""]


_SECOND_LEVEL = (".com.cn", ".gov.cn", ".net.cn", ".org.cn", ".edu.cn", ".ac.cn")


def _registrable(url: str) -> list[str]:
    # A what-if for the findings, not the crawler's rule: the site's registrable domain
    # (news.163.com -> 163.com, nyj.shandong.gov.cn -> shandong.gov.cn). Naive on purpose:
    # enough for the hosts of this corpus, no public-suffix list needed.
    host = urlsplit(url).hostname or ""
    keep = 3 if host.endswith(_SECOND_LEVEL) else 2
    return [".".join(host.split(".")[-keep:])]


def read_with_reader(page: Page) -> Reading:
    """``newsmon.crawler.read_list_page``: the list reader (shape-aware)."""
    from newsmon.crawler import read_list_page

    start = time.perf_counter()
    result = read_list_page(page.body, page.url, headers=page.headers or None)
    ms = (time.perf_counter() - start) * 1000
    return Reading(
        getattr(result, "shape", None),
        [a.url for a in result.articles],
        list(result.next_pages),
        ms,
        files=sum(1 for a in result.articles if getattr(a, "kind", "page") == "file"),
    )


def read_with_baseline(page: Page, domains: Callable[[str], list[str]] = _domains) -> Reading:
    """``extract_links`` + ``classify_links``: the link classifier alone (plain links only)."""
    from newsmon.crawler.encoding import decode_html
    from newsmon.crawler.links import classify_links, extract_links

    start = time.perf_counter()
    content_type = page.headers.get("Content-Type")
    text, _ = decode_html(page.body, content_type=content_type)
    links = extract_links(text, page.url, domains(page.url))
    result = classify_links(links, page_url=page.url, page_number=1)
    ms = (time.perf_counter() - start) * 1000
    return Reading(None, list(result.articles), [result.next_page] if result.next_page else [], ms)


def available_readers() -> dict[str, Callable[[Page], Reading]]:
    """The readers this checkout has, ``reader`` first."""
    readers: dict[str, Callable[[Page], Reading]] = {}
    try:
        from newsmon.crawler import read_list_page  # noqa: F401

        readers["reader"] = read_with_reader
    except ImportError:
        pass
    readers["baseline"] = read_with_baseline
    return readers


# ------------------------------------------------------------------ scoring

def normalise(url: str) -> str:
    """The form two spellings of one URL share (query order, escapes; no fragment)."""
    from w3lib.url import canonicalize_url

    try:
        return canonicalize_url(url.strip())
    except ValueError:
        return url.strip()


@dataclass
class PageScore:
    """Counts for one page and one reader."""

    id: str
    shape: str
    gold: int
    found: int
    tp: int
    missed: list[str]
    extra: list[str]
    next_gold: Optional[str]
    next_got: Optional[str]
    next_alt: list[str]
    shape_got: Optional[str]
    ms: float
    error: Optional[str]
    split: str = "dev"
    files: int = 0

    @property
    def precision(self) -> float:
        if self.found == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.tp / self.found

    @property
    def recall(self) -> float:
        return 1.0 if self.gold == 0 else self.tp / self.gold

    @property
    def next_right(self) -> Optional[bool]:
        """None on pages labelled without a next page."""
        if self.next_gold is None:
            return None
        if self.next_got is None:
            return False
        return normalise(self.next_got) in {normalise(u) for u in [self.next_gold, *self.next_alt]}


def score_page(page: Page, reading: Reading) -> PageScore:
    """Compare one reading with the page's labels."""
    gold = {normalise(u): u for u in page.articles}
    got: dict[str, str] = {}
    for u in reading.articles:
        got.setdefault(normalise(u), u)
    tp = len(gold.keys() & got.keys())
    return PageScore(
        page.id, page.shape, len(gold), len(got), tp,
        [gold[k] for k in gold if k not in got],
        [got[k] for k in got if k not in gold],
        page.next_page, reading.next_pages[0] if reading.next_pages else None, page.next_page_alt,
        reading.shape, reading.ms, reading.error, page.split, reading.files,
    )


def summarise(scores: Iterable[PageScore]) -> dict[str, Any]:
    """Micro and per-page-mean precision/recall, next-page accuracy, shape accuracy."""
    scores = list(scores)
    n = len(scores)
    if not n:
        return {"pages": 0}
    gold = sum(s.gold for s in scores)
    found = sum(s.found for s in scores)
    tp = sum(s.tp for s in scores)
    with_next = [s for s in scores if s.next_gold is not None]
    shaped = [s for s in scores if s.shape_got is not None]
    return {
        "pages": n,
        "gold_links": gold,
        "found_links": found,
        "found_files": sum(s.files for s in scores),
        "precision": tp / found if found else 0.0,
        "recall": tp / gold if gold else 1.0,
        "precision_mean": sum(s.precision for s in scores) / n,
        "recall_mean": sum(s.recall for s in scores) / n,
        "with_next": len(with_next),
        "next_right": sum(bool(s.next_right) for s in with_next),
        "next_accuracy": (sum(bool(s.next_right) for s in with_next) / len(with_next)) if with_next else None,
        "next_false": sum(1 for s in scores if s.next_gold is None and s.next_got is not None),
        "shape_right": (sum(s.shape_got == s.shape for s in shaped) / len(shaped)) if shaped else None,
        "errors": sum(1 for s in scores if s.error),
        "ms_mean": sum(s.ms for s in scores) / n,
    }


def run(readers: dict[str, Callable[[Page], Reading]], pages: list[Page]) -> dict[str, list[PageScore]]:
    """Score every page with every reader; a reader that raises scores as finding nothing."""
    out: dict[str, list[PageScore]] = {}
    for name, read in readers.items():
        try:  # warm-up: lazy imports (Scrapy, lxml) are not part of any page's time
            read(pages[0])
        except Exception:
            pass
        scores = []
        for page in pages:
            try:
                reading = read(page)
            except Exception as exc:  # a crash is a result to report, not a reason to stop
                reading = Reading(None, [], [], 0.0, f"{type(exc).__name__}: {exc}")
            scores.append(score_page(page, reading))
        out[name] = scores
    return out


def by_shape(scores: list[PageScore]) -> dict[str, dict[str, Any]]:
    """Summary per labelled shape, then ``all``."""
    groups: dict[str, list[PageScore]] = defaultdict(list)
    for s in scores:
        groups[s.shape].append(s)
    table = {shape: summarise(groups[shape]) for shape in SHAPES if shape in groups}
    for split in ("dev", "heldout"):
        chosen = [s for s in scores if s.split == split]
        if chosen and len(chosen) < len(scores):
            table[f"all {split}"] = summarise(chosen)
    table["all"] = summarise(scores)
    return table


def worst(scores: list[PageScore], k: int) -> dict[str, list[dict[str, Any]]]:
    """The pages that lose most, by error type (to show which method fails, not to tune pages)."""
    missed = sorted((s for s in scores if s.missed), key=lambda s: (-len(s.missed), s.id))[:k]
    extra = sorted((s for s in scores if s.extra), key=lambda s: (-len(s.extra), s.id))[:k]
    wrong_next = [s for s in scores if s.next_right is False][:k]
    false_next = [s for s in scores if s.next_gold is None and s.next_got is not None][:k]
    wrong_shape = [s for s in scores if s.shape_got is not None and s.shape_got != s.shape][:k]
    return {
        "missed": [{"id": s.id, "shape": s.shape, "missed": len(s.missed), "of": s.gold, "example": s.missed[:2]} for s in missed],
        "extra": [{"id": s.id, "shape": s.shape, "extra": len(s.extra), "found": s.found, "example": s.extra[:3]} for s in extra],
        "wrong_next": [{"id": s.id, "shape": s.shape, "want": s.next_gold, "got": s.next_got} for s in wrong_next],
        "false_next": [{"id": s.id, "shape": s.shape, "got": s.next_got} for s in false_next],
        "wrong_shape": [{"id": s.id, "want": s.shape, "got": s.shape_got} for s in wrong_shape],
        "errors": [{"id": s.id, "error": s.error} for s in scores if s.error][:k],
    }


# ------------------------------------------------------------------ output

def _f(x: Optional[float]) -> str:
    return "-" if x is None else f"{x:.3f}"


def print_table(results: dict[str, list[PageScore]], k: int) -> None:
    """Per-shape table for each reader, targets, then the worst pages of the first reader."""
    print("| reader | shape | pages | links | P | R | P mean | R mean | next right | false next | shape right | ms/page |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, scores in results.items():
        for shape, s in by_shape(scores).items():
            nxt = f"{s['next_right']}/{s['with_next']}" if s["with_next"] else "-"
            print(f"| {name} | {shape} | {s['pages']} | {s['gold_links']} | {_f(s['precision'])} | {_f(s['recall'])} | "
                  f"{_f(s['precision_mean'])} | {_f(s['recall_mean'])} | {nxt} | {s['next_false']} | "
                  f"{_f(s['shape_right'])} | {s['ms_mean']:.1f} |")
    first = next(iter(results))
    total = summarise(results[first])
    nxt = total["next_accuracy"]
    print(f"\n{first}: precision {total['precision']:.3f} (target {TARGET_P}), recall {total['recall']:.3f} "
          f"(target {TARGET_R}), next page right on {total['next_right']}/{total['with_next']} pages "
          f"({_f(nxt)}, target {TARGET_NEXT})")
    print(f"\nWorst pages ({first}), by error type:")
    for kind, rows in worst(results[first], k).items():
        if rows:
            print(f"  {kind}:")
            for row in rows:
                print("    " + json.dumps(row, ensure_ascii=False))


def print_per_page(results: dict[str, list[PageScore]]) -> None:
    """One row per page and reader: found/labelled links, P, R, next page right, shape read."""
    print("\n| reader | page | split | shape | labelled | found | files | P | R | next | shape read |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, scores in results.items():
        for s in scores:
            nxt = "-" if s.next_right is None else ("right" if s.next_right else "wrong")
            if s.next_gold is None and s.next_got is not None:
                nxt = "false"
            print(f"| {name} | {s.id} | {s.split} | {s.shape} | {s.gold} | {s.found} | {s.files} | {s.precision:.3f} | {s.recall:.3f} | "
                  f"{nxt} | {s.shape_got or '-'} |")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--worst", type=int, default=8, help="pages to list per error type (default 8)")
    parser.add_argument("--page", action="append", help="score only this page id (repeatable)")
    parser.add_argument("--reader", choices=("reader", "baseline"), action="append",
                        help="score only this reader (default: every reader this checkout has)")
    parser.add_argument("--per-page", action="store_true", help="also print one row per page")
    parser.add_argument("--whole-site", action="store_true",
                        help="also score the baseline allowed on the whole registrable domain "
                             "(a what-if for the off-host findings; not what the crawler does)")
    parser.add_argument("--labels", type=Path, default=CORPUS / "labels.json", help="labels file")
    parser.add_argument("--split", choices=("dev", "heldout"),
                        help="score only the pages of this split (labels.json 'split'; default: all, with a row per split)")
    args = parser.parse_args(argv)

    pages, skipped = load_pages(args.labels, set(args.page) if args.page else None)
    if args.split:
        pages = [page for page in pages if page.split == args.split]
    for message in skipped:
        print(message, file=sys.stderr)
    if not pages:
        print("no labelled page could be read", file=sys.stderr)
        return 1
    readers = available_readers()
    if args.reader:
        readers = {k: v for k, v in readers.items() if k in args.reader}
        if not readers:
            print(f"reader {args.reader} is not in this checkout", file=sys.stderr)
            return 2
    if args.whole_site:
        readers["baseline+site"] = lambda page: read_with_baseline(page, _registrable)
    if "reader" not in readers and not args.reader:
        print("newsmon.crawler.read_list_page is not in this checkout: scoring the baseline only", file=sys.stderr)
    results = run(readers, pages)
    if args.json:
        out = {
            "pages": len(pages),
            "skipped": skipped,
            "readers": {name: {"by_shape": by_shape(scores), "worst": worst(scores, args.worst),
                               "per_page": [{"id": s.id, "shape": s.shape, "precision": s.precision,
                                             "recall": s.recall, "next_right": s.next_right, "files": s.files,
                                             "shape_got": s.shape_got, "split": s.split} for s in scores]}
                        for name, scores in results.items()},
        }
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        print(f"{len(pages)} labelled pages ({len(skipped)} skipped)\n")
        print_table(results, args.worst)
        if args.per_page:
            print_per_page(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
