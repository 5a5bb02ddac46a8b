"""The Redis host limiter with AutoThrottle on (the default): two crawls of one host keep ``download_delay`` apart.

Two Scrapy crawls in one process stand for two workers (each its own downloader and AutoThrottle),
sharing a real redis-server; a loopback server notes when each request arrives.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

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
