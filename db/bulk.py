"""Bulk loading of stories that need no dedupe (benchmarks, imports): the real schema and indexing.

``Store.add_article`` decides, per story, whether it is new (URL, fingerprint,
near-duplicate lookups) inside its own transaction: right for a crawl, slow
for building a million-story database. :func:`bulk_add_articles` writes the
same rows (``articles``, one ``article_sources`` row, the ``articles_fts``
entry through ``db.cjk.index_text``) in large transactions, without those
lookups and without the near-duplicate bands; the caller promises the stories
are distinct.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Optional, TypedDict

import sqlite_utils

from .cjk import index_text

__all__ = ["BulkArticle", "bulk_add_articles"]


class _Indexed(TypedDict, total=False):
    # index_text(title) / index_text(body), when the caller computed them already
    # (a benchmark storing one text many times pays for the rewrite once).
    title_index: str
    body_index: str


class BulkArticle(_Indexed):
    """One story for :func:`bulk_add_articles`."""

    site: str
    url: str
    title: str
    body: str
    fingerprint: str
    published_at: Optional[datetime]  # timezone-aware
    fetched_at: str


def bulk_add_articles(db: sqlite_utils.Database, articles: Iterable[BulkArticle], *, batch: int = 5_000) -> int:
    """Insert ``articles`` (distinct stories) with their source rows and index entries; returns how many."""
    conn = db.conn
    count = 0
    rows: list[BulkArticle] = []

    def flush() -> None:
        with conn:
            for row in rows:
                published = row["published_at"]
                cursor = conn.execute(
                    "INSERT INTO articles (url, site, title, published_at, published_utc, body, fingerprint,"
                    " fetched_at) VALUES (?,?,?,?,?,?,?,?)",
                    [row["url"], row["site"], row["title"], published.isoformat() if published else None,
                     published.astimezone(timezone.utc).isoformat() if published else None, row["body"],
                     row["fingerprint"], row["fetched_at"]],
                )
                article_id = cursor.lastrowid
                conn.execute(
                    "INSERT INTO article_sources (article_id, site, url, first_seen_at, published_at, fingerprint)"
                    " VALUES (?,?,?,?,?,?)",
                    [article_id, row["site"], row["url"], row["fetched_at"],
                     published.isoformat() if published else None, row["fingerprint"]],
                )
                title_index = row.get("title_index")
                body_index = row.get("body_index")
                conn.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
                             [article_id, index_text(row["title"]) if title_index is None else title_index,
                              index_text(row["body"]) if body_index is None else body_index])
        rows.clear()

    for article in articles:
        rows.append(article)
        count += 1
        if len(rows) >= batch:
            flush()
    if rows:
        flush()
    return count
