"""Full-text search over stored articles: newest first or by relevance, bounded work at any size.

How each order stays fast at a million stories:

* ``newest`` (the default): FTS5 walks the index in rowid order, newest
  stored first (``articles_fts.rowid = articles.id``), and the walk stops as
  soon as ``limit`` rows passed the filters; the ``articles`` rows are read for
  those rows only. Newest means most recently *stored*: the order newsmon
  found the stories.
* ``relevance``: bm25 (a title match counts ten times a body match) is
  computed inside FTS5 for the newest matches only, at most :data:`RELEVANCE_WINDOW`,
  and only the best rows are joined to ``articles``. A term in half a million
  stories never scores all of them. The matches are ranked in the ranking tables
  of db/fts.py (the index again, in blocks of 100,000 ids), newest block first,
  going back a block only while fewer than :data:`RELEVANCE_ENOUGH` were ranked:
  FTS5 counts each query phrase's documents over the whole table of a bm25
  statement, and in a block that count stays the same at any database size.
* ``--since/--until/--site`` narrow the walk: when they select at most
  :data:`NARROW_ROWS` stories, the walk is limited to the id span of those
  stories (``rowid BETWEEN``); rows are then checked against the filters.
* ``--site`` (or else a ``--stage`` of the facts filters) in newest order walks the
  sites' stories (index ``articles(site)``, in id order; ``article_facts(stage)``)
  beside the index's matches, the rarer of the two deciding each round
  (:func:`_filter_walk`): a common word on a small site costs a few dozen probes,
  not thousands of other sites' matches. A ranked window is checked against sites
  in that index too, without reading the stories' rows.
* A query FTS5 cannot decide alone (a regex; see db/query.py) is checked
  row by row with the query's evaluator, on at most :data:`MAX_EXAMINED`
  candidates or :data:`CHECK_SECONDS` (``stats`` says when that cut a listing short).

The public functions are the front end, written once for both databases:
parsing, the checks of ``--site`` and the facts filters, the bounded check of
candidates with the query's evaluator, snippets, ``sources_count``, counting
what the index cannot count. Each database is a ``SearchBackend``
(``db.search_shared``): :class:`FtsSearch` below for SQLite, ``PgSearch`` in
``db.postgres.search`` for a PostgreSQL handle (``newsmon.db.handle.PgDatabase``).

The FTS index holds a CJK-bigram rewrite of the text (db/cjk.py), so FTS5's
own ``snippet()`` would show bigrams; the snippet is cut from the original
body instead, around the first line that contains a query term.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, ContextManager, Iterable, Iterator, Optional, Sequence, Union

import sqlite_utils

from newsmon.errors import StoreError, UsageError
from newsmon.query import QuerySyntaxError

from .facts import FactsFilter, has_facts_table
from .fts import ranking_tables
from .handle import Handle, PgDatabase
from .search_shared import (CHECK_SECONDS, DAY_SQL, HIGHLIGHT, MAX_EXAMINED, NARROW_ROWS, RELEVANCE_WINDOW, SORTS,
                            SPAN_DAYS, IndexQuery, SearchBackend, SearchFilters, day_range, make_snippet, post_filter,
                            utc_bound)
from .query import parse_query

# make_snippet, post_filter, utc_bound and the bounds live in search_shared (both back ends use them).
__all__ = ["search_articles", "count_articles", "iter_matches", "iter_matching_ids", "make_snippet", "known_sites",
           "HIGHLIGHT", "SORTS", "RELEVANCE_WINDOW", "RELEVANCE_ENOUGH", "MAX_EXAMINED", "CHECK_SECONDS", "NARROW_ROWS", "post_filter",
           "utc_bound", "FtsSearch"]

_BATCH = 200
_WEIGHTS = "10.0, 1.0"  # bm25's column weights: a title match counts ten times a body match
# Relevance goes back to older ranking blocks only while it has ranked fewer matches than this (db/fts.py).
RELEVANCE_ENOUGH = 1_000
_WALK_FIRST = 64  # first batch of a filter walk (_filter_walk); doubled each round up to _WALK_MAX
_WALK_MAX = 1024
_MAX_ID = 2**63 - 1
_PROBE_COST = 10  # one `rowid IN` probe of the index costs about as much as reading (into Python) 10 matches in order
_DAY = DAY_SQL  # the UTC day: the expression of the index idx_articles_day
# file_type: a story that is a file named on a list page (PDF announcement), shown as such.
_COLUMNS = "a.id, a.title, a.url, a.site, a.published_at, a.source, a.body, a.published_utc, a.file_type"


# -- the FTS5 back end (SQLite) ------------------------------------------------------------------


def _filter_sql(filters: SearchFilters, alias: str = "a") -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.sites:
        where.append(f"{alias}.site IN ({','.join('?' * len(filters.sites))})")
        params.extend(filters.sites)
    if filters.since:
        where.append(f"{alias}.published_utc >= ?")
        params.append(filters.since)
    if filters.until:
        where.append(f"{alias}.published_utc <= ?")
        params.append(filters.until)
    if filters.facts:
        clause, facts_params = filters.facts.exists_sql(alias)
        where.append(clause)
        params.extend(facts_params)
    return " AND ".join(where), params


def known_sites(db: Handle) -> list[str]:
    """Site names that have stored stories, sorted."""
    backend = _backend(db)
    with backend.connected():
        return backend.known_sites()


def _date_span(db: sqlite_utils.Database, since: Optional[str],
               until: Optional[str]) -> tuple[Optional[int], Optional[int]]:
    """Lowest and highest id of the stories published in [since, until] (exact), without reading them all.

    Whole days inside the range cost two seeks each in the index on the UTC day
    (``articles(substr(published_utc, 1, 10))``: its first and last id); only the two
    days at the ends are scanned, in ``articles(published_utc)``, for the part inside
    the range. So the cost follows the number of days, not of stories (a 30-day window
    read 41,000 index entries at a million stories, twice).
    """
    days = day_range(since, until, lambda edge: db.execute(f"SELECT {edge}({_DAY}) FROM articles").fetchone()[0])
    if days is None:
        return 0, -1  # nothing can match
    if (days[1] - days[0]).days > SPAN_DAYS:
        return _counted_span(db, SearchFilters((), since, until))
    first, last = days[0].isoformat(), days[1].isoformat()
    bounds = ["published_utc >= ?", "published_utc < ?"]
    extra, extra_params = [], []
    if since:
        extra.append("published_utc >= ?")
        extra_params.append(since)
    if until:
        extra.append("published_utc <= ?")
        extra_params.append(until)
    ids: list[int] = []
    for end_day in sorted({first, last}):  # the ends: this day's part of the range
        # "~" sorts after every time of the day ("…T23:59:59+00:00"); the day after would not exist for 9999-12-31.
        row = db.execute(f"SELECT min(id), max(id) FROM articles WHERE {' AND '.join(bounds + extra)}",
                         [end_day, f"{end_day}~", *extra_params]).fetchone()
        ids += [i for i in row if i is not None]
    for n in range(1, (days[1] - days[0]).days):  # whole days: the first and last entry of the day in the day index
        day = days[0] + timedelta(days=n)
        for edge in ("min", "max"):  # one aggregate per statement: SQLite then seeks instead of scanning the day
            found = db.execute(f"SELECT {edge}(id) FROM articles WHERE {_DAY} = ?", [day.isoformat()]).fetchone()[0]
            if found is not None:
                ids.append(found)
    return (min(ids), max(ids)) if ids else (0, -1)


def _has_day_index(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'idx_articles_day'").fetchone() \
        is not None


def _id_span(db: sqlite_utils.Database, filters: SearchFilters) -> tuple[Optional[int], Optional[int]]:
    """Lowest and highest id of the stories the filters select, if they select few (else no narrowing).

    Dates alone (up to SPAN_DAYS days) are always narrowed, to their exact span (:func:`_date_span`, two
    seeks a day): the same rows as counting them for the newest order; in relevance order the window is then
    the newest matches inside the dates' span even when they select more than NARROW_ROWS stories (before:
    the newest matches of all, so an old range with many stories ranked nothing).
    """
    if not filters:
        return None, None
    if not filters.sites and not filters.facts and _has_day_index(db):
        try:
            return _date_span(db, filters.since, filters.until)
        except ValueError:  # a stored published_utc that is not ISO 8601 (not written by newsmon): count instead
            pass
    return _counted_span(db, filters)


def _counted_span(db: sqlite_utils.Database, filters: SearchFilters) -> tuple[Optional[int], Optional[int]]:
    """The span of the stories the filters select, if at most NARROW_ROWS: counted, then min/max."""
    where, params = _filter_sql(filters, "articles")
    few = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles WHERE {where} LIMIT ?)",
                     [*params, NARROW_ROWS + 1]).fetchone()[0]
    if few > NARROW_ROWS:
        return None, None
    low, high = db.execute(f"SELECT min(id), max(id) FROM articles WHERE {where}", params).fetchone()
    if low is None:
        return 0, -1  # nothing can match
    return int(low), int(high)


def _fts_ids(db: sqlite_utils.Database, match: str, low: int, high: int, limit: int) -> list[int]:
    """The ``limit`` highest ids in [low, high] that ``match`` finds, highest first."""
    return [row[0] for row in db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC"
        " LIMIT ?", [match, low, high, limit])]


@dataclass(frozen=True)
class _Keyed:
    """Stories whose ``column`` in ``table`` is one of ``keys``, listed in id order by the index on ``column``
    (an index on one column holds (column, rowid)): ``articles.site`` or ``article_facts.stage``."""

    table: str
    column: str
    id_column: str
    keys: tuple[str, ...]

    def ids(self, db: sqlite_utils.Database, low: int, high: int, limit: int) -> list[int]:
        """The ``limit`` highest ids in [low, high] of these stories, highest first."""
        ids: list[int] = []
        for key in self.keys:
            ids += [row[0] for row in db.execute(
                f"SELECT {self.id_column} FROM {self.table} WHERE {self.column} = ?"
                f" AND {self.id_column} BETWEEN ? AND ? ORDER BY {self.id_column} DESC LIMIT ?",
                [key, low, high, limit])]
        if len(self.keys) > 1:
            ids.sort(reverse=True)
            del ids[limit:]
        return ids


def _keyed(filters: SearchFilters) -> Optional[_Keyed]:
    """The filter whose stories an index lists in id order (a superset of what the filters select), if any."""
    if filters.sites:
        return _Keyed("articles", "site", "id", filters.sites)
    if filters.facts.stages:  # index article_facts(stage); the other facts conditions are checked on the rows
        return _Keyed("article_facts", "stage", "article_id", filters.facts.stages)
    return None


def _filter_walk(db: sqlite_utils.Database, match: Optional[str], keyed: _Keyed, low: int,
                 high: int) -> Iterator[int]:
    """Ids in [low, high], highest first: every story of ``keyed`` that ``match`` finds (None: every story).

    A zig-zag over two id-ordered lists, the index's matches and the filter's stories
    (say a site's, index ``articles(site)``), in rounds: each round reads a batch of both
    below the last decided id; the sparser list decides the round's range, checked against
    the denser one (its batch where it reaches, else a probe: ``rowid IN (...)``, ~5-10 µs
    a story, or reading the matches in order where they are not much denser). So the work
    follows the rarer of the two, not the database's size: a common word on a small site
    probes a few dozen of the site's stories, a rare word on a large site reads its own
    few matches. Ids may include stories outside the filter (the index's matches below the
    filter batch's reach); the caller checks the rows against the filters anyway.
    """
    size = _WALK_FIRST
    while low <= high:
        in_filter = keyed.ids(db, low, high, size)
        if match is None:
            yield from in_filter
            if len(in_filter) < size:
                return
            high = in_filter[-1] - 1
            size = min(size * 2, _WALK_MAX)
            continue
        if not in_filter:
            return
        matched = _fts_ids(db, match, low, high, size)
        reach_matched = matched[-1] if len(matched) == size else low  # how far down each batch is complete
        reach_filter = in_filter[-1] if len(in_filter) == size else low
        if reach_matched <= reach_filter:  # the matches are as sparse or sparser: they decide the round
            members = set(in_filter)
            yield from (i for i in matched if i < reach_filter or i in members)
            high = reach_matched - 1
        else:  # the filter's stories are sparser: check them against the matches below the matches' batch
            found = set(matched)
            below = [i for i in in_filter if i < reach_matched]
            # Reading the matches in order costs ~1/_PROBE_COST of a probe each: read them where the batch's
            # density of matches says there are fewer than _PROBE_COST per story to check, else probe.
            density = len(matched) / (high - reach_matched + 1)
            if below and density * (reach_matched - reach_filter) < _PROBE_COST * len(below):
                found.update(_fts_ids(db, match, reach_filter, reach_matched - 1, _MAX_ID))
            elif below:
                marks = ",".join("?" * len(below))
                found.update(row[0] for row in db.execute(
                    f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN ({marks})",
                    [match, *below]))
            yield from (i for i in in_filter if i in found)
            high = reach_filter - 1
        size = min(size * 2, _WALK_MAX)


def _candidate_ids(db: sqlite_utils.Database, parsed: Optional[IndexQuery], sort: str,
                   filters: SearchFilters) -> Iterator[tuple[int, Optional[float]]]:
    """(id, bm25 or None) in result order, straight from the index (before site/date filters and the post-filter)."""
    match = parsed.index if parsed is not None else None
    keyed = _keyed(filters)
    if keyed is not None and (match is None or sort == "newest"):
        # The walk lists the filter's own stories: only the dates bound it (a few seeks), nothing is counted
        # (counting the stories with facts meeting a --stage read every story's row).
        low, high = _id_span(db, SearchFilters((), filters.since, filters.until))
        yield from ((i, None) for i in _filter_walk(db, match, keyed, low if low is not None else 0,
                                                     high if high is not None else _MAX_ID))
        return
    low, high = _id_span(db, filters)
    bounds: list[str] = []
    params: list[Any] = []
    if low is not None:
        bounds.append("{id} BETWEEN ? AND ?")
        params += [low, high]
    if match is None:
        where = " AND ".join(b.format(id="id") for b in bounds) or "1"
        yield from ((row[0], None) for row in
                    db.execute(f"SELECT id FROM articles WHERE {where} ORDER BY id DESC", params))
        return
    where = " AND ".join(["articles_fts MATCH ?"] + [b.format(id="rowid") for b in bounds])
    params = [match, *params]
    if sort == "newest":
        # No bm25 here: even for 20 rows it costs a pass over every match (FTS5 computes IDF per statement).
        yield from ((row[0], None) for row in
                    db.execute(f"SELECT rowid FROM articles_fts WHERE {where} ORDER BY rowid DESC", params))
        return
    yield from _ranked(db, match, 0 if low is None else low, _MAX_ID if high is None else high)


def _ranked(db: sqlite_utils.Database, match: str, low: int, high: int) -> list[tuple[int, float]]:
    """(id, bm25) of the newest matches in [low, high], best first, ranked inside the ranking blocks (db/fts.py).

    Newest block first, each block's newest matches (its own rowid-ordered walk, LIMITed, bm25 computed for
    those rows only); older blocks only while fewer than RELEVANCE_ENOUGH matches were ranked, and never
    more than RELEVANCE_WINDOW in all. bm25's IDF pass, which FTS5 makes over the whole table of the
    statement, so covers a block or two (RANK_BLOCK stories each), not the database: the work is the same
    at 200,000 stories as at a million. A span with fewer matches than that is ranked in ``articles_fts``.
    """
    # Fewer than RELEVANCE_ENOUGH matches in the span at all (a rare word; ~1 ms to learn, no bm25): one statement
    # over articles_fts ranks them all, its IDF pass as short as the word's few matches. Through the blocks the
    # search would never reach ENOUGH and pay a statement for every block of the database.
    few = len(_fts_ids(db, match, low, high, RELEVANCE_ENOUGH)) < RELEVANCE_ENOUGH
    tables = iter([("articles_fts", low, high)]) if few else ranking_tables(db.conn, low, high)
    ranked: list[tuple[int, float]] = []
    for table, first, last in tables:
        ranked += db.execute(
            f"SELECT rowid, bm25({table}, {_WEIGHTS}) FROM {table} WHERE {table} MATCH ? AND rowid BETWEEN ? AND ?"
            " ORDER BY rowid DESC LIMIT ?", [match, first, last, RELEVANCE_WINDOW - len(ranked)]).fetchall()
        if len(ranked) >= RELEVANCE_ENOUGH:
            break
    ranked.sort(key=lambda row: (row[1], -row[0]))
    return ranked


def _in_sites(db: sqlite_utils.Database, sites: Sequence[str], ids: list[int]) -> set[int]:
    """Those of ``ids`` whose story is from ``sites``: seeks in the index articles(site), not the table."""
    marks = ",".join("?" * len(ids))
    found: set[int] = set()
    for site in sites:  # one site per statement: with ``site IN``, SQLite reads the table rows instead
        found.update(row[0] for row in db.execute(f"SELECT id FROM articles WHERE site = ? AND id IN ({marks})",
                                                  [site, *ids]))
    return found


def _fetch(db: sqlite_utils.Database, ids: Iterable[tuple[int, Optional[float]]], filters: SearchFilters,
           first_batch: int, columns: str = _COLUMNS) -> Iterator[dict[str, Any]]:
    """Article rows (``columns`` and ``score``) for ``ids`` in order, those passing the site/date/facts filters."""
    where, fparams = _filter_sql(filters)
    iterator = iter(ids)
    size = first_batch  # the first batch is what an unfiltered exact query needs; then larger ones
    while True:
        batch = [i for _, i in zip(range(size), iterator)]
        size = _BATCH
        if not batch:
            return
        if filters.sites:  # most ids of a ranked window may be other sites' stories: drop them from the index
            members = _in_sites(db, filters.sites, [i for i, _ in batch])
            batch = [item for item in batch if item[0] in members]
        found: dict[int, dict[str, Any]] = {}
        if columns == "a.id" and not (filters.since or filters.until or filters.facts):  # the index decided alone
            found = {article_id: {"id": article_id} for article_id, _ in batch}
        elif batch:
            marks = ",".join("?" * len(batch))
            sql = f"SELECT {columns} FROM articles a WHERE a.id IN ({marks})" + (f" AND {where}" if where else "")
            found = {row["id"]: row for row in db.query(sql, [*(i for i, _ in batch), *fparams])}
        for article_id, score in batch:
            row = found.get(article_id)
            if row is not None:
                row["score"] = round(-score, 4) if score is not None else None  # bm25: lower is better; flip
                yield row


class FtsSearch:
    """The SQLite back end of search (a ``SearchBackend``): the FTS5 index ``articles_fts``."""

    errors: tuple[type[Exception], ...] = (sqlite3.OperationalError,)

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def parse(self, text: str) -> IndexQuery:
        return parse_query(text)

    def reason(self, exc: Exception) -> str:
        return str(exc)

    def connected(self) -> ContextManager[object]:
        return nullcontext()

    def has_site(self, site: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE site = ? LIMIT 1", [site]).fetchone() is not None

    def known_sites(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT DISTINCT site FROM articles ORDER BY site")]

    def has_facts(self) -> bool:
        return has_facts_table(self.db)

    def candidates(self, parsed: Optional[IndexQuery], sort: str, filters: SearchFilters, *, first_batch: int,
                   text: bool) -> Iterator[dict[str, Any]]:
        ids = _candidate_ids(self.db, parsed, sort, filters)
        if not text and not filters:  # the index alone decides: no row to read
            return ({"id": article_id, "score": None} for article_id, _ in ids)
        # Without the text, rows carry just the id: reading 1,000 bodies to learn 1,000 ids cost ten times the search.
        return _fetch(self.db, ids, filters, first_batch, _COLUMNS if text else "a.id")

    def count(self, parsed: Optional[IndexQuery], filters: SearchFilters) -> int:
        db = self.db
        where, params = _filter_sql(filters)
        if parsed is None:
            sql = "SELECT count(*) FROM articles a" + (f" WHERE {where}" if where else "")
            return int(db.execute(sql, params).fetchone()[0])
        if not filters:
            return int(db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                  [parsed.index]).fetchone()[0])
        low, high = _id_span(db, filters)
        span, span_params = ("", []) if low is None else (" AND articles_fts.rowid BETWEEN ? AND ?", [low, high])
        sql = ("SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
               f" WHERE articles_fts MATCH ?{span} AND {where}")
        return int(db.execute(sql, [parsed.index, *span_params, *params]).fetchone()[0])

    def source_counts(self, ids: list[int]) -> dict[int, int]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return dict(self.db.execute(f"SELECT article_id, count(*) FROM article_sources WHERE article_id IN ({marks})"
                                    " GROUP BY article_id", ids).fetchall())


# -- the front end: one definition for both databases ----------------------------------------------


def _backend(db: Handle) -> SearchBackend:
    if isinstance(db, PgDatabase):
        from .postgres.search import PgSearch  # psycopg is imported for PostgreSQL databases only

        return PgSearch(db)
    return FtsSearch(db)


def _parse(backend: SearchBackend, query: Optional[str]) -> Optional[IndexQuery]:
    if not query:  # None or "": the newest stories (a query of only spaces is a mistake, and says so)
        return None
    try:
        return backend.parse(query)
    except QuerySyntaxError as exc:
        raise exc.with_context(f"Cannot search for {query!r}") from None


@contextmanager
def _connected(backend: SearchBackend, query: Optional[str]) -> Iterator[None]:
    """The backend's connection; a failure of the database becomes a StoreError naming the query."""
    try:
        with backend.connected():
            yield
    except backend.errors as exc:
        raise StoreError(f"Cannot search for {query!r}: {backend.reason(exc)}.") from None


def _filters(backend: SearchBackend, site: Union[None, str, Sequence[str]], since: Optional[datetime],
             until: Optional[datetime], facts: Optional[FactsFilter]) -> SearchFilters:
    sites = (site,) if isinstance(site, str) else tuple(dict.fromkeys(site or ()))
    # One index seek per name; the full list (a scan of the site index) only for the error.
    unknown = [s for s in sites if not backend.has_site(s)]
    if unknown:
        listing = ", ".join(backend.known_sites()) or "none yet"
        raise UsageError(f"There are no stories from site {unknown[0]!r}; the sites with stories are: {listing}.")
    if facts and not backend.has_facts():
        raise UsageError("This database has no investment facts yet; `newsmon reextract --facts` computes them "
                         "for the stored stories.")
    return SearchFilters(sites, utc_bound(since, "--since"), utc_bound(until, "--until"), facts or FactsFilter())


def _matches(backend: SearchBackend, parsed: Optional[IndexQuery], sort: str, filters: SearchFilters, *,
             first_batch: int = _BATCH, max_examined: Optional[int] = MAX_EXAMINED,
             stats: Optional[dict[str, Any]] = None, ids_only: bool = False) -> Iterator[dict[str, Any]]:
    """Rows of the matches in result order: the backend's candidates, checked by the evaluator if inexact.

    ``ids_only``: rows carry just ``id`` (and ``score``) unless the evaluator needs the text.
    """
    check = parsed.query if parsed is not None and not parsed.exact else None
    rows = backend.candidates(parsed, sort, filters, first_batch=first_batch, text=not ids_only or check is not None)
    return post_filter(rows, check, max_examined=max_examined, stats=stats)


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

    Each result has ``id, title, url, site, published_at, source, score, snippet,
    sources_count`` (the number of places the story was seen; ``score`` is
    bm25 on SQLite, ts_rank on PostgreSQL, higher is better, with ``sort="relevance"``;
    null in newest order). ``None`` or ``""``
    lists the newest stories. ``site`` is a name or a list of
    names (an unknown one raises UsageError listing the known sites);
    ``since``/``until`` filter on ``published_at`` (inclusive, aware
    datetimes). ``sort`` is ``newest`` or ``relevance`` (bounded: see the
    module docstring). ``facts`` keeps stories whose investment facts meet it.
    A query the index cannot decide alone (a regex) is checked story by story on
    at most MAX_EXAMINED candidates or CHECK_SECONDS: pass a dict as ``stats``
    to learn ``examined`` and ``complete`` (False: the listing may miss older
    matches). Raises QuerySyntaxError for a malformed query.
    """
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}")
    backend = _backend(db)
    parsed = _parse(backend, query)
    with _connected(backend, query):
        filters = _filters(backend, site, since, until, facts)
        rows = [row for _, row in zip(range(limit), _matches(backend, parsed, sort, filters, first_batch=limit,
                                                              stats=stats))]
        counts = backend.source_counts([row["id"] for row in rows])
    terms = parsed.terms if parsed is not None else ()
    out = []
    for row in rows:
        body, score = row.pop("body"), row.pop("score")
        row.pop("published_utc")
        out.append({**row, "score": score, "snippet": make_snippet(body, terms),
                    "sources_count": counts.get(row["id"], 0)})
    return out


def _walk(
    db: Handle,
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
    backend = _backend(db)
    parsed = _parse(backend, query)
    with _connected(backend, query):
        filters = _filters(backend, site, since, until, facts)
        for row in _matches(backend, parsed, "newest", filters, max_examined=max_examined, stats=stats,
                            ids_only=ids_only):
            row.pop("score", None)
            yield row


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
    backend = _backend(db)
    parsed = _parse(backend, query)
    with _connected(backend, query):
        filters = _filters(backend, site, since, until, facts)
        if parsed is None or parsed.exact:
            return backend.count(parsed, filters)
        count = 0
        for examined, row in enumerate(backend.candidates(parsed, "newest", filters, first_batch=_BATCH, text=True), 1):
            if examined > MAX_EXAMINED:
                raise UsageError(f"Counting {query!r} would check more than {MAX_EXAMINED:,} stories one by one;"
                                 " add a term, a site or dates to narrow it.")
            count += parsed.query.matches(row["title"], row["body"])
        return count
