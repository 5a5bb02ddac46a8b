"""What both search back ends share (FTS5 in ``db.search``, PostgreSQL in ``db.postgres.search``).

The front end in ``db.search`` (parsing, filter checks, the bounded check of
candidates, snippets, counts) is written once against :class:`SearchBackend`,
the small interface each database implements: its index's compiled query
(:class:`IndexQuery`), candidate rows in result order, exact counts, the site
and facts look-ups. Here: that interface, the bounds on a search's work, the
bounded row-by-row check with the query's own evaluator, ``--since``/``--until``
as stored text, and snippets.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Callable, ContextManager, Iterable, Iterator, Optional, Protocol, Sequence

from newsmon.errors import UsageError
from newsmon.query import Query, either_script_pattern, fold_script

from .facts import FactsFilter

__all__ = ["HIGHLIGHT", "SORTS", "RELEVANCE_WINDOW", "MAX_EXAMINED", "CHECK_SECONDS", "NARROW_ROWS", "IndexQuery",
           "SearchFilters", "SearchBackend", "make_snippet", "post_filter", "utc_bound", "DAY_SQL", "SPAN_DAYS", "day_range"]

HIGHLIGHT = ("[", "]")  # markers around matched terms in snippets
SORTS = ("newest", "relevance")
# Relevance ranks the newest this many matches. bm25 costs ~1.3 µs a match in FTS5 (a docsize read each), so
# the window is the ranking's cost: 5,000 is ~10 ms at any size. With 10,000, a date range holding 4,000
# matches at 200k stories and 15,000 at 1M cost 2.3× more at 1M (docs/benchmarks.md, session 7).
RELEVANCE_WINDOW = 5_000
MAX_EXAMINED = 20_000  # candidates checked one by one (regex queries) before a listing stops
CHECK_SECONDS = 2.0  # ... or this much time spent checking them
NARROW_ROWS = 50_000  # a site/date filter selecting at most this many stories narrows the index walk
_SNIPPET_CHARS = 120
#: The UTC day of publication, the key of both databases' day index (SQLite idx_articles_day, PostgreSQL
#: idx_articles_day_id): a date range's lowest and highest id in two seeks a day, not a scan of its stories.
DAY_SQL = "substr(published_utc, 1, 10)"
SPAN_DAYS = 400  # a longer date range is counted instead: two seeks a day would cost more


@dataclass(frozen=True)
class IndexQuery:
    """A query compiled for one back end's full-text index (``db.query.FtsQuery``, ``db.postgres.TsQuery``)."""

    query: Query
    index: Optional[str]  # the index's expression; None: the index cannot narrow (every story is a candidate)
    exact: bool  # True: the index alone decides; False: check candidates with ``query.matches``

    @property
    def terms(self) -> tuple[str, ...]:
        """Positive terms as typed, for highlighting snippets."""
        terms: tuple[str, ...] = self.query.terms
        return terms


@dataclass(frozen=True)
class SearchFilters:
    """``--site``/``--since``/``--until`` and the investment-fact filters, checked (see ``db.search``)."""

    sites: tuple[str, ...] = ()
    since: Optional[str] = None  # UTC ISO text, as stored in published_utc
    until: Optional[str] = None
    facts: FactsFilter = FactsFilter()

    def __bool__(self) -> bool:
        return bool(self.sites or self.since or self.until or self.facts)


class SearchBackend(Protocol):
    """One database's half of a search; ``db.search`` is the other half, written once.

    ``candidates`` yields story rows (``id``, ``score`` and, with ``text``, ``title, url,
    site, published_at, source, body, published_utc``) that pass ``filters``, in result
    order, straight from the index: the front end runs them through the query's
    evaluator when the index is inexact. The SQL methods run inside ``connected()``;
    a failure of the database is one of ``errors``, described by ``reason``.
    """

    errors: tuple[type[Exception], ...]

    def parse(self, text: str) -> IndexQuery: ...  # raises QuerySyntaxError

    def reason(self, exc: Exception) -> str: ...

    def connected(self) -> ContextManager[object]: ...

    def has_site(self, site: str) -> bool: ...

    def known_sites(self) -> list[str]: ...

    def has_facts(self) -> bool: ...

    def candidates(self, parsed: Optional[IndexQuery], sort: str, filters: SearchFilters, *, first_batch: int,
                   text: bool) -> Iterator[dict[str, Any]]: ...

    def count(self, parsed: Optional[IndexQuery], filters: SearchFilters) -> int: ...  # parsed is None or exact

    def source_counts(self, ids: list[int]) -> dict[int, int]: ...


def utc_bound(value: Optional[datetime], option: str) -> Optional[str]:
    """``--since``/``--until`` as the UTC ISO text stored in ``published_utc`` (UsageError when out of range)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("since/until must be timezone-aware")
    try:
        return value.astimezone(timezone.utc).isoformat()
    except OverflowError:  # 0001-01-01 in a zone east of UTC
        raise UsageError(f"{option} {value.date().isoformat()} is out of range; use a date after 0001-01-02.") from None


def day_range(since: Optional[str], until: Optional[str],
              stored: Callable[[str], Optional[str]]) -> Optional[tuple[date, date]]:
    """The first and last UTC day of ``--since``/``--until`` (None: no day can match).

    An open end is the stored stories' first or last day: ``stored("min")`` / ``stored("max")``
    (``min(DAY_SQL)`` in the database's day index). Raises ValueError for a day that is
    not ISO 8601 (a stored ``published_utc`` not written by newsmon): the caller counts instead.
    """
    first = since[:10] if since else stored("min")
    last = until[:10] if until else stored("max")
    if first is None or last is None or first > last:
        return None  # no dated story, or an empty range
    return date.fromisoformat(first), date.fromisoformat(last)


def post_filter(rows: Iterable[dict[str, Any]], query: Optional[Query], *,
                max_examined: Optional[int] = MAX_EXAMINED,
                stats: Optional[dict[str, Any]] = None) -> Iterator[dict[str, Any]]:
    """``rows`` whose ``title`` and ``body`` match ``query`` (None: all, the index decided alone), in order.

    The check is bounded (``max_examined`` rows and CHECK_SECONDS; None: no bound, for
    exports); ``stats`` gets ``examined`` and ``complete`` (False when a bound stopped the
    walk). Both search back ends (FTS5 here, PostgreSQL in db/postgres) run their
    candidates through it.
    """
    examined = 0
    deadline = time.perf_counter() + CHECK_SECONDS
    if stats is not None:
        stats.update(examined=0, complete=True)
    for row in rows:
        if query is not None:
            examined += 1
            if stats is not None:
                stats["examined"] = examined
            if max_examined is not None and (
                    examined > max_examined or (examined % 64 == 0 and time.perf_counter() > deadline)):
                if stats is not None:
                    stats["complete"] = False
                return
            if not query.matches(row["title"], row["body"]):
                continue
        yield row


@functools.lru_cache(maxsize=256)
def _terms_pattern(terms: tuple[str, ...]) -> Optional[re.Pattern[str]]:
    """The terms as one pattern, longest first, each in either script (``query.text.either_script_pattern``:
    ``开工`` marks ``開工`` too, as search matches it); None without a term. Cached: a listing snippets its 20
    rows with the same terms, and building the pattern was a third of a snippet's cost."""
    wanted = sorted({fold_script(t) for t in terms if t.strip()}, key=len, reverse=True)
    if not wanted:
        return None
    return re.compile("|".join(either_script_pattern(t) for t in wanted), re.IGNORECASE)


def make_snippet(body: str, terms: Sequence[str], width: int = _SNIPPET_CHARS) -> str:
    """A window of ``body`` around the first of ``terms``, terms wrapped in HIGHLIGHT (in either script)."""
    pattern = _terms_pattern(tuple(terms))
    if pattern is None:
        return body[:width] + ("…" if len(body) > width else "")
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
