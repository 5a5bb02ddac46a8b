"""The Redis host limiter with AutoThrottle on (the default): two crawls of one host keep ``download_delay`` apart.

First two Scrapy crawls in one process stand for two workers (each its own downloader and AutoThrottle),
sharing a real redis-server; a loopback server notes when each request arrives. Then the same end to end:
two ``newsmon worker`` processes crawl two sites of one host, configured as a user would.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

from newsmon.portal import FixturePortal
from test_daemon_support import wait_for
from test_scaleout import _two_workers

DELAY_S = 0.5

SCRIPT = """
import sys
from scrapy import Request, Spider
from scrapy.crawler import CrawlerRunner
from scrapy.utils.reactor import install_reactor

install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
from twisted.internet import reactor

base, redis_url, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])

class Pages(Spider):
    name = "pages"
    async def start(self):
        for n in range(6):
            yield Request(f"{base}/{self.tag}/{n}", dont_filter=True)
    def parse(self, response):
        pass

from newsmon.crawler.frontier import frontier_settings

# A worker's politeness settings (the frontier itself needs a PortalSpider, so not that part).
POLITE = {key: value for key, value in frontier_settings(redis_url, {}, delay).items()
          if key in ("NEWSMON_HOST_DELAY", "DOWNLOAD_DELAY", "RANDOMIZE_DOWNLOAD_DELAY", "DOWNLOADER_MIDDLEWARES",
                     "REDIS_URL")}

def settings(start_delay):
    return {**POLITE, "CONCURRENT_REQUESTS_PER_DOMAIN": 2, "AUTOTHROTTLE_ENABLED": True,
            "AUTOTHROTTLE_START_DELAY": start_delay, "AUTOTHROTTLE_TARGET_CONCURRENCY": 2.0,
            "ROBOTSTXT_OBEY": False, "LOG_LEVEL": "ERROR", "TELNETCONSOLE_ENABLED": False}

runner = CrawlerRunner()
# Two workers' AutoThrottles rarely agree: one measured a slow answer (2 s), one has not yet.
done = [runner.crawl(runner.create_crawler(type("A", (Pages,), {"tag": "a", "custom_settings": settings(2.0)}))),
        runner.crawl(runner.create_crawler(type("B", (Pages,), {"tag": "b", "custom_settings": settings(DELAY)})))]
from twisted.internet.defer import DeferredList
DeferredList(done).addBoth(lambda _: reactor.stop())
reactor.run()
""".replace("DELAY)", "delay)")


def test_two_crawls_with_autothrottle_start_downloads_download_delay_apart(redis_url: str) -> None:
    arrivals: list[tuple[float, str]] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
            pass

        def do_GET(self) -> None:
            with lock:
                arrivals.append((time.monotonic(), self.path))
            body = b"<html><body>ok</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        done = subprocess.run([sys.executable, "-c", SCRIPT, f"http://127.0.0.1:{server.server_address[1]}",
                               redis_url, str(DELAY_S)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    finally:
        server.shutdown()
        server.server_close()
    assert len(arrivals) == 12, arrivals
    times = sorted(t for t, _ in arrivals)
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    # A little slack for the server thread's own scheduling; the limiter's delay is a strict minimum.
    assert min(gaps) >= DELAY_S - 0.05, sorted(arrivals)


def test_two_workers_crawling_two_sites_of_one_host_start_downloads_download_delay_apart(
    tmp_path: Path, redis_url: str
) -> None:
    """Two 栏目 sites of one portal (one host) queued at once, each taken by its own ``newsmon worker``, with
    ``crawl.download_delay`` set and AutoThrottle left at its default (on): at the server, no two requests to the
    host arrive closer together than the delay, while both workers fetch."""
    from newsmon.scheduler.crawl_queue import CrawlQueue

    delay = 0.25
    with FixturePortal(bench_articles=40) as portal:
        doc = yaml.safe_load(portal.config_yaml(database="news.db", download_delay=delay, timeout=6))
        del doc["crawl"]["autothrottle"]  # the default, as a user's config leaves it
        bench = next(s for s in doc["sites"] if s["name"] == "bench-portal")
        # Two columns of one portal: list page 1's 20 stories and list page 2's.
        doc["sites"] = [{**bench, "name": f"bench-{n}", "start_urls": [portal.url("bench-portal", f"/list/{n}.html")],
                         "max_list_pages": 1, "every": "1h"} for n in (1, 2)]
        doc["queue"] = redis_url
        doc["daemon"] = {"workers": 1, "jitter": 0}
        config = tmp_path / "config.yaml"
        config.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
        workers, ports = _two_workers(config, portal, concurrency=1)
        try:
            queue = CrawlQueue.connect(redis_url)
            assert queue.enqueue("bench-1") and queue.enqueue("bench-2")
            reports: list[dict[str, Any]] = []
            wait_for(lambda: reports.extend(queue.pop_reports()) or len(reports) == 2, 90, "both crawls' reports")
            for worker in workers.values():
                assert worker.stop() == 0
        finally:
            ports.stop()
            for worker in workers.values():
                worker.kill()
        records = portal.request_log("bench-portal")
    # Each column's 20 stories stored, or found a duplicate of one stored (the bench portal's text repeats).
    assert sorted((r["site"], r["status"], r["articles_new"] + r["duplicates"]) for r in reports) == \
        [("bench-1", "ok", 20), ("bench-2", "ok", 20)], reports
    # Each worker crawled one site, at the same time as the other.
    by_worker: dict[str, list[float]] = {}
    for record in records:
        by_worker.setdefault(ports.ports.get(record.client_port, "?"), []).append(record.arrived)
    assert sorted(by_worker) == ["a", "b"] and all(len(times) >= 20 for times in by_worker.values()), \
        {name: len(times) for name, times in by_worker.items()}
    a, b = by_worker["a"], by_worker["b"]
    assert sum(1 for t in b if min(a) < t < max(a)) >= 5, "the two crawls did not overlap"
    times = sorted(r.arrived for r in records)
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    # A little slack for the server thread's own scheduling; the limiter's delay is a strict minimum.
    assert min(gaps) >= delay - 0.05, sorted(gaps)[:5]


def test_a_download_sent_late_after_its_place_still_keeps_the_next_one_the_delay_apart(redis_url: str) -> None:
    """A starved worker sends its download well after taking its place (its lease); the next place at the host is
    given no sooner than the delay after the first place is returned, so the host never sees two downloads closer
    than the delay, however late the first was sent (the limiter's own scripts on a real redis-server)."""
    import redis
    from scrapy import Request

    from newsmon.crawler.politeness import LEASE_META, HostLimiter

    server = redis.Redis.from_url(redis_url)
    host = f"late-{time.monotonic_ns()}.example:80"
    keys = [f"newsmon:host:{host}:leases", f"newsmon:host:{host}:next"]
    limiter = HostLimiter(server, concurrency=1, delay_s=DELAY_S, lease_s=30)
    assert limiter._acquire(keys=keys, args=["a", 1, 30_000, limiter.delay_ms]) == 0  # worker a's place
    time.sleep(DELAY_S * 0.8)  # a is starved: its download goes out only now…
    sent = time.monotonic()
    request = Request(f"http://{host}/a")
    request.meta[LEASE_META] = (keys, "a", host)
    limiter._release(request)  # …and its response is back at once
    while (wait := int(limiter._acquire(keys=keys, args=["b", 1, 30_000, limiter.delay_ms]))) != 0:
        time.sleep(max(wait, 1) / 1000)
    # Counted from a's place alone, b's would be given DELAY_S * 0.2 after a was sent; a's place is returned (no
    # 30-second lease to wait out).
    assert DELAY_S - 0.02 <= time.monotonic() - sent < DELAY_S + 0.3
    assert server.zcard(keys[0]) == 1  # a's place returned, b's held
