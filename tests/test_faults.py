"""The fault and hostile-input suite (issue 13): real servers, real processes, real SQLite files.

Every case drives the installed ``newsmon`` command (or the daemon) against sites on 127.0.0.1
and asserts what the issue asks of it: one plain sentence (never a traceback), data already
stored kept, other sites go on, bounded time and memory, nothing stored twice. The table of
cases, with the tests elsewhere that cover the rest (sender, redaction, workers, list shapes,
extraction units), is ``docs/reliability.md``.

Sizes are the issue's own (9.5 MB prose, 200,000 ``<p>``, 100,000 nested ``<div>``, 200,000
links, a 200 MB gzip bomb); pages are built once per module, so the module costs one crawl of
about ten seconds plus the full-disk and daemon cases.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from newsmon.portal.hostile import (
    gzip_bomb, link_list_page, many_paragraphs_page, nested_divs_page, ordinary_article, prose_page, random_cjk_page,
)
from tests.services.hostile import HostileSite, Page
from test_alerts_support import Receiver
from test_daemon_support import DaemonProcess, newsmon_command, wait_for

HOOK_TOKEN = "hooktoken-f4u1t5-77aa"
# Peak resident memory of the whole `newsmon crawl` process tree. The 9.5 MB page alone took
# 2.6 GB before the extraction budget; one worker with a 9.5 MB response in hand is ~400 MB.
MAX_CRAWL_RSS_MB = 1200
# CPU seconds of the whole crawl (every process): ~20 s on a quiet machine. Before the budgets the
# 200,000-<p> page alone took 88 s, the 200,000-link list ~4 minutes. CPU, not wall time: a loaded
# CI box stretches wall time (and this machine ran at a load of 18 on 2 cores), not CPU.
MAX_CRAWL_CPU_SECONDS = 90
MAX_CRAWL_SECONDS = 300  # wall time: only a hang fails this


def _list_page(entries: list[tuple[str, str]]) -> bytes:
    rows = "".join(f"<li><span class=f_r>2023-04-{i % 27 + 1:02d}</span><a href='{path}'>{title}</a></li>"
                   for i, (path, title) in enumerate(entries))
    return f"<html><head><meta charset=utf-8><title>招商动态</title></head><body><ul>{rows}</ul></body></html>".encode()


def _html(text: str, charset: str = "utf-8") -> Page:
    return Page(text.encode(charset), headers={"Content-Type": f"text/html; charset={charset}"})


# Hostile article pages: (path, list headline, page, what the crawl must do with it).
AAAA = "a" * 34 + "!"


def hostile_routes() -> tuple[dict[str, Page], dict[str, str], dict[str, str]]:
    """Routes of the hostile site, the headlines expected stored, the paths expected refused."""
    stored: dict[str, str] = {}
    refused: dict[str, str] = {}
    routes: dict[str, Page] = {}
    entries: list[tuple[str, str]] = []

    def add(n: int, title: str, page: Page, keep: bool) -> None:
        path = f"/news/show-{n}.html"
        routes[path] = page
        entries.append((path, title))
        (stored if keep else refused)[path] = title

    add(101, "沈阳市重点项目集中签约仪式举行", _html(ordinary_article("沈阳市重点项目集中签约仪式举行", story=0)), True)
    add(102, "大连自贸片区发布跨境贸易便利化新举措", _html(ordinary_article("大连自贸片区发布跨境贸易便利化新举措", story=1)), True)
    # The header says UTF-8, the bytes are GBK and no <meta> says otherwise.
    lie = ordinary_article("鞍山钢铁产业园签约十二个项目", story=2).replace("<meta charset='utf-8'>", "")
    add(103, "鞍山钢铁产业园签约十二个项目", Page(lie.encode("gbk"), headers={"Content-Type": "text/html; charset=utf-8"}), True)
    add(104, "全文实录：招商引资新闻发布会", Page(lambda: prose_page(9_500_000, "全文实录：招商引资新闻发布会")), True)
    add(105, "短句汇编：重点项目进展一览", Page(lambda: many_paragraphs_page(200_000, "短句汇编：重点项目进展一览")), True)
    add(106, "深层嵌套：沈抚示范区项目签约", Page(lambda: nested_divs_page(100_000, "深层嵌套：沈抚示范区项目签约")), True)
    # The red-team story for the /(a+)+$/ rule: 34 'a' and '!' (20 minutes of backtracking in Python's re).
    add(107, "营口港新航线开通", _html(ordinary_article("营口港新航线开通", extra=f"<p>{AAAA}</p>", story=3)), True)
    # 100,000 random CJK characters: every character pair a new search term (1.8 MB in the database).
    add(108, "随机汉字：高新区项目签约实录", Page(lambda: random_cjk_page(100_000, "随机汉字：高新区项目签约实录")), True)
    add(110, "组图：浑南科技城建设现场", Page(lambda: gzip_bomb(), headers={
        "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}), False)
    add(112, "快讯：营商环境条例修订解读", Page(b"", status=302, headers={"Location": "/news/show-113.html"}), False)
    routes["/news/show-113.html"] = Page(b"", status=302, headers={"Location": "/news/show-112.html"})
    add(114, "通知：已删除的旧闻页面链接", Page(b"<html><body>404</body></html>", status=404), False)
    add(115, "公告：服务器内部错误的页面", Page(b"<html><body>500</body></html>", status=500), False)
    add(116, "乱码：二进制垃圾冒充网页", Page(bytes(range(256)) * 200 + b"\0<html><body", headers={
        "Content-Type": "text/html; charset=utf-8"}), False)
    routes["/list/"] = Page(_list_page(entries))
    return routes, stored, refused


@dataclass
class Crawl:
    folder: Path
    config: Path
    db: Path
    hostile: HostileSite
    calm: HostileSite
    biglist: HostileSite
    receiver: Receiver
    stored: dict[str, str]
    refused: dict[str, str]
    result: subprocess.CompletedProcess[str]
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql, params).fetchall()


def measured_run(args: list[str], env: dict[str, str],
                 timeout: float) -> tuple[subprocess.CompletedProcess[str], float, float, float]:
    """Run a command; return its result, wall seconds, CPU seconds of its whole process tree and
    the peak RSS (MB) of its biggest process.

    A small Python parent waits for it and reads RUSAGE_CHILDREN, which covers every process
    in the tree that was waited for (the crawl workers are waited for by ``newsmon crawl``).
    """
    probe = ("import resource, subprocess, sys, json\n"
             "r = subprocess.run(sys.argv[1:])\n"
             "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "sys.stderr.write('\\nPEAK_RSS_KB=%d CPU_S=%.3f\\n' % (u.ru_maxrss, u.ru_utime + u.ru_stime))\n"
             "sys.exit(r.returncode)\n")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env,
                            timeout=timeout)
    seconds = time.monotonic() - started
    match = re.search(r"PEAK_RSS_KB=(\d+) CPU_S=([\d.]+)", result.stderr)
    assert match, result.stderr
    result.stderr = result.stderr[: match.start()].rstrip("\n") + "\n"
    return result, seconds, float(match.group(2)), int(match.group(1)) / 1024


def write_config(folder: Path, doc: dict[str, Any]) -> Path:
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def crawl_settings(**more: Any) -> dict[str, Any]:
    """Fast, impolite settings for loopback (no delay, no robots.txt, no retries), a long timeout.

    A page slower than the timeout is ``tests/test_crawl.py``'s case (the portal's 12 s page).
    Here the timeout is long because a worker extracting a hostile page on a machine loaded
    ten-fold is slow to read the 9.5 MB page beside it; time is bounded by CPU seconds instead."""
    return {"obey_robots_txt": False, "download_delay": 0, "autothrottle": False, "retries": 0,
            "timeout": 240, "concurrent_requests_per_domain": 8, **more}


def calm_routes(prefix: str, count: int = 3) -> dict[str, Page]:
    titles = [f"{prefix}招商引资项目第{i}批签约落地" for i in range(count)]
    routes = {f"/news/show-{i}.html": _html(ordinary_article(t, story=10 + i)) for i, t in enumerate(titles)}
    routes["/list/"] = Page(_list_page([(f"/news/show-{i}.html", t) for i, t in enumerate(titles)]))
    return routes


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    folder = tmp_path_factory.mktemp("faults")
    routes, stored, refused = hostile_routes()
    # 200,000 links; the article pattern keeps the ten show-N pages with one digit (served), so
    # the crawl's cost is the list page's, not 5,000 article downloads.
    big = {"/list/": Page(lambda: link_list_page(200_000))}
    big.update({f"/s/{i}.html": _html(ordinary_article(f"辽宁省重点项目集中签约仪式第{i}批举行", story=15 + i))
                for i in range(10)})
    with HostileSite(routes) as hostile, HostileSite(calm_routes("铁岭")) as calm, HostileSite(big) as biglist:
        for site in (hostile, calm, biglist):
            site.warm()
        receiver = Receiver()
        try:
            config = write_config(folder, {
                "database": "news.db",
                "crawl": crawl_settings(),
                "sites": [
                    {"name": "hostile", "start_urls": [hostile.url + "/list/"], "max_list_pages": 1},
                    {"name": "calm", "start_urls": [calm.url + "/list/"], "max_list_pages": 1},
                    {"name": "biglist", "start_urls": [biglist.url + "/list/"], "max_list_pages": 1,
                     "article_url_pattern": r"/s/\d\.html$"},
                ],
                "alerts": {
                    "channels": {"hook": {"type": "webhook", "url": receiver.url + "/hook?token=${HOOK_TOKEN}"}},
                    "rules": [{"name": "backtracking", "query": "/(a+)+$/"}, {"name": "signing", "query": "签约"}],
                },
            })
            env = {**os.environ, "HOOK_TOKEN": HOOK_TOKEN, "PYTHONUNBUFFERED": "1"}
            result, seconds, cpu, rss = measured_run(
                newsmon_command("crawl", "--config", str(config), "--format", "json", "-v"), env,
                timeout=MAX_CRAWL_SECONDS + 60)
            (folder / "crawl.log").write_text(  # to read on failure, and the figures of docs/reliability.md
                f"wall {seconds:.1f} s, CPU {cpu:.1f} s, peak RSS {rss:.0f} MB\n{result.stdout}{result.stderr}",
                encoding="utf-8")
            yield Crawl(folder, config, folder / "news.db", hostile, calm, biglist, receiver, stored, refused,
                        result, seconds, cpu, rss)
        finally:
            receiver.close()


def reports_of(result: subprocess.CompletedProcess[str]) -> dict[str, dict[str, Any]]:
    return {r["site"]: r for r in json.loads(result.stdout)}


def test_hostile_crawl_ends_in_bounded_time_and_memory_without_a_traceback(crawl: Crawl) -> None:
    assert crawl.result.returncode == 0, crawl.result.stderr[-3000:]
    assert "Traceback" not in crawl.result.stderr
    assert crawl.seconds < MAX_CRAWL_SECONDS, crawl.seconds
    assert crawl.cpu_seconds < MAX_CRAWL_CPU_SECONDS, crawl.cpu_seconds
    assert crawl.peak_rss_mb < MAX_CRAWL_RSS_MB, crawl.peak_rss_mb
    reports = reports_of(crawl.result)
    assert reports["hostile"]["status"] in ("ok", "partial"), reports["hostile"]
    assert reports["calm"]["status"] == "ok" and reports["calm"]["articles_new"] == 3  # other sites go on


def test_every_readable_hostile_page_is_stored_and_the_rest_are_failures_in_one_line(crawl: Crawl) -> None:
    titles = {t for (t,) in crawl.rows("SELECT title FROM articles WHERE site = 'hostile'")}
    assert titles == set(crawl.stored.values())
    errors = reports_of(crawl.result)["hostile"]["errors"]
    assert all("\n" not in e and "Traceback" not in e for e in errors)
    text = "\n".join(errors)
    for path in ("/news/show-110.html", "/news/show-112.html", "/news/show-114.html", "/news/show-115.html"):
        assert path in text, (path, errors)  # bomb, redirect loop, 404, 500: each named, each one line
    assert "/news/show-110.html: response larger than crawl.max_response_bytes once decompressed" in text


def test_gbk_bytes_behind_a_utf8_header_are_read_as_gbk(crawl: Crawl) -> None:
    [(body,)] = crawl.rows("SELECT body FROM articles WHERE url LIKE '%/show-103.html'")
    assert "鞍山市钢铁产业链招商推介会在上海举行" in body and "\ufffd" not in body


def test_big_pages_are_cut_with_a_note_not_dropped(crawl: Crawl) -> None:
    lengths = {url.rsplit("/", 1)[1]: n for url, n in
               crawl.rows("SELECT url, length(body) FROM articles WHERE site = 'hostile'")}
    notes = {m.group(1): m.group(2) for m in
             re.finditer(r"/news/(show-\d+\.html): page cut by the extraction budget \((.*)\)", crawl.result.stderr)}
    assert lengths["show-104.html"] <= 100_000  # the 9.5 MB page: was a 3.1M-character body
    assert "characters of HTML" in notes["show-104.html"]
    assert "elements" in notes["show-105.html"]  # 200,000 <p>: was 88 s of CPU
    assert lengths["show-106.html"] > 200 and "flattened" in notes["show-106.html"]  # was "too little text"
    assert 99_000 < lengths["show-108.html"] <= 100_000  # random CJK: stored whole, up to the body cap


def test_a_random_cjk_story_is_indexed_for_search(crawl: Crawl) -> None:
    [(body,)] = crawl.rows("SELECT body FROM articles WHERE url LIKE '%/show-108.html'")
    lines = [line for line in body.splitlines() if len(line) > 100]
    words = [line[50:53] for line in (lines[1], lines[len(lines) // 2], lines[-1])]  # start, middle, end
    result = subprocess.run(newsmon_command("search", " OR ".join(words), "--config", str(crawl.config),
                                            "--format", "json"), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert [hit["url"].rsplit("/", 1)[1] for hit in json.loads(result.stdout)] == ["show-108.html"]


def test_a_200k_link_list_page_is_read_within_the_cap(crawl: Crawl) -> None:
    report = reports_of(crawl.result)["biglist"]
    assert report["status"] in ("ok", "partial") and report["articles_new"] == 10, report
    assert crawl.biglist.requests.count("/list/") == 1


def test_the_backtracking_rule_costs_nothing_and_alerts_go_out_once(crawl: Crawl) -> None:
    # The 'aaaa…!' story is stored (it used to hold the write transaction for 20 minutes);
    # /(a+)+$/ does not match it (RE2 answers at once); the plain rule alerted every signing story once.
    assert crawl.rows("SELECT count(*) FROM articles WHERE body LIKE ?", f"%{AAAA}%") == [(1,)]
    rules = crawl.rows("SELECT rule, count(*), count(DISTINCT article_id) FROM alert_deliveries GROUP BY rule")
    signings = crawl.rows("SELECT count(*) FROM articles WHERE title LIKE '%签约%' OR body LIKE '%签约%'")[0][0]
    assert rules == [("signing", signings, signings)]
    titles = [r["json"]["title"] for r in crawl.receiver.accepted]
    assert len(titles) == signings == len(set(titles))


def test_verbose_crawl_log_carries_no_secret(crawl: Crawl) -> None:
    output = crawl.result.stdout + crawl.result.stderr
    assert "[scrapy.core.engine] INFO" in output  # it was verbose
    assert HOOK_TOKEN not in output
    assert any(HOOK_TOKEN in r["path"] for r in crawl.receiver.accepted)  # the receiver got the real one


def test_a_second_crawl_stores_nothing_twice(crawl: Crawl) -> None:
    before = crawl.rows("SELECT count(*) FROM articles")[0][0]
    result = subprocess.run(newsmon_command("crawl", "hostile", "calm", "--config", str(crawl.config),
                                            "--format", "json"), capture_output=True, text=True, timeout=120,
                            env={**os.environ, "HOOK_TOKEN": HOOK_TOKEN})
    assert result.returncode == 0, result.stderr
    assert {r["articles_new"] for r in json.loads(result.stdout)} == {0}
    assert crawl.rows("SELECT count(*) FROM articles")[0][0] == before
    assert crawl.rows("PRAGMA integrity_check") == [("ok",)]


# --- full disk -----------------------------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 8 MB tmpfs mounted under tmp_path (needs root, as in CI's container); skipped otherwise."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True,
                          text=True) if shutil.which("mount") and os.geteuid() == 0 else None
    if done is None or done.returncode != 0:
        pytest.skip("a full disk needs a small filesystem: mounting a tmpfs needs root "
                    f"({done.stderr.strip() if done else 'not root'})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(folder: Path) -> Path:
    """Fill the filesystem of ``folder`` to the last byte; the filler file is returned to free it later."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
        try:
            while True:
                f.write(b"\0" * 512)
        except OSError:
            pass
    return filler


def test_full_disk_is_one_sentence_keeps_what_was_stored_and_recovers(small_disk: Path) -> None:
    routes = calm_routes("本溪", count=3)
    with HostileSite(routes) as site:
        config = write_config(small_disk, {"database": "news.db", "crawl": crawl_settings(),
                                           "sites": [{"name": "calm", "start_urls": [site.url + "/list/"],
                                                      "max_list_pages": 1}]})
        db = small_disk / "news.db"

        def crawl_once() -> subprocess.CompletedProcess[str]:
            return subprocess.run(newsmon_command("crawl", "--config", str(config), "--format", "json"),
                                  capture_output=True, text=True, timeout=180)

        first = crawl_once()
        assert first.returncode == 0, first.stderr
        assert reports_of(first)["calm"]["articles_new"] == 3
        # New stories appear, long ones (20,000 characters each), and the disk is full.
        for i in range(3, 6):
            title = f"丹东招商引资项目第{i}批签约落地"
            rng = random.Random(i)  # text unlike any other story's (prose_page's would be near-duplicates)
            text = "".join(f"<p>{''.join(chr(0x4E00 + rng.randrange(6000)) for _ in range(200))}。</p>"
                           for _ in range(100))
            routes[f"/news/show-{i}.html"] = Page(ordinary_article(title, extra=text, story=5 + i).encode())
        routes["/list/"] = Page(_list_page([(f"/news/show-{i}.html", f"{'本溪' if i < 3 else '丹东'}招商引资项目第{i}批签约落地")
                                            for i in range(6)]))
        filler = fill(small_disk)
        outputs = []
        # Completely full: the database cannot even be opened. Then 160 KB free: the crawl starts,
        # stores what fits, and the first story that does not fit fails in the middle.
        for free in (0, 160 * 1024):
            os.truncate(filler, filler.stat().st_size - free)
            full = crawl_once()
            output = full.stdout + full.stderr
            outputs.append(output)
            (small_disk.parent / f"full-disk-{free}.log").write_text(output, encoding="utf-8")  # to read on failure
            assert "Traceback" not in output, output[-3000:]
            assert full.returncode != 0 or reports_of(full)["calm"]["status"] != "ok", output[-3000:]
            assert re.search(r"database or disk is full|disk I/O error", output), output[-3000:]
            error_lines = [line for line in full.stderr.splitlines() if line.startswith("Error")]
            assert all(len(line) < 400 for line in error_lines)
        assert outputs[0].startswith("Error: ") and "cannot open the database" in outputs[0]
        assert "cannot store http" in outputs[1] or "the database could not be written" in outputs[1]
        assert "OperationalError" not in outputs[1]  # sentences, not exception class names
        # What was stored before is intact.
        filler.unlink()
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("SELECT count(*) FROM articles WHERE title LIKE '本溪%'").fetchone() == (3,)
        # Space again: the next crawl stores the new stories, each once.
        again = crawl_once()
        assert again.returncode == 0, again.stderr
        with sqlite3.connect(db) as conn:
            titles = [t for (t,) in conn.execute("SELECT title FROM articles")]
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert len(titles) == len(set(titles)) == 6


# --- the slow rule under the daemon --------------------------------------------------------------------

DAEMON_EVERY_S = 3.0
# One crawl on a loaded 2-core machine: worker start-up, the crawl, a wait for a slot.
DAEMON_CRAWL_S = 60.0


def test_backtracking_rule_under_the_daemon_stalls_nothing_and_alerts_once(tmp_path: Path) -> None:
    """The issue's case 1 as it happened: ``newsmon run``, rule ``/(a+)+$/``, a story of 34 'a' and
    '!', a second, innocent site and the sender. Before RE2 and matching outside the write
    transaction, the story held the database for ~20 minutes every cycle: the innocent site's
    crawl timed out and the sender logged ``database is locked``."""
    hostile = {"/news/show-1.html": _html(ordinary_article("营口港新航线开通签约仪式举行", extra=f"<p>{AAAA}</p>",
                                                           story=3)),
               "/news/show-2.html": _html(ordinary_article("鲅鱼圈临港产业园项目签约", story=4))}
    hostile["/list/"] = Page(_list_page([("/news/show-1.html", "营口港新航线开通签约仪式举行"),
                                         ("/news/show-2.html", "鲅鱼圈临港产业园项目签约")]))
    with HostileSite(hostile) as evil, HostileSite(calm_routes("抚顺")) as innocent:
        receiver = Receiver()
        config = write_config(tmp_path, {
            "database": "news.db",
            "crawl": crawl_settings(),
            "daemon": {"heartbeat": "1s", "max_concurrent_crawls": 2},
            "sites": [{"name": "hostile", "start_urls": [evil.url + "/list/"], "max_list_pages": 1,
                       "every": f"{DAEMON_EVERY_S:g}s"},
                      {"name": "innocent", "start_urls": [innocent.url + "/list/"], "max_list_pages": 1,
                       "every": f"{DAEMON_EVERY_S:g}s"}],
            "alerts": {"channels": {"hook": {"type": "webhook", "url": receiver.url + "/hook"}},
                       "rules": [{"name": "backtracking", "query": "/(a+)+$/"}, {"name": "signing", "query": "签约"}]},
        })
        daemon = DaemonProcess(config)
        try:
            daemon.wait_log(r"started pid=")
            started = time.monotonic()
            # Three crawls of each site: the hostile story would have repeated every cycle.
            for site in ("hostile", "innocent"):
                daemon.wait_log(rf"crawl site={site} ", count=3, timeout=3 * (DAEMON_EVERY_S * 1.1 + DAEMON_CRAWL_S))
            stories = daemon.rows("SELECT site, url FROM articles ORDER BY url")
            assert sorted(site for site, _ in stories) == ["hostile"] * 2 + ["innocent"] * 3, stories
            assert len({url for _, url in stories}) == 5
            assert daemon.rows("SELECT count(*) FROM articles WHERE body LIKE ?", f"%{AAAA}%") == [(1,)]
            # Every story alerted once, on the plain rule; the sender delivered each once.
            wait_for(lambda: len(receiver.accepted) >= 5, DAEMON_EVERY_S * 1.1 + DAEMON_CRAWL_S, "five alerts")
            crawls = len(daemon.wait_log(r"crawl site=hostile "))
            daemon.wait_log(r"crawl site=hostile ", count=crawls + 1, timeout=DAEMON_EVERY_S * 1.1 + DAEMON_CRAWL_S)
            seconds = time.monotonic() - started
            stopped = daemon.stop()
        finally:
            daemon.kill()
            receiver.close()
    log = daemon.log
    assert stopped == 0, log[-3000:]
    urls = [r["json"]["url"] for r in receiver.accepted]
    assert sorted(urls) == sorted(url for _, url in stories), urls  # each story once, nothing twice
    assert {r["json"]["rule"] for r in receiver.accepted} == {"signing"}
    assert daemon.rows("SELECT rule, count(*) FROM alert_deliveries GROUP BY rule") == [("signing", 5)]
    assert "database is locked" not in log and "Traceback" not in log, log[-3000:]
    lines = [line for line in log.splitlines() if re.search(r"crawl site=(hostile|innocent) ", line)]
    assert lines and all("status=ok" in line for line in lines), lines  # the innocent site's above all
    durations = [float(d) for d in re.findall(r"crawl site=\w+ .* duration=([\d.]+)s", "\n".join(lines))]
    assert max(durations) < DAEMON_CRAWL_S, durations  # one crawl was ~20 minutes of backtracking
    assert seconds < 4 * (DAEMON_EVERY_S * 1.1 + DAEMON_CRAWL_S)


def test_stories_that_fill_the_disk_end_the_crawl_in_bounded_time(small_disk: Path) -> None:
    """Session 3 saw a crawl of three 100,000-random-CJK-character stories "exceed 180 s". It was a
    hang: each story costs ~1.8 MB of database, the 8 MB disk filled, closing the crawl_runs row
    failed, the worker never reported the site done, and ``newsmon crawl`` waited forever."""
    routes = calm_routes("辽阳", count=3)
    with HostileSite(routes) as site:
        config = write_config(small_disk, {"database": "news.db", "crawl": crawl_settings(),
                                           "sites": [{"name": "calm", "start_urls": [site.url + "/list/"],
                                                      "max_list_pages": 1}]})

        def crawl_once() -> tuple[subprocess.CompletedProcess[str], float]:
            started = time.monotonic()
            done = subprocess.run(newsmon_command("crawl", "--config", str(config), "--format", "json"),
                                  capture_output=True, text=True, timeout=240)
            return done, time.monotonic() - started

        first, _ = crawl_once()
        assert first.returncode == 0 and reports_of(first)["calm"]["articles_new"] == 3, first.stderr
        titles = [f"辽阳高新区随机汉字项目第{i}批签约" for i in range(3, 7)]
        for i, title in enumerate(titles, start=3):
            routes[f"/news/show-{i}.html"] = Page(lambda i=i, title=title: random_cjk_page(100_000, title, seed=i))
        routes["/list/"] = Page(_list_page([*((f"/news/show-{i}.html", f"辽阳招商引资项目第{i}批签约落地")
                                              for i in range(3)),
                                            *((f"/news/show-{i}.html", t) for i, t in enumerate(titles, start=3))]))
        site.warm()
        full, seconds = crawl_once()
        output = full.stdout + full.stderr
        (small_disk.parent / "cjk-full-disk.log").write_text(output, encoding="utf-8")  # to read on failure
        assert seconds < 120, seconds  # it never ended
        assert "Traceback" not in output, output[-3000:]
        report = reports_of(full)["calm"]
        assert report["status"] == "partial" and report["articles_new"] < 4, report
        assert any("database or disk is full" in e for e in report["errors"]), report
        # More room (the same tmpfs, grown): the next crawl stores the rest, each once, and no
        # crawl_runs row is left 'running'.
        grown = subprocess.run(["mount", "-o", "remount,size=32m", str(small_disk)], capture_output=True, text=True)
        assert grown.returncode == 0, grown.stderr
        again, _ = crawl_once()
        assert again.returncode == 0 and reports_of(again)["calm"]["status"] == "ok", again.stdout + again.stderr
        with sqlite3.connect(small_disk / "news.db") as conn:
            stored = [t for (t,) in conn.execute("SELECT title FROM articles")]
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("SELECT count(*) FROM crawl_runs WHERE status = 'running'").fetchone() == (0,)
    assert len(stored) == len(set(stored)) == 7


def test_a_full_disk_under_the_daemon_makes_the_site_unhealthy_and_it_recovers(small_disk: Path,
                                                                                tmp_path: Path) -> None:
    """Crawls whose failure cannot be written (the database's disk full, or read-only) still count
    toward the site's health, in memory; before, the worker never reported such a crawl and the
    daemon waited for it until the crawl's time limit (10 minutes)."""
    with HostileSite(calm_routes("本溪")) as site:
        # The config and the daemon's log beside the test, the database alone on the small disk.
        config = write_config(tmp_path, {
            "database": str(small_disk / "news.db"), "crawl": crawl_settings(),
            "daemon": {"heartbeat": "1s", "unhealthy_after_failures": 2},
            "sites": [{"name": "calm", "start_urls": [site.url + "/list/"], "max_list_pages": 1,
                       "every": f"{DAEMON_EVERY_S:g}s"}]})
        daemon = DaemonProcess(config)
        daemon.db = small_disk / "news.db"
        try:
            daemon.wait_log(r"crawl site=calm status=ok new=3 ", timeout=DAEMON_EVERY_S * 1.1 + DAEMON_CRAWL_S)
            filler = fill(small_disk)
            line = daemon.wait_log(r"unhealthy site=calm ", timeout=3 * (DAEMON_EVERY_S * 1.1 + DAEMON_CRAWL_S))[0]
            assert "could not be recorded" in line and "database or disk is full" in line, line
            filler.unlink()
            daemon.wait_log(r"recovered site=calm", timeout=2 * (DAEMON_EVERY_S * 1.1 + DAEMON_CRAWL_S))
            assert daemon.stop() == 0
        finally:
            daemon.kill()
        log = daemon.log
    assert "Traceback" not in log, log[-3000:]
    with sqlite3.connect(small_disk / "news.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (3,)
