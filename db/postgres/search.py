"""Full-text search on PostgreSQL: ``db.search``'s functions over ``articles.search_tsv``.

The same syntax tree the FTS5 back end compiles (``newsmon.query``), compiled to a
``tsquery`` by ``db.postgres.tsquery``, over the same CJK-bigram rewrite of the
text (``db.cjk.index_text``), stored as

    articles.search_tsv = setweight(to_tsvector('simple', index_text(title)), 'A')
                       || setweight(to_tsvector('simple', index_text(body)), 'D')

with a GIN index. What the index cannot decide exactly is checked with the
query's own evaluator (``Query.matches``, the one alerts use) by the front
end in ``db.search``: :class:`PgSearch` is only PostgreSQL's half of a search
(``db.search_shared.SearchBackend``: candidates in result order, exact counts,
site and facts look-ups), so both databases take the same arguments, give the
same rows and errors and keep the same bounds (``MAX_EXAMINED``,
``CHECK_SECONDS``; a smaller RELEVANCE_WINDOW). docs/scale-out.md has the plan.

Limits of PostgreSQL's tsvector (none reached by news stories of ordinary
length): positions above 16,383 are stored as 16,383 and a lexeme keeps at
most 256 positions in one story, so a phrase found only past about the
8,000th Chinese character of a body, or only after a bigram's 256th
occurrence, is missed; a word longer than 2,047 bytes is not indexed.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta
from typing import Any, Iterator, Optional

import psycopg
from psycopg.rows import dict_row

from ..handle import PgDatabase
from .tsquery import TsQuery, compile_tsquery, parse_tsquery
from ..search_shared import DAY_SQL, NARROW_ROWS, SPAN_DAYS, IndexQuery, SearchFilters, day_range

__all__ = ["TsQuery", "compile_tsquery", "parse_tsquery", "PgSearch", "RANK_WEIGHTS", "RELEVANCE_WINDOW",
           "PROBE_ROWS", "WALK_ROWS"]

#: ts_rank's weights for D, C, B, A: a title (A) match counts ten times a body (D) match, as bm25's in SQLite.
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
_BATCH = 200
#: The newest stories checked against the tsquery one by one before the GIN index is asked (see _newest):
#: PROBE_ROWS always, up to WALK_ROWS when the probe's matches say that fills the page.
PROBE_ROWS = 200
WALK_ROWS = 2_000
#: Relevance ranks the newest this many matches (SQLite: 10,000). ts_rank reads each match's whole tsvector
#: (about 6 kB compressed for a 600-character story): ~25 µs a match on this machine, so 1,000 cost ~25 ms.
RELEVANCE_WINDOW = 1_000
#: The GIN index below the walk, for a term in fewer than _RANGED_DENSITY of the stories walked (see _newest):
#: id ranges, the first sized by that rate to hold two batches (at least WALK_ROWS ids, at most 1/8 of the ids
#: below), each next one _WINDOW_GROWTH times wider.
_RANGED_DENSITY = 0.1
_WINDOW_GROWTH = 8
_COLUMNS = "id, title, url, site, published_at, source, body, published_utc, file_type"

Connection = psycopg.Connection[Any]


def _filter_sql(filters: SearchFilters) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.sites:
        where.append("site = ANY(%s)")
        params.append(list(filters.sites))
    if filters.since:
        where.append("published_utc >= %s")
        params.append(filters.since)
    if filters.until:
        where.append("published_utc <= %s")
        params.append(filters.until)
    if filters.facts:
        facts, facts_params = filters.facts.pg_sql("f")
        where.append(f"EXISTS (SELECT 1 FROM article_facts f WHERE f.article_id = articles.id AND {facts})")
        params.extend(facts_params)
    return " AND ".join(where), params


def _match_sql(parsed: Optional[IndexQuery]) -> tuple[str, list[Any]]:
    if parsed is None or parsed.index is None:
        return "true", []
    return "search_tsv @@ %s::tsquery", [parsed.index]


def _id_span(conn: Connection, filters: SearchFilters) -> tuple[str, list[Any]]:
    """``id BETWEEN`` the lowest and highest id the filters select, if they select few (as db.search does).

    Dates alone (up to SPAN_DAYS days) are always narrowed, to their exact span, from the day index
    (:func:`_date_span`); other filters are counted first (at most NARROW_ROWS stories).
    """
    where, params = _filter_sql(filters)
    if not where:
        return "", []
    span: Optional[tuple[int, int]] = None
    if not filters.sites and not filters.facts:
        try:
            span = _date_span(conn, filters.since, filters.until)
        except ValueError:  # a stored published_utc that is not ISO 8601 (not written by newsmon): count instead
            pass
    if span is None:
        few = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles WHERE {where} LIMIT %s) s",
                           [*params, NARROW_ROWS + 1], prepare=False).fetchone()
        if few is None or few[0] > NARROW_ROWS:
            return "", []
        # OFFSET 0 fences the aggregate from the planner's min/max rewrite: that walks the primary key from
        # one end until a row passes the filters (958,905 rows read for the last 30 days of 1M, 1.2 s).
        low, high = conn.execute(f"SELECT min(id), max(id) FROM (SELECT id FROM articles WHERE {where} OFFSET 0) s",
                                 params, prepare=False).fetchone() or (None, None)
        span = (low, high) if low is not None and high is not None else (0, -1)
    return " AND id BETWEEN %s AND %s", list(span)


def _date_span(conn: Connection, since: Optional[str], until: Optional[str]) -> Optional[tuple[int, int]]:
    """Lowest and highest id of the stories published in [since, until] (exact; None: too many days).

    Each UTC day of the range costs two seeks in idx_articles_day_id ((day, id), published_utc
    included, migration 4), in one statement: the day's first and last id, or at the two ends of
    the range the first and last id of the day's part inside it, read from the index alone. So the
    cost follows the number of days, not of stories, as on SQLite (db.search._date_span).
    """
    days = day_range(since, until, lambda edge: _one(conn, f"SELECT {edge}({DAY_SQL}) FROM articles", []))
    if days is None:
        return 0, -1  # nothing can match
    if (days[1] - days[0]).days > SPAN_DAYS:
        return None
    bounds, params = "", []
    if since:
        bounds += " AND published_utc >= %s"
        params.append(since)
    if until:
        bounds += " AND published_utc <= %s"
        params.append(until)
    every_day = [(days[0] + timedelta(days=n)).isoformat() for n in range((days[1] - days[0]).days + 1)]
    row = conn.execute(
        "SELECT min(d.low), max(d.high) FROM unnest(%s::text[]) AS g(day), LATERAL (SELECT min(id) AS low,"
        f" max(id) AS high FROM articles WHERE {DAY_SQL} = g.day{bounds}) d",
        [every_day, *params], prepare=False).fetchone()
    if row is None or row[0] is None:
        return 0, -1
    return int(row[0]), int(row[1])


def _one(conn: Connection, sql: str, params: list[Any]) -> Any:
    """The first column of the first row of ``sql`` (None: no row)."""
    row = conn.execute(sql, params, prepare=False).fetchone()
    return row[0] if row is not None else None


def _nth_newest_id(conn: Connection, base: str, params: list[Any], n: int) -> Optional[int]:
    """The id of the ``n``-th newest story passing ``base`` (None: there are fewer)."""
    found = conn.execute(f"SELECT id FROM articles WHERE {base} ORDER BY id DESC OFFSET %s LIMIT 1",
                         [*params, n - 1], prepare=False).fetchone()
    return int(found[0]) if found is not None else None


def _newest(conn: Connection, parsed: Optional[IndexQuery], filters: SearchFilters,
            first_batch: int) -> Iterator[dict[str, Any]]:
    """Story rows newest first, from the index and the filters (before the post-filter).

    The newest PROBE_ROWS stories (that pass the filters) are read in id order and
    checked against the tsquery one by one, stopping at the batch size: a term in
    many stories needs a few dozen rows. If the probe found matches often enough
    to fill the batch within WALK_ROWS stories, the walk goes on that far. Older
    stories, and everything for a term the probe found rarely, come from the GIN
    index in LIMITed batches below the last id seen: a rare term reads only its
    own postings. (PostgreSQL cannot estimate a prefix's frequency, so left to
    the planner a one-character query reads every match, then sorts them; and
    every row the walk reads costs a tsvector decompression, ~25-50 µs.)

    For a term the probe and walk found in fewer than _RANGED_DENSITY of the stories
    they read, each statement asks the index within an id range below the last id
    seen, sized by that rate to hold about two batches, _WINDOW_GROWTH times wider
    each time one runs out, then unbounded: the GIN index's bitmap of every match
    is ANDed with the primary key's range, so only the range's matches are read
    and rechecked. Unbounded, a phrase in 1.7% of 1M stories rechecked all 17,200
    (each a tsvector decompression, 130 ms) to return the newest 200; within
    9,000 ids, 153 (10 ms). A common term reads the index unbounded: the planner
    walks the primary key for it.
    """
    where, params = _filter_sql(filters)
    span, span_params = _id_span(conn, filters)
    base = (where or "true") + span
    params = [*params, *span_params]
    cursor = conn.cursor(row_factory=dict_row)
    match, match_params = _match_sql(parsed)
    walking = match != "true"
    # The oldest id the walk reads (None: the walk reads every story passing the filters).
    zone_floor = _nth_newest_id(conn, base, params, PROBE_ROWS) if walking else None
    probing, probe_found, walk_found = True, 0, 0
    below: Optional[int] = None
    size = first_batch
    # The index's id range per statement (see the docstring); None: everything below the last id seen.
    window: Optional[int] = None
    while True:
        bound, bound_params = ("", []) if below is None else (" AND id < %s", [below])
        floor = below - window if window is not None and below is not None and below - window > 0 else None
        if walking:
            # The LIMIT fences the tsquery out of the scan: the primary key is walked, newest first.
            low, low_params = ("", []) if zone_floor is None else (" AND id >= %s", [zone_floor])
            sql = (f"SELECT {_COLUMNS} FROM (SELECT {_COLUMNS}, search_tsv FROM articles"
                   f" WHERE {base}{bound}{low} ORDER BY id DESC LIMIT %s) s"
                   f" WHERE {match} ORDER BY id DESC LIMIT %s")
            args = [*params, *bound_params, *low_params, WALK_ROWS, *match_params, size]
        else:
            if floor is not None:
                bound, bound_params = f"{bound} AND id >= %s", [*bound_params, floor]
            sql = f"SELECT {_COLUMNS} FROM articles WHERE {match} AND {base}{bound} ORDER BY id DESC LIMIT %s"
            args = [*match_params, *params, *bound_params, size]
        rows = cursor.execute(sql, args, prepare=False).fetchall()
        for row in rows:
            row["score"] = None
            yield row
        if rows:
            below = rows[-1]["id"]
        walk_found += len(rows) if walking else 0
        if len(rows) == size:
            probe_found += len(rows) if probing else 0
            size = max(_BATCH, size)
            continue
        if not walking and floor is not None and window is not None:  # this id range is done: a wider one below
            below, window = floor, window * _WINDOW_GROWTH
            continue
        if not walking or zone_floor is None:
            return  # the index has no more, or the walk read every story
        missing = size - len(rows)
        read = PROBE_ROWS if probing else WALK_ROWS  # the stories the probe or the walk checked
        if probing:
            probing = False
            probe_found += len(rows)
            # Walk on only if the probe's rate of matches fills the batch within WALK_ROWS stories.
            if probe_found and missing * PROBE_ROWS <= probe_found * (WALK_ROWS - PROBE_ROWS):
                below, zone_floor = zone_floor, _nth_newest_id(conn, base, params, WALK_ROWS)
                continue
        walking = False  # the index for the rest, below the stories walked
        below = zone_floor
        density = max(walk_found, 1) / read
        if density < _RANGED_DENSITY:  # a rarer term: the index in id ranges that hold about two batches
            window = max(WALK_ROWS, min(int(2 * _BATCH / density), zone_floor // 8))


def _candidates(conn: Connection, parsed: Optional[IndexQuery], sort: str, filters: SearchFilters,
                first_batch: int) -> Iterator[dict[str, Any]]:
    """Story rows (with ``score``) in result order, from the index and the filters, before the post-filter."""
    if sort != "relevance" or parsed is None or parsed.index is None:
        yield from _newest(conn, parsed, filters, first_batch)
        return
    # Relevance among the newest RELEVANCE_WINDOW matches: ts_rank reads each one's whole tsvector.
    window = [row["id"] for _, row in zip(range(RELEVANCE_WINDOW), _newest(conn, parsed, filters, _BATCH))]
    cursor = conn.cursor(row_factory=dict_row)
    cursor.execute(f"SELECT ts_rank(%s, search_tsv, %s::tsquery) AS score, {_COLUMNS} FROM articles"
                   " WHERE id = ANY(%s) ORDER BY score DESC, id DESC", [RANK_WEIGHTS, parsed.index, window],
                   prepare=False)
    while rows := cursor.fetchmany(_BATCH):
        for row in rows:
            row["score"] = round(float(row["score"]), 4)
            yield row


class PgSearch:
    """The PostgreSQL back end of search (a ``db.search_shared.SearchBackend``): ``articles.search_tsv``."""

    errors: tuple[type[Exception], ...] = (psycopg.Error,)

    def __init__(self, db: PgDatabase) -> None:
        self.db = db
        self._conn: Optional[Connection] = None

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("PgSearch used outside connected()")
        return self._conn

    def parse(self, text: str) -> IndexQuery:
        return parse_tsquery(text)

    def reason(self, exc: Exception) -> str:
        return " ".join(str(exc).split()).rstrip(".") or type(exc).__name__

    @contextmanager
    def connected(self) -> Iterator[Connection]:
        with self.db.connection() as conn:
            self._conn = conn
            try:
                yield conn
            finally:
                self._conn = None

    def has_site(self, site: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE site = %s LIMIT 1", [site]).fetchone() is not None

    def known_sites(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT DISTINCT site FROM articles ORDER BY site")]

    def has_facts(self) -> bool:
        return self.conn.execute("SELECT to_regclass('article_facts')").fetchone() not in (None, (None,))

    def candidates(self, parsed: Optional[IndexQuery], sort: str, filters: SearchFilters, *, first_batch: int,
                   text: bool) -> Iterator[dict[str, Any]]:
        return _candidates(self.conn, parsed, sort, filters, first_batch)  # the text costs nothing more here

    def count(self, parsed: Optional[IndexQuery], filters: SearchFilters) -> int:
        clauses, params = _filter_sql(filters)
        match, match_params = _match_sql(parsed)
        row = self.conn.execute(f"SELECT count(*) FROM articles WHERE {match} AND {clauses or 'true'}",
                                [*match_params, *params], prepare=False).fetchone()
        return int(row[0]) if row else 0

    def source_counts(self, ids: list[int]) -> dict[int, int]:
        if not ids:
            return {}
        return {int(article_id): int(count) for article_id, count in self.conn.execute(
            "SELECT article_id, count(*) FROM article_sources WHERE article_id = ANY(%s) GROUP BY article_id", [ids])}
