"""newsmon's PostgreSQL read side (issue 16): the query tree as a ``tsquery``, full-text search, bulk loading.

``tsquery`` is pure (no psycopg); ``search`` and ``bulk`` need psycopg and are
imported by their callers (``db.search`` hands a PostgreSQL handle to ``search``).
The PostgreSQL store itself is ``db/pg_store.py``.
"""

from .tsquery import TsQuery, compile_tsquery, parse_tsquery

__all__ = ["TsQuery", "compile_tsquery", "parse_tsquery"]
