"""FixturePortal: the fixture sites served over real HTTP on 127.0.0.1.

Every site gets its own ``ThreadingHTTPServer`` on a free port, so sites have
distinct origins (robots.txt, per-domain politeness).  Servers bind to
127.0.0.1 only; nothing here ever talks to another host.
"""

from __future__ import annotations

import hashlib
import re
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Mapping, Optional, cast
from urllib.parse import urlsplit

import yaml

from . import templates as t
from .bench import BenchPortal
from .model import REAL, Response
from .sites import DongbeiNews, LiaoningInvest, Offsite, ShenyangGov, Site, load_data

__all__ = ["FixturePortal", "RequestRecord", "DEFAULT_CRAWL"]

# The crawl section config_yaml() emits: fast and strict, so tests finish quickly
# and the huge (3 MB) and slow (12 s) pages exceed the limits on purpose; the 6 s
# timeout leaves real pages room on a loaded 2-core machine.
DEFAULT_CRAWL: dict[str, Any] = {
    "download_delay": 0,
    "autothrottle": False,
    "timeout": 6,
    "retries": 0,
    "max_response_bytes": 2_000_000,
}
OFFSITE = "offsite"
_PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")


@dataclass
class RequestRecord:
    """One request as the portal saw it (for assertions beyond plain paths)."""

    site: str
    method: str
    path: str
    host: str
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 0  # filled in once the answer is known
    client_port: int = 0  # the crawler's end of the connection (which process asked)
    # time.monotonic() when the request was read and just before the answer's bytes went out: any
    # request arriving after ``answered`` was sent after this one was done (politeness checks).
    arrived: float = 0.0
    answered: float = 0.0


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a slow page must never keep the test process alive

    def __init__(self, portal: "FixturePortal", name: str) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.portal = portal
        self.name = name
        self.site: Optional[Site] = None
        self.connections: set[socket.socket] = set()
        self.conn_lock = threading.Lock()

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def handle_error(self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any) -> None:
        # Crawlers hang up on the huge and slow pages by design; that is not an error.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like real servers; every answer has Content-Length
    server_version = "nginx/1.20.1"
    sys_version = ""
    timeout = 30  # idle keep-alive connections do not live forever
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.conn_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.conn_lock:
            self.server.connections.discard(self.connection)
        try:
            super().finish()
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # requests are recorded in FixturePortal.requests(), not printed

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def _serve(self, head: bool) -> None:
        portal = self.server.portal
        # http.client's header Message reads case-insensitively, as _respond expects of a Mapping.
        record, response = portal._respond(self.server, self.command, self.path,
                                           cast(Mapping[str, str], self.headers), int(self.client_address[1]))
        if response.delay:
            portal._stopping.wait(response.delay)  # stop() wakes slow requests up
        record.answered = time.monotonic()
        try:
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            for name, value in response.headers.items():
                self.send_header(name, value)
            if response.status != 304:
                self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            if not head and response.status != 304:
                self.wfile.write(response.body)
        except OSError:
            self.close_connection = True  # the client gave up (e.g. on the 3 MB page)


class FixturePortal:
    """Fake Chinese news portals on 127.0.0.1 for the demo, integration tests and benchmark.

    Use as a context manager (``with FixturePortal() as portal:``) or call
    :meth:`start` / :meth:`stop`.  ``bench_articles > 0`` adds ``bench-portal``.
    """

    def __init__(self, bench_articles: int = 0, bench_delay: float = 0.0) -> None:
        if bench_articles < 0:
            raise ValueError("bench_articles must be zero or more")
        self.bench_articles = bench_articles
        self.bench_delay = bench_delay  # seconds bench-portal takes to answer each page (a real server's time)
        self._servers: dict[str, _Server] = {}
        self._threads: list[threading.Thread] = []
        self._log: list[RequestRecord] = []
        self._log_lock = threading.Lock()
        self._failing: dict[str, int] = {}
        self._stopping = threading.Event()

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> "FixturePortal":
        """Bind every site to a free port on 127.0.0.1 and start serving."""
        if self._servers:
            raise RuntimeError("the portal is already running")
        self._stopping.clear()
        names = ["liaoning-invest", "shenyang-gov", "dongbei-news"]
        names += ["bench-portal"] if self.bench_articles else []
        # Bind first: sites need each other's ports (the off-site link) to render.
        servers = {name: _Server(self, name) for name in names + [OFFSITE]}
        base = {name: f"http://127.0.0.1:{server.port}" for name, server in servers.items()}
        # A different *hostname* (still loopback): 127.0.0.1 ports all share one domain.
        offsite_base = f"http://localhost:{servers[OFFSITE].port}"
        data = load_data()
        sites: dict[str, Site] = {
            "liaoning-invest": LiaoningInvest(base["liaoning-invest"], data["liaoning-invest"]),
            "shenyang-gov": ShenyangGov(base["shenyang-gov"], data["shenyang-gov"], data["shenyang-private"]),
            "dongbei-news": DongbeiNews(base["dongbei-news"], data["dongbei-news"], offsite_base),
            OFFSITE: Offsite(offsite_base),
        }
        if self.bench_articles:
            sites["bench-portal"] = BenchPortal(base["bench-portal"], self.bench_articles, data["bench"])
        for name, server in servers.items():
            server.site = sites[name]
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                      name=f"portal-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        self._servers = servers
        return self

    def stop(self) -> None:
        """Stop all servers and drop open connections; safe to call twice."""
        self._stopping.set()
        servers, self._servers = self._servers, {}
        for server in servers.values():
            server.shutdown()
            server.server_close()
            with server.conn_lock:
                open_connections = list(server.connections)
            for conn in open_connections:  # keep-alive clients would otherwise still be served
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads = []

    def __enter__(self) -> "FixturePortal":
        return self.start()

    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> None:
        self.stop()

    # ----------------------------------------------------------------- configuration
    def _site(self, name: str) -> Site:
        if not self._servers:
            raise RuntimeError("the portal is not running; call start() or use it as a context manager")
        server = self._servers.get(name)
        if server is None or server.site is None:
            raise KeyError(f"no fixture site called {name!r} (known: {', '.join(self._servers)})")
        return server.site

    @property
    def sites(self) -> dict[str, dict[str, Any]]:
        """Site name -> ``{"start_urls": [...], "every": "30s"}`` (bench also sets max_list_pages)."""
        self._site("liaoning-invest")  # raises if not running
        return {name: server.site.site_config() for name, server in self._servers.items()
                if name != OFFSITE and server.site is not None}

    def config_yaml(self, database: str = "news.db", **crawl_overrides: Any) -> str:
        """A complete newsmon config.yaml for every site; kwargs replace keys under ``crawl:``."""
        crawl = {**DEFAULT_CRAWL, **crawl_overrides}
        doc = {
            "database": database,
            "crawl": crawl,
            "sites": [{"name": name, **entry} for name, entry in self.sites.items()],
        }
        return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, default_flow_style=False)

    def url(self, site: str, path: str) -> str:
        """Absolute URL of ``path`` on ``site`` (``offsite`` is the localhost one)."""
        return self._site(site).base + (path if path.startswith("/") else "/" + path)

    # ----------------------------------------------------------------- observation
    def requests(self, site: Optional[str] = None) -> list[str]:
        """Paths (with query, robots.txt included) requested so far, in arrival order.

        ``site="offsite"`` gives the hits on the localhost server dongbei-news links to.
        """
        with self._log_lock:
            return [r.path for r in self._log if site is None or r.site == site]

    def request_log(self, site: Optional[str] = None) -> list[RequestRecord]:
        """Like :meth:`requests` but with method, Host, headers and the status answered."""
        with self._log_lock:
            return [r for r in self._log if site is None or r.site == site]

    def clear_requests(self) -> None:
        """Forget every request seen so far."""
        with self._log_lock:
            self._log.clear()

    def expected(self) -> dict[str, list[dict[str, Any]]]:
        """Site -> real articles in list order: ``{url, title, published, source, paragraphs}``.

        ``published`` is ``YYYY-MM-DD HH:MM`` (Beijing time) whatever the page shows;
        ``paragraphs`` are the body paragraphs including real image captions, without
        screenshot-name lines.  Broken, 404/500, robots-disallowed and off-site
        entries are left out (see :meth:`broken`); publish()ed articles are included.
        """
        out: dict[str, list[dict[str, Any]]] = {}
        for name in self.sites:
            site = self._site(name)
            out[name] = [
                {"url": site.base + a.path, "title": a.title, "published": a.published,
                 "source": a.source, "paragraphs": a.body_text()}
                for a in site.real_articles()
            ]
        return out

    def broken(self) -> dict[str, dict[str, str]]:
        """Site -> kind -> URL of every deliberately bad list entry.

        Kinds: ``missing`` (404), ``error`` (500), ``private`` (robots-disallowed),
        ``malformed``, ``binary``, ``huge``, ``slow``, ``loop`` and ``offsite``.
        """
        out: dict[str, dict[str, str]] = {}
        for name in self.sites:
            site = self._site(name)
            entries = [a for page in site.pages for a in page if a.kind != REAL]
            out[name] = {a.kind: (a.path if a.path.startswith("http") else site.base + a.path) for a in entries}
        return out

    def syndicated(self) -> list[tuple[str, str]]:
        """(original URL, republished URL) pairs of the same story on two sites."""
        shenyang = self._site("shenyang-gov")
        assert isinstance(shenyang, ShenyangGov)
        pairs = []
        for path, ref in shenyang.syndicates.items():
            other, ident = ref.split(":")
            pairs.append((self.url(other, f"/news/show-{ident}.html"), shenyang.base + path))
        return pairs

    # ----------------------------------------------------------------- control
    def publish(self, site: str, title: str, paragraphs: list[str], published: str = "2023-04-06 09:30",
                source: str = "辽宁日报") -> str:
        """Add an article on top of ``site``'s first list page (new ETag); returns its URL."""
        if not _PUBLISHED.match(published):
            raise ValueError(f"published must look like 2023-04-06 09:30, not {published!r}")
        target = self._site(site)
        return target.base + target.publish(title, list(paragraphs), published, source).path

    def fail(self, site: str, status: Optional[int] = 500) -> None:
        """From now on every page of ``site`` answers ``status``; ``None`` heals it."""
        self._site(site)
        if status is None:
            self._failing.pop(site, None)
        else:
            self._failing[site] = int(status)

    # ----------------------------------------------------------------- serving
    def _respond(self, server: _Server, method: str, raw_path: str, headers: Mapping[str, str],
                 client_port: int = 0) -> tuple[RequestRecord, Response]:
        """Log the request, then answer it (failure mode, routing, conditional GET)."""
        if raw_path.startswith(("http://", "https://")):  # absolute-form request line
            parts = urlsplit(raw_path)
            raw_path = parts.path + (f"?{parts.query}" if parts.query else "")
        record = RequestRecord(server.name, method, raw_path, headers.get("Host", ""), dict(headers.items()),
                               client_port=client_port, arrived=time.monotonic())
        with self._log_lock:
            self._log.append(record)
        status = self._failing.get(server.name)
        if status is not None:
            body = t.simple_page(f"{status} Error", "服务暂时不可用，请稍后再试。").encode("utf-8")
            response = Response(status, body)
        else:
            assert server.site is not None
            response = server.site.route(raw_path)
            if response.cacheable:
                response = self._conditional(server.site, response, headers)
        record.status = response.status
        if server.name == "bench-portal" and self.bench_delay and not response.delay:
            response.delay = self.bench_delay
        return record, response

    @staticmethod
    def _conditional(site: Site, response: Response, headers: Mapping[str, str]) -> Response:
        """Add ETag/Last-Modified to a list page and turn it into 304 when the client has it."""
        etag = '"' + hashlib.sha1(response.body).hexdigest()[:20] + '"'
        with site.lock:
            modified = site.last_modified
        validators = {"ETag": etag, "Last-Modified": formatdate(modified, usegmt=True), "Cache-Control": "no-cache"}
        response.headers.update(validators)
        if_none_match = headers.get("If-None-Match")
        if_modified_since = headers.get("If-Modified-Since")
        if if_none_match is not None:  # RFC 9110: If-None-Match wins over If-Modified-Since
            tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
            fresh = "*" in tags or etag in tags
        elif if_modified_since:
            try:
                fresh = modified <= parsedate_to_datetime(if_modified_since).timestamp()
            except (TypeError, ValueError):
                fresh = False
        else:
            fresh = False
        return Response(304, b"", response.content_type, validators) if fresh else response
