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
from typing import Iterable, Iterator, NamedTuple, Optional, TypedDict

import sqlite_utils

from .cjk import index_text
from .fts import index_story

__all__ = ["BulkArticle", "BulkRow", "bulk_add_articles", "bulk_batches"]


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


class BulkRow(NamedTuple):
    """A story's stored values, in the column order both loaders write (SQLite here, ``db.postgres.bulk``)."""

    url: str
    site: str
    title: str
    published_at: Optional[str]  # as published (the story's own offset)
    published_utc: Optional[str]
    body: str
    fingerprint: str
    fetched_at: str
    title_index: str  # db.cjk.index_text(title)
    body_index: str


def bulk_batches(articles: Iterable[BulkArticle], batch: int) -> Iterator[list[BulkRow]]:
    """``articles`` as stored values, ``batch`` at a time (``index_text`` computed where the caller did not)."""
    rows: list[BulkRow] = []
    for row in articles:
        published = row["published_at"]
        title_index = row.get("title_index")
        body_index = row.get("body_index")
        rows.append(BulkRow(
            row["url"], row["site"], row["title"], published.isoformat() if published else None,
            published.astimezone(timezone.utc).isoformat() if published else None, row["body"], row["fingerprint"],
            row["fetched_at"], index_text(row["title"]) if title_index is None else title_index,
            index_text(row["body"]) if body_index is None else body_index))
        if len(rows) >= batch:
            yield rows
            rows = []
    if rows:
        yield rows


def bulk_add_articles(db: sqlite_utils.Database, articles: Iterable[BulkArticle], *, batch: int = 5_000) -> int:
    """Insert ``articles`` (distinct stories) with their source rows and index entries; returns how many."""
    conn = db.conn
    count = 0
    for rows in bulk_batches(articles, batch):
        with conn:
            for row in rows:
                cursor = conn.execute(
                    "INSERT INTO articles (url, site, title, published_at, published_utc, body, fingerprint,"
                    " fetched_at) VALUES (?,?,?,?,?,?,?,?)", row[:8])
                conn.execute(
                    "INSERT INTO article_sources (article_id, site, url, first_seen_at, published_at, fingerprint)"
                    " VALUES (?,?,?,?,?,?)",
                    [cursor.lastrowid, row.site, row.url, row.fetched_at, row.published_at, row.fingerprint])
                index_story(conn, int(cursor.lastrowid or 0), row.title_index, row.body_index)
        count += len(rows)
    return count
