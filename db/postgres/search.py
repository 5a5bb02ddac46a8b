"""Full-text search on PostgreSQL: ``db.search``'s functions over ``articles.search_tsv``.

The same syntax tree the FTS5 back end compiles (``newsmon.query``), compiled to a
``tsquery`` by ``db.postgres.tsquery``, over the same CJK-bigram rewrite of the
text (``db.cjk.index_text``), stored as

    articles.search_tsv = setweight(to_tsvector('simple', index_text(title)), 'A')
                       || setweight(to_tsvector('simple', index_text(body)), 'D')

with a GIN index. What the index cannot decide exactly is checked with the
query's own evaluator (``Query.matches``, the one alerts use) through
``db.search_shared.post_filter``. The functions mirror ``db.search``: same
arguments, same result rows, same bounds (``MAX_EXAMINED``, ``CHECK_SECONDS``;
a smaller RELEVANCE_WINDOW), same errors. docs/scale-out.md has the plan.

Limits of PostgreSQL's tsvector (none reached by news stories of ordinary
length): positions above 16,383 are stored as 16,383 and a lexeme keeps at
most 256 positions in one story, so a phrase found only past about the
8,000th Chinese character of a body, or only after a bigram's 256th
occurrence, is missed; a word longer than 2,047 bytes is not indexed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterator, Optional, Sequence, Union

import psycopg
from psycopg.rows import dict_row

from newsmon.errors import StoreError, UsageError
from newsmon.query import QuerySyntaxError

from ..handle import PgDatabase
from ..facts import FactsFilter
from .tsquery import TsQuery, compile_tsquery, parse_tsquery
from ..search_shared import MAX_EXAMINED, NARROW_ROWS, SORTS, make_snippet, post_filter, utc_bound

__all__ = ["TsQuery", "compile_tsquery", "parse_tsquery", "search_articles", "count_articles", "iter_matches",
           "iter_matching_ids",
           "known_sites", "RANK_WEIGHTS", "RELEVANCE_WINDOW", "PROBE_ROWS", "WALK_ROWS"]

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
_COLUMNS = "id, title, url, site, published_at, source, body, published_utc, file_type"

Connection = psycopg.Connection[Any]


# -- searching ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Filters:
    sites: tuple[str, ...]
    since: Optional[str]
    until: Optional[str]
    facts: FactsFilter = FactsFilter()

    def sql(self) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if self.sites:
            where.append("site = ANY(%s)")
            params.append(list(self.sites))
        if self.since:
            where.append("published_utc >= %s")
            params.append(self.since)
        if self.until:
            where.append("published_utc <= %s")
            params.append(self.until)
        if self.facts:
            clause, facts_params = _facts_sql(self.facts)
            where.append(clause)
            params.extend(facts_params)
        return " AND ".join(where), params


def _facts_sql(facts: FactsFilter) -> tuple[str, list[Any]]:
    """EXISTS over ``article_facts`` for the facts conditions (``FactsFilter.pg_sql``)."""
    where, params = facts.pg_sql("f")
    return f"EXISTS (SELECT 1 FROM article_facts f WHERE f.article_id = articles.id AND {where})", params


def known_sites(db: Union[PgDatabase, Connection]) -> list[str]:
    """Site names that have stored stories, sorted."""
    if isinstance(db, PgDatabase):
        with db.connection() as conn:
            return known_sites(conn)
    return [row[0] for row in db.execute("SELECT DISTINCT site FROM articles ORDER BY site")]


def _filters(conn: Connection, site: Union[None, str, Sequence[str]], since: Optional[datetime],
             until: Optional[datetime], facts: Optional[FactsFilter] = None) -> _Filters:
    sites = (site,) if isinstance(site, str) else tuple(dict.fromkeys(site or ()))
    if sites:
        unknown = [s for s in sites
                   if conn.execute("SELECT 1 FROM articles WHERE site = %s LIMIT 1", [s]).fetchone() is None]
        if unknown:
            listing = ", ".join(known_sites(conn)) or "none yet"
            raise UsageError(f"There are no stories from site {unknown[0]!r}; the sites with stories are: {listing}.")
    if facts and conn.execute("SELECT to_regclass('article_facts')").fetchone() in (None, (None,)):
        raise UsageError("This database has no investment facts yet; `newsmon reextract --facts` computes them "
                         "for the stored stories.")
    return _Filters(sites, utc_bound(since, "--since"), utc_bound(until, "--until"), facts or FactsFilter())


def _parse(query: Optional[str]) -> Optional[TsQuery]:
    if not query:  # None or "": the newest stories
        return None
    try:
        return parse_tsquery(query)
    except QuerySyntaxError as exc:
        raise exc.with_context(f"Cannot search for {query!r}") from None


def _where(parsed: Optional[TsQuery], filters: _Filters) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if parsed is not None and parsed.tsquery is not None:
        clauses.append("search_tsv @@ %s::tsquery")
        params.append(parsed.tsquery)
    where, fparams = filters.sql()
    if where:
        clauses.append(where)
        params.extend(fparams)
    return " AND ".join(clauses) or "true", params


def _id_span(conn: Connection, filters: _Filters) -> tuple[str, list[Any]]:
    """``id BETWEEN`` the lowest and highest id the filters select, if they select few (as db.search does)."""
    where, params = filters.sql()
    if not where:
        return "", []
    few = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles WHERE {where} LIMIT %s) s",
                       [*params, NARROW_ROWS + 1], prepare=False).fetchone()
    if few is None or few[0] > NARROW_ROWS:
        return "", []
    low, high = conn.execute(f"SELECT min(id), max(id) FROM articles WHERE {where}", params,
                             prepare=False).fetchone() or (None, None)
    return " AND id BETWEEN %s AND %s", [low if low is not None else 0, high if high is not None else -1]


def _nth_newest_id(conn: Connection, base: str, params: list[Any], n: int) -> Optional[int]:
    """The id of the ``n``-th newest story passing ``base`` (None: there are fewer)."""
    found = conn.execute(f"SELECT id FROM articles WHERE {base} ORDER BY id DESC OFFSET %s LIMIT 1",
                         [*params, n - 1], prepare=False).fetchone()
    return int(found[0]) if found is not None else None


def _newest(conn: Connection, parsed: Optional[TsQuery], filters: _Filters,
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
    """
    where, params = filters.sql()
    span, span_params = _id_span(conn, filters)
    base = (where or "true") + span
    params = [*params, *span_params]
    cursor = conn.cursor(row_factory=dict_row)
    if parsed is None or parsed.tsquery is None:
        match, match_params = "true", []
    else:
        match, match_params = "search_tsv @@ %s::tsquery", [parsed.tsquery]
    walking = match != "true"
    # The oldest id the walk reads (None: the walk reads every story passing the filters).
    zone_floor = _nth_newest_id(conn, base, params, PROBE_ROWS) if walking else None
    probing, probe_found = True, 0
    below: Optional[int] = None
    size = first_batch
    while True:
        bound, bound_params = ("", []) if below is None else (" AND id < %s", [below])
        if walking:
            # The LIMIT fences the tsquery out of the scan: the primary key is walked, newest first.
            low, low_params = ("", []) if zone_floor is None else (" AND id >= %s", [zone_floor])
            sql = (f"SELECT {_COLUMNS} FROM (SELECT {_COLUMNS}, search_tsv FROM articles"
                   f" WHERE {base}{bound}{low} ORDER BY id DESC LIMIT %s) s"
                   f" WHERE {match} ORDER BY id DESC LIMIT %s")
            args = [*params, *bound_params, *low_params, WALK_ROWS, *match_params, size]
        else:
            sql = f"SELECT {_COLUMNS} FROM articles WHERE {match} AND {base}{bound} ORDER BY id DESC LIMIT %s"
            args = [*match_params, *params, *bound_params, size]
        rows = cursor.execute(sql, args, prepare=False).fetchall()
        for row in rows:
            row["score"] = None
            yield row
        if rows:
            below = rows[-1]["id"]
        if len(rows) == size:
            probe_found += len(rows) if probing else 0
            size = max(_BATCH, size)
            continue
        if not walking or zone_floor is None:
            return  # the index has no more, or the walk read every story
        missing = size - len(rows)
        if probing:
            probing = False
            probe_found += len(rows)
            # Walk on only if the probe's rate of matches fills the batch within WALK_ROWS stories.
            if probe_found and missing * PROBE_ROWS <= probe_found * (WALK_ROWS - PROBE_ROWS):
                below, zone_floor = zone_floor, _nth_newest_id(conn, base, params, WALK_ROWS)
                continue
        walking = False  # the index for the rest, below the stories walked
        below = zone_floor


def _candidates(conn: Connection, parsed: Optional[TsQuery], sort: str, filters: _Filters,
                first_batch: int) -> Iterator[dict[str, Any]]:
    """Story rows (with ``score``) in result order, from the index and the filters, before the post-filter."""
    if sort != "relevance" or parsed is None or parsed.tsquery is None:
        yield from _newest(conn, parsed, filters, first_batch)
        return
    # Relevance among the newest RELEVANCE_WINDOW matches: ts_rank reads each one's whole tsvector.
    window = [row["id"] for _, row in zip(range(RELEVANCE_WINDOW), _newest(conn, parsed, filters, _BATCH))]
    cursor = conn.cursor(row_factory=dict_row)
    cursor.execute(f"SELECT ts_rank(%s, search_tsv, %s::tsquery) AS score, {_COLUMNS} FROM articles"
                   " WHERE id = ANY(%s) ORDER BY score DESC, id DESC", [RANK_WEIGHTS, parsed.tsquery, window],
                   prepare=False)
    while rows := cursor.fetchmany(_BATCH):
        for row in rows:
            row["score"] = round(float(row["score"]), 4)
            yield row


def _checked(rows: Iterator[dict[str, Any]], parsed: Optional[TsQuery], max_examined: Optional[int] = MAX_EXAMINED,
             stats: Optional[dict[str, Any]] = None) -> Iterator[dict[str, Any]]:
    """``rows`` that pass the query's evaluator when the index is inexact (bounded as in db.search)."""
    check = parsed.query if parsed is not None and not parsed.exact else None
    return post_filter(rows, check, max_examined=max_examined, stats=stats)


def search_articles(
    db: PgDatabase,
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
    """Articles matching ``query``, newest first or by relevance: ``db.search.search_articles`` on PostgreSQL.

    Same arguments, result rows (``id, title, url, site, published_at, source, score,
    snippet, sources_count``) and errors. ``score`` is ts_rank (title matches weigh ten
    times body matches) among the newest RELEVANCE_WINDOW matches, higher is better.
    """
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}")
    parsed = _parse(query)
    try:
        with db.connection() as conn:
            filters = _filters(conn, site, since, until, facts)
            rows = [row for _, row in zip(range(limit), _checked(
                _candidates(conn, parsed, sort, filters, first_batch=limit), parsed, stats=stats))]
            counts = _source_counts(conn, [row["id"] for row in rows])
    except psycopg.Error as exc:
        raise StoreError(f"Cannot search for {query!r}: {_reason(exc)}.") from None
    terms = parsed.terms if parsed is not None else ()
    out = []
    for row in rows:
        body = row.pop("body")
        score = row.pop("score")
        row.pop("published_utc")
        out.append({**row, "score": score, "snippet": make_snippet(body, terms),
                    "sources_count": counts.get(row["id"], 0)})
    return out


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()).rstrip(".") or type(exc).__name__


def _source_counts(conn: Connection, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    return {int(article_id): int(count) for article_id, count in conn.execute(
        "SELECT article_id, count(*) FROM article_sources WHERE article_id = ANY(%s) GROUP BY article_id", [ids])}


def iter_matches(
    db: PgDatabase,
    query: Optional[str],
    *,
    site: Union[None, str, Sequence[str]] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
    facts: Optional[FactsFilter] = None,
    max_examined: Optional[int] = None,
    stats: Optional[dict[str, Any]] = None,
) -> Iterator[dict[str, Any]]:
    """Every story :func:`search_articles` finds (newest order), unbounded, streamed, body included.

    ``db.search.iter_matches`` on PostgreSQL: rows ``id, title, url, site, published_at,
    source, body, published_utc``; the same arguments and errors.
    """
    parsed = _parse(query)
    try:
        with db.connection() as conn:
            filters = _filters(conn, site, since, until, facts)
            for row in _checked(_candidates(conn, parsed, "newest", filters, first_batch=_BATCH), parsed,
                                max_examined=max_examined, stats=stats):
                row.pop("score")
                yield row
    except psycopg.Error as exc:
        raise StoreError(f"Cannot search for {query!r}: {_reason(exc)}.") from None


def iter_matching_ids(
    db: PgDatabase,
    query: Optional[str],
    *,
    site: Union[None, str, Sequence[str]] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
) -> Iterator[int]:
    """Ids of every story :func:`search_articles` finds (newest order), unbounded and streamed: for exports."""
    for row in iter_matches(db, query, site=site, since=since, until=until):
        yield int(row["id"])


def count_articles(
    db: PgDatabase,
    query: Optional[str],
    *,
    site: Union[None, str, Sequence[str]] = None,
    since: Optional[datetime] = None,
    until: Optional[datetime] = None,
    facts: Optional[FactsFilter] = None,
) -> int:
    """How many stories :func:`search_articles` would find with no limit: ``db.search.count_articles`` on PostgreSQL.

    Raises UsageError when the query needs a row-by-row check (a regex) on more than
    MAX_EXAMINED candidates.
    """
    parsed = _parse(query)
    try:
        with db.connection() as conn:
            filters = _filters(conn, site, since, until, facts)
            if parsed is None or parsed.exact:
                where, params = _where(parsed, filters)
                row = conn.execute(f"SELECT count(*) FROM articles WHERE {where}", params, prepare=False).fetchone()
                return int(row[0]) if row else 0
            count = 0
            for examined, row in enumerate(_candidates(conn, parsed, "newest", filters, first_batch=_BATCH), 1):
                if examined > MAX_EXAMINED:
                    raise UsageError(f"Counting {query!r} would check more than {MAX_EXAMINED:,} stories one by one;"
                                     " add a term, a site or dates to narrow it.")
                count += parsed.query.matches(row["title"], row["body"])
            return count
    except psycopg.Error as exc:
        raise StoreError(f"Cannot search for {query!r}: {_reason(exc)}.") from None
