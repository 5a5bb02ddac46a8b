"""The article store: one SQLite file (WAL), opened through sqlite-utils.

Knows nothing of Scrapy or of how articles were extracted: callers hand it
plain values. Every write is one transaction, so a crash never leaves an
article without its source row or its index entry.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

import sqlite_utils

from newsmon.errors import StoreError

from .cjk import index_text
from newsmon.clock import utc_now
from .dedupe import NearMatch, NearPrint, find_near_duplicate, index_near_print
from .facts import save_facts
from .handle import Handle
from .reader import article_with_facts, crawl_runs
from .schema import ensure_schema

__all__ = ["Store", "AddResult", "NewArticleHook", "MatchHook", "published_values", "utc_now"]

# Called with the store's handle *inside* the transaction (a transaction-bound
# PgDatabase on PostgreSQL), the new story's id and its row.
NewArticleHook = Callable[[Handle, int, dict[str, Any]], None]
# Called with the story's row *before* the write transaction (slow work such as
# alert matching must not hold the write lock); returns the NewArticleHook to
# run inside the transaction if the story turns out to be new, or None.
MatchHook = Callable[[dict[str, Any]], Optional[NewArticleHook]]


def published_values(value: Optional[datetime]) -> tuple[Optional[str], Optional[str]]:
    """``(published_at, published_utc)`` as stored: ISO 8601 with the page's offset, and the same instant in UTC."""
    if value is None:
        return None, None
    if value.tzinfo is None:
        raise ValueError("published_at must be timezone-aware")
    return value.isoformat(), value.astimezone(timezone.utc).isoformat()


@dataclass(frozen=True)
class StoryCopy:
    """One fetched copy of a story, as add_article received it."""

    url: str
    site: str
    title: str
    published_at: Optional[str]
    published_utc: Optional[str]
    source: Optional[str]
    author: Optional[str]
    lang: Optional[str]
    body: str
    fingerprint: str
    fetched_at: str
    url_key: Optional[str]
    near: Optional[NearPrint]
    summary: Optional[str] = None
    file_type: Optional[str] = None


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Store.add_article` did."""

    article_id: int
    status: str  # "new" | "duplicate" | "known_url"
    reason: str = ""  # for duplicates: why ("same text as #12")


class Store:
    """Open (and create if needed) the newsmon database at ``path``.

    Raises StoreError with one sentence when the file cannot be opened or
    created (missing folder, permissions, not a database).
    """

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        self.path = Path(path)
        if (readonly or not create) and not self.path.exists():
            raise StoreError(f"{self.path}: no such database; run `newsmon crawl` first.")
        if not self.path.parent.exists():
            raise StoreError(f"{self.path}: the folder {self.path.parent} does not exist.")
        try:
            if readonly:
                # Readers (search, show, sites) never write, so they work on a
                # file they may not write and never compete with the daemon.
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30,
                                       check_same_thread=False)
                self.db = sqlite_utils.Database(conn)
                if "articles" not in self.db.table_names():
                    raise StoreError(f"{self.path}: not a newsmon database (no articles table).")
            else:
                conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
                self.db = sqlite_utils.Database(conn)
                ensure_schema(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the database ({exc}).") from None
        # Called inside the transaction that stores a new story, with
        # (db, article_id, row): lets another package (alerts' outbox) write its
        # rows atomically with the story without db/ importing it.
        self.new_article_hooks: list[NewArticleHook] = []
        # Called before the transaction with the story's row (no id yet); each
        # returns a NewArticleHook for inside it, or None (see MatchHook).
        self.match_hooks: list[MatchHook] = []

    @contextlib.contextmanager
    def _write_transaction(self) -> Iterator[None]:
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

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

    def has_completed_run(self, site: str) -> bool:
        """True if a crawl of ``site`` has ever finished (ok or partial)."""
        row = self.db.execute(
            "SELECT 1 FROM crawl_runs WHERE site = ? AND status IN ('ok', 'partial') LIMIT 1", [site]
        ).fetchone()
        return row is not None

    def find_by_fingerprint(self, fingerprint: str) -> Optional[int]:
        """Id of the article one of whose copies' normalised body hashes to ``fingerprint``."""
        row = self.db.execute("SELECT id FROM articles WHERE fingerprint = ? LIMIT 1", [fingerprint]).fetchone()
        if row is None:
            row = self.db.execute(
                "SELECT article_id FROM article_sources WHERE fingerprint = ? LIMIT 1", [fingerprint]
            ).fetchone()
        return row[0] if row else None

    def find_near_duplicate(
        self, near: NearPrint, title: Optional[str] = None, body: Optional[str] = None, site: Optional[str] = None
    ) -> Optional[NearMatch]:
        """The stored story that ``near`` (and the copy's title, body, site) say is the same story (db/dedupe.py)."""
        return find_near_duplicate(self.db, near, title, body, site)

    # -- writes --------------------------------------------------------------

    def add_article(
        self,
        *,
        site: str,
        url: str,
        title: str,
        body: str,
        fingerprint: str,
        published_at: Optional[datetime] = None,
        source: Optional[str] = None,
        author: Optional[str] = None,
        lang: Optional[str] = None,
        fetched_at: Optional[str] = None,
        url_key: Optional[str] = None,
        near: Optional[NearPrint] = None,
        summary: Optional[str] = None,
        facts: Optional[dict[str, Any]] = None,
        file_type: Optional[str] = None,
    ) -> AddResult:
        """Store one fetched article, or record it as another source of a stored story.

        An article whose URL (or ``url_key``, see ``newsmon.crawler.urls``) is already
        known is ignored (``known_url``). One whose body fingerprint matches
        a stored copy, or whose MinHash ``near`` finds the same story
        (``newsmon.db.dedupe``), adds an ``article_sources`` row only
        (``duplicate``); if it was published earlier than the stored story's
        primary copy it becomes the primary (``articles`` row and search
        index rewritten, no new-article hooks). Anything else is a new story
        with its first source row, index entry and near-duplicate bands. All
        in one transaction. ``facts``: the story's investment facts (the
        ``investment`` object plus ``amount_cny`` and ``version``), stored with a new
        story or with a copy that becomes the primary, and given to the hooks. ``file_type``
        (``pdf``…): the story is a file named on a list page, stored from the list's title
        and date (``articles.file_type``; NULL for web pages).
        """
        now = fetched_at or utc_now()
        published, published_utc = published_values(published_at)
        row: dict[str, Any] = {"url": url, "site": site, "title": title, "body": body, "published_at": published,
               "source": source, "author": author, "lang": lang, "summary": summary, "fetched_at": now,
               "investment": facts, "file_type": file_type}
        # Matching happens here, outside the write transaction: a slow rule never
        # holds the database lock. Its rows are written inside it, only for a new story.
        pending = [hook for hook in (match(row) for match in self.match_hooks) if hook is not None]
        try:
            # An explicit transaction, not `with conn:`: sqlite-utils 4 commits
            # each write made through db.execute() outside an open transaction,
            # which would split the story, its source row, FTS entry and hook
            # rows apart. IMMEDIATE so another writer (the alert sender) makes
            # it wait (busy timeout) instead of failing with "database is locked"
            # when a read transaction would have to become a write one.
            with self._write_transaction():
                known = self.db.execute("SELECT article_id FROM article_sources WHERE url = ?", [url]).fetchone()
                if known is None and url_key is not None:
                    known = self.db.execute(
                        "SELECT article_id FROM article_sources WHERE url_key = ? LIMIT 1", [url_key]
                    ).fetchone()
                if known:
                    return AddResult(known[0], "known_url")
                copy = StoryCopy(url, site, title, published, published_utc, source, author, lang, body, fingerprint,
                             now, url_key, near, summary, file_type)
                existing = self.find_by_fingerprint(fingerprint)
                reason = f"same text as article {existing}"
                if existing is None and near is not None:
                    match = find_near_duplicate(self.db, near, title, body, site)
                    if match is not None:
                        existing = match.article_id
                        reason = (f"same story as article {existing} (similarity {match.jaccard:.2f},"
                                  f" containment {match.containment:.2f})")
                if existing is not None:
                    self._add_source(existing, copy)
                    if self._is_earlier(existing, published_utc):
                        self._make_primary(existing, copy)
                        if facts is not None:
                            save_facts(self.db, existing, facts, version=int(facts.get("version", 0)))
                        reason += "; published earlier, now the primary copy"
                    return AddResult(existing, "duplicate", reason)
                cursor = self.db.execute(
                    "INSERT INTO articles (url, site, title, published_at, published_utc, source, author, lang,"
                    " body, fingerprint, fetched_at, summary, file_type) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [url, site, title, published, published_utc, source, author, lang, body, fingerprint, now,
                     summary, file_type],
                )
                article_id = int(cursor.lastrowid or 0)
                self._add_source(article_id, copy)
                self.db.execute(
                    "INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
                    [article_id, index_text(title), index_text(body)],
                )
                if near is not None:
                    index_near_print(self.db, article_id, near)
                # Lets a non-article page that later became an article be stored.
                self.db.execute("DELETE FROM non_articles WHERE url = ?", [url])
                if facts is not None:
                    save_facts(self.db, article_id, facts, version=int(facts.get("version", 0)))
                row = {"id": article_id, **row}
                for hook in [*pending, *self.new_article_hooks]:
                    hook(self.db, article_id, row)
                return AddResult(article_id, "new")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store {url} ({exc}).") from None

    def _add_source(self, article_id: int, copy: "StoryCopy") -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO article_sources (article_id, site, url, first_seen_at, published_at, url_key,"
            " fingerprint) VALUES (?,?,?,?,?,?,?)",
            [article_id, copy.site, copy.url, copy.fetched_at, copy.published_at, copy.url_key, copy.fingerprint],
        )

    def _is_earlier(self, article_id: int, published_utc: Optional[str]) -> bool:
        if published_utc is None:
            return False
        row = self.db.execute("SELECT published_utc FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None and row[0] is not None and published_utc < row[0]

    def _make_primary(self, article_id: int, copy: "StoryCopy") -> None:
        """Rewrite story ``article_id`` from ``copy``: same id, sources and alert rows; new text and index."""
        old_title, old_body = self.db.execute("SELECT title, body FROM articles WHERE id = ?", [article_id]).fetchone()
        self.db.execute(
            "UPDATE articles SET url=?, site=?, title=?, published_at=?, published_utc=?, source=?, author=?, lang=?,"
            " body=?, fingerprint=?, fetched_at=?, summary=?, file_type=? WHERE id = ?",
            [copy.url, copy.site, copy.title, copy.published_at, copy.published_utc, copy.source, copy.author,
             copy.lang, copy.body, copy.fingerprint, copy.fetched_at, copy.summary, copy.file_type, article_id],
        )
        # Contentless FTS5: a row is deleted by giving back the values it indexed.
        self.db.execute(
            "INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
            [article_id, index_text(old_title), index_text(old_body)],
        )
        self.db.execute(
            "INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)",
            [article_id, index_text(copy.title), index_text(copy.body)],
        )
        if copy.near is not None:
            # The old bands stay: later copies may resemble either text.
            index_near_print(self.db, article_id, copy.near)

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
                        **{k: counts.get(k, 0)
                           for k in ("list_pages", "articles_new", "duplicates", "non_articles", "failures")},
                    },
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot record the end of crawl run {run_id} ({exc}).") from None

    # -- reads for users -------------------------------------------------------

    def get_article(self, article_id: int) -> dict[str, Any]:
        """The article row plus ``sources`` (every ``{site, url, first_seen_at, published_at}`` it was seen at)
        and ``investment``; raises NotFoundError when there is none (see ``reader.article_with_facts``)."""
        return article_with_facts(self.db, article_id)

    def save_facts(self, article_id: int, facts: dict[str, Any]) -> None:
        """Replace the investment facts of a stored story (``newsmon reextract --facts``)."""
        with self._write_transaction():
            save_facts(self.db, article_id, facts, version=int(facts.get("version", 0)))

    def runs(self, site: Optional[str] = None, limit: int = 50) -> list[dict[str, Any]]:
        """Latest crawl runs, newest first."""
        return crawl_runs(self.db, site=site, limit=limit)

    def counts(self) -> dict[str, int]:
        """Number of rows in the main tables."""
        return {t: self.db[t].count for t in ("articles", "article_sources", "non_articles", "crawl_runs")}
