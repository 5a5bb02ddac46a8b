"""Crawl throughput benchmark: newsmon vs a bare Scrapy spider vs Scrapy + trafilatura.

Usage::

    .venv/bin/python bench/crawl.py                      # 2,000 articles, one run of each
    .venv/bin/python bench/crawl.py --repeat 3           # report the median of three runs
    .venv/bin/python bench/crawl.py --profile            # also profile one newsmon worker (cProfile)

All three variants crawl the same ``bench-portal`` of a :class:`FixturePortal`
on 127.0.0.1 (list pages ``/list/N.html`` with 20 links and 下一页, articles
``/news/show-<n>.html``), each in its own process:

(a) ``bare``: a plain Scrapy spider that only downloads (list pages -> article
    pages, article responses are counted and thrown away) - the ceiling;
(b) ``trafilatura``: the script a user would write instead - the same spider
    calling ``trafilatura.extract`` in its callback, JSON lines via FEEDS;
(c) ``newsmon``: ``newsmon crawl --config ... --format json`` into a fresh
    SQLite file (extract, dedupe, store, full-text index).

Fairness: (a) and (b) get the Scrapy settings newsmon itself would use for the
very config given to (c) (``newsmon.crawler.settings.scrapy_settings(config.crawl)``
minus newsmon's pipelines/extension): no download delay, no AutoThrottle, the
same CONCURRENT_REQUESTS / _PER_DOMAIN, timeout, retries, robots.txt obeyed by
all three (the portal answers 404, i.e. everything allowed).

Reported per variant: article pages the portal served (``/news/show-`` GETs
in its request log, the common denominator), what the variant produced
(responses / JSON lines / stored rows), wall time of the whole process
(interpreter start to exit) and crawl time (spider_opened -> spider_closed;
for newsmon the ``duration_s`` of its crawl_runs row), and articles/second
for both. A variant that got fewer than 98% of the articles is flagged.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VARIANTS = ("bare", "trafilatura", "newsmon")
LABELS = {"bare": "(a) bare Scrapy", "trafilatura": "(b) Scrapy+trafilatura", "newsmon": "(c) newsmon crawl"}
TARGET = 0.8  # (c) >= 0.8 x (b)
# PAGINATION_NOTE: bench-portal's pager reads "1 2 3 ... 下一页" where "2" and
# 下一页 share /list/2.html. Until commit "Links: keep each (URL, text) pair"
# newsmon kept only the first anchor per URL and read list page 1 only, so the
# figures in docs/benchmarks.md were taken with list_url_pattern set. The bug
# is fixed; the default is now the config exactly as the portal emits it, and
# --list-pattern '/list/\d+\.html$' reproduces the recorded set-up.
LIST_PATTERN = ""

# The spider of variants (a) and (b); run as `python spider.py args.json`.
SPIDER = textwrap.dedent('''
    import json, re, sys, time

    import scrapy
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    ARGS = json.load(open(sys.argv[1], encoding="utf-8"))
    ARTICLE = re.compile(r"/news/show-\\d+\\.html$")
    EXTRACT = ARGS["mode"] == "trafilatura"
    if EXTRACT:
        import trafilatura


    class BenchSpider(scrapy.Spider):
        name = "bench"
        start_urls = ARGS["start_urls"]

        @classmethod
        def from_crawler(cls, crawler, *args, **kwargs):
            spider = super().from_crawler(crawler, *args, **kwargs)
            crawler.signals.connect(spider.opened, signal=signals.spider_opened)
            return spider

        def opened(self, spider):
            self.t0 = time.monotonic()
            self.articles = 0
            self.extracted = 0

        def parse(self, response):
            """List page: every article link, then 下一页."""
            for href in response.css("a::attr(href)").getall():
                url = response.urljoin(href)
                if ARTICLE.search(url):
                    yield scrapy.Request(url, callback=self.parse_article)
            next_page = response.xpath('//a[text()="下一页"]/@href').get()
            if next_page:
                yield response.follow(next_page, callback=self.parse)

        def parse_article(self, response):
            self.articles += 1
            if not EXTRACT:
                return  # (a): download only
            doc = trafilatura.extract(response.text, url=response.url, output_format="json",
                                      with_metadata=True, include_comments=False)
            if doc:
                self.extracted += 1
                yield json.loads(doc)

        def closed(self, reason):
            stats = self.crawler.stats
            result = {
                "crawl_s": time.monotonic() - self.t0,
                "articles": self.articles,
                "extracted": self.extracted,
                "reason": reason,
                "responses_200": stats.get_value("downloader/response_status_count/200", 0),
                "errors": stats.get_value("log_count/ERROR", 0),
                "items": stats.get_value("item_scraped_count", 0),
            }
            with open(ARGS["result"], "w", encoding="utf-8") as fh:
                json.dump(result, fh)


    settings = ARGS["settings"]
    if EXTRACT:
        settings["FEEDS"] = {ARGS["output"]: {"format": "jsonlines", "encoding": "utf8", "overwrite": True}}
    process = CrawlerProcess(settings)
    process.crawl(BenchSpider)
    process.start()
''')


@dataclass
class Run:
    variant: str
    wall_s: float
    crawl_s: Optional[float]
    served: int  # article pages the portal answered
    produced: int  # responses counted / JSON lines / rows stored
    detail: str = ""
    ok: bool = True
    extra: dict[str, Any] = field(default_factory=dict)
    cpu_s: float = 0.0  # user+sys CPU of the process and its children (newsmon: CLI + worker)

    @property
    def rate_wall(self) -> float:
        return self.served / self.wall_s if self.wall_s else 0.0

    @property
    def rate_cpu(self) -> float:
        return self.served / self.cpu_s if self.cpu_s else 0.0

    @property
    def rate_crawl(self) -> float:
        return self.served / self.crawl_s if self.crawl_s else 0.0


def _article_hits(portal: Any) -> int:
    return sum(1 for r in portal.request_log("bench-portal")
               if r.method == "GET" and r.path.startswith("/news/show-") and r.status == 200)


def _write_config(portal: Any, workdir: Path, database: Path, concurrency: int, timeout: float,
                  list_pattern: str) -> Path:
    import yaml

    doc = yaml.safe_load(portal.config_yaml(database=str(database), concurrent_requests_per_domain=concurrency,
                                            timeout=timeout))
    doc["sites"] = [s for s in doc["sites"] if s["name"] == "bench-portal"]
    if list_pattern:
        doc["sites"][0]["list_url_pattern"] = list_pattern
    path = workdir / f"config-{database.stem}.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _scrapy_settings(config_path: Path) -> dict[str, Any]:
    """What newsmon would hand Scrapy for this config, without newsmon's own pipelines/extension."""
    from newsmon.crawler.settings import scrapy_settings
    from newsmon.config import load_config

    settings = scrapy_settings(load_config(config_path).crawl, log_level="ERROR")
    for key in ("ITEM_PIPELINES", "EXTENSIONS", "DEFAULT_DROPITEM_LOG_LEVEL"):
        settings.pop(key, None)
    settings["BOT_NAME"] = "bench"
    return settings


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_scrapy(variant: str, portal: Any, workdir: Path, settings: dict[str, Any], n: int) -> Run:
    script = workdir / "spider.py"
    script.write_text(SPIDER, encoding="utf-8")
    result, output = workdir / f"{variant}-result.json", workdir / f"{variant}.jsonl"
    for path in (result, output):
        path.unlink(missing_ok=True)
    args = workdir / f"{variant}-args.json"
    args.write_text(json.dumps({
        "mode": variant, "start_urls": portal.sites["bench-portal"]["start_urls"], "settings": settings,
        "result": str(result), "output": str(output),
    }), encoding="utf-8")
    portal.clear_requests()
    cpu0, t0 = _children_cpu(), time.perf_counter()
    proc = subprocess.run([sys.executable, str(script), str(args)], cwd=workdir, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    served = _article_hits(portal)
    if proc.returncode != 0 or not result.exists():
        return Run(variant, wall, None, served, 0, ok=False,
                   detail=f"exit {proc.returncode}: {proc.stderr.strip()[-500:]}")
    res = json.loads(result.read_text(encoding="utf-8"))
    if variant == "bare":
        produced, detail = res["articles"], f"{res['articles']} article responses"
    else:
        lines = sum(1 for _ in output.open(encoding="utf-8")) if output.exists() else 0
        produced, detail = lines, f"{lines} JSON lines ({res['articles']} responses)"
    ok = produced >= 0.98 * n and served >= 0.98 * n
    return Run(variant, wall, res["crawl_s"], served, produced, detail, ok, res, cpu)


def run_newsmon(portal: Any, workdir: Path, config_path: Path, database: Path, n: int) -> Run:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    portal.clear_requests()
    newsmon = Path(sys.executable).with_name("newsmon")
    cmd = [str(newsmon)] if newsmon.exists() else [sys.executable, "-m", "newsmon.cli"]
    cpu0, t0 = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd + ["crawl", "--config", str(config_path), "--format", "json"],
                          cwd=workdir, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
    served = _article_hits(portal)
    try:
        report = json.loads(proc.stdout)[0]
    except (ValueError, IndexError, KeyError):
        return Run("newsmon", wall, None, served, 0, ok=False,
                   detail=f"exit {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-500:]}")
    with sqlite3.connect(database) as db:
        stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        sources = db.execute("SELECT count(*) FROM article_sources").fetchone()[0]
        non_articles = db.execute("SELECT count(*) FROM non_articles").fetchone()[0]
    handled = stored + report.get("duplicates", 0) + non_articles
    detail = (f"{stored} stored, {report.get('duplicates', 0)} duplicates ({sources} source rows), "
              f"{non_articles} non-articles, {report.get('failures', 0)} failures, status {report.get('status')}")
    ok = handled >= 0.98 * n and served >= 0.98 * n and report.get("status") == "ok"
    return Run("newsmon", wall, report.get("duration_s"), served, stored, detail, ok, report, cpu)


def profile_newsmon(portal: Any, workdir: Path, config_path: Path, top: int) -> str:
    """Run the newsmon worker (what `newsmon crawl` spawns) under cProfile; return a summary."""
    import cProfile  # noqa: F401 - make sure it exists before spawning
    import pstats

    from newsmon.config import load_config

    config = load_config(config_path)
    database = Path(config.database_path)
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    from newsmon.db import Store

    Store(database).close()  # as `newsmon crawl` does before spawning the worker
    request = {"config": config.model_dump(mode="json"), "source_path": config.source_path,
               "sites": ["bench-portal"], "time_limit": None, "log_level": "ERROR"}
    out = Path(tempfile.gettempdir()) / "newsmon-crawl-worker.prof"  # outlives the temp workdir
    out.unlink(missing_ok=True)
    t0 = time.perf_counter()
    # Not `python -m cProfile -m scheduler.worker`: the worker's __main__ ends in os._exit(), which
    # would skip writing the profile. Call main() instead and dump before exiting the same way.
    runner = ("import cProfile, os, sys\n"
              "import scheduler.worker as worker\n"
              "profile = cProfile.Profile()\n"
              "profile.enable()\n"
              "status = worker.main()\n"
              "profile.disable()\n"
              "profile.dump_stats(sys.argv[1])\n"
              "sys.stdout.flush()\n"
              "os._exit(status)\n")
    proc = subprocess.run([sys.executable, "-c", runner, str(out)],
                          input=json.dumps(request), cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0 or not out.exists():
        return f"profiling failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}"
    stats = pstats.Stats(str(out))
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (filename, line, func), (cc, nc, tt, ct, callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((ct, tt, nc, _short(filename), line, func))
    lines = [f"cProfile of scheduler.worker.main() ({wall:.1f}s wall under the profiler, "
             f"{total:.1f}s profiled in the main thread)", "",
             f"{'cum %':>6} {'self %':>6} {'calls':>8}  function"]
    seen = 0
    for ct, tt, nc, filename, line, func in sorted(rows, key=lambda r: -r[0]):
        if ct / total < 0.02:
            break
        lines.append(f"{100 * ct / total:6.1f} {100 * tt / total:6.1f} {nc:8d}  {filename}:{line}({func})")
        seen += 1
        if seen >= top:
            break
    lines += ["", "newsmon's own stages (cumulative; ms/call is inflated by cProfile's overhead):",
              f"{'cum %':>6} {'calls':>8} {'ms/call':>8}  function"]
    for key in FOCUS:
        hits = [r for r in rows if f"{r[3]}:{r[5]}" == key]
        if hits:
            ct, _, nc = max(hits, key=lambda r: r[0])[:3]
            lines.append(f"{100 * ct / total:6.1f} {nc:8d} {1000 * ct / max(nc, 1):8.2f}  {key}")
    lines += ["", "top self time:", f"{'self %':>6} {'calls':>8}  function"]
    for ct, tt, nc, filename, line, func in sorted(rows, key=lambda r: -r[1])[:top]:
        lines.append(f"{100 * tt / total:6.1f} {nc:8d}  {filename}:{line}({func})")
    lines.append(f"\n(profile saved to {out}; inspect with `python -m pstats {out}`)")
    return "\n".join(lines)


# Stages whose cumulative share the profile summary always shows (file:function suffixes).
FOCUS = (
    "crawler/spider.py:parse_list", "crawler/links.py:extract_links", "crawler/links.py:classify_links",
    "db/store.py:known_urls", "crawler/spider.py:parse_article", "crawler/extract.py:extract",
    "crawler/extract.py:_decode", "crawler/extract.py:_parse", "crawler/boilerplate.py:prune_chrome",
    "crawler/extract.py:_trafilatura_lines", "trafilatura/core.py:extract", "crawler/extract.py:_density_lines",
    "crawler/metadata.py:find_title", "crawler/metadata.py:find_published_at",
    "crawler/pipelines.py:process_item", "crawler/fingerprint.py:text_fingerprint",
    "crawler/fingerprint.py:near_signature", "db/store.py:find_near_duplicate", "db/store.py:add_article",
    "db/cjk.py:index_text", "scheduler/worker.py:emit",
)


def _short(filename: str) -> str:
    for marker in ("site-packages/", str(ROOT) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def pick(runs: list[Run], how: str) -> Run:
    """Best (fastest wall) or median-by-wall run of a variant."""
    ordered = sorted(runs, key=lambda r: r.wall_s)
    return ordered[0] if how == "best" else ordered[(len(ordered) - 1) // 2]  # lower median


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles on the bench portal (default 2000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each variant (default 1)")
    parser.add_argument("--report", choices=("median", "best"), default="median",
                        help="which of the --repeat runs to report (by wall time; default median)")
    parser.add_argument("--concurrency", type=int, default=16,
                        help="CONCURRENT_REQUESTS_PER_DOMAIN for all three (newsmon's "
                             "crawl.concurrent_requests_per_domain; CONCURRENT_REQUESTS is newsmon's 16). "
                             "Default 16")
    parser.add_argument("--timeout", type=float, default=30.0, help="download timeout for all three (default 30)")
    parser.add_argument("--list-pattern", default=LIST_PATTERN,
                        help=f"list_url_pattern given to newsmon for bench-portal (default {LIST_PATTERN!r}; "
                             "'' = the config exactly as FixturePortal emits it, see PAGINATION_NOTE)")
    parser.add_argument("--only", choices=VARIANTS, action="append", help="run only this variant (repeatable)")
    parser.add_argument("--profile", action="store_true",
                        help="also run newsmon's worker once under cProfile and print where the time goes")
    parser.add_argument("--profile-if-slow", action="store_true",
                        help="profile only when (c) < 0.8 x (b)")
    parser.add_argument("--top", type=int, default=30, help="rows of the profile to print (default 30)")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON object")
    args = parser.parse_args(argv)
    variants = [v for v in VARIANTS if not args.only or v in args.only]

    from newsmon.portal import FixturePortal

    print(f"crawl benchmark: {args.articles} articles, concurrency {args.concurrency}/domain, "
          f"{args.repeat} run(s) each, {os.cpu_count()} CPUs, Python {platform.python_version()}", flush=True)
    runs: dict[str, list[Run]] = {v: [] for v in variants}
    profile_text = ""
    with tempfile.TemporaryDirectory(prefix="newsmon-bench-") as tmp, \
            FixturePortal(bench_articles=args.articles) as portal:
        workdir = Path(tmp)
        database = workdir / "bench.db"
        config_path = _write_config(portal, workdir, database, args.concurrency, args.timeout, args.list_pattern)
        print(f"newsmon config: bench-portal only, list_url_pattern={args.list_pattern or None!r}")
        settings = _scrapy_settings(config_path)
        pages = portal.sites["bench-portal"]["max_list_pages"]
        print(f"site: {portal.sites['bench-portal']['start_urls'][0]} ({pages} list pages)")
        print("scrapy settings (all three): " + ", ".join(
            f"{k}={settings[k]}" for k in ("CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN",
                                           "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED", "ROBOTSTXT_OBEY",
                                           "RETRY_TIMES", "DOWNLOAD_TIMEOUT")), flush=True)
        for i in range(args.repeat):
            for variant in variants:  # interleaved, so drift hits all three alike
                if variant == "newsmon":
                    run = run_newsmon(portal, workdir, config_path, database, args.articles)
                else:
                    run = run_scrapy(variant, portal, workdir, settings, args.articles)
                runs[variant].append(run)
                crawl = f"{run.crawl_s:6.2f}s" if run.crawl_s else "     -"
                flag = "" if run.ok else "   <-- INCOMPLETE"
                print(f"  run {i + 1} {LABELS[variant]:<24} wall {run.wall_s:6.2f}s crawl {crawl} "
                      f"cpu {run.cpu_s:6.2f}s  "
                      f"served {run.served}  {run.detail}{flag}", flush=True)
        chosen = {v: pick(rs, args.report) for v, rs in runs.items()}
        slow = ("newsmon" in chosen and "trafilatura" in chosen
                and chosen["newsmon"].rate_wall < TARGET * chosen["trafilatura"].rate_wall)
        if args.profile or (args.profile_if_slow and slow):
            profile_text = profile_newsmon(portal, workdir, config_path, args.top)

    print()
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} CPUs"
          + ("  (machine busy: trust the cpu columns more than wall)" if load[1] > (os.cpu_count() or 1) else ""))
    print(f"{'variant':<24} {'articles':>8} {'wall s':>7} {'art/s':>7} {'crawl s':>8} {'art/s':>7} "
          f"{'cpu s':>7} {'art/cpu-s':>9}")
    for v, run in chosen.items():
        crawl = f"{run.crawl_s:8.2f} {run.rate_crawl:7.1f}" if run.crawl_s else f"{'-':>8} {'-':>7}"
        print(f"{LABELS[v]:<24} {run.served:8d} {run.wall_s:7.2f} {run.rate_wall:7.1f} {crawl} "
              f"{run.cpu_s:7.2f} {run.rate_cpu:9.1f}" + ("" if run.ok else "  INCOMPLETE"))
    ratios: dict[str, float] = {}
    if "newsmon" in chosen:
        c = chosen["newsmon"]
        for other, name in (("trafilatura", "(c)/(b)"), ("bare", "(c)/(a)")):
            if other in chosen:
                ratios[name] = c.rate_wall / chosen[other].rate_wall
                ratios[name + " crawl"] = (c.rate_crawl / chosen[other].rate_crawl
                                           if c.crawl_s and chosen[other].crawl_s else 0.0)
                ratios[name + " cpu"] = c.rate_cpu / chosen[other].rate_cpu if c.cpu_s else 0.0
                print(f"{name}: {ratios[name]:.2f} wall, {ratios[name + ' crawl']:.2f} crawl-only, "
                      f"{ratios[name + ' cpu']:.2f} per CPU-second"
                      + (f"   (target >= {TARGET})" if other == "trafilatura" else ""))
        if "(c)/(b)" in ratios:
            print("target met" if ratios["(c)/(b)"] >= TARGET else f"BELOW TARGET ({TARGET} x (b))")
    if profile_text:
        print()
        print(profile_text)
    if args.json:
        print(json.dumps({
            "articles": args.articles, "concurrency": args.concurrency, "repeat": args.repeat,
            "results": {v: {"served": r.served, "produced": r.produced, "wall_s": round(r.wall_s, 3),
                            "crawl_s": r.crawl_s and round(r.crawl_s, 3), "cpu_s": round(r.cpu_s, 3),
                            "ok": r.ok, "per_cpu_s": round(r.rate_cpu, 1),
                            "per_s_wall": round(r.rate_wall, 1), "per_s_crawl": round(r.rate_crawl, 1)}
                        for v, r in chosen.items()},
            "ratios": {k: round(v, 3) for k, v in ratios.items()},
        }, ensure_ascii=False))
    return 0 if all(r.ok for rs in runs.values() for r in rs) else 1


if __name__ == "__main__":
    sys.exit(main())
