"""newsmon's storage layer: SQLite through sqlite-utils (the default) or PostgreSQL. Knows nothing of Scrapy."""

from .cjk import index_text, query_phrase
from .handle import Handle, PgDatabase, is_postgres_url
from .interface import StoreAPI, open_store
from .query import FtsQuery, ParsedQuery, QuerySyntaxError, compile_fts, parse_query
from .search import count_articles, known_sites, search_articles
from .store import AddResult, Store, utc_now

__all__ = [
    "AddResult",
    "FtsQuery",
    "Handle",
    "PgDatabase",
    "StoreAPI",
    "ParsedQuery",
    "QuerySyntaxError",
    "Store",
    "compile_fts",
    "count_articles",
    "index_text",
    "is_postgres_url",
    "open_store",
    "known_sites",
    "parse_query",
    "query_phrase",
    "search_articles",
    "utc_now",
]
