"""A hostile web site on 127.0.0.1 for the fault suite (issue 13): pages built to hurt a crawler.

``HostileSite`` serves a route table of ``path -> Page`` on a free loopback port. Each
:class:`Page` is status, headers, body (bytes, or a function building them on first use, cached)
and an optional delay before answering. The page builders below make each hostile class the
issue lists: a 9.5 MB prose page, 200,000 short ``<p>``, 100,000 nested ``<div>``, a list page
with 200,000 links, a gzip bomb, a page whose header lies about its charset, garbage bytes, a
redirect loop, a page slower than the timeout, 404 and 500. Sizes are parameters so the
benchmark (``bench/hostile_cost.py``) can grow them by 10× and 100×.

Used through the ``hostile_site`` fixture (``tests/conftest.py``) or directly::

    with HostileSite({"/": Page(body=b"<html>...</html>")}) as site:
        site.url + "/"
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Union

import pytest

from newsmon import portal

__all__ = [
    "HostileSite", "Page", "hostile_site", "ordinary_article", "prose_page", "many_paragraphs_page",
    "nested_divs_page", "link_list_page", "gzip_bomb", "PARA",
]

PARA = "<p>第{0}段：沈抚示范区与三家企业集中签约新能源项目，总投资58亿元，预计年内开工建设，新增就业岗位{0}个。</p>"


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


# --- page builders -------------------------------------------------------------------------------------

def _head(title: str, date: str = "2023-04-05 09:30") -> str:
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
            f"<div class=info>发布时间：{date} 来源：本网</div>")


@functools.lru_cache(maxsize=1)
def _stories() -> list[dict[str, Any]]:
    with open(Path(portal.__file__).with_name("articles.json"), encoding="utf-8") as f:
        data = json.load(f)
    return [a for name in ("liaoning-invest", "shenyang-gov", "dongbei-news") for a in data[name]]


def ordinary_article(title: str, paragraphs: int = 4, *, extra: str = "", story: int = 0) -> str:
    """An ordinary story page: ``title``, a date line, the paragraphs of the bundled portal's story
    number ``story`` (distinct real-looking texts, so two pages are not near-duplicates), ``extra``."""
    text = _stories()[story % len(_stories())]["paragraphs"][:paragraphs]
    body = "".join(f"<p>{p}</p>" for p in text)
    return _head(title) + f"<div class=content>{body}{extra}</div></body></html>"


def prose_page(size: int = 9_500_000, title: str = "全文实录：招商引资新闻发布会") -> bytes:
    """A story of ``size`` bytes of real-looking prose in ordinary paragraphs."""
    out, total, i = [_head(title), "<div class=content>"], 0, 0
    while total < size:
        p = PARA.format(i)
        out.append(p)
        total += len(p.encode("utf-8"))
        i += 1
    return ("".join(out) + "</div></body></html>").encode("utf-8")


def many_paragraphs_page(count: int = 200_000, title: str = "短句汇编：重点项目进展一览") -> bytes:
    """A story made of ``count`` very short ``<p>`` (the element budget's case)."""
    return (_head(title) + "<div class=content>" + "".join(PARA.format(i) for i in range(3))
            + "".join(f"<p>短句{i}。</p>" for i in range(count)) + "</div></body></html>").encode("utf-8")


def nested_divs_page(depth: int = 100_000, title: str = "深层嵌套：沈抚示范区项目签约") -> bytes:
    """A real story buried under ``depth`` nested ``<div>`` (libxml2 drops it below depth 256)."""
    story = "".join(PARA.format(i) for i in range(5))
    return (_head(title) + "<div>" * depth + story + "</div>" * depth + "</body></html>").encode("utf-8")


def link_list_page(count: int = 200_000, *, path: str = "/s/{}.html") -> bytes:
    """A list (栏目) page of ``count`` short article links (~37 bytes each: 200,000 fit in 7.4 MB)."""
    rows = "".join(f"<a href={path.format(i)}>项目{i}</a>" for i in range(count))
    return f"<html><head><meta charset=utf-8><title>招商动态</title></head><body>{rows}</body></html>".encode()


def gzip_bomb(inflated: int = 200 * 1024 * 1024) -> bytes:
    """``inflated`` bytes of zeros gzip-compressed (~1/1000 of that on the wire)."""
    buf = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as gz:
        for _ in range(inflated // len(chunk)):
            gz.write(chunk)
    return buf.getvalue()
