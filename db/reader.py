"""The reading side's SQL: story pages, feeds, exports, and SQL functions for other SQLite tools.

Used by ``newsmon serve`` (the Datasette plugin), ``newsmon export`` and
``newsmon sql``. Plain functions over a ``sqlite_utils.Database`` (or, for
the SQL function, a bare ``sqlite3.Connection``), so they run on
Datasette's own read-only connections as well as on a ``Store``'s. The SQL
that Datasette's own pages are given (the canned search, the check that a
file is a newsmon database) lives here too.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

import sqlite_utils

from newsmon.errors import NotFoundError, StoreError

from .facts import FactsFilter, get_facts
from .handle import Handle, PgDatabase, pg_execute
from .outbox import list_deliveries
from .query import parse_query
from .search_shared import IndexQuery

__all__ = [
    "CANNED_SEARCH_SQL",
    "LIST_TABLES_SQL",
    "STORY_COLUMNS",
    "article_detail",
    "article_with_facts",
    "articles_by_ids",
    "cjk_match_query",
    "crawl_runs",
    "is_complete_statement",
    "is_newsmon_database",
    "register_functions",
    "run_sql",
    "search_sql",
]

#: Columns of a story as feeds and exports give it (the internal ``published_utc`` and
#: ``fingerprint`` left out).
STORY_COLUMNS = ("id", "title", "url", "site", "published_at", "source", "author", "lang", "summary", "body",
                 "fetched_at", "file_type")


#: The canned ``search`` query of Datasette's metadata (``web/metadata.py``): newest 100 matches.
CANNED_SEARCH_SQL = """SELECT a.id, a.published_at, a.site, a.title, a.source, a.url
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts MATCH cjk_match_query(:q)
ORDER BY a.id DESC
LIMIT 100"""

#: What ``.tables`` runs in the ``newsmon sql`` shell.
LIST_TABLES_SQL = "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name;"


def is_newsmon_database(path: str | Path) -> bool:
    """True if the SQLite file at ``path`` has newsmon's full-text index (opened read-only; False if unreadable)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def is_complete_statement(text: str) -> bool:
    """True if ``text`` ends one or more complete SQL statements (the shell's cue to run them)."""
    return sqlite3.complete_statement(text)


def cjk_match_query(text: str) -> str:
    """The FTS5 MATCH string that finds ``text`` (newsmon's query language) in ``articles_fts``.

    ``SELECT rowid FROM articles_fts WHERE articles_fts MATCH cjk_match_query('稀有气体')``.
    Raises ValueError (which SQLite reports as an error in the function) for a query that
    does not parse or that the index cannot narrow (a lone regex).
    """
    match = parse_query(text).match
    if not match:
        raise ValueError(f"{text!r} cannot be searched with the full-text index alone (a regex?).")
    return match


_function_errors = threading.local()  # why the last cjk_match_query() call failed (SQLite drops the message)


def _sql_cjk_match_query(text: str) -> str:
    try:
        return cjk_match_query(text)
    except Exception as exc:
        _function_errors.last = f"cjk_match_query({text!r}): {exc}"
        raise


def register_functions(conn: sqlite3.Connection) -> None:
    """Register newsmon's SQL functions on ``conn``: ``cjk_match_query(text)``."""
    # deterministic: SQLite may evaluate it once per statement instead of once per row.
    conn.create_function("cjk_match_query", 1, _sql_cjk_match_query, deterministic=True)


@dataclass(frozen=True)
class _SqlDialect:
    """How :func:`search_sql` spells one database's full-text search."""

    index_name: str  # what the comment calls the compiled query
    inexact: str  # why newsmon checks candidates the statement lists
    match: str  # the index condition, ``{}`` the quoted compiled query
    column: str  # the prefix of an articles column
    source: str  # FROM when the index condition is used
    plain_source: str  # FROM without it
    rank: str  # ORDER BY for relevance, ``{}`` the quoted compiled query
    newest: str  # ORDER BY for newest


_FTS5 = _SqlDialect(
    "MATCH string", "regex or NOT it cannot say in FTS5", "articles_fts MATCH {}", "a.",
    "articles_fts JOIN articles a ON a.id = articles_fts.rowid", "articles a",
    # bm25 with a title match worth ten body matches (newsmon ranks only the newest 5,000 matches; plain SQL all).
    "bm25(articles_fts, 10.0, 1.0), a.id DESC", "a.id DESC")
_TSQUERY = _SqlDialect(
    "tsquery", "a regex the index cannot decide", "search_tsv @@ {}::tsquery", "", "articles", "articles",
    # ts_rank with a title match worth ten body matches (newsmon ranks only the newest 1,000 matches; plain SQL all).
    "ts_rank('{{0.1, 0.2, 0.4, 1.0}}', search_tsv, {}::tsquery) DESC, id DESC", "id DESC")


def search_sql(query: Optional[str], *, sites: Sequence[str] = (), since: Optional[datetime] = None,
               until: Optional[datetime] = None, limit: int = 20, sort: str = "newest",
               facts: Optional[FactsFilter] = None, postgres: bool = False) -> str:
    """A SQL statement, runnable in any SQLite tool, listing what ``newsmon search`` finds for these arguments.

    The MATCH string is spelled out (the CJK-bigram rewrite), so the statement needs no
    newsmon function. A query the index cannot decide alone (a regex) gives the superset
    the index finds; newsmon then checks each candidate, and a comment says so. With
    ``postgres``, the statement is for psql: ``search_tsv @@ '…'::tsquery`` (the same
    tree, compiled by ``db.postgres``). The investment-fact filters (``facts``) are an ``EXISTS`` over
    ``article_facts``, as the search runs them, with their values written in.
    """
    dialect = _TSQUERY if postgres else _FTS5
    where: list[str] = []
    lines = []
    index: Optional[str] = None
    if query:
        if postgres:
            from .postgres import parse_tsquery

            parsed: IndexQuery = parse_tsquery(query)
        else:
            parsed = parse_query(query)
        index = parsed.index
        lines.append(f"-- {dialect.index_name} for {query!r}: {index or '(none: every story is a candidate)'}")
        if not parsed.exact:
            lines.append(f"-- newsmon also checks each candidate against the query ({dialect.inexact});"
                         " this SQL lists the candidates")
        if index:
            where.append(dialect.match.format(_literal(index)))
    column = dialect.column
    if sites:
        where.append(f"{column}site IN ({', '.join(_literal(s) for s in sites)})")
    for op, moment in ((">=", since), ("<=", until)):
        if moment is not None:
            where.append(f"{column}published_utc {op} {_literal(moment.astimezone(timezone.utc).isoformat())}")
    if facts:
        if postgres:
            clause, params = facts.pg_sql("f")
            clause = f"EXISTS (SELECT 1 FROM article_facts f WHERE f.article_id = articles.id AND {clause})"
        else:
            clause, params = facts.exists_sql("a")
        where.append(_written_in(clause, params, "%s" if postgres else "?"))
    # newest: most recently stored first
    order = dialect.rank.format(_literal(index)) if index and sort == "relevance" else dialect.newest
    lines.append(
        f"SELECT {column}id, {column}published_at, {column}site, {column}title, {column}url\n"
        f"FROM {dialect.source if index else dialect.plain_source}\n"
        + (f"WHERE {' AND '.join(where)}\n" if where else "")
        + f"ORDER BY {order}\nLIMIT {int(limit)};"
    )
    return "\n".join(lines)


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _written_in(clause: str, params: Sequence[Any], mark: str) -> str:
    """``clause`` with each placeholder ``mark`` replaced by its parameter as a SQL literal (a string, a number, or a
    list as PostgreSQL's ``ARRAY[…]``). The clauses are :class:`FactsFilter`'s: they hold no literal of their own, so
    every ``mark`` is a placeholder."""
    def literal(value: Any) -> str:
        if isinstance(value, (list, tuple)):
            return "ARRAY[" + ", ".join(literal(item) for item in value) + "]::text[]"
        if isinstance(value, (int, float)):
            return repr(float(value))
        return _literal(str(value))

    pieces = clause.split(mark)
    if len(pieces) != len(params) + 1:
        raise ValueError(f"{len(pieces) - 1} placeholders for {len(params)} values in {clause!r}")
    return pieces[0] + "".join(literal(value) + piece for value, piece in zip(params, pieces[1:]))


def article_detail(db: sqlite_utils.Database, article_id: int) -> dict[str, Any]:
    """One story for its page: the article row, ``sources`` (every place it was seen),
    ``alerts`` (its alert deliveries: rule, channel, status, matched terms) and ``investment`` (its facts, None when
    never extracted).

    Raises NotFoundError when there is no such story.
    """
    return {**_one_article(db, article_id), "alerts": list_deliveries(db, article_id=article_id, limit=200),
            "investment": get_facts(db, article_id)}


def _one_article(db: Handle, article_id: int) -> dict[str, Any]:
    for row in articles_by_ids(db, [article_id]):
        return row
    raise NotFoundError(f"There is no article with id {article_id}.")


def article_with_facts(db: Handle, article_id: int) -> dict[str, Any]:
    """One story as ``newsmon show`` gives it: :func:`articles_by_ids`'s row plus ``investment``.

    Raises NotFoundError when there is no such story.
    """
    return {**_one_article(db, article_id), "investment": get_facts(db, article_id)}


def articles_by_ids(db: Handle, ids: Iterable[int], *, batch: int = 200) -> Iterator[dict[str, Any]]:
    """Full story rows (``STORY_COLUMNS`` plus ``sources_count`` and ``sources``) for ``ids``, in that order.

    Reads ``batch`` ids at a time, so any number of ids streams in constant memory.
    """
    iterator = iter(ids)
    columns = ", ".join(STORY_COLUMNS)
    while True:
        chunk = [i for _, i in zip(range(batch), iterator)]
        if not chunk:
            return
        marks = ",".join("?" * len(chunk))
        story_sql = f"SELECT {columns} FROM articles WHERE id IN ({marks})"
        # PostgreSQL has no rowid: article_sources.seq is the order of arrival there.
        source_sql = ("SELECT article_id, site, url, first_seen_at, published_at FROM article_sources"
                      f" WHERE article_id IN ({marks}) ORDER BY first_seen_at, ")
        if isinstance(db, PgDatabase):
            names, story_rows, _ = pg_execute(db, story_sql, chunk)
            found = {row[0]: dict(zip(names, row)) for row in story_rows}
            source_rows = pg_execute(db, source_sql + "seq", chunk)[1]
        else:
            found = {row["id"]: row for row in db.query(story_sql, chunk)}
            source_rows = db.execute(source_sql + "rowid", chunk).fetchall()
        sources: dict[int, list[dict[str, Any]]] = {}
        for article_id, site, url, first_seen_at, published_at in source_rows:
            sources.setdefault(article_id, []).append(
                {"site": site, "url": url, "first_seen_at": first_seen_at, "published_at": published_at})
        for article_id in chunk:
            row = found.get(article_id)
            if row is not None:
                seen = sources.get(article_id, [])
                yield {**row, "sources_count": len(seen), "sources": seen}


def crawl_runs(db: Handle, *, site: Optional[str] = None, limit: int = 50) -> list[dict[str, Any]]:
    """Latest crawl runs (all sites, or one), newest first."""
    where, params = ("WHERE site = ?", [site]) if site else ("", [])
    if isinstance(db, PgDatabase):
        names, rows, _ = pg_execute(db, f"SELECT * FROM crawl_runs {where} ORDER BY id DESC LIMIT ?",
                                    [*params, limit])
        return [dict(zip(names, row)) for row in rows]
    return list(db.query(f"SELECT * FROM crawl_runs {where} ORDER BY id DESC LIMIT ?", [*params, limit]))


def _statements(text: str) -> Iterator[str]:
    buffer = ""
    for piece in text.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\n;"):
                yield buffer
            buffer = ""
    if buffer.strip(" \t\n;"):
        yield buffer


def run_sql(db: sqlite_utils.Database, text: str) -> Iterator[tuple[list[str], list[tuple[Any, ...]]]]:
    """Run each SQL statement in ``text``; yield ``(column names, rows)`` per statement (no columns: no rows).

    Raises StoreError with SQLite's message for a statement that fails.
    """
    for statement in _statements(text):
        try:
            cursor = db.conn.execute(statement)
            columns = [d[0] for d in cursor.description or ()]
            yield columns, cursor.fetchall() if columns else []
        except sqlite3.Error as exc:
            reason = str(exc)
            if "user-defined function raised exception" in reason:
                reason = getattr(_function_errors, "last", reason)
            raise StoreError(f"SQL error: {reason.rstrip('.')}.") from None
