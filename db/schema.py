"""The database schema: tables users query directly, so names are part of the UI.

Created with sqlite-utils so the column lists stay readable; everything is
idempotent (``ensure_schema`` runs on every open) and versioned in
``newsmon_meta`` for later migrations.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from typing import Iterator, Optional

import sqlite_utils

from .cjk import TOKENIZER_VERSION, index_text
from .fts import create_fts, ranking_current, rebuild_indexes
from .dedupe import ensure_dedupe_schema
from .facts import ensure_facts_schema
from .outbox import ensure_outbox_schema
from .health import ensure_daemon_schema
from .templates import ensure_headlines_schema, ensure_templates_schema

__all__ = ["BUSY_TIMEOUT_S", "configure_connection", "create_schema", "ensure_file_type_column",
           "ensure_list_failures_column", "ensure_schema", "ensure_search_indexes", "ensure_site_places_schema",
           "ensure_source_site_index", "SCHEMA_VERSION", "rebuild_fts", "search_index_version", "stale_index_message",
           "write_lock"]

SCHEMA_VERSION = 2
JOURNAL_SIZE_LIMIT = 64 * 2**20
# How long a writing connection waits for another process's write lock (sqlite3.connect's timeout): the
# store's writes and the schema step of an open; also the bound of the switch to WAL (_ensure_wal).
BUSY_TIMEOUT_S = 30.0

log = logging.getLogger(__name__)


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create missing tables/indexes, add migrated columns and bring the FTS index up to date (every open).

    Several processes may open one new file at once (two ``newsmon worker``s started together):
    the file is switched to WAL first, in its own step (``configure_connection``), then the schema is
    read and changed in one transaction that takes the write lock before its first read
    (``write_lock``): a second process waits there (the busy timeout, ``BUSY_TIMEOUT_S``) and then finds
    the first one's tables. A step longer than that wait (rebuilding the search index of a big database
    for a new tokenizer) still fails the other opener with "database is locked".
    """
    configure_connection(db)
    with write_lock(db):
        create_schema(db)


def configure_connection(db: sqlite_utils.Database) -> None:
    """The file's journal mode (WAL) and this connection's settings; outside any transaction, where they take effect."""
    _ensure_wal(db)
    db.execute("PRAGMA synchronous=NORMAL")
    # After a checkpoint resets the WAL, shrink its file back to this size (db/housekeeping.py).
    db.execute(f"PRAGMA journal_size_limit={JOURNAL_SIZE_LIMIT}")
    # A no-op inside a transaction (https://sqlite.org/pragma.html#pragma_foreign_keys), so before the schema's.
    db.execute("PRAGMA foreign_keys=ON")


def _ensure_wal(db: sqlite_utils.Database) -> None:
    """Switch the file to WAL (persistent: once per file), waiting up to ``BUSY_TIMEOUT_S`` for another
    process switching the same new file.

    Not in the schema's transaction: SQLite cannot change the journal mode inside one (on a new, empty
    file it does not even say so: the pragma returns the old mode and the file stays in rollback mode).
    Its own wait: the switch reads the header in a read transaction and then upgrades it to a write one
    (``sqlite3BtreeSetVersion``); when another connection already holds the write lock (switching the
    same new file), SQLite answers "database is locked" at once instead of calling the busy handler,
    which could deadlock (https://sqlite.org/c3ref/busy_handler.html). Once the other switch is done the
    header says WAL, and asking again returns at once without writing.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextlib.contextmanager
def write_lock(db: sqlite_utils.Database) -> Iterator[None]:
    """One transaction holding the write lock from its first statement (``BEGIN IMMEDIATE``); inside a
    transaction already open, that one.

    Taking the lock before reading means another writer makes this wait (the busy timeout) and what
    was read stays true until the commit. A deferred transaction that reads and then writes would
    instead fail at once with "database is locked" once another process wrote in between (WAL: its
    snapshot is stale, SQLITE_BUSY_SNAPSHOT). Inside, write through ``db.execute``/``db.atomic`` (savepoints),
    never ``with db.conn:``: Python's sqlite3 commits whatever transaction is open when that block ends.
    """
    conn = db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        # Inside the try: a COMMIT that fails (a deferred constraint, an I/O error) leaves the transaction
        # open, and every later write_lock would join it and never commit.
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def create_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing of the schema, add migrated columns, re-index for a new tokenizer.

    Run inside ``write_lock`` (``ensure_schema`` and ``db upgrade`` do): every decision here reads
    the schema first, and is only right if nobody changes it before this commits.
    """
    tables = set(db.table_names())
    if "newsmon_meta" not in tables:
        db.table("newsmon_meta").create({"key": str, "value": str}, pk="key")
    if "articles" not in tables:
        db.table("articles").create(
            {
                "id": int,
                "url": str,  # the primary copy's URL (first publisher)
                "site": str,  # site name from config.yaml
                "title": str,
                "published_at": str,  # ISO 8601 with offset, as the page gave it
                "published_utc": str,  # same instant in UTC, for sorting/filtering
                "source": str,  # 来源
                "author": str,
                "lang": str,
                "body": str,  # plain text, one paragraph per line
                "fingerprint": str,  # hash of the normalised body (exact dedupe)
                "fetched_at": str,  # UTC, when we downloaded it
            },
            pk="id",
            not_null={"url", "site", "title", "body", "fetched_at", "fingerprint"},
        )
        db.table("articles").create_index(["url"], unique=True)
        db.table("articles").create_index(["fingerprint"])
        db.table("articles").create_index(["site", "published_utc"])
        db.table("articles").create_index(["published_utc"])
    if "article_sources" not in tables:
        db.table("article_sources").create(
            {"article_id": int, "site": str, "url": str, "first_seen_at": str, "published_at": str},
            pk=("article_id", "url"),
            foreign_keys=[("article_id", "articles", "id")],
            not_null={"site", "url", "first_seen_at"},
        )
        db.table("article_sources").create_index(["url"], unique=True)
        db.table("article_sources").create_index(["site"])
    if "non_articles" not in tables:
        # Pages we fetched that are not articles (list/login/404-ish pages):
        # remembered so they are not fetched again on every crawl.
        db.table("non_articles").create(
            {"url": str, "site": str, "reason": str, "seen_at": str},
            pk="url",
        )
    if "crawl_runs" not in tables:
        db.table("crawl_runs").create(
            {
                "id": int,
                "site": str,
                "started_at": str,
                "finished_at": str,
                "status": str,  # running | ok | partial | failed | timeout | interrupted
                "list_pages": int,
                "articles_new": int,
                "duplicates": int,
                "non_articles": int,
                "failures": int,
                "duration_s": float,
                "error": str,  # first failures, one per line
            },
            pk="id",
            defaults={"list_pages": 0, "articles_new": 0, "duplicates": 0, "non_articles": 0, "failures": 0},
        )
        db.table("crawl_runs").create_index(["site", "started_at"])
    if "articles_fts" not in tables:
        # Contentless: the text lives in `articles`; the index holds the
        # CJK-bigram rewrite of it (see db/cjk.py), rowid = articles.id. db/fts.py has both indexes.
        create_fts(db.conn)
    ensure_outbox_schema(db)  # alert_deliveries: the alerts outbox
    db.table("newsmon_meta").upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")
    ensure_daemon_schema(db)  # list_pages, site_schedule (db/health.py)
    ensure_templates_schema(db)  # site_blocks, site_templates (db/templates.py)
    ensure_facts_schema(db)  # article_facts (db/facts.py)
    _ensure_dedupe_columns(db)  # url_key/fingerprint columns, near-duplicate tables (db/dedupe.py)
    _ensure_extraction_columns(db)  # articles.summary, site_headlines
    ensure_file_type_column(db)  # articles.file_type (migration 2, db/migrate.py)
    ensure_search_indexes(db)  # articles(site), articles(day): search's site walk and date spans (migration 3)
    ensure_list_failures_column(db)  # crawl_runs.list_failures (migration 5)
    ensure_site_places_schema(db)  # site_places (migration 6, db/siteplaces.py)
    ensure_source_site_index(db)  # article_sources(site, article_id) (migration 9)
    if search_index_version(db) != str(TOKENIZER_VERSION):
        count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        if count:
            log.warning("Rebuilding the search index of %s stories for search index version %s (once; about a"
                        " minute per 100,000 stories).", count, TOKENIZER_VERSION)
        rebuild_fts(db)
    elif not ranking_current(db.conn):
        count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        if count:
            log.warning("Indexing %s stories in blocks for relevance ranking (once; about a minute per 100,000"
                        " stories).", count)
        rebuild_fts(db, rank_only=True)


def search_index_version(db: sqlite_utils.Database) -> Optional[str]:
    """The search-index version (``db.cjk.TOKENIZER_VERSION``) the FTS index was built with; None if unknown."""
    if "newsmon_meta" not in db.table_names():
        return None
    stored = db.execute("SELECT value FROM newsmon_meta WHERE key='tokenizer_version'").fetchone()
    return None if stored is None else str(stored[0])


def stale_index_message(where: str, version: Optional[str]) -> str:
    """What a read-only opener says of a search index built for another ``TOKENIZER_VERSION`` (both stores).

    Only a writing open rebuilds it (``create_schema``; PostgreSQL: ``db.postgres.reindex``); a reader
    refuses rather than miss stories silently (a simplified query would not find a story stored in
    traditional characters before version 3).
    """
    return (f"{where}: the search index was built by an older newsmon (search index version {version or 'unknown'},"
            f" this newsmon {TOKENIZER_VERSION}); run `newsmon db upgrade` to rebuild it.")


def ensure_source_site_index(db: sqlite_utils.Database) -> None:
    """The index of migration 9, ``article_sources(site, article_id)``: a site's stories, its own and those it carried
    as another copy, walked in id order (``db.facts.iter_articles_for_facts``; a site's place tells the place of the
    stories it carried: facts/copies.py) and marked stale when its place changes, by index seeks."""
    with write_lock(db):
        if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'idx_article_sources_site_article'"
                      ).fetchone() is not None:
            return
        count = db.execute("SELECT max(rowid) FROM article_sources").fetchone()[0] or 0
        if count > 100_000:
            log.warning("Indexing the sites of %s story sources (once; seconds per million).", count)
        db.execute("CREATE INDEX IF NOT EXISTS idx_article_sources_site_article ON article_sources (site, article_id)")


def ensure_search_indexes(db: sqlite_utils.Database) -> None:
    """The search indexes of migration 3: ``articles(site)`` and ``articles(UTC day)``.

    ``articles(site)``, i.e. (site, id): newest-first search on a site walks the site's
    stories newest first beside the index's matches (``db.search``), and checks a ranked
    window's ids against sites by index seeks instead of reading each story's row;
    (site, published_utc) cannot give id order without sorting all of the site's stories.
    ``articles(substr(published_utc, 1, 10))``, i.e. (day, id): a date range's lowest and
    highest id in two seeks per day instead of a scan of every story in the range.
    """
    with write_lock(db):
        present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN"
                                                " ('idx_articles_site', 'idx_articles_day')")}
        if len(present) == 2:
            return
        count = db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
        if count > 100_000:
            log.warning("Indexing the sites and days of %s stories for search (once; seconds per million).", count)
        db.execute("CREATE INDEX IF NOT EXISTS idx_articles_site ON articles (site)")
        # The UTC day of publication: a date range's first and last id by two seeks per day (db.search._date_span).
        db.execute("CREATE INDEX IF NOT EXISTS idx_articles_day ON articles (substr(published_utc, 1, 10))")


def _ensure_dedupe_columns(db: sqlite_utils.Database) -> None:
    # Added by the dedupe layers (issue 4); ALTER for databases created before.
    #   article_sources.url_key      the URL without scheme, tracking parameters,
    #                                trailing slash (crawler.urls.url_key)
    #   article_sources.fingerprint  exact fingerprint of that copy's body
    #   non_articles.url_key         same, for pages that are not articles
    # Inside create_schema's transaction.
    for table, column in (("article_sources", "url_key"), ("article_sources", "fingerprint"),
                          ("non_articles", "url_key")):
        if column not in db[table].columns_dict:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS idx_article_sources_url_key ON article_sources (url_key)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_article_sources_fingerprint ON article_sources (fingerprint)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_non_articles_url_key ON non_articles (url_key)")
    ensure_dedupe_schema(db)


def _ensure_extraction_columns(db: sqlite_utils.Database) -> None:
    # Added for issue 10; ALTER for databases created before (the column ends up
    # last in both, so `SELECT *` has one order everywhere).
    #   articles.summary   the page's 核心提示/摘要/导读 box, kept out of the body
    #   site_headlines     headlines seen on each site's list pages: a body line
    #                      equal to another story's headline is navigation
    # Inside create_schema's transaction.
    if "summary" not in db["articles"].columns_dict:
        log.info("%s: adding articles.summary (the page's summary box, kept apart from the body)",
                 db.conn.execute("PRAGMA database_list").fetchone()[2] or "database")
        db.execute("ALTER TABLE articles ADD COLUMN summary TEXT")
    ensure_headlines_schema(db)


def ensure_file_type_column(db: sqlite_utils.Database) -> None:
    """``articles.file_type``: ``pdf``, ``docx``… for a story that is a file named on a list page
    (a 公告 column's PDF row, stored from the list's title and date and never downloaded); NULL for
    web pages. Migration 2 of both back ends; idempotent, so every open of an older file adds it."""
    with write_lock(db):  # read and altered under one lock: two openers never both add it
        if "file_type" not in db["articles"].columns_dict:
            db.execute("ALTER TABLE articles ADD COLUMN file_type TEXT")


def ensure_site_places_schema(db: sqlite_utils.Database) -> None:
    """``site_places``: what each site's list pages say of its place (db/siteplaces.py). Migration 6 of both back ends
    (PostgreSQL's is ``db.pg_schema.SITE_PLACES_DDL``); idempotent, so every writing open of an older file adds it."""
    db.execute("CREATE TABLE IF NOT EXISTS site_places (site TEXT PRIMARY KEY, place TEXT, title TEXT NOT NULL DEFAULT '',"
               " pending TEXT, pending_crawls INTEGER NOT NULL DEFAULT 0, reread INTEGER NOT NULL DEFAULT 0,"
               " updated_at TEXT NOT NULL)")
    db.execute("CREATE TABLE IF NOT EXISTS list_page_places (url TEXT PRIMARY KEY, site TEXT NOT NULL, reading TEXT,"
               " title TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL)")
    # A file that ran an early form of this migration (during session 42) has site_places without the first three;
    # read_with is migration 8's.
    columns = db["site_places"].columns_dict
    for column, kind in (("pending", "TEXT"), ("pending_crawls", "INTEGER NOT NULL DEFAULT 0"),
                         ("reread", "INTEGER NOT NULL DEFAULT 0"), ("read_with", "TEXT")):
        if column not in columns:
            db.execute(f"ALTER TABLE site_places ADD COLUMN {column} {kind}")


def ensure_list_failures_column(db: sqlite_utils.Database) -> None:
    """``crawl_runs.list_failures``: how many of a crawl's failures were list pages. Migration 5 of both
    back ends; idempotent, so every open of an older file adds it.

    No default: rows from before it stay NULL (not known), so an older ``partial`` crawl is not taken
    for one that read its whole list (``db.health.last_run_completed``); each crawl writes its own.
    """
    with write_lock(db):  # read and altered under one lock: two openers never both add it
        if "list_failures" not in db["crawl_runs"].columns_dict:
            db.execute("ALTER TABLE crawl_runs ADD COLUMN list_failures INTEGER")


def rebuild_fts(db: sqlite_utils.Database, *, rank_only: bool = False) -> None:
    """Re-index every article (after a tokenizer change or on request), streaming rows: memory stays flat.

    ``rank_only``: build just the ranking tables of relevance (db/fts.py), for a database from before them.
    """
    with write_lock(db):
        def rows() -> Iterator[tuple[int, str, str]]:
            # A cursor, not fetchall(): a million stories never sit in memory at once.
            for i, t, b in db.conn.execute("SELECT id, title, body FROM articles ORDER BY id"):
                yield i, index_text(t), index_text(b)

        rebuild_indexes(db.conn, rows, rank_only=rank_only)
        if not rank_only:
            db.table("newsmon_meta").upsert({"key": "tokenizer_version", "value": str(TOKENIZER_VERSION)}, pk="key")
