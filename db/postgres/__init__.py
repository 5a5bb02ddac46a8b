"""newsmon's PostgreSQL store (issue 16): full-text search and the reading side so far."""

from .search import TsQuery, compile_tsquery, count_articles, parse_tsquery, search_articles

__all__ = ["TsQuery", "compile_tsquery", "count_articles", "parse_tsquery", "search_articles"]
