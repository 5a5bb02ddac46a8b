"""``newsmon serve``: Datasette with the newsmon plugin over the configured database, read-only.

Datasette opens a database it may see change with ``?mode=ro`` (not
``immutable``, which would promise SQLite the file never changes while the
daemon writes to it in WAL mode); no newsmon page writes. The listening
socket is bound here, before uvicorn starts, so a port in use is one sentence
and ``--port 0`` picks a free port that is printed.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import socket
from pathlib import Path
from typing import Any, Callable, Optional

from newsmon.config import Config
from newsmon.errors import NewsmonError, StoreError

from .context import SETTINGS_ATTRIBUTE

__all__ = ["build_app", "bind", "is_loopback", "serve"]

log = logging.getLogger(__name__)


def _ensure_plugin_registered() -> None:
    # The `datasette` entry point loads the plugin when newsmon is installed; a checkout run
    # without reinstalling (or with DATASETTE_LOAD_PLUGINS set) may lack it.
    from datasette.plugins import pm

    from . import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="newsmon")


def _check_database(path: Path) -> None:
    from newsmon.db import Store

    if not path.exists():
        raise StoreError(f"{path}: no such database; run `newsmon crawl` (or `newsmon demo`) first.")
    Store(path, readonly=True).close()  # one sentence if it is not a newsmon database


def build_app(config: Config) -> Any:
    """A ``Datasette`` instance over ``config.database_path`` with the newsmon plugin, read-only."""
    from datasette.app import Datasette

    _ensure_plugin_registered()
    db_path = config.database_path
    _check_database(db_path)
    metadata = {
        "title": "newsmon",
        "description_html": 'Stories collected by newsmon: <a href="/search">search</a>, '
                            '<a href="/sites">sites</a>, <a href="/alerts">alerts</a>.',
    }
    datasette = Datasette([str(db_path)], metadata=metadata,
                          settings={"default_page_size": 50, "sql_time_limit_ms": 3000})
    name = next(iter(n for n in datasette.databases if n != "_internal"))
    setattr(datasette, SETTINGS_ATTRIBUTE, {"database": name, "config": config})
    return datasette


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on (host, port); NewsmonError in one sentence if that is impossible."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise NewsmonError(f"Cannot listen on {host!r}: no such host or address.") from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise NewsmonError(f"Port {port} on {host} is already in use; choose another with --port.") from None
        if exc.errno == errno.EACCES:
            raise NewsmonError(f"Not allowed to listen on port {port} of {host}; use a port above 1023.") from None
        raise NewsmonError(f"Cannot listen on {host}:{port} ({exc.strerror}).") from None
    return sock


def serve(config: Config, *, host: str = "127.0.0.1", port: int = 8080,
          debug: bool = False, on_ready: Optional[Callable[[str], None]] = None) -> None:
    """Serve the web UI until interrupted; ``on_ready(url)`` is called once the socket listens."""
    import uvicorn

    datasette = build_app(config)
    sock = bind(host, port)
    actual_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{actual_port}/"
    asyncio.run(datasette.invoke_startup())
    if on_ready:
        on_ready(url)
    _configure_logging(debug)
    server = uvicorn.Server(uvicorn.Config(datasette.app(), log_config=None, access_log=debug, lifespan="on"))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it handled; stopping is the normal end
        pass


def _configure_logging(debug: bool) -> None:
    """stderr; with ``debug`` one line per request (uvicorn's access log), else warnings and errors only."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    for name in ("uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
        logger.setLevel(logging.INFO if debug else logging.WARNING)
