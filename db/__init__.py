"""newsmon's storage layer: SQLite through sqlite-utils. Knows nothing of Scrapy."""

from .cjk import index_text, query_phrase
from .query import FtsQuery, ParsedQuery, QuerySyntaxError, compile_fts, parse_query
from .search import count_articles, known_sites, search_articles
from .store import AddResult, Store, utc_now

__all__ = [
    "AddResult",
    "FtsQuery",
    "ParsedQuery",
    "QuerySyntaxError",
    "Store",
    "compile_fts",
    "count_articles",
    "index_text",
    "known_sites",
    "parse_query",
    "query_phrase",
    "search_articles",
    "utc_now",
]
