"""Rewrite stored stories' bodies (re-cleaning with a site template learned later).

db/ does the SQL — the body, the full-text index and the exact fingerprint
change together in one transaction per batch — and knows nothing of how the
new text is made: the caller passes ``rewrite(title, body) -> new body or
None`` and ``fingerprint(body) -> str``.
"""

from __future__ import annotations

from typing import Callable, Optional

import sqlite_utils

from .cjk import index_text
from .fts import index_story, unindex_story
from .handle import Handle, PgDatabase, pg_execute
from .pg_schema import SEARCH_TSV

__all__ = ["rewrite_bodies", "stored_sites"]

_BATCH = 200


def rewrite_bodies(
    db: Handle,
    site: str,
    rewrite: Callable[[str, str], Optional[str]],
    fingerprint: Callable[[str], str],
) -> int:
    """Apply ``rewrite`` to every stored story of ``site``; return how many bodies changed.

    A story whose new body is None, empty or unchanged is left alone. The
    primary copy's ``article_sources`` fingerprint follows the body, so the
    exact-duplicate layer still recognises a later copy of the cleaned text.
    The near-duplicate bands are kept (later copies may resemble either text).
    """
    changed = 0
    last_id = 0
    while True:
        # Stories that are files (articles.file_type) have a fixed one-line body and a URL fingerprint: never rewritten.
        sql = ("SELECT id, url, title, body FROM articles WHERE site = ? AND id > ? AND file_type IS NULL"
               " ORDER BY id LIMIT ?")
        rows = pg_execute(db, sql, [site, last_id, _BATCH])[1] if isinstance(db, PgDatabase) else \
            db.execute(sql, [site, last_id, _BATCH]).fetchall()
        if not rows:
            return changed
        last_id = rows[-1][0]
        updates = []
        for article_id, url, title, body in rows:
            new = rewrite(title or "", body or "")
            if new and new != body:
                updates.append((article_id, url, title or "", body or "", new))
        if not updates:
            continue
        if isinstance(db, PgDatabase):
            _rewrite_pg(db, updates, fingerprint)
            changed += len(updates)
            continue
        with db.conn:
            for article_id, url, title, old, new in updates:
                print_ = fingerprint(new)
                db.execute("UPDATE articles SET body = ?, fingerprint = ? WHERE id = ?", [new, print_, article_id])
                db.execute("UPDATE article_sources SET fingerprint = ? WHERE article_id = ? AND url = ?",
                           [print_, article_id, url])
                unindex_story(db.conn, article_id, index_text(title), index_text(old))
                index_story(db.conn, article_id, index_text(title), index_text(new))
        changed += len(updates)


def _rewrite_pg(db: PgDatabase, updates: list[tuple[int, str, str, str, str]],
                fingerprint: Callable[[str], str]) -> None:
    with db.transaction() as tx:
        for article_id, url, title, _old, new in updates:
            print_ = fingerprint(new)
            pg_execute(tx, f"UPDATE articles SET body = ?, fingerprint = ?, search_tsv = {SEARCH_TSV.replace('%s', '?')}"
                       " WHERE id = ?", [new, print_, index_text(title), index_text(new), article_id])
            pg_execute(tx, "UPDATE article_sources SET fingerprint = ? WHERE article_id = ? AND url = ?",
                       [print_, article_id, url])


def stored_sites(db: Handle) -> dict[str, int]:
    """``{site: number of stored stories}``."""
    if isinstance(db, PgDatabase):
        return {site: int(n) for site, n in pg_execute(db, "SELECT site, count(*) FROM articles GROUP BY site")[1]}
    return {site: n for site, n in db.execute("SELECT site, count(*) FROM articles GROUP BY site")}
