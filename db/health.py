"""Per-site health from ``crawl_runs`` and ``article_sources``: is a site still yielding articles?

Plain SQL over tables the crawler fills; knows nothing of Scrapy or of the
schedule (the caller adds ``next_run_at``). A site is *unhealthy* when

* its last ``failures`` finished crawls all failed or timed out;
* it has produced no new article for ``silence_factor`` times its usual gap
  between new articles (and at least ``min_silence``), although it was
  crawled several times since;
* its extraction broke: the last article pages fetched were all rejected as
  non-articles (no title or body), list pages show no article links any more,
  or the dates have disappeared from its recent articles.

Also here: the daemon's small tables (``list_pages`` validators for conditional
GET, ``site_schedule``) and closing ``crawl_runs`` rows whose worker died.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Optional, Sequence

import sqlite_utils

from newsmon.clock import iso_utc, utc_now

from .handle import Handle, PgDatabase, pg_execute

__all__ = [
    "HealthThresholds",
    "SiteHealth",
    "article_count",
    "close_abandoned_runs",
    "last_crawl_started",
    "last_run_completed",
    "list_failure_streak",
    "WALK_LIMIT",
    "RUN_COUNTS",
    "run_counts",
    "stored_during_run",
    "mark_interrupted",
    "ensure_daemon_schema",
    "list_page_validators",
    "save_list_page_validators",
    "record_schedule",
    "scheduled_runs",
    "site_health",
]

FAILED = ("failed", "timeout")
# Statuses that say nothing about the site itself.
IGNORED = ("running", "interrupted")
HISTORY_DAYS = 30


def ensure_daemon_schema(db: sqlite_utils.Database) -> None:
    """Create the daemon's tables if missing (idempotent; called from ``ensure_schema``)."""
    tables = set(db.table_names())
    # atomic, not `with db.conn:`: that commits the caller's transaction, ensure_schema's write lock (db/schema.py).
    with db.atomic():
        if "list_pages" not in tables:
            # Validators of each list page from the last crawl that fetched all its
            # links, sent back as If-None-Match / If-Modified-Since (conditional GET).
            db.table("list_pages").create(
                {"url": str, "site": str, "etag": str, "last_modified": str, "checked_at": str},
                pk="url",
            )
        if "site_schedule" not in tables:
            # Written by `newsmon run`: when each site's next crawl is due.
            db.table("site_schedule").create({"site": str, "next_run_at": str, "updated_at": str}, pk="site")


@dataclass(frozen=True)
class HealthThresholds:
    """When a site counts as unhealthy (see the module docstring)."""

    failures: int = 3
    silence_factor: float = 5.0
    min_silence: timedelta = timedelta(days=1)
    extraction_pages: int = 5


@dataclass
class SiteHealth:
    """One site's status, as ``newsmon sites`` shows it."""

    name: str
    status: str = "ok"  # ok | unhealthy
    reasons: list[str] = field(default_factory=list)
    last_run_at: Optional[str] = None
    last_run_status: Optional[str] = None
    last_new_article_at: Optional[str] = None
    articles: int = 0
    articles_per_day: Optional[float] = None
    failure_streak: int = 0
    runs: int = 0
    next_run_at: Optional[str] = None
    place: Optional[str] = None  # the place its stories are read as reporting on (config.yaml or its list titles)
    place_from: Optional[str] = None  # "config" | "pages" (its list pages' titles and footers)
    # its stored stories are still to be re-read with its place, a part per crawl (it changed: read from its pages, or
    # the config's `place:` edited since they were read)
    place_rereading: bool = False
    place_pending: Optional[str] = None  # another place its list pages read lately, kept once a second crawl agrees

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return asdict(self)


def _parse(value: Optional[str]) -> Optional[datetime]:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _ago(delta: timedelta) -> str:
    seconds = delta.total_seconds()
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:.1f}{unit}"
    return f"{seconds:.0f}s"


def site_health(
    db: Handle,
    sites: Sequence[str],
    *,
    thresholds: HealthThresholds = HealthThresholds(),
    now: Optional[datetime] = None,
) -> list[SiteHealth]:
    """Health of each site in ``sites`` (names from config.yaml), in that order."""
    now = now or datetime.now(timezone.utc)
    return [_one_site(db, name, thresholds, now) for name in sites]


def _all(db: Handle, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Every row of a statement both dialects read the same way."""
    if isinstance(db, PgDatabase):
        return pg_execute(db, sql, params)[1]
    return [tuple(r) for r in db.execute(sql, list(params)).fetchall()]


def _one_site(db: Handle, name: str, th: HealthThresholds, now: datetime) -> SiteHealth:
    health = SiteHealth(name=name)
    runs = [
        dict(zip(("status", "started_at", "articles_new", "duplicates", "non_articles", "list_pages", "error"), r))
        for r in _all(db,
            "SELECT status, started_at, articles_new, duplicates, non_articles, list_pages, error"
            " FROM crawl_runs WHERE site = ? ORDER BY id DESC LIMIT 500",
            [name],
        )
    ]
    health.runs = int(_all(db, "SELECT count(*) FROM crawl_runs WHERE site = ?", [name])[0][0])
    if runs:
        health.last_run_at = runs[0]["started_at"]
        health.last_run_status = runs[0]["status"]
    finished = [r for r in runs if r["status"] not in IGNORED]
    for run in finished:
        if run["status"] not in FAILED:
            break
        health.failure_streak += 1

    last_seen, count, first_seen = _all(
        db, "SELECT max(first_seen_at), count(*), min(first_seen_at) FROM article_sources WHERE site = ?", [name]
    )[0]
    health.last_new_article_at = last_seen
    health.articles = count
    first = _parse(first_seen)
    since = now - timedelta(days=HISTORY_DAYS)
    if first is not None:
        recent = _all(
            db, "SELECT count(*) FROM article_sources WHERE site = ? AND first_seen_at >= ?",
            [name, since.replace(microsecond=0).isoformat()],
        )[0][0]
        days = max((now - max(first, since)).total_seconds() / 86400, 1.0)
        health.articles_per_day = round(recent / days, 2)

    reasons = health.reasons
    if health.failure_streak >= th.failures:
        last_error = (finished[0]["error"] or "").split("\n")[0]
        reasons.append(
            f"the last {health.failure_streak} crawls failed" + (f" ({last_error})" if last_error else "")
        )
    silence = _silence(finished, _parse(last_seen), th, now)
    if silence:
        reasons.append(silence)
    reasons.extend(_extraction_problems(db, name, finished, th))
    health.status = "unhealthy" if reasons else "ok"
    return health


def _silence(
    finished: list[dict[str, Any]], last_new: Optional[datetime], th: HealthThresholds, now: datetime
) -> Optional[str]:
    """Silent for much longer than the site's own history of new articles predicts?"""
    if last_new is None:
        return None
    horizon = now - timedelta(days=HISTORY_DAYS)
    yielding = sorted(
        t for r in finished
        if (r["articles_new"] or 0) + (r["duplicates"] or 0) > 0 and (t := _parse(r["started_at"])) and t >= horizon
    )
    if len(yielding) < 3:
        return None  # too little history to predict anything
    usual_gap = (yielding[-1] - yielding[0]) / (len(yielding) - 1)
    limit = max(usual_gap * th.silence_factor, th.min_silence)
    quiet = now - last_new
    crawled_since = sum(1 for r in finished if (t := _parse(r["started_at"])) and t > last_new
                        and r["status"] not in FAILED)
    if quiet > limit and crawled_since >= 2:
        return (
            f"no new article for {_ago(quiet)} ({crawled_since} crawls), "
            f"although one usually comes every {_ago(usual_gap)}"
        )
    return None


def _extraction_problems(
    db: Handle, name: str, finished: list[dict[str, Any]], th: HealthThresholds
) -> list[str]:
    problems: list[str] = []
    # Article pages fetched since the last run that stored (or recognised) an article.
    rejected = 0
    for run in finished:
        if (run["articles_new"] or 0) + (run["duplicates"] or 0) > 0:
            break
        rejected += run["non_articles"] or 0
    ever_stored = _all(db, "SELECT 1 FROM article_sources WHERE site = ? LIMIT 1", [name])
    if ever_stored and rejected >= th.extraction_pages:
        problems.append(
            f"extraction is failing: the last {rejected} article pages fetched gave no article (title or text missing)"
        )
    no_links = 0
    for run in finished:
        if run["status"] in FAILED or "no article links found" not in (run["error"] or ""):
            break
        no_links += 1
    if no_links >= th.failures:
        problems.append(f"list pages show no article links in the last {no_links} crawls (a redesign?)")
    dated = [
        row[0] is not None
        for row in _all(db, "SELECT published_at FROM articles WHERE site = ? ORDER BY id DESC LIMIT 40", [name])
    ]
    recent, before = dated[:10], dated[10:]
    if len(recent) == 10 and len(before) >= 10:
        missing_recent = recent.count(False)
        missing_before = before.count(False) / len(before)
        if missing_recent >= 8 and missing_before <= 0.2:
            problems.append(f"dates are missing in {missing_recent} of the last 10 articles")
    return problems


# What a site stored since a time: new stories (a source row under the story's own URL) and copies of
# stories already stored; then the non-articles it met. A crawl's counts when its own are not all known.
_STORED_SINCE = ("SELECT count(*) FILTER (WHERE s.url = a.url), count(*) FILTER (WHERE s.url != a.url)"
                 " FROM article_sources s JOIN articles a ON a.id = s.article_id"
                 " WHERE s.site = ? AND s.first_seen_at >= ?")
_NON_ARTICLES_SINCE = "SELECT count(*) FROM non_articles WHERE site = ? AND seen_at >= ?"


def stored_during_run(db: Handle, run_id: int) -> dict[str, int]:
    """``articles_new``, ``duplicates``, ``non_articles`` of the site since ``run_id`` started, from the tables.

    A crawl shared with helpers (``newsmon worker``) whose helper died counts this
    way: the dead helper's own counts never reached the owner, what it stored did.
    """
    row = _one(db, "SELECT site, started_at FROM crawl_runs WHERE id = ?", [run_id])
    if row is None:
        return {}
    site, started_at = row
    stored = _one(db, _STORED_SINCE, [site, started_at]) or (0, 0)
    non_articles = _one(db, _NON_ARTICLES_SINCE, [site, started_at]) or (0,)
    return {"articles_new": int(stored[0]), "duplicates": int(stored[1]), "non_articles": int(non_articles[0])}


def close_abandoned_runs(
    db: Handle,
    sites: Optional[Iterable[str]],
    *,
    status: str,
    error: str,
    run_ids: Optional[Iterable[int]] = None,
) -> list[int]:
    """Close ``running`` crawl_runs rows (``run_ids``, or of ``sites``, or all) whose worker is gone; return their ids.

    The counts are what the dead crawl actually stored (stories, copies and
    non-articles first seen by the site since the run started): its worker
    died before it could write them. Only the writer-lock holder may call
    this: it assumes no crawl of those rows is alive.
    """
    where, params = "status = 'running'", list[object]()
    column, chosen = ("id", run_ids) if run_ids is not None else ("site", sites)
    if chosen is not None:
        params = list[object](chosen)
        if not params:
            return []
        where += f" AND {column} IN ({','.join('?' * len(params))})"
    now = utc_now()
    if isinstance(db, PgDatabase):
        return _close_abandoned_pg(db, where, params, status, error, now)
    with db.conn:
        rows = list(db.execute(f"SELECT id, site, started_at FROM crawl_runs WHERE {where}", params))
        for run_id, site, started_at in rows:
            new, copies = db.execute(_STORED_SINCE, [site, started_at]).fetchone()
            non_articles = db.execute(_NON_ARTICLES_SINCE, [site, started_at]).fetchone()[0]
            db.execute(
                "UPDATE crawl_runs SET status = ?, finished_at = ?, error = ?,"
                " articles_new = ?, duplicates = ?, non_articles = ?,"
                " duration_s = round((julianday(?) - julianday(started_at)) * 86400, 3) WHERE id = ?",
                [status, now, error, new, copies, non_articles, now, run_id],
            )
    return [row[0] for row in rows]


def _close_abandoned_pg(db: PgDatabase, where: str, params: list[object], status: str, error: str,
                        now: str) -> list[int]:
    with db.transaction() as tx:
        # FOR UPDATE: two processes closing the same rows (a worker's pool and a restarted scheduler) take turns.
        _, rows, _ = pg_execute(tx, f"SELECT id, site, started_at FROM crawl_runs WHERE {where} FOR UPDATE", params)
        for run_id, site, started_at in rows:
            new, copies = pg_execute(tx, _STORED_SINCE, [site, started_at])[1][0]
            non_articles = pg_execute(tx, _NON_ARTICLES_SINCE, [site, started_at])[1][0][0]
            pg_execute(
                tx, "UPDATE crawl_runs SET status = ?, finished_at = ?, error = ?, articles_new = ?, duplicates = ?,"
                " non_articles = ?, duration_s = round(extract(epoch FROM (?::timestamptz - started_at::timestamptz))"
                "::numeric, 3) WHERE id = ?", [status, now, error, new, copies, non_articles, now, run_id])
    return [int(row[0]) for row in rows]


def _one(db: Handle, sql: str, params: Sequence[Any]) -> Optional[tuple[Any, ...]]:
    """The first row of a statement both dialects read the same way."""
    if isinstance(db, PgDatabase):
        rows = pg_execute(db, sql, params)[1]
        return rows[0] if rows else None
    found = db.execute(sql, list(params)).fetchone()
    return tuple(found) if found is not None else None


# The counts a finished crawl writes on its crawl_runs row (``StoreAPI.finish_run``). ``list_failures``
# is the part of ``failures`` that the next crawl finds only past the known list pages: list pages, and
# stories of deeper list pages that failed for a passing reason; NULL on rows from
# before it was recorded (migration 5).
RUN_COUNTS = ("list_pages", "articles_new", "duplicates", "non_articles", "failures", "list_failures")


def last_run_completed(db: Handle, site: str) -> bool:
    """True if ``site``'s latest crawl that read a list page read every list page it reached.

    That is a crawl that ended ``ok``, or ``partial`` with only stories of list page 1 (or stories
    whose pages are gone) failing: such a story is still unknown, so the next crawl asks for it
    again at page 1; a list page that failed (``list_failures``) is not, once the pages before it
    are all known, nor is a story of a deeper page whose failure may pass (counted there too). Not after one that was
    killed or timed out (``running``, ``interrupted``, ``timeout``): it may have stored page 1's
    newest stories and never reached those they pushed deeper. A ``failed`` crawl (no list page
    read) asked for nothing: the one before it decides. A ``partial`` row from before list
    failures were recorded (NULL) is not trusted.
    """
    row = _one(db, "SELECT status, list_failures FROM crawl_runs WHERE site = ? AND status != 'failed'"
                   " ORDER BY started_at DESC, id DESC LIMIT 1", [site])
    if row is None:
        return False
    status, list_failures = row
    return bool(status == "ok" or (status == "partial" and list_failures == 0))


#: How many crawls in a row may end with list failures, or run out of time without a new story, before
#: the next one stops walking past the known list pages: a list page or a deeper story that failed that
#: often (a page the server never builds), or a walk that never finishes in time (a deep page that hangs),
#: would make every crawl walk to ``max_list_pages`` for nothing (see ``list_failure_streak``).
WALK_LIMIT = 3


def list_failure_streak(db: Handle, site: str) -> int:
    """How many of ``site``'s latest crawls that read a list page (up to ``WALK_LIMIT``) ended, one after
    another, in a way that made the next one walk past the known list pages for nothing: ``partial``
    with list failures, or ``timeout`` without a new story.

    A crawl that ran out of time but stored new stories was getting through a backlog (a big site's
    first crawls): walking on is how the next one gets the rest, so it ends the streak."""
    rows = _all(db, "SELECT status, list_failures, articles_new FROM crawl_runs WHERE site = ? AND status != 'failed'"
                    " ORDER BY started_at DESC, id DESC LIMIT ?", [site, WALK_LIMIT])
    streak = 0
    for status, list_failures, articles_new in rows:
        failed_deeper = status == "partial" and bool(list_failures)
        stalled = status == "timeout" and not articles_new
        if not (failed_deeper or stalled):
            break
        streak += 1
    return streak


def run_counts(db: Handle, run_id: int) -> dict[str, int]:
    """The counts stored on one crawl_runs row (``articles_new``, ``duplicates``, …)."""
    row = _one(db,
        "SELECT list_pages, articles_new, duplicates, non_articles, failures FROM crawl_runs WHERE id = ?", [run_id]
    )
    keys = ("list_pages", "articles_new", "duplicates", "non_articles", "failures")
    return dict(zip(keys, row)) if row else dict.fromkeys(keys, 0)


def last_crawl_started(db: Handle, site: str) -> Optional[datetime]:
    """When ``site``'s last crawl that was not interrupted started (None if never)."""
    row = _one(db, "SELECT max(started_at) FROM crawl_runs WHERE site = ? AND status != 'interrupted'", [site])
    return _parse(row[0]) if row and row[0] else None


def article_count(db: Handle) -> int:
    """Stories in the database (the daemon's heartbeat)."""
    row = _one(db, "SELECT count(*) FROM articles", [])
    return int(row[0]) if row else 0


def mark_interrupted(db: Handle, run_id: int, error: str) -> None:
    """Re-label a run that ended because newsmon was stopping, so it does not count as the site's failure."""
    if isinstance(db, PgDatabase):
        pg_execute(db, "UPDATE crawl_runs SET status = 'interrupted', error = coalesce(error || chr(10), '') || ?"
                   " WHERE id = ?", [error, run_id])
        return
    with db.conn:
        db.execute(
            "UPDATE crawl_runs SET status = 'interrupted', error = coalesce(error || char(10), '') || ? WHERE id = ?",
            [error, run_id],
        )


def list_page_validators(db: Handle, url: str) -> tuple[Optional[str], Optional[str]]:
    """``(etag, last_modified)`` saved for list page ``url`` (both None if unknown)."""
    row = _one(db, "SELECT etag, last_modified FROM list_pages WHERE url = ?", [url])
    return (row[0], row[1]) if row else (None, None)


def save_list_page_validators(
    db: Handle, site: str, validators: dict[str, tuple[Optional[str], Optional[str]]]
) -> None:
    """Remember ``{url: (etag, last_modified)}`` of ``site``'s list pages for the next conditional GET."""
    now = utc_now()
    if isinstance(db, PgDatabase):
        pg_execute(db, "INSERT INTO list_pages (url, site, etag, last_modified, checked_at) VALUES (?, ?, ?, ?, ?)"
                   " ON CONFLICT (url) DO UPDATE SET site = excluded.site, etag = excluded.etag,"
                   " last_modified = excluded.last_modified, checked_at = excluded.checked_at",
                   many=[(url, site, etag, modified, now) for url, (etag, modified) in validators.items()])
        return
    with db.conn:
        db.conn.executemany(
            "INSERT OR REPLACE INTO list_pages (url, site, etag, last_modified, checked_at) VALUES (?, ?, ?, ?, ?)",
            [(url, site, etag, modified, now) for url, (etag, modified) in validators.items()],
        )


def record_schedule(db: Handle, schedule: dict[str, Optional[datetime]], *, removed: Iterable[str] = (),
                    replace: bool = False) -> None:
    """Write ``{site: next_run_at}`` into ``site_schedule`` (written by the daemon).

    Only the rows given are written and those in ``removed`` deleted, so the daemon
    writes the few sites whose next run moved, not all of them (5,000 rows every few
    seconds cost ~10 ms each time); ``replace`` first empties the table (start-up, stop).
    """
    now = utc_now()
    rows = [(site, iso_utc(when) if when else None, now) for site, when in schedule.items()]
    gone = [(site,) for site in removed]
    upsert = ("INSERT INTO site_schedule (site, next_run_at, updated_at) VALUES (?, ?, ?)"
              " ON CONFLICT (site) DO UPDATE SET next_run_at = excluded.next_run_at, updated_at = excluded.updated_at")
    if isinstance(db, PgDatabase):
        with db.transaction() as tx:
            if replace:
                pg_execute(tx, "DELETE FROM site_schedule")
            if gone:
                pg_execute(tx, "DELETE FROM site_schedule WHERE site = ?", many=gone)
            if rows:
                pg_execute(tx, upsert, many=rows)
        return
    with db.conn:
        if replace:
            db.execute("DELETE FROM site_schedule")
        db.conn.executemany("DELETE FROM site_schedule WHERE site = ?", gone)
        db.conn.executemany(upsert, rows)


def scheduled_runs(db: Handle) -> dict[str, Optional[str]]:
    """``{site: next_run_at}`` as the daemon last recorded it."""
    if isinstance(db, PgDatabase):
        return {r[0]: r[1] for r in pg_execute(db, "SELECT site, next_run_at FROM site_schedule")[1]}
    return {r[0]: r[1] for r in db.execute("SELECT site, next_run_at FROM site_schedule")}
