"""newsmon's storage layer: SQLite through sqlite-utils. Knows nothing of Scrapy."""

from .cjk import index_text, query_phrase
from .query import ParsedQuery, QuerySyntaxError, parse_query
from .search import search_articles
from .store import AddResult, Store, utc_now

__all__ = [
    "AddResult",
    "ParsedQuery",
    "QuerySyntaxError",
    "Store",
    "index_text",
    "parse_query",
    "query_phrase",
    "search_articles",
    "utc_now",
]
