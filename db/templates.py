"""Per-site counts of text blocks, for learning site templates (see crawler/template.py).

``site_blocks`` holds, per site, how many article pages contained each block
hash; ``site_templates`` how many pages were counted. db/ only counts: what
a block is and when it is chrome is decided in crawler/template.py.
"""

from __future__ import annotations

from typing import Iterable, Optional

import sqlite_utils

from .handle import Handle, PgDatabase, pg_execute

__all__ = [
    "counted_pages", "ensure_headlines_schema", "ensure_templates_schema", "load_block_counts", "load_site_headlines",
    "prune_block_counts", "record_page_blocks", "record_site_headlines",
]


def ensure_templates_schema(db: sqlite_utils.Database) -> None:
    """Create the two tables if missing."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS site_blocks ("
        " site TEXT NOT NULL, block INTEGER NOT NULL, pages INTEGER NOT NULL, last_seen TEXT NOT NULL,"
        " PRIMARY KEY (site, block)) WITHOUT ROWID"
    )
    db.execute(
        "CREATE TABLE IF NOT EXISTS site_templates (site TEXT PRIMARY KEY, pages INTEGER NOT NULL, updated_at TEXT)"
    )


def record_page_blocks(db: Handle, site: str, blocks: Iterable[int], now: str) -> None:
    """Count one more page of ``site`` containing ``blocks``."""
    if isinstance(db, PgDatabase):
        # Sorted: two workers counting pages of one site lock the same rows in the same order (no deadlock).
        with db.transaction() as tx:
            pg_execute(tx, "INSERT INTO site_blocks (site, block, pages, last_seen) SELECT ?, b, 1, ?"
                       " FROM unnest(?::bigint[]) AS b ORDER BY b ON CONFLICT (site, block) DO UPDATE"
                       " SET pages = site_blocks.pages + 1, last_seen = excluded.last_seen",
                       [site, now, sorted(set(blocks))])
            pg_execute(tx, "INSERT INTO site_templates (site, pages, updated_at) VALUES (?, 1, ?)"
                       " ON CONFLICT (site) DO UPDATE SET pages = site_templates.pages + 1,"
                       " updated_at = excluded.updated_at", [site, now])
        return
    with db.conn:
        db.conn.executemany(
            "INSERT INTO site_blocks (site, block, pages, last_seen) VALUES (?, ?, 1, ?)"
            " ON CONFLICT (site, block) DO UPDATE SET pages = pages + 1, last_seen = excluded.last_seen",
            ((site, block, now) for block in blocks),
        )
        db.execute(
            "INSERT INTO site_templates (site, pages, updated_at) VALUES (?, 1, ?)"
            " ON CONFLICT (site) DO UPDATE SET pages = pages + 1, updated_at = excluded.updated_at",
            [site, now],
        )


def load_block_counts(db: Handle, site: str, min_pages: int = 2) -> tuple[list[tuple[int, int]], int]:
    """``([(block, pages_seen)], pages_counted)`` for ``site``; rarer blocks are left out."""
    sql = "SELECT block, pages FROM site_blocks WHERE site = ? AND pages >= ?"
    counts = pg_execute(db, sql, [site, min_pages])[1] if isinstance(db, PgDatabase) else \
        db.execute(sql, [site, min_pages]).fetchall()
    return [(b, p) for b, p in counts], counted_pages(db, site)


def prune_block_counts(db: Handle, site: str, older_than: str) -> int:
    """Forget blocks seen on one page only and not since ``older_than`` (article text); returns rows deleted."""
    if isinstance(db, PgDatabase):
        return pg_execute(db, "DELETE FROM site_blocks WHERE site = ? AND pages = 1 AND last_seen < ?",
                          [site, older_than])[2]
    with db.conn:
        cursor = db.execute(
            "DELETE FROM site_blocks WHERE site = ? AND pages = 1 AND last_seen < ?", [site, older_than]
        )
    return cursor.rowcount


def counted_pages(db: Handle, site: str) -> int:
    """How many article pages of ``site`` have been counted."""
    if isinstance(db, PgDatabase):
        found = pg_execute(db, "SELECT pages FROM site_templates WHERE site = ?", [site])[1]
        return int(found[0][0]) if found else 0
    row = db.execute("SELECT pages FROM site_templates WHERE site = ?", [site]).fetchone()
    return int(row[0]) if row else 0


# ---------------------------------------------------------------- list-page headlines

def ensure_headlines_schema(db: sqlite_utils.Database) -> None:
    """Create ``site_headlines`` if missing: headlines seen on each site's list pages."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS site_headlines ("
        " site TEXT NOT NULL, headline TEXT NOT NULL, url TEXT, list_date TEXT, last_seen TEXT NOT NULL,"
        " PRIMARY KEY (site, headline)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_site_headlines_seen ON site_headlines (site, last_seen)")


def record_site_headlines(
    db: Handle, site: str, headlines: Iterable[tuple[str, str, Optional[str]]], now: str
) -> None:
    """Remember ``(headline, url, list_date)`` triples a list page of ``site`` showed."""
    if isinstance(db, PgDatabase):
        # One row per headline (the last wins, as in SQLite), in key order: no deadlock between workers.
        latest = {headline: (url, list_date) for headline, url, list_date in headlines}
        pg_execute(db, "INSERT INTO site_headlines (site, headline, url, list_date, last_seen) VALUES (?, ?, ?, ?, ?)"
                   " ON CONFLICT (site, headline) DO UPDATE SET url = excluded.url,"
                   " list_date = coalesce(excluded.list_date, site_headlines.list_date),"
                   " last_seen = excluded.last_seen",
                   many=[(site, h, url, date, now) for h, (url, date) in sorted(latest.items())])
        return
    with db.conn:
        db.conn.executemany(
            "INSERT INTO site_headlines (site, headline, url, list_date, last_seen) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (site, headline) DO UPDATE SET url = excluded.url,"
            " list_date = coalesce(excluded.list_date, list_date), last_seen = excluded.last_seen",
            ((site, headline, url, list_date, now) for headline, url, list_date in headlines),
        )


def load_site_headlines(db: Handle, site: str, limit: int = 20000) -> dict[str, str]:
    """The latest ``limit`` headlines seen on ``site``'s list pages, each with the URL it linked to."""
    sql = "SELECT headline, url FROM site_headlines WHERE site = ? ORDER BY last_seen DESC LIMIT ?"
    rows = pg_execute(db, sql, [site, limit])[1] if isinstance(db, PgDatabase) else \
        db.execute(sql, [site, limit]).fetchall()
    return {headline: url or "" for headline, url in rows}
