"""Full-text search over stored articles: bm25-ranked, with highlighted snippets.

The FTS index holds a CJK-bigram rewrite of the text (db/cjk.py), so FTS5's
own ``snippet()`` would show bigrams; the snippet is cut from the original
body instead, around the first line that contains a query term.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone
from typing import Any, Optional

import sqlite_utils

from newsmon.errors import StoreError

from .query import ParsedQuery, QuerySyntaxError, parse_query

__all__ = ["search_articles", "make_snippet", "HIGHLIGHT"]

HIGHLIGHT = ("[", "]")  # markers around matched terms in snippets
_SNIPPET_CHARS = 120
# Title matches count ten times a body match in bm25.
_RANK = "bm25(articles_fts, 10.0, 1.0)"


def _utc(value: Optional[datetime]) -> Optional[str]:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("since/until must be timezone-aware")
    return value.astimezone(timezone.utc).isoformat()


def search_articles(
    db: sqlite_utils.Database,
    query: str,
    *,
    site: Optional[str] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """Articles matching ``query``, best first.

    Each result has ``id, title, url, site, published_at, source, snippet,
    score, sources_count`` (the number of places the story was seen). ``since`` and
    ``until`` filter on ``published_at`` (inclusive). Raises StoreError for a
    query that cannot be parsed.
    """
    try:
        parsed = parse_query(query)
    except QuerySyntaxError as exc:
        raise StoreError(f"Cannot search for {query!r}: {exc}") from None
    where = ["articles_fts MATCH :match"]
    params: dict[str, Any] = {"match": parsed.match, "limit": limit}
    if site:
        where.append("a.site = :site")
        params["site"] = site
    if since:
        where.append("a.published_utc >= :since")
        params["since"] = _utc(since)
    if until:
        where.append("a.published_utc <= :until")
        params["until"] = _utc(until)
    sql = f"""
        SELECT a.id, a.title, a.url, a.site, a.published_at, a.source, a.body,
               {_RANK} AS score,
               (SELECT count(*) FROM article_sources s WHERE s.article_id = a.id) AS sources_count
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE {' AND '.join(where)}
        ORDER BY score, a.published_utc DESC
        LIMIT :limit
    """
    try:
        rows = list(db.query(sql, params))
    except sqlite3.OperationalError as exc:
        raise StoreError(f"Cannot search for {query!r}: {exc}.") from None
    for row in rows:
        row["snippet"] = make_snippet(row.pop("body"), parsed)
        row["score"] = round(-row["score"], 4)  # bm25 is "lower is better"; flip for people
    return rows


def make_snippet(body: str, parsed: ParsedQuery, width: int = _SNIPPET_CHARS) -> str:
    """A window of ``body`` around the first query term, terms wrapped in HIGHLIGHT."""
    terms = sorted({t for t in parsed.terms if t.strip()}, key=len, reverse=True)
    if not terms:
        return body[:width]
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    match = pattern.search(body)
    if match is None:  # matched in the title only
        window, start = body[:width], 0
    else:
        start = max(0, match.start() - width // 3)
        line_start = body.rfind("\n", 0, match.start()) + 1
        start = max(start, line_start)
        window = body[start : start + width].split("\n")[0]
    text = pattern.sub(lambda m: f"{HIGHLIGHT[0]}{m.group()}{HIGHLIGHT[1]}", window)
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + len(window) < len(body) else ""
    return prefix + text + suffix
