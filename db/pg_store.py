"""The article store on PostgreSQL: :class:`PgStore`, the same API and decisions as the SQLite ``Store``.

Several crawl workers (processes, machines) write at once, so every decision
that SQLite gets from its single writer is made safe here explicitly:

* Before deciding whether a copy is new, ``add_article`` takes transaction
  advisory locks on what two copies of one story share: the URL key, the
  body fingerprint and every near-duplicate band key (sorted, so two writers
  never wait on each other in a circle). Two workers adding the same story at
  once therefore decide one after the other, and the second sees the first's
  committed row (READ COMMITTED: each statement sees what committed before it).
* Unique constraints stay the last word (``articles.url``,
  ``article_sources.url``, the outbox key); inserts use ``ON CONFLICT``, and a
  transaction that still loses a race (a unique violation or a deadlock) is
  retried from the start, where the story is now known.

The decisions themselves (known URL, same fingerprint, near-duplicate via
``db/dedupe.py``, earlier copy becomes the primary) are the SQLite store's:
one ``db.store_base.store_copy`` over this store's ``_Writer``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Iterable, Optional

from newsmon.clock import utc_now
from newsmon.errors import StoreError

from .cjk import TOKENIZER_VERSION, index_text
from .dedupe import NearPrint
from .facts import save_facts
from .handle import PgDatabase, display_url, open_pg
from .health import RUN_COUNTS
from .migrate import pending_migrations, upgrade
from .pg_schema import SEARCH_TSV
from .postgres.reindex import search_index_version
from .schema import stale_index_message
from .store_base import AddResult, FactsFill, MatchHook, NewArticleHook, StoreBase, StoryCopy, store_copy

if TYPE_CHECKING:
    import psycopg

__all__ = ["PgStore"]

log = logging.getLogger(__name__)

_RETRIES = 5


def _lock_keys(url_key: str, fingerprint: str, near: Optional[NearPrint]) -> list[str | int]:
    keys: list[str | int] = [f"u:{url_key}", f"f:{fingerprint}"]
    if near is not None:
        keys += [int(k) for k in near.band_keys]
    return keys


class PgStore(StoreBase[PgDatabase]):
    """Open the newsmon database at PostgreSQL ``url`` (``${VAR}`` expanded from the environment).

    With ``create`` (the default) a database without newsmon's tables gets
    them, and pending migrations are applied (as the SQLite store migrates on
    open). Raises ConfigError/StoreError with one sentence.
    """

    def __init__(self, url: str, *, create: bool = True, readonly: bool = False) -> None:
        super().__init__()
        self.url = url
        self.db = open_pg(url)
        try:
            # Read without the lock: it only says whether to call upgrade(), which takes the lock before it
            # reads the applied versions again (several workers opening an empty database at once).
            pending = pending_migrations(self.db)
            index_version = None if pending else search_index_version(self.db)
            if pending or index_version != str(TOKENIZER_VERSION):
                if readonly or not create:
                    # As the SQLite store: a reader never gives answers from an index built for another newsmon.
                    if pending and not _has_articles(self.db):
                        raise StoreError(f"{display_url(url)}: not a newsmon database yet; run `newsmon db upgrade`"
                                         " or `newsmon crawl` first.")
                    if pending:
                        raise StoreError(f"{display_url(url)}: the schema is older than this newsmon; run"
                                         " `newsmon db upgrade`.")
                    raise StoreError(stale_index_message(display_url(url), index_version))
                # upgrade() also re-indexes the search column for this newsmon (db.postgres.reindex).
                upgrade(self.db, report=lambda migration: log.info(
                    "%s: applied migration %d (%s)", display_url(url), migration.version, migration.name))
        except BaseException:
            self.db.close()
            raise

    @property
    def path(self) -> str:
        """The database as configured (a URL; SQLite's is a Path)."""
        return self.url

    def close(self) -> None:
        """Close the connection pool."""
        self.db.close()

    def __enter__(self) -> "PgStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- lookups used by the crawler -------------------------------------

    def known_urls(self, urls: Iterable[str], *, keys: Optional[Iterable[str]] = None) -> set[str]:
        """The subset of ``urls`` already stored as a story source or as a non-article (see ``Store.known_urls``)."""
        urls = list(urls)
        key_list = list(keys) if keys is not None else []
        if keys is not None and len(key_list) != len(urls):
            raise ValueError("known_urls: keys must be parallel to urls")
        found: set[str] = set()
        with self.db.connection() as conn:
            for table in ("article_sources", "non_articles"):
                found.update(r[0] for r in conn.execute(f"SELECT url FROM {table} WHERE url = ANY(%s)", [urls]))
            if key_list:
                known: set[str] = set()
                for table in ("article_sources", "non_articles"):
                    known.update(r[0] for r in conn.execute(
                        f"SELECT url_key FROM {table} WHERE url_key = ANY(%s)", [key_list]))
                found.update(url for url, key in zip(urls, key_list) if key in known)
        return found

    def find_by_fingerprint(self, fingerprint: str) -> Optional[int]:
        """Id of the article one of whose copies' normalised body hashes to ``fingerprint``."""
        return _by_fingerprint(self.db, fingerprint)

    # -- writes --------------------------------------------------------------

    def _store(self, copy: StoryCopy, row: dict[str, Any], hooks: list[NewArticleHook],
               facts: Optional[dict[str, Any]], *, fill: Optional[FactsFill] = None,
               rematch: tuple[MatchHook, ...] = ()) -> AddResult:
        import psycopg

        for attempt in range(_RETRIES):
            try:
                with self.db.transaction() as tx, tx.connection() as conn:
                    keys = _lock_keys(copy.url_key or copy.url, copy.fingerprint, copy.near)
                    conn.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) WITH ORDINALITY AS t(k, n)"
                                 " ORDER BY n", [sorted({_key(k) for k in keys})])
                    return store_copy(_Writer(tx, conn), copy, row, hooks, facts, fill=fill, rematch=rematch)
            except (psycopg.errors.UniqueViolation, psycopg.errors.DeadlockDetected,
                    psycopg.errors.SerializationFailure):
                # Another worker stored a copy between our checks and our insert: start again, it is known now.
                if attempt == _RETRIES - 1:
                    raise StoreError(f"{self.db.name}: cannot store {copy.url} (it kept conflicting with other"
                                     " writers).") from None
            except psycopg.Error as exc:
                raise StoreError(f"{self.db.name}: cannot store {copy.url} ({' '.join(str(exc).split())}).") from None
            except StoreError as exc:  # the server went away (PgDatabase's sentence): name the story too
                raise StoreError(f"{copy.url}: not stored: {exc}") from None
        raise AssertionError("unreachable")

    def add_non_article(self, *, site: str, url: str, reason: str, url_key: Optional[str] = None) -> None:
        """Remember that ``url`` is not an article (or is another URL of a stored one), so it is not fetched again."""
        with self.db.connection() as conn:
            conn.execute(
                "INSERT INTO non_articles (url, site, reason, seen_at, url_key) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (url) DO UPDATE SET site = excluded.site, reason = excluded.reason,"
                " seen_at = excluded.seen_at, url_key = excluded.url_key",
                [url, site, reason, utc_now(), url_key])

    def start_run(self, site: str) -> int:
        """Open a ``crawl_runs`` row for ``site`` and return its id (StoreError when it cannot be written)."""
        import psycopg

        try:
            with self.db.connection() as conn:
                row = conn.execute("INSERT INTO crawl_runs (site, started_at, status) VALUES (%s, %s, 'running')"
                                   " RETURNING id", [site, utc_now()]).fetchone()
        except psycopg.Error as exc:
            raise StoreError(f"{self.db.name}: cannot record the crawl of {site} ({' '.join(str(exc).split())}).") \
                from None
        assert row is not None
        return int(row[0])

    def finish_run(self, run_id: int, *, status: str, counts: dict[str, int], errors: list[str],
                   duration_s: float) -> None:
        """Close the ``crawl_runs`` row with counts and the first errors."""
        import psycopg

        try:
            with self.db.connection() as conn:
                conn.execute(
                    "UPDATE crawl_runs SET finished_at = %s, status = %s, duration_s = %s, error = %s, "
                    + ", ".join(f"{k} = %s" for k in RUN_COUNTS) + " WHERE id = %s",
                    [utc_now(), status, round(duration_s, 3), "\n".join(errors[:20]) or None,
                     *(counts.get(k, 0) for k in RUN_COUNTS), run_id])
        except psycopg.Error as exc:
            raise StoreError(f"{self.db.name}: cannot record the end of crawl run {run_id}"
                             f" ({' '.join(str(exc).split())}).") from None

    def save_facts(self, article_id: int, facts: dict[str, Any]) -> None:
        """Replace the investment facts of a stored story (``newsmon reextract --facts``)."""
        with self.db.transaction() as tx:
            save_facts(tx, article_id, facts, version=int(facts.get("version", 0)))

    # -- reads ------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Number of rows in the main tables."""
        out = {}
        with self.db.connection() as conn:
            for table in ("articles", "article_sources", "non_articles", "crawl_runs"):
                got = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
                out[table] = int(got[0]) if got else 0
        return out


def _key(value: str | int) -> int:
    """A signed 64-bit advisory-lock key (band keys are already 64-bit)."""
    if isinstance(value, int):
        return value
    import hashlib

    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), "big", signed=True)


def _by_fingerprint(db: PgDatabase, fingerprint: str) -> Optional[int]:
    with db.connection() as conn:
        row = conn.execute("SELECT id FROM articles WHERE fingerprint = %s LIMIT 1", [fingerprint]).fetchone()
        if row is None:
            row = conn.execute("SELECT article_id FROM article_sources WHERE fingerprint = %s LIMIT 1",
                               [fingerprint]).fetchone()
    return int(row[0]) if row else None


class _Writer:
    """The PostgreSQL store's reads and writes for ``store_copy`` (a ``CopyWriter``), inside its transaction."""

    def __init__(self, tx: PgDatabase, conn: psycopg.Connection[Any]) -> None:
        self.tx = tx
        self.conn = conn

    @property
    def handle(self) -> PgDatabase:
        return self.tx

    def known_url(self, url: str, url_key: Optional[str]) -> Optional[int]:
        known = self.conn.execute("SELECT article_id FROM article_sources WHERE url = %s", [url]).fetchone()
        if known is None and url_key is not None:
            known = self.conn.execute("SELECT article_id FROM article_sources WHERE url_key = %s LIMIT 1",
                                      [url_key]).fetchone()
        return int(known[0]) if known else None

    def by_fingerprint(self, fingerprint: str) -> Optional[int]:
        return _by_fingerprint(self.tx, fingerprint)

    def hold_story(self, article_id: int) -> None:
        # The copies of one story may share no band (each matched it by another): the story's own key serialises
        # their read-modify-write of its facts. Taken after the copy's keys, always last, so no two wait on each other.
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [_key(f"a:{article_id}")])

    def published_utc(self, article_id: int) -> Optional[str]:
        row = self.conn.execute("SELECT published_utc FROM articles WHERE id = %s", [article_id]).fetchone()
        return row[0] if row is not None else None

    def add_source(self, article_id: int, copy: StoryCopy) -> None:
        self.conn.execute(
            "INSERT INTO article_sources (article_id, site, url, first_seen_at, published_at, url_key, fingerprint)"
            " VALUES (%s,%s,%s,%s,%s,%s,%s) ON CONFLICT DO NOTHING",
            [article_id, copy.site, copy.url, copy.fetched_at, copy.published_at, copy.url_key, copy.fingerprint])

    def insert(self, copy: StoryCopy) -> int:
        inserted = self.conn.execute(
            "INSERT INTO articles (url, site, title, published_at, published_utc, source, author, lang, body,"
            f" fingerprint, fetched_at, summary, file_type, search_tsv) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,"
            f"%s,%s, {SEARCH_TSV}) RETURNING id", [*self._values(copy), index_text(copy.title), index_text(copy.body)]
        ).fetchone()
        assert inserted is not None
        return int(inserted[0])

    def rewrite(self, article_id: int, copy: StoryCopy) -> None:
        self.conn.execute(
            "UPDATE articles SET url=%s, site=%s, title=%s, published_at=%s, published_utc=%s, source=%s, author=%s,"
            f" lang=%s, body=%s, fingerprint=%s, fetched_at=%s, summary=%s, file_type=%s, search_tsv = {SEARCH_TSV}"
            " WHERE id = %s",
            [*self._values(copy), index_text(copy.title), index_text(copy.body), article_id])

    def forget_non_article(self, url: str) -> None:
        self.conn.execute("DELETE FROM non_articles WHERE url = %s", [url])

    @staticmethod
    def _values(copy: StoryCopy) -> list[Any]:
        return [copy.url, copy.site, copy.title, copy.published_at, copy.published_utc, copy.source, copy.author,
                copy.lang, copy.body, copy.fingerprint, copy.fetched_at, copy.summary, copy.file_type]


def _has_articles(db: PgDatabase) -> bool:
    with db.connection() as conn:
        row = conn.execute("SELECT to_regclass('articles')").fetchone()
    return row is not None and row[0] is not None
