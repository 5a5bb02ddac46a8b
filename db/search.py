"""Full-text search over stored articles: newest first or by relevance, bounded work at any size.

How each order stays fast at a million stories:

* ``newest`` (the default): FTS5 walks the index in rowid order, newest
  stored first (``articles_fts.rowid = articles.id``), and the walk stops as
  soon as ``limit`` rows passed the filters; the ``articles`` rows are read for
  those rows only. Newest means most recently *stored*: the order newsmon
  found the stories.
* ``relevance``: bm25 (a title match counts ten times a body match) is
  computed inside FTS5 for the newest :data:`RELEVANCE_WINDOW` matches only,
  ranked there (``ORDER BY bm25 LIMIT``), and only the best rows are joined
  to ``articles``. A term in half a million stories never scores all of them.
* ``--since/--until/--site`` narrow the walk: when they select at most
  :data:`NARROW_ROWS` stories, the walk is limited to the id span of those
  stories (``rowid BETWEEN``); rows are then checked against the filters.
* A query FTS5 cannot decide alone (a regex; see db/query.py) is checked
  row by row with the query's evaluator, on at most :data:`MAX_EXAMINED`
  candidates or :data:`CHECK_SECONDS` (``stats`` says when that cut a listing short).

Given a PostgreSQL handle (``newsmon.db.handle.PgDatabase``), each public function runs
its twin in ``db.postgres.search`` (same arguments, rows and errors).

The FTS index holds a CJK-bigram rewrite of the text (db/cjk.py), so FTS5's
own ``snippet()`` would show bigrams; the snippet is cut from the original
body instead, around the first line that contains a query term.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

import sqlite_utils

from newsmon.errors import StoreError, UsageError
from newsmon.query import QuerySyntaxError

from .facts import FactsFilter, has_facts_table
from .handle import Handle, PgDatabase
from .search_shared import (CHECK_SECONDS, HIGHLIGHT, MAX_EXAMINED, NARROW_ROWS, RELEVANCE_WINDOW, SORTS,
                            make_snippet, post_filter, utc_bound)
from .query import FtsQuery, parse_query

# make_snippet, post_filter, utc_bound and the bounds live in search_shared (both back ends use them).
__all__ = ["search_articles", "count_articles", "iter_matches", "iter_matching_ids", "make_snippet", "known_sites",
           "HIGHLIGHT", "SORTS", "RELEVANCE_WINDOW", "MAX_EXAMINED", "CHECK_SECONDS", "NARROW_ROWS", "post_filter",
           "utc_bound"]

_BATCH = 200
_RANK = "bm25(articles_fts, 10.0, 1.0)"  # title matches count ten times a body match
# file_type: a story that is a file named on a list page (PDF announcement), shown as such.
_COLUMNS = "a.id, a.title, a.url, a.site, a.published_at, a.source, a.body, a.published_utc, a.file_type"


@dataclass(frozen=True)
class _Filters:
    sites: tuple[str, ...]
    since: Optional[str]
    until: Optional[str]
    facts: FactsFilter = FactsFilter()

    def sql(self, alias: str = "a") -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if self.sites:
            where.append(f"{alias}.site IN ({','.join('?' * len(self.sites))})")
            params.extend(self.sites)
        if self.since:
            where.append(f"{alias}.published_utc >= ?")
            params.append(self.since)
        if self.until:
            where.append(f"{alias}.published_utc <= ?")
            params.append(self.until)
        if self.facts:
            clause, facts_params = self.facts.exists_sql(alias)
            where.append(clause)
            params.extend(facts_params)
        return " AND ".join(where), params

    def __bool__(self) -> bool:
        return bool(self.sites or self.since or self.until or self.facts)


def known_sites(db: Handle) -> list[str]:
    """Site names that have stored stories, sorted."""
    if isinstance(db, PgDatabase):
        from .postgres import search as pg  # psycopg is imported for PostgreSQL databases only

        return pg.known_sites(db)
    return [row[0] for row in db.execute("SELECT DISTINCT site FROM articles ORDER BY site")]


def _filters(db: sqlite_utils.Database, site: Union[None, str, Sequence[str]], since: Optional[datetime],
             until: Optional[datetime], facts: Optional[FactsFilter] = None) -> _Filters:
    sites = (site,) if isinstance(site, str) else tuple(dict.fromkeys(site or ()))
    if sites:
        # One index seek per name; the full list (a scan of the site index) only for the error.
        unknown = [s for s in sites if db.execute("SELECT 1 FROM articles WHERE site = ? LIMIT 1", [s]).fetchone()
                   is None]
        if unknown:
            listing = ", ".join(known_sites(db)) or "none yet"
            raise UsageError(f"There are no stories from site {unknown[0]!r}; the sites with stories are: {listing}.")
    if facts and not has_facts_table(db):
        raise UsageError("This database has no investment facts yet; `newsmon reextract --facts` computes them "
                         "for the stored stories.")
    return _Filters(sites, utc_bound(since, "--since"), utc_bound(until, "--until"), facts or FactsFilter())


def _parse(query: Optional[str]) -> Optional[FtsQuery]:
    if not query:  # None or "": the newest stories (a query of only spaces is a mistake, and says so)
        return None
    try:
        return parse_query(query)
    except QuerySyntaxError as exc:
        raise exc.with_context(f"Cannot search for {query!r}") from None


def _id_span(db: sqlite_utils.Database, filters: _Filters) -> tuple[Optional[int], Optional[int]]:
    """Lowest and highest id of the stories the filters select, if they select few (else no narrowing)."""
    if not filters:
        return None, None
    where, params = filters.sql("articles")
    few = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles WHERE {where} LIMIT ?)",
                     [*params, NARROW_ROWS + 1]).fetchone()[0]
    if few > NARROW_ROWS:
        return None, None
    low, high = db.execute(f"SELECT min(id), max(id) FROM articles WHERE {where}", params).fetchone()
    if low is None:
        return 0, -1  # nothing can match
    return int(low), int(high)


def _candidate_ids(db: sqlite_utils.Database, parsed: Optional[FtsQuery], sort: str,
                   span: tuple[Optional[int], Optional[int]]) -> Iterator[tuple[int, Optional[float]]]:
    """(id, bm25 or None) in result order, straight from the index (before site/date filters and the post-filter)."""
    low, high = span
    bounds: list[str] = []
    params: list[Any] = []
    if low is not None:
        bounds.append("{id} BETWEEN ? AND ?")
        params += [low, high]
    if parsed is None or parsed.match is None:
        where = " AND ".join(b.format(id="id") for b in bounds) or "1"
        yield from ((row[0], None) for row in
                    db.execute(f"SELECT id FROM articles WHERE {where} ORDER BY id DESC", params))
        return
    where = " AND ".join(["articles_fts MATCH ?"] + [b.format(id="rowid") for b in bounds])
    params = [parsed.match, *params]
    if sort == "newest":
        # No bm25 here: even for 20 rows it costs a pass over every match (FTS5 computes IDF per statement).
        yield from ((row[0], None) for row in
                    db.execute(f"SELECT rowid FROM articles_fts WHERE {where} ORDER BY rowid DESC", params))
        return
    # Relevance among the newest RELEVANCE_WINDOW matches: find the window's oldest rowid, rank inside FTS5.
    floor = db.execute(f"SELECT rowid FROM articles_fts WHERE {where} ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                       [*params, RELEVANCE_WINDOW - 1]).fetchone()
    if floor is not None:
        where += " AND rowid >= ?"
        params.append(floor[0])
    yield from ((row[0], row[1]) for row in db.execute(
        f"SELECT rowid, {_RANK} AS score FROM articles_fts WHERE {where} ORDER BY score, rowid DESC", params))


def _fetch(db: sqlite_utils.Database, ids: Iterable[tuple[int, Optional[float]]], filters: _Filters,
           first_batch: int, columns: str = _COLUMNS) -> Iterator[dict[str, Any]]:
    """Article rows (``columns`` and ``score``) for ``ids`` in order, those passing the site/date/facts filters."""
    where, fparams = filters.sql()
    iterator = iter(ids)
    size = first_batch  # the first batch is what an unfiltered exact query needs; then larger ones
    while True:
        batch = [i for _, i in zip(range(size), iterator)]
        size = _BATCH
        if not batch:
            return
        marks = ",".join("?" * len(batch))
        sql = f"SELECT {columns} FROM articles a WHERE a.id IN ({marks})" + (f" AND {where}" if where else "")
        found = {row["id"]: row for row in db.query(sql, [*(i for i, _ in batch), *fparams])}
        for article_id, score in batch:
            row = found.get(article_id)
            if row is not None:
                row["score"] = round(-score, 4) if score is not None else None  # bm25: lower is better; flip
                yield row


def _rows(db: sqlite_utils.Database, ids: Iterable[tuple[int, Optional[float]]], parsed: Optional[FtsQuery],
          filters: _Filters, first_batch: int = _BATCH,
          max_examined: Optional[int] = MAX_EXAMINED,
          stats: Optional[dict[str, Any]] = None, ids_only: bool = False) -> Iterator[dict[str, Any]]:
    """Article rows for ``ids`` in order, those passing the filters and (if inexact) the query's evaluator.

    ``ids_only``: rows carry just ``id`` (and ``score``) unless the evaluator needs the text —
    reading 1,000 bodies to learn 1,000 ids cost ten times the search itself.
    """
    check = parsed.query if parsed is not None and not parsed.exact else None
    columns = "a.id" if ids_only and check is None else _COLUMNS
    return post_filter(_fetch(db, ids, filters, first_batch, columns), check, max_examined=max_examined,
                       stats=stats)


def search_articles(
    db: Handle,
    query: Optional[str],
    *,
    site: Union[None, str, Sequence[str]] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
    limit: int = 20,
    sort: str = "newest",
    facts: Optional[FactsFilter] = None,
    stats: Optional[dict[str, Any]] = None,
) -> list[dict[str, Any]]:
    """Articles matching ``query`` (newsmon.query syntax), newest first or by relevance.

    Each result has ``id, title, url, site, published_at, source, snippet,
    score, sources_count`` (the number of places the story was seen; ``score`` is
    bm25, higher is better, with ``sort="relevance"``; null in newest order). ``None`` or ``""``
    lists the newest stories. ``site`` is a name or a list of
    names (an unknown one raises UsageError listing the known sites);
    ``since``/``until`` filter on ``published_at`` (inclusive, aware
    datetimes). ``sort`` is ``newest`` or ``relevance`` (bounded: see the
    module docstring). ``facts`` keeps stories whose investment facts meet it.
    A query FTS5 cannot decide alone (a regex) is checked story by story on
    at most MAX_EXAMINED candidates or CHECK_SECONDS: pass a dict as ``stats``
    to learn ``examined`` and ``complete`` (False: the listing may miss older
    matches). Raises QuerySyntaxError for a malformed query.
    """
    if isinstance(db, PgDatabase):
        from .postgres import search as pg  # psycopg is imported for PostgreSQL databases only

        return pg.search_articles(db, query, site=site, since=since, until=until, limit=limit, sort=sort, facts=facts,
                                  stats=stats)
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}")
    parsed = _parse(query)
    filters = _filters(db, site, since, until, facts)
    try:
        ids = _candidate_ids(db, parsed, sort, _id_span(db, filters))
        rows = [row for _, row in zip(range(limit), _rows(db, ids, parsed, filters, first_batch=limit,
                                                           stats=stats))]
        counts = _source_counts(db, [row["id"] for row in rows])
    except sqlite3.OperationalError as exc:
        raise StoreError(f"Cannot search for {query!r}: {exc}.") from None
    terms = parsed.terms if parsed is not None else ()
    for row in rows:
        row.pop("published_utc")
        row["snippet"] = make_snippet(row.pop("body"), terms)
        row["sources_count"] = counts.get(row["id"], 0)
    return rows


def _source_counts(db: sqlite_utils.Database, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(db.execute(f"SELECT article_id, count(*) FROM article_sources WHERE article_id IN ({marks})"
                           " GROUP BY article_id", ids).fetchall())


def _walk(
    db: sqlite_utils.Database,
    query: Optional[str],
    site: Union[None, str, Sequence[str]],
    since: Optional[datetime],
    until: Optional[datetime],
    facts: Optional[FactsFilter],
    max_examined: Optional[int],
    stats: Optional[dict[str, Any]] = None,
    ids_only: bool = False,
) -> Iterator[dict[str, Any]]:
    """The rows of every match in newest order, streamed (``ids_only``: just ``id`` where the text is not needed)."""
    parsed = _parse(query)
    filters = _filters(db, site, since, until, facts)
    try:
        candidates = _candidate_ids(db, parsed, "newest", _id_span(db, filters))
        if ids_only and not filters and (parsed is None or parsed.exact):  # the index alone decides
            yield from ({"id": article_id} for article_id, _ in candidates)
            return
        yield from _rows(db, candidates, parsed, filters, max_examined=max_examined, stats=stats, ids_only=ids_only)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"Cannot search for {query!r}: {exc}.") from None


def iter_matches(
    db: Handle,
    query: Optional[str],
    *,
    site: Union[None, str, Sequence[str]] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
    facts: Optional[FactsFilter] = None,
    max_examined: Optional[int] = None,
    stats: Optional[dict[str, Any]] = None,
) -> Iterator[dict[str, Any]]:
    """Every story :func:`search_articles` finds (newest order), with no limit, streamed, body included.

    Each row has ``id, title, url, site, published_at, source, body,
    published_utc``. Same arguments and errors as :func:`search_articles`; a
    query that needs a row-by-row check (a regex) is checked on every candidate
    (``max_examined=None``) or on at most ``max_examined`` of them (``stats`` then
    says whether that cut the walk short). ``newsmon alerts test`` walks this.
    """
    if isinstance(db, PgDatabase):
        from .postgres import search as pg  # psycopg is imported for PostgreSQL databases only

        yield from pg.iter_matches(db, query, site=site, since=since, until=until, facts=facts,
                                   max_examined=max_examined, stats=stats)
        return
    yield from _walk(db, query, site, since, until, facts, max_examined, stats)


def iter_matching_ids(
    db: Handle,
    query: Optional[str],
    *,
    site: Union[None, str, Sequence[str]] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
    facts: Optional[FactsFilter] = None,
    max_examined: Optional[int] = None,
) -> Iterator[int]:
    """Ids of every story :func:`search_articles` finds (newest order), with no limit, streamed: for exports.

    Same arguments and errors as :func:`search_articles`; a query that needs a row-by-row
    check (a regex) is checked on every candidate, however many, unless ``max_examined``
    caps it (the web page's facets pass MAX_EXAMINED, as a listing does).
    """
    if isinstance(db, PgDatabase):
        from .postgres import search as pg  # psycopg is imported for PostgreSQL databases only

        yield from pg.iter_matching_ids(db, query, site=site, since=since, until=until)
        return
    yield from (int(row["id"]) for row in _walk(db, query, site, since, until, facts, max_examined, ids_only=True))


def count_articles(
    db: Handle,
    query: Optional[str],
    *,
    site: Union[None, str, Sequence[str]] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
    facts: Optional[FactsFilter] = None,
) -> int:
    """How many stories :func:`search_articles` would find with no limit (same arguments, same errors).

    Raises UsageError when the query needs a row-by-row check (a regex) on more
    than MAX_EXAMINED candidates: narrow it with a term, a site or dates.
    """
    if isinstance(db, PgDatabase):
        from .postgres import search as pg  # psycopg is imported for PostgreSQL databases only

        return pg.count_articles(db, query, site=site, since=since, until=until, facts=facts)
    parsed = _parse(query)
    filters = _filters(db, site, since, until, facts)
    where, params = filters.sql()
    try:
        if parsed is None:
            sql = "SELECT count(*) FROM articles a" + (f" WHERE {where}" if where else "")
            return int(db.execute(sql, params).fetchone()[0])
        if parsed.exact:
            if not filters:
                return int(db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                      [parsed.match]).fetchone()[0])
            low, high = _id_span(db, filters)
            span, span_params = ("", []) if low is None else (" AND articles_fts.rowid BETWEEN ? AND ?", [low, high])
            sql = ("SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                   f" WHERE articles_fts MATCH ?{span} AND {where}")
            return int(db.execute(sql, [parsed.match, *span_params, *params]).fetchone()[0])
        count = 0
        examined = 0
        for row in _rows(db, _candidate_ids(db, parsed, "newest", _id_span(db, filters)), None, filters):
            examined += 1
            if examined > MAX_EXAMINED:
                raise UsageError(f"Counting {query!r} would check more than {MAX_EXAMINED:,} stories one by one;"
                                 " add a term, a site or dates to narrow it.")
            count += parsed.query.matches(row["title"], row["body"])
        return count
    except sqlite3.OperationalError as exc:
        raise StoreError(f"Cannot search for {query!r}: {exc}.") from None
