"""The article store: one SQLite file (WAL), opened through sqlite-utils.

Knows nothing of Scrapy or of how articles were extracted: callers hand it
plain values. Every write is one transaction, so a crash never leaves an
article without its source row or its index entry.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Iterable, Optional

import sqlite_utils

from newsmon.errors import StoreError

from .cjk import TOKENIZER_VERSION, index_text
from .fts import index_story, unindex_story
from newsmon.clock import utc_now
from .facts import save_facts
from .health import RUN_COUNTS
from .schema import BUSY_TIMEOUT_S, ensure_schema, search_index_version, stale_index_message, write_lock
from .store_base import (AddResult, FactsFill, MatchHook, NewArticleHook, StoreBase, StoryCopy, published_values,
                         store_copy)

__all__ = ["Store", "AddResult", "NewArticleHook", "MatchHook", "published_values", "utc_now"]


class Store(StoreBase[sqlite_utils.Database]):
    """Open (and create if needed) the newsmon database at ``path``.

    Raises StoreError with one sentence when the file cannot be opened or
    created (missing folder, permissions, not a database).
    """

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        if (readonly or not create) and not self.path.exists():
            raise StoreError(f"{self.path}: no such database; run `newsmon crawl` first.")
        if not self.path.parent.exists():
            raise StoreError(f"{self.path}: the folder {self.path.parent} does not exist.")
        try:
            if readonly:
                # Readers (search, show, sites) never write, so they work on a
                # file they may not write and never compete with the daemon.
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
                                       check_same_thread=False)
                self.db = sqlite_utils.Database(conn)
                try:
                    self._check_readable()
                except BaseException:
                    conn.close()
                    raise
            else:
                self.db = self._open_for_writing()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc}).") from None

    def _check_readable(self) -> None:
        """StoreError unless a read-only open can answer from this file as it is."""
        if "articles" not in self.db.table_names():
            raise StoreError(f"{self.path}: not a newsmon database (no articles table).")
        # Only a writing open rebuilds an index built for another newsmon (ensure_schema): until then,
        # refuse rather than answer from it (a reader cannot write the rebuild).
        version = search_index_version(self.db)
        if version != str(TOKENIZER_VERSION):
            raise StoreError(stale_index_message(str(self.path), version))

    def _open_for_writing(self) -> sqlite_utils.Database:
        """A connection with the schema in place; another process creating or migrating the same file's
        schema at the same time makes this one wait for it (``ensure_schema``)."""
        conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        try:
            ensure_schema(db)
        except BaseException:
            conn.close()
            raise
        return db

    def close(self) -> None:
        """Close the connection."""
        self.db.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups used by the crawler -------------------------------------

    def known_urls(self, urls: Iterable[str], *, keys: Optional[Iterable[str]] = None) -> set[str]:
        """The subset of ``urls`` already stored as a story source or as a non-article.

        ``keys``, parallel to ``urls``, are their dedupe identities
        (``newsmon.crawler.urls.url_key``): a URL counts as known when its key is,
        so ``https://…/a/?from=x`` is known once ``http://…/a`` was stored.
        """
        urls = list(urls)
        key_list = list(keys) if keys is not None else []
        if keys is not None and len(key_list) != len(urls):
            raise ValueError("known_urls: keys must be parallel to urls")
        found: set[str] = set()
        for i in range(0, len(urls), 500):
            chunk = urls[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for table in ("article_sources", "non_articles"):
                found.update(
                    row[0] for row in self.db.execute(f"SELECT url FROM {table} WHERE url IN ({marks})", chunk)
                )
            if key_list:
                key_chunk = key_list[i : i + 500]
                known_keys: set[str] = set()
                for table in ("article_sources", "non_articles"):
                    known_keys.update(
                        row[0]
                        for row in self.db.execute(f"SELECT url_key FROM {table} WHERE url_key IN ({marks})", key_chunk)
                    )
                found.update(url for url, key in zip(chunk, key_chunk) if key in known_keys)
        return found

    def find_by_fingerprint(self, fingerprint: str) -> Optional[int]:
        """Id of the article one of whose copies' normalised body hashes to ``fingerprint``."""
        row = self.db.execute("SELECT id FROM articles WHERE fingerprint = ? LIMIT 1", [fingerprint]).fetchone()
        if row is None:
            row = self.db.execute(
                "SELECT article_id FROM article_sources WHERE fingerprint = ? LIMIT 1", [fingerprint]
            ).fetchone()
        return row[0] if row else None

    # -- writes --------------------------------------------------------------

    def _store(self, copy: StoryCopy, row: dict[str, Any], hooks: list[NewArticleHook],
               facts: Optional[dict[str, Any]], *, fill: Optional[FactsFill] = None,
               rematch: tuple[MatchHook, ...] = ()) -> AddResult:
        try:
            # An explicit transaction, not `with conn:`: sqlite-utils 4 commits
            # each write made through db.execute() outside an open transaction,
            # which would split the story, its source row, FTS entry and hook
            # rows apart. IMMEDIATE so another writer (the alert sender) makes
            # it wait (busy timeout) instead of failing with "database is locked"
            # when a read transaction would have to become a write one.
            with write_lock(self.db):
                return store_copy(_Writer(self), copy, row, hooks, facts, fill=fill, rematch=rematch)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store {copy.url} ({exc}).") from None

    def add_non_article(self, *, site: str, url: str, reason: str, url_key: Optional[str] = None) -> None:
        """Remember that ``url`` is not an article (or is another URL of a stored one), so it is not fetched again."""
        try:
            with self.db.conn:
                self.db.table("non_articles").upsert(
                    {"url": url, "site": site, "reason": reason, "seen_at": utc_now(), "url_key": url_key}, pk="url"
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot record {url} ({exc}).") from None

    def start_run(self, site: str) -> int:
        """Open a ``crawl_runs`` row for ``site`` and return its id (StoreError when it cannot be written)."""
        try:
            with self.db.conn:
                cursor = self.db.execute(
                    "INSERT INTO crawl_runs (site, started_at, status) VALUES (?, ?, 'running')", [site, utc_now()]
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot record the crawl of {site} ({exc}).") from None
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, *, status: str, counts: dict[str, int], errors: list[str], duration_s: float) -> None:
        """Close the ``crawl_runs`` row with counts and the first errors (StoreError when it cannot be written:
        a full disk must not leave the caller waiting for a report that never comes)."""
        try:
            with self.db.conn:
                self.db.table("crawl_runs").update(
                    run_id,
                    {
                        "finished_at": utc_now(),
                        "status": status,
                        "duration_s": round(duration_s, 3),
                        "error": "\n".join(errors[:20]) or None,
                        **{k: counts.get(k, 0) for k in RUN_COUNTS},
                    },
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot record the end of crawl run {run_id} ({exc}).") from None

    # -- reads for users -------------------------------------------------------

    def save_facts(self, article_id: int, facts: dict[str, Any]) -> None:
        """Replace the investment facts of a stored story (``newsmon reextract --facts``)."""
        with write_lock(self.db):
            save_facts(self.db, article_id, facts, version=int(facts.get("version", 0)))

    def counts(self) -> dict[str, int]:
        """Number of rows in the main tables."""
        return {t: self.db[t].count for t in ("articles", "article_sources", "non_articles", "crawl_runs")}


class _Writer:
    """The SQLite store's reads and writes for ``store_copy`` (a ``CopyWriter``), inside its transaction."""

    def __init__(self, store: Store) -> None:
        self.db = store.db
        self.store = store

    @property
    def handle(self) -> sqlite_utils.Database:
        return self.db

    def hold_story(self, article_id: int) -> None:
        pass  # the write transaction (BEGIN IMMEDIATE) already holds the whole file

    def known_url(self, url: str, url_key: Optional[str]) -> Optional[int]:
        known = self.db.execute("SELECT article_id FROM article_sources WHERE url = ?", [url]).fetchone()
        if known is None and url_key is not None:
            known = self.db.execute("SELECT article_id FROM article_sources WHERE url_key = ? LIMIT 1",
                                    [url_key]).fetchone()
        return int(known[0]) if known else None

    def by_fingerprint(self, fingerprint: str) -> Optional[int]:
        return self.store.find_by_fingerprint(fingerprint)

    def published_utc(self, article_id: int) -> Optional[str]:
        row = self.db.execute("SELECT published_utc FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row is not None else None

    def add_source(self, article_id: int, copy: StoryCopy) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO article_sources (article_id, site, url, first_seen_at, published_at, url_key,"
            " fingerprint) VALUES (?,?,?,?,?,?,?)",
            [article_id, copy.site, copy.url, copy.fetched_at, copy.published_at, copy.url_key, copy.fingerprint],
        )

    def insert(self, copy: StoryCopy) -> int:
        cursor = self.db.execute(
            "INSERT INTO articles (url, site, title, published_at, published_utc, source, author, lang,"
            " body, fingerprint, fetched_at, summary, file_type) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [copy.url, copy.site, copy.title, copy.published_at, copy.published_utc, copy.source, copy.author,
             copy.lang, copy.body, copy.fingerprint, copy.fetched_at, copy.summary, copy.file_type],
        )
        article_id = int(cursor.lastrowid or 0)
        index_story(self.db.conn, article_id, index_text(copy.title), index_text(copy.body))
        return article_id

    def rewrite(self, article_id: int, copy: StoryCopy) -> None:
        old_title, old_body = self.db.execute("SELECT title, body FROM articles WHERE id = ?", [article_id]).fetchone()
        self.db.execute(
            "UPDATE articles SET url=?, site=?, title=?, published_at=?, published_utc=?, source=?, author=?, lang=?,"
            " body=?, fingerprint=?, fetched_at=?, summary=?, file_type=? WHERE id = ?",
            [copy.url, copy.site, copy.title, copy.published_at, copy.published_utc, copy.source, copy.author,
             copy.lang, copy.body, copy.fingerprint, copy.fetched_at, copy.summary, copy.file_type, article_id],
        )
        unindex_story(self.db.conn, article_id, index_text(old_title), index_text(old_body))
        index_story(self.db.conn, article_id, index_text(copy.title), index_text(copy.body))

    def forget_non_article(self, url: str) -> None:
        self.db.execute("DELETE FROM non_articles WHERE url = ?", [url])
