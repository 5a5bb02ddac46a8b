"""Search at scale: p50/p95 of `search_articles` per query class at 20k, 200k and 1M stories.

    nice -n 10 .venv/bin/python bench/search_scale.py                       # 20k and 200k
    nice -n 10 .venv/bin/python bench/search_scale.py --sizes 20000,200000,1000000

(The crawl part of issue 12's bench/scale.py is a separate script; this one is
the search part.) Stories are synthetic but made of real Chinese sentences:
the fixture portal's articles (newsmon/portal/articles.json) and, when
../shared is present, the Chinese gold bodies of benchmarks/magic-html. Each
story: a title, 8-16 sentences (~600 characters) and a rare "entity" word of
three random characters. 50,000 distinct texts; larger databases repeat them
in turn, each copy with its own id, URL, site (50 sites, one of them small)
and date (stored in date order over two years), through
``db.bulk.bulk_add_articles`` (the real schema; ``index_text`` computed once
per distinct text, FTS5 indexing every copy). So a "rare" entity word is in
1 story per 50,000 (20 at 1M). Built databases are cached under
/tmp/newsmon-search-bench/ (1M stories: several GB).

Query classes (terms picked from the corpus by document frequency):
common (a 2-character word in 30-60% of stories), rare (an entity word: a
few stories), 1-char (a character in 20-60%), phrase (a quoted 4-character
phrase in 1-5%), OR (two common words), NOT (common -common), date (common
word, the last 30 days), old-date (common word, a 30-day window a year back),
site (common word, the small site), regex (/X.{0,3}Y/ on common characters).
rare names (five entity words OR'd: a full page at every size, where the rare
class's page grows with the database). Each class runs 20 queries (different
terms) in both orders, limit 20; each query three times, its median counted.
Baseline, same run, same MATCH strings: the previous plan (bm25 for every
match, join to articles, then sort and LIMIT).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import itertools
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsmon.db import Store, count_articles, parse_query, search_articles  # noqa: E402
from newsmon.db.bulk import BulkArticle, bulk_add_articles  # noqa: E402
from newsmon.db.cjk import index_text  # noqa: E402
from newsmon.db import search as search_module  # noqa: E402
from newsmon.db.fts import rank_blocks, rank_table, ranking_current  # noqa: E402
from newsmon.errors import StoreError  # noqa: E402

CACHE = Path("/tmp/newsmon-search-bench")
SHARED = ROOT.parent.parent / "shared" if (ROOT.parent.parent / "shared").exists() else ROOT.parent / "shared"
CST = timezone(timedelta(hours=8))
START = datetime(2024, 1, 1, tzinfo=CST)
SPAN_DAYS = 730
REPEATS = 20
SITES = [f"site-{i:02d}" for i in range(49)] + ["small-site"]


def sentences() -> list[str]:
    """Real Chinese sentences from the fixture portal and (if present) magic-html's gold bodies."""
    texts: list[str] = []
    data = json.loads((ROOT / "newsmon" / "portal" / "articles.json").read_text(encoding="utf-8"))
    for items in data.values():
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict):
                    texts.append(item.get("title", ""))
                    texts.extend(item.get("paragraphs", []))
        elif isinstance(items, dict):
            texts.extend(p for p in items.get("paragraphs", []) if isinstance(p, str))
    gold = SHARED / "benchmarks" / "magic-html" / "base.json"
    if gold.exists():
        for page in json.loads(gold.read_text(encoding="utf-8")).values():
            content = page.get("content", "")
            if re.search("[\u4e00-\u9fff]{20}", content):
                texts.append(content)
    out = []
    for text in texts:
        for sentence in re.split(r"(?<=[。！？；])", text):
            sentence = sentence.strip()
            if 8 <= len(sentence) <= 200 and re.search("[\u4e00-\u9fff]{4}", sentence):
                out.append(sentence)
    return sorted(set(out))


DISTINCT = 50_000  # distinct story texts; larger databases repeat them (new id, date, site, URL)


def stories(n: int, pool: list[str], *, indexed: bool = False) -> Iterator[BulkArticle]:
    """``n`` stories in date order (deterministic): min(n, DISTINCT) distinct texts, repeated in turn.

    With ``indexed``, each text's ``index_text`` rewrite is computed once and
    handed to the bulk loader with every copy (the rewrite is most of the
    Python cost of a build; FTS5 still tokenizes and indexes every copy).
    """
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    texts: list[tuple[str, str, str, str]] = []
    for _ in range(min(n, DISTINCT)):
        entity = "".join(rng.choice(alphabet) for _ in range(3))
        body = "".join(rng.sample(pool, rng.randint(8, 16)))
        cut = rng.randrange(len(body))
        body = body[:cut] + f"（{entity}公司）" + body[cut:]
        title = rng.choice(pool)[:30]
        texts.append((title, body, index_text(title) if indexed else "", index_text(body) if indexed else ""))
    step = SPAN_DAYS * 86400 / n
    for i in range(n):
        title, body, title_index, body_index = texts[i % len(texts)]
        site = "small-site" if rng.random() < 0.005 else SITES[rng.randrange(49)]
        published = START + timedelta(seconds=i * step)
        story = BulkArticle(site=site, url=f"http://127.0.0.1/{site}/{i}.html", title=title, body=body,
                            fingerprint=f"fp{i}", published_at=published,
                            fetched_at=published.astimezone(timezone.utc).isoformat())
        if indexed:
            story["title_index"], story["body_index"] = title_index, body_index
        yield story


def build(n: int, pool: list[str]) -> Path:
    """The cached database of ``n`` stories (built if missing)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"stories-{n}.db"
    if path.exists():
        try:
            with Store(path, readonly=True) as store:
                current = ranking_current(store.db.conn)
        except StoreError:  # cached by a newsmon with another search index (db.cjk.TOKENIZER_VERSION)
            current = False
        if not current:  # cached before the ranking blocks or this search index: opening it writable builds them
            start = time.perf_counter()
            with Store(path) as store:
                _optimize_ranking(store)
                store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            print(f"  ranking blocks of {n:,} stories built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        return path
    partial = path.with_suffix(".partial")
    start = time.perf_counter()
    with Store(partial) as store:
        store.db.execute("PRAGMA synchronous=OFF")
        store.db.execute("PRAGMA cache_size=-262144")  # 256 MiB: the articles indexes stay in memory
        # No incremental merging while loading (each posting would be rewritten once per level of
        # 4 segments); crisis merges (16 segments) still bound the segment count, and 'optimize'
        # below merges everything into one segment. The default is restored before the file is used.
        store.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 0)")
        # Resumable: stories are committed 5,000 at a time and generated deterministically, so an
        # interrupted build (a 1M build takes hours on a shared machine) goes on where it stopped.
        done = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        generated = stories(n, pool, indexed=True)
        if done:
            print(f"  resuming {partial.name} at {done:,} stories", file=sys.stderr)
            for _ in itertools.islice(generated, done):
                pass
        while done < n:
            done += bulk_add_articles(store.db, itertools.islice(generated, min(50_000, n - done)))
            print(f"  built {done:,}/{n:,} stories ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
        print("  merging the index ('optimize')", file=sys.stderr)
        store.db.execute("INSERT INTO articles_fts(articles_fts) VALUES('optimize')")
        store.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 4)")  # FTS5's default
        _optimize_ranking(store)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    partial.rename(path)
    print(f"  {n:,} stories in {time.perf_counter() - start:.0f} s, {path.stat().st_size / 1e6:.0f} MB",
          file=sys.stderr)
    return path


def _optimize_ranking(store: Store) -> None:
    """Merge each ranking block's index into one segment, as 'optimize' does for articles_fts."""
    for block in rank_blocks(store.db.conn):
        table = rank_table(block)
        store.db.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")


def pick_terms(pool: list[str]) -> dict[str, list[str]]:
    """Query terms per class, by document frequency over a sample of stories."""
    sample = [a["title"] + "\n" + a["body"] for a in itertools.islice(stories(DISTINCT, pool), 4000)]
    bigrams: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    quads: Counter[str] = Counter()
    for text in sample:
        runs = re.findall("[\u4e00-\u9fff]+", text)
        bigrams.update({r[i:i + 2] for r in runs for i in range(len(r) - 1)})
        chars.update({c for r in runs for c in r})
        quads.update({r[i:i + 4] for r in runs for i in range(0, len(r) - 3, 2)})
    n = len(sample)

    def band(counter: Counter[str], low: float, high: float, k: int = REPEATS) -> list[str]:
        found = sorted(w for w, c in counter.items() if low * n <= c <= high * n)
        random.Random(1).shuffle(found)
        return found[:k]

    common = band(bigrams, 0.3, 0.6)
    return {
        "common": common,
        "1-char": band(chars, 0.2, 0.6),
        "phrase": [f'"{q}"' for q in band(quads, 0.01, 0.05)],
        "OR": [f"{a} OR {b}" for a, b in zip(common, common[1:] + common[:1])],
        "NOT": [f"{a} -{b}" for a, b in zip(common, common[1:] + common[:1])],
        "regex": [f"/{a[0]}.{{0,3}}{b[0]}/" for a, b in zip(common, common[2:] + common[:2])],
    }


def rare_terms(path: Path, count: int = REPEATS) -> list[str]:
    """Entity words of stories spread over the database (each in very few stories)."""
    with Store(path, readonly=True) as store:
        total = store.db.execute("SELECT max(id) FROM articles").fetchone()[0]
        out = []
        for k in range(count):
            body = store.db.execute("SELECT body FROM articles WHERE id = ?",
                                    [1 + (k * 7919 * 13) % total]).fetchone()[0]
            out.append(re.search(r"（(.{3})公司）", body).group(1))  # type: ignore[union-attr]
        return out


def rare_names(path: Path) -> list[str]:
    """Queries of five entity words OR'd: each word is as rare as the rare class's (one text in 50,000), and
    together they fill a page of 20 at 200k as at 1M. The rare class's page grows with the database (4
    stories at 200k, 20 at 1M), and each story returned costs a row read and a snippet; this class shows
    the search's own growth for rare words at an equal page."""
    words = rare_terms(path, count=REPEATS * 5)
    return [" OR ".join(words[i:i + 5]) for i in range(0, len(words), 5)]


def old_plan(db: Any, match: str, limit: int = 20) -> list[Any]:
    """The plan before this change (baseline): bm25 for every match, join, then sort and LIMIT."""
    return list(db.execute(
        "SELECT a.id, a.title, bm25(articles_fts, 10.0, 1.0) AS score FROM articles_fts"
        " JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"
        " ORDER BY score, a.published_utc DESC LIMIT ?", [match, limit]))


@contextlib.contextmanager
def whole_index_ranking() -> Iterator[None]:
    """Relevance ranked in articles_fts whole, as before the ranking blocks (the baseline of the same run)."""
    saved = search_module.ranking_tables

    def whole(conn: Any, low: int, high: int) -> Iterator[tuple[str, int, int]]:
        yield "articles_fts", low, high

    search_module.ranking_tables = whole  # type: ignore[assignment]
    try:
        yield
    finally:
        search_module.ranking_tables = saved  # type: ignore[assignment]


CPU: list[float] = []  # CPU ms of the last timed() calls (the machine is shared: wall time includes waiting)


def timed(fn: Callable[[], Any]) -> float:
    """Wall ms of one call; its CPU ms is appended to CPU."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    CPU.append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


TIMES = 3  # each query runs this many times; its median counts (sub-ms queries: one GC pause is a 5× outlier)


def repeated(fn: Callable[[], Any]) -> float:
    """Median wall ms of TIMES calls; the median call's CPU ms is appended to CPU."""
    runs = []
    for _ in range(TIMES):
        wall = timed(fn)
        runs.append((wall, CPU.pop()))
    runs.sort()
    wall, cpu = runs[TIMES // 2]
    CPU.append(cpu)
    return wall


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def query_classes(terms: dict[str, list[str]]) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """Each query class's runs: (query, search_articles keyword arguments)."""
    end = START + timedelta(days=SPAN_DAYS)
    recent = end - timedelta(days=30)
    old_from, old_to = end - timedelta(days=395), end - timedelta(days=365)
    classes: dict[str, list[tuple[str, dict[str, Any]]]] = {
        name: [(q, {}) for q in queries] for name, queries in terms.items()}
    classes["date"] = [(q, {"since": recent}) for q in terms["common"]]
    classes["old-date"] = [(q, {"since": old_from, "until": old_to}) for q in terms["common"]]
    classes["site"] = [(q, {"site": "small-site"}) for q in terms["common"]]
    return classes


def measure(path: Path, terms: dict[str, list[str]], baseline: bool) -> dict[str, dict[str, float]]:
    """p50/p95 in ms per class and order (and the old plan, and --count, for some classes)."""
    classes = query_classes(terms)
    results: dict[str, dict[str, float]] = {}
    with Store(path, readonly=True) as store:
        db = store.db
        search_articles(db, terms["common"][0])  # warm the page cache once
        for name, runs in classes.items():
            row: dict[str, float] = {}
            for sort in ("newest", "relevance"):
                CPU.clear()
                counts: list[int] = []
                times = [repeated(lambda: counts.append(len(search_articles(db, q, limit=20, sort=sort, **kw))))
                         for q, kw in runs]
                row[f"{sort}_p50"], row[f"{sort}_p95"] = pct(times, 0.5), pct(times, 0.95)
                # Stories returned (mean): a class whose page is not full at one size (a rare word: 4 at
                # 200k, 20 at 1M) grows by its output too, each returned story costing a row read and a snippet.
                row[f"{sort}_returned"] = statistics.mean(counts)
                row[f"{sort}_cpu_p50"], row[f"{sort}_cpu_p95"] = pct(CPU, 0.5), pct(CPU, 0.95)
            if name != "regex":  # the same searches ranked in one index of every story (before the blocks)
                ranked = [[r["id"] for r in search_articles(db, q, limit=20, sort="relevance", **kw)] for q, kw in runs]
                with whole_index_ranking():
                    CPU.clear()
                    times = [timed(lambda: search_articles(db, q, limit=20, sort="relevance", **kw)) for q, kw in runs]
                    row["whole_p95"], row["whole_cpu_p95"] = pct(times, 0.95), pct(CPU, 0.95)
                    whole = [[r["id"] for r in search_articles(db, q, limit=20, sort="relevance", **kw)]
                             for q, kw in runs]
                # Agreement of the two top-20 lists (shared ids / 20, or / the shorter list): how much the
                # per-block IDF changes what a user sees first.
                row["top20_shared"] = statistics.mean(len(set(a) & set(b)) / max(1, min(len(a), len(b)))
                                                      for a, b in zip(ranked, whole))
            if name in ("common", "1-char", "rare", "date", "site"):
                times = [timed(lambda: count_articles(db, q, **kw)) for q, kw in runs[:5]]
                row["count_p50"] = pct(times, 0.5)
            if baseline and not runs[0][1] and name != "regex":
                CPU.clear()
                times = [timed(lambda: old_plan(db, parse_query(q).match or "")) for q, _ in runs[:5]]
                row["old_p50"], row["old_cpu_p50"] = pct(times, 0.5), pct(CPU, 0.5)
            results[name] = row
            print(f"    {name:9s} " + "  ".join(f"{k} {v:7.1f}" for k, v in row.items()), file=sys.stderr)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20000,200000", help="comma-separated story counts")
    parser.add_argument("--no-baseline", action="store_true", help="skip the old plan (slow at 1M)")
    parser.add_argument("--build-only", action="store_true", help="build (cache) the databases, measure nothing")
    parser.add_argument("--warm", action="store_true",
                        help="read each database file once before measuring it (the page cache then holds it, as on a "
                             "machine whose memory holds the database; without it a 1M file of 14 GB is read from disk)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    pool = sentences()
    print(f"{len(pool):,} distinct real sentences", file=sys.stderr)
    terms = pick_terms(pool)
    print({k: v[:3] for k, v in terms.items()}, file=sys.stderr)
    report: dict[int, dict[str, dict[str, float]]] = {}
    for n in sizes:
        path = build(n, pool)
        if args.build_only:
            continue
        terms["rare"] = rare_terms(path)
        terms["rare names"] = rare_names(path)
        print(f"  {n:,} stories:", file=sys.stderr)
        if args.warm:
            with open(path, "rb") as handle:
                while handle.read(1 << 24):
                    pass
        report[n] = measure(path, terms, baseline=not args.no_baseline)
    if args.build_only:
        return
    print(json.dumps(report, indent=1))
    print(f"load average at the end: {os.getloadavg()}")
    if len(sizes) >= 2:
        a, b = sizes[-2], sizes[-1]
        print(f"\ngrowth {a:,} -> {b:,} (p95 ratio):")
        for name in report[b]:
            keys = ("newest_p95", "relevance_p95", "newest_cpu_p95", "relevance_cpu_p95")
            ratios = [report[b][name][k] / max(report[a][name][k], 0.01) for k in keys]
            print(f"  {name:9s} wall: newest {ratios[0]:.2f}x relevance {ratios[1]:.2f}x;"
                  f" CPU: newest {ratios[2]:.2f}x relevance {ratios[3]:.2f}x")


if __name__ == "__main__":
    main()
