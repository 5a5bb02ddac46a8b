"""A hostile web site on 127.0.0.1 for the fault suite (issue 13): pages built to hurt a crawler.

``HostileSite`` serves a route table of ``path -> Page`` on a free loopback port. Each
:class:`Page` is status, headers, body (bytes, or a function building them on first use, cached)
and an optional delay before answering. The hostile page classes themselves (9.5 MB prose,
200,000 ``<p>``, 100,000 nested ``<div>``, 200,000 links, a gzip bomb) are built by
``newsmon.portal.hostile``, shared with the benchmark ``bench/extract_budget.py``.

Used through the ``hostile_site`` fixture (``tests/conftest.py``) or directly::

    with HostileSite({"/": Page(body=b"<html>...</html>")}) as site:
        site.url + "/"
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Iterator, Optional, Union

import pytest

__all__ = ["HostileSite", "Page", "hostile_site"]


@dataclass
class Page:
    """One answer: status, headers, body (bytes or a builder called once), delay in seconds."""

    body: Union[bytes, Callable[[], bytes]] = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    _built: Optional[bytes] = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def bytes(self) -> bytes:
        """The body, built on first use (big pages cost nothing until asked for)."""
        if isinstance(self.body, bytes):
            return self.body
        with self._lock:
            if self._built is None:
                self._built = self.body()
            return self._built


class HostileSite:
    """A ThreadingHTTPServer on 127.0.0.1:<free port> answering from ``routes``; requests are recorded."""

    def __init__(self, routes: dict[str, Page]) -> None:
        self.routes = routes
        self.requests: list[str] = []
        self._stopping = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                outer.requests.append(self.path)
                page = outer.routes.get(self.path.split("#")[0])
                if page is None:
                    page = Page(b"<html><body>not here</body></html>", status=404)
                if page.delay:
                    outer._stopping.wait(page.delay)  # close() wakes slow answers up
                body = page.bytes()
                try:
                    self.send_response(page.status)
                    for name, value in page.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # crawlers hang up on the pages they refuse; that is the point

            def log_message(self, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True  # a slow page must never keep the test process alive

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def warm(self) -> "HostileSite":
        """Build every lazy page now (building a 200 MB bomb inside a request would time it out)."""
        for page in self.routes.values():
            page.bytes()
        return self

    def __enter__(self) -> "HostileSite":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stopping.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hostile_site() -> Iterator[Callable[[dict[str, Page]], HostileSite]]:
    """A factory: ``hostile_site(routes)`` starts a :class:`HostileSite`, closed after the test."""
    started: list[HostileSite] = []

    def start(routes: dict[str, Page]) -> HostileSite:
        site = HostileSite(routes)
        started.append(site)
        return site

    yield start
    for site in started:
        site.close()
