"""newsmon's Datasette plugin: pages, feeds, metadata and ``cjk_match_query()`` for Datasette.

Loaded by ``newsmon serve``, and by a plain ``datasette news.db`` through the
``datasette`` entry point in pyproject.toml. Hooks (pluggy, see
https://docs.datasette.io/en/stable/plugin_hooks.html):

* ``prepare_connection``: registers ``cjk_match_query(text)`` on every connection;
* ``register_routes``: ``/`` and ``/search``, ``/story/ID``, ``/sites``, ``/alerts``, ``/feeds/…``;
* ``get_metadata``: descriptions, facets and a search query for the newsmon database;
* ``extra_template_vars``: the navigation links of newsmon's pages;
* ``asgi_wrapper``: the ``articles`` table page opens without the full body column.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar, cast
from urllib.parse import parse_qsl, urlencode

import datasette

from newsmon.db.reader import register_functions

from ..context import NotNewsmon, newsmon_database
from ..metadata import HIDDEN_COLUMNS, database_metadata
from ..pages import ROUTES

if TYPE_CHECKING:  # datasette.app imports the plugins (this package) while it loads: no import at run time
    from datasette.app import Datasette
    from datasette.utils.asgi import Request

__all__ = ["asgi_wrapper", "extra_template_vars", "get_metadata", "prepare_connection", "register_routes"]

F = TypeVar("F", bound=Callable[..., Any])
hookimpl = cast(Callable[[F], F], datasette.hookimpl)  # pluggy's marker, typed for mypy --strict

NAV = (("Search", "/search"), ("Projects", "/projects"), ("Sites", "/sites"), ("Alerts", "/alerts"))


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Datasette) -> None:
    """``cjk_match_query(text)`` on every connection Datasette opens."""
    register_functions(conn)


@hookimpl
def register_routes(datasette: Datasette) -> list[tuple[str, Callable[..., Any]]]:
    """newsmon's pages and feeds (they take precedence over Datasette's index at ``/``)."""
    return list(ROUTES)


def _database_name(datasette: Datasette) -> Optional[str]:
    try:
        return str(newsmon_database(datasette).name)
    except (NotNewsmon, KeyError):
        return None


@hookimpl
def get_metadata(datasette: Datasette, key: str, database: Optional[str], table: Optional[str]) -> dict[str, Any]:
    """Descriptions, facets and the search query for the newsmon database (Datasette merges them in)."""
    name = _database_name(datasette)
    if name is None:
        return {}
    return {"databases": {name: database_metadata()}}


@hookimpl
def extra_template_vars(datasette: Datasette, request: Request) -> dict[str, Any]:
    """``newsmon_nav``: the links at the top of newsmon's pages (and the database, for SQL)."""
    name = _database_name(datasette)
    links = list(NAV)
    if name is not None:
        links.append(("Database", datasette.urls.database(name)))
    return {"newsmon_nav": links, "newsmon_database": name}


@hookimpl
def asgi_wrapper(datasette: Datasette) -> Callable[[Any], Any]:
    """Open the HTML table pages of wide tables without their long columns (``?_nocol=body``)."""

    def wrap(app: Any) -> Any:
        async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                name = _database_name(datasette)
                for table, hidden in HIDDEN_COLUMNS.items():
                    if name is not None and scope.get("path") == f"/{name}/{table}":
                        args = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
                        if not any(k in ("_col", "_nocol") for k, _ in args):
                            args += [("_nocol", column) for column in hidden]
                            location = f"/{name}/{table}?{urlencode(args)}"
                            await send({"type": "http.response.start", "status": 302,
                                        "headers": [(b"location", location.encode("latin-1"))]})
                            await send({"type": "http.response.body", "body": b""})
                            return
            await app(scope, receive, send)

        return wrapped

    return wrap
