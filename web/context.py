"""Where the web UI finds its database and config inside a running Datasette.

``newsmon serve`` sets ``datasette.newsmon_settings = {"database": NAME, "config": Config}``
(an attribute, not plugin metadata: the ``get_metadata`` hook needs the database's name,
and reading plugin metadata from inside that hook would recurse). Under a plain ``datasette
news.db`` (the plugin loads through its entry point) there is no config: the
first attached database with an ``articles_fts`` table is used, and the pages
that need config.yaml (alert rules, site schedules) say what they lack.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Callable, Optional, TypeVar

import sqlite_utils

from newsmon.config import Config
from newsmon.db.reader import is_newsmon_database

if TYPE_CHECKING:  # datasette.app imports the plugins (this package) while it loads: no import at run time
    from datasette.app import Datasette
    from datasette.database import Database

__all__ = ["NotNewsmon", "PLUGIN_NAME", "SETTINGS_ATTRIBUTE", "config_of", "newsmon_database", "run_read"]

PLUGIN_NAME = "newsmon"
T = TypeVar("T")


class NotNewsmon(LookupError):
    """No attached database is a newsmon database."""


SETTINGS_ATTRIBUTE = "newsmon_settings"


def _settings(datasette: Datasette) -> dict[str, Any]:
    settings: dict[str, Any] = getattr(datasette, SETTINGS_ATTRIBUTE, None) or {}
    return settings


def newsmon_database(datasette: Datasette) -> Database:
    """The Datasette ``Database`` holding newsmon's tables."""
    name = _settings(datasette).get("database")
    if name:
        return datasette.get_database(name)
    for db in datasette.databases.values():
        if db.is_memory or db.path is None:
            continue
        if _has_fts(db.path):
            return db
    raise NotNewsmon("No attached database has newsmon's tables (articles, articles_fts).")


@functools.lru_cache(maxsize=16)
def _has_fts(path: str) -> bool:
    return is_newsmon_database(path)


def config_of(datasette: Datasette) -> Optional[Config]:
    """The newsmon config the server was started with (None under a plain ``datasette``)."""
    config: Optional[Config] = _settings(datasette).get("config")
    return config


async def run_read(datasette: Datasette, fn: Callable[[sqlite_utils.Database], T]) -> T:
    """Run ``fn(db)`` on one of Datasette's read-only connections to the newsmon database, in its thread."""
    database = newsmon_database(datasette)
    result: T = await database.execute_fn(lambda conn: fn(sqlite_utils.Database(conn)))
    return result
