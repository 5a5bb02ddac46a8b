"""PostgreSQL's search column kept at this newsmon's search-index version (SQLite's FTS rebuild, for ``search_tsv``).

``articles.search_tsv`` is computed in Python when a story is stored (``db.cjk.index_text``). When
``index_text`` changes (``db.cjk.TOKENIZER_VERSION``: traditional characters folded to simplified ones
in version 3), the stories stored before keep the old tokens, and a query compiled the new way misses
them. SQLite rebuilds its FTS5 table when ``newsmon_meta.tokenizer_version`` differs (``db.schema``);
this is the same for PostgreSQL: the same key in its ``newsmon_meta``, and when it differs,
:func:`reindex_search` recomputes ``search_tsv`` of every story, in batches of consecutive ids.

Each batch is its own transaction and takes the migration advisory lock (``db.migrate``) first, then
reads where the re-index stands (``newsmon_meta`` key ``search_reindex``: ``"<version> <next id>"``):
two workers opening the database together share the batches instead of both doing all of them, a
migration never runs in the middle of one, and an interrupted re-index resumes where it stopped. Stories
stored meanwhile by an up-to-date newsmon have the new tokens already (recomputing them is harmless);
a worker still running the old code keeps writing old ones, so stop old workers before upgrading.
"""

from __future__ import annotations

import logging
import time
from typing import Optional

from ..cjk import TOKENIZER_VERSION, index_text
from ..handle import PgDatabase
from ..pg_schema import MIGRATION_LOCK, SEARCH_TSV

__all__ = ["BATCH", "reindex_search", "search_index_version"]

log = logging.getLogger(__name__)

# Stories a transaction: ~1 s of index_text and GIN updates, so other writers wait at most about that long.
BATCH = 2_000
_VERSION_KEY = "tokenizer_version"  # SQLite's key (db.schema), the same meaning
_PROGRESS_KEY = "search_reindex"
_LOG_EVERY_S = 10.0


def search_index_version(db: PgDatabase) -> Optional[str]:
    """The search-index version ``search_tsv`` was computed with (None: before newsmon recorded it, i.e. 2)."""
    with db.connection() as conn:
        row = conn.execute("SELECT value FROM newsmon_meta WHERE key = %s", [_VERSION_KEY]).fetchone()
    return None if row is None else str(row[0])


def reindex_search(db: PgDatabase, *, batch: int = BATCH) -> int:
    """Recompute ``search_tsv`` of every story unless it is at ``TOKENIZER_VERSION``; how many this call did.

    Safe with several workers at once (they share the batches) and after an interruption (it resumes).
    Logs a warning when it starts on stored stories and a progress line at most every 10 s.
    """
    if search_index_version(db) == str(TOKENIZER_VERSION):
        return 0
    tsv = SEARCH_TSV % ("v.title_index", "v.body_index")
    done = 0
    total: Optional[int] = None
    last_log = time.monotonic()
    while True:
        with db.transaction() as tx, tx.connection() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
            meta = dict(conn.execute("SELECT key, value FROM newsmon_meta WHERE key IN (%s, %s)",
                                     [_VERSION_KEY, _PROGRESS_KEY]).fetchall())
            if meta.get(_VERSION_KEY) == str(TOKENIZER_VERSION):
                break  # another worker finished it
            version, _, next_id = (meta.get(_PROGRESS_KEY) or "").partition(" ")
            start = int(next_id) if version == str(TOKENIZER_VERSION) else 0  # another version's point: restart
            if total is None:
                counted = conn.execute("SELECT count(*) FROM articles WHERE id >= %s", [start]).fetchone()
                total = int(counted[0]) if counted else 0
                if total:
                    log.warning("%s: re-indexing the search column of %s stories for search index version %s"
                                " (once; about a minute per 100,000 stories).", db.name, total, TOKENIZER_VERSION)
            rows = conn.execute("SELECT id, title, body FROM articles WHERE id >= %s ORDER BY id LIMIT %s",
                                [start, batch]).fetchall()
            if not rows:
                conn.execute("INSERT INTO newsmon_meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE"
                             " SET value = excluded.value", [_VERSION_KEY, str(TOKENIZER_VERSION)])
                conn.execute("DELETE FROM newsmon_meta WHERE key = %s", [_PROGRESS_KEY])
                break
            conn.execute(
                f"UPDATE articles a SET search_tsv = {tsv} FROM unnest(%s::bigint[], %s::text[], %s::text[])"
                " AS v(id, title_index, body_index) WHERE a.id = v.id",
                [[r[0] for r in rows], [index_text(r[1]) for r in rows], [index_text(r[2]) for r in rows]])
            conn.execute("INSERT INTO newsmon_meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE"
                         " SET value = excluded.value", [_PROGRESS_KEY, f"{TOKENIZER_VERSION} {rows[-1][0] + 1}"])
        done += len(rows)
        if time.monotonic() - last_log >= _LOG_EVERY_S:
            last_log = time.monotonic()
            log.info("%s: search column re-indexed up to story %s (%s of %s this run).", db.name, rows[-1][0],
                     done, total)
    if done:
        log.info("%s: search column re-indexed (%s stories this run).", db.name, done)
    return done
