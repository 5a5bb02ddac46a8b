"""Bulk loading into PostgreSQL (benchmarks, imports): the real schema, the real search column.

The PostgreSQL twin of ``db.bulk.bulk_add_articles``: distinct stories, no
dedupe lookups, written in large batches. Each batch is COPYed into a
temporary table with its ``index_text`` rewrites (computed in Python, as the
store does), then moved into ``articles`` with the schema's own
``SEARCH_TSV`` expression (``db.pg_schema``) and into ``article_sources``. Ids
are assigned in input order, so the same stories loaded into SQLite and into
PostgreSQL get the same ids. Loading into an empty table drops the GIN index
first and builds it once at the end (several times faster than updating it
row by row), with the definition the schema gave it.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from ..bulk import BulkArticle, BulkRow, bulk_batches
from ..handle import PgDatabase

__all__ = ["bulk_add_articles"]

_STAGE_COLUMNS = ("ord", *BulkRow._fields)
_INDEX = "idx_articles_search_tsv"


def bulk_add_articles(db: PgDatabase, articles: Iterable[BulkArticle], *, search_tsv: str,
                      batch: int = 20_000, progress: Optional[Callable[[int], None]] = None) -> int:
    """Insert ``articles`` (distinct stories) with their source rows and search column; returns how many.

    ``search_tsv`` is the schema's expression with two ``%s`` for the title's and the
    body's ``index_text`` (``db.pg_schema.SEARCH_TSV``). ``progress`` is called with the
    running count after each batch.
    """
    with db.connection() as conn:
        empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone() == (True,)
        definition = conn.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [_INDEX]).fetchone()
        if empty and definition is not None:
            conn.execute(f"DROP INDEX {_INDEX}")
    tsv = search_tsv % ("s.title_index", "s.body_index")
    count = 0
    for rows in bulk_batches(articles, batch):
        with db.connection() as conn:  # one transaction per batch
            conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS bulk_stage ({', '.join(c + ' text' for c in _STAGE_COLUMNS)})"
                         " ON COMMIT DELETE ROWS")
            with conn.cursor().copy(f"COPY bulk_stage ({', '.join(_STAGE_COLUMNS)}) FROM STDIN") as copy:
                for ord_, row in enumerate(rows):
                    copy.write_row([ord_, *row])
            conn.execute(
                "INSERT INTO articles (url, site, title, published_at, published_utc, body, fingerprint, fetched_at,"
                f" search_tsv) SELECT s.url, s.site, s.title, s.published_at, s.published_utc, s.body, s.fingerprint,"
                f" s.fetched_at, {tsv} FROM bulk_stage s ORDER BY s.ord::int")
            conn.execute(
                "INSERT INTO article_sources (article_id, site, url, first_seen_at, published_at, fingerprint)"
                " SELECT a.id, s.site, s.url, s.fetched_at, s.published_at, s.fingerprint"
                " FROM bulk_stage s JOIN articles a ON a.url = s.url ORDER BY a.id")
        count += len(rows)
        if progress is not None:
            progress(count)
    with db.connection() as conn:
        if empty and definition is not None:
            conn.execute("SET LOCAL maintenance_work_mem = '512MB'")
            conn.execute(definition[0])
        conn.execute("ANALYZE articles")
        conn.execute("ANALYZE article_sources")
    return count
