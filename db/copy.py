"""Move a SQLite newsmon database into PostgreSQL (``newsmon db copy --from news.db --to postgresql://…``).

Every table is copied in its key order, in batches; each batch commits
together with a checkpoint (``newsmon_meta`` key ``copy:<table>``: the last key
copied), so an interrupted copy (Ctrl-C, a lost connection, ``kill -9``) resumes
from the last committed batch when run again, and rows already there are never
duplicated (inserts are also ``ON CONFLICT DO NOTHING``).

What is kept exactly: story ids (alerts, facts and bands refer to them, users
bookmark ``show 12``), the order of a story's sources (SQLite rowid ->
``article_sources.seq``), the outbox with its statuses (nothing is sent twice
or lost), and the database's ``database_id`` — part of every alert's
Idempotency-Key, so a receiver that saw an alert from the SQLite database
recognises it from PostgreSQL too. The search column is computed on the way
(``index_text`` of title and body, db/cjk.py). The identity sequences are
moved past the copied ids at the end.

The target must be empty, or hold an unfinished copy of this same source
(recognised by its ``database_id``); anything else is refused in one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import sqlite_utils

from newsmon.errors import StoreError

from .cjk import index_text
from .handle import PgDatabase, display_url, pg_execute
from .outbox import database_id
from .pg_schema import SEARCH_TSV
from .store import Store

__all__ = ["CopyReport", "TABLES", "copy_database"]

BATCH = 5000


@dataclass(frozen=True)
class _Table:
    name: str
    key: tuple[str, ...]  # the SQLite ordering / resume key ("rowid" for article_sources)
    columns: tuple[str, ...]  # copied columns (SQLite names)
    target_columns: Optional[tuple[str, ...]] = None  # PostgreSQL names when they differ
    identity: Optional[str] = None  # PostgreSQL identity column to move past the copied ids


_ARTICLE_COLUMNS = ("id", "url", "site", "title", "published_at", "published_utc", "source", "author", "lang", "body",
                    "fingerprint", "fetched_at", "summary", "file_type")

# In foreign-key order. newsmon_meta last: its copy markers are written by the copy itself.
TABLES: tuple[_Table, ...] = (
    _Table("articles", ("id",), _ARTICLE_COLUMNS, identity="id"),
    _Table("article_sources", ("rowid",),
           ("rowid", "article_id", "site", "url", "first_seen_at", "published_at", "url_key", "fingerprint"),
           ("seq", "article_id", "site", "url", "first_seen_at", "published_at", "url_key", "fingerprint"),
           identity="seq"),
    _Table("non_articles", ("url",), ("url", "site", "reason", "seen_at", "url_key")),
    _Table("crawl_runs", ("id",), ("id", "site", "started_at", "finished_at", "status", "list_pages", "articles_new",
                                   "duplicates", "non_articles", "failures", "duration_s", "error", "list_failures"),
           identity="id"),
    _Table("article_signatures", ("article_id",), ("article_id", "shingles", "signature")),
    _Table("article_bands", ("band_key", "article_id"), ("band_key", "article_id")),
    _Table("article_facts", ("article_id",), ("article_id", "amount", "currency", "amount_cny", "amount_text", "kind",
                                              "stage", "province", "city", "county", "places", "industry", "project",
                                              "version", "extracted_at")),
    _Table("alert_deliveries", ("id",), ("id", "rule", "article_id", "channel", "status", "matched", "digest",
                                         "created_at", "next_attempt_at", "attempts", "last_error", "delivered_at",
                                         "claimed_at"), identity="id"),
    _Table("alert_notices", ("id",), ("id", "kind", "channel", "payload", "status", "created_at", "next_attempt_at",
                                      "attempts", "last_error", "delivered_at", "claimed_at"), identity="id"),
    _Table("list_pages", ("url",), ("url", "site", "etag", "last_modified", "checked_at")),
    _Table("site_schedule", ("site",), ("site", "next_run_at", "updated_at")),
    _Table("site_blocks", ("site", "block"), ("site", "block", "pages", "last_seen")),
    _Table("site_templates", ("site",), ("site", "pages", "updated_at")),
    _Table("site_headlines", ("site", "headline"), ("site", "headline", "url", "list_date", "last_seen")),
    _Table("site_places", ("site",), ("site", "place", "title", "pending", "pending_crawls", "reread", "read_with",
                                     "updated_at")),
    _Table("list_page_places", ("url",), ("url", "site", "reading", "title", "updated_at")),
)

_SOURCE_KEY = "copy_source"  # newsmon_meta: database_id of the SQLite database being (or having been) copied
_DONE_KEY = "copy_done"


@dataclass
class CopyReport:
    """What one run of the copy did."""

    source: str
    target: str
    resumed: bool = False
    rows: dict[str, int] = field(default_factory=dict)  # rows copied by this run, per table
    already_done: bool = False

    def records(self) -> list[dict[str, Any]]:
        """One row per table, for ``--format``."""
        return [{"table": name, "copied": n} for name, n in self.rows.items()]


Progress = Callable[[str, int, int], None]  # (table, rows copied so far, rows in the source table)


def copy_database(source: Path, target: PgDatabase, *, batch: int = BATCH,
                  on_progress: Optional[Progress] = None) -> CopyReport:
    """Copy the SQLite database at ``source`` into the (migrated) PostgreSQL database ``target``; resumable.

    Raises StoreError with one sentence when the target holds other data.
    """
    if not source.exists():
        raise StoreError(f"{source}: no such database to copy.")
    store = Store(source, create=False)  # migrated like any open, so every table and column exists
    try:
        lite = store.db
        source_id = database_id(lite)
        report = CopyReport(str(source), display_url(target.url))
        meta = dict(pg_execute(target, "SELECT key, value FROM newsmon_meta")[1])
        if meta.get(_SOURCE_KEY) not in (None, source_id):
            raise StoreError(f"{report.target} already holds a copy of another database; copy into an empty"
                             " database.")
        if meta.get(_SOURCE_KEY) == source_id:
            report.resumed = True
            if meta.get(_DONE_KEY) == "1":
                report.already_done = True
        else:
            stories = int(pg_execute(target, "SELECT count(*) FROM articles")[1][0][0])
            runs = int(pg_execute(target, "SELECT count(*) FROM crawl_runs")[1][0][0])
            if stories or runs or "database_id" in meta:
                raise StoreError(f"{report.target} is not empty ({stories} stories); newsmon db copy only fills an"
                                 " empty database (or resumes its own unfinished copy).")
            # Same database_id as the source: alert Idempotency-Keys stay the same after the move.
            pg_execute(target, "INSERT INTO newsmon_meta (key, value) VALUES ('database_id', ?), (?, ?)",
                       [source_id, _SOURCE_KEY, source_id])
        for table in TABLES:
            report.rows[table.name] = _copy_table(lite, target, table, batch, on_progress)
        with target.transaction() as tx:
            for table in TABLES:
                if table.identity:
                    pg_execute(tx, f"SELECT setval(pg_get_serial_sequence('{table.name}', '{table.identity}'),"
                               f" greatest((SELECT max({table.identity}) FROM {table.name}), 1))")
            for key, value in lite.execute("SELECT key, value FROM newsmon_meta").fetchall():
                if key not in ("database_id",):  # schema/tokenizer versions of SQLite are kept for reference
                    pg_execute(tx, "INSERT INTO newsmon_meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
                               [f"sqlite_{key}", value])
            pg_execute(tx, "INSERT INTO newsmon_meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE"
                       " SET value = '1'", [_DONE_KEY])
        return report
    finally:
        store.close()


def _copy_table(lite: sqlite_utils.Database, target: PgDatabase, table: _Table, batch: int,
                on_progress: Optional[Progress]) -> int:
    """Copy one table from its checkpoint on; return rows copied now."""
    checkpoint_key = f"copy:{table.name}"
    found = pg_execute(target, "SELECT value FROM newsmon_meta WHERE key = ?", [checkpoint_key])[1]
    last: Optional[list[Any]] = _decode(found[0][0]) if found else None
    total = int(lite.execute(f"SELECT count(*) FROM {table.name}").fetchone()[0])
    done_before = 0
    if last is not None:
        done_before = int(lite.execute(
            f"SELECT count(*) FROM {table.name} WHERE ({', '.join(table.key)}) <= ({', '.join('?' * len(last))})",
            last).fetchone()[0])
    copied = 0
    key_index = [table.columns.index(k) for k in table.key]
    names = table.target_columns or table.columns
    if on_progress is not None:
        on_progress(table.name, done_before, total)
    while True:
        where = ""
        params: list[Any] = []
        if last is not None:
            where = f"WHERE ({', '.join(table.key)}) > ({', '.join('?' * len(last))})"
            params = list(last)
        rows = lite.execute(f"SELECT {', '.join(table.columns)} FROM {table.name} {where}"
                            f" ORDER BY {', '.join(table.key)} LIMIT {int(batch)}", params).fetchall()
        if not rows:
            return copied
        values = [_row_values(table, row) for row in rows]
        last = [rows[-1][i] for i in key_index]
        with target.transaction() as tx:
            _load(tx, table.name, names, values)
            pg_execute(tx, "INSERT INTO newsmon_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
                       " SET value = excluded.value", [checkpoint_key, _encode(last)])
        copied += len(rows)
        if on_progress is not None:
            on_progress(table.name, done_before + copied, total)


def _load(tx: PgDatabase, name: str, columns: Sequence[str], values: list[list[Any]]) -> None:
    """Insert one batch: COPY into a staging table, then one INSERT … SELECT … ON CONFLICT DO NOTHING.

    COPY, not one INSERT per row: one round trip per batch, not per row; the staging table keeps
    ``ON CONFLICT`` (a rerun after a crash between batches never duplicates) and lets the server
    compute the search column from the index text we send.
    """
    extra = ("title_index", "body_index") if name == "articles" else ()
    with tx.connection() as conn:
        conn.execute(f"CREATE TEMP TABLE newsmon_stage (LIKE {name}) ON COMMIT DROP")
        if extra:
            conn.execute("ALTER TABLE newsmon_stage ADD COLUMN title_index text, ADD COLUMN body_index text")
        with conn.cursor().copy(f"COPY newsmon_stage ({', '.join((*columns, *extra))}) FROM STDIN"
                                ) as copy:
            for row in values:
                copy.write_row(row)
        listed = ", ".join(columns)
        if extra:
            tsv = SEARCH_TSV.replace("%s", "title_index", 1).replace("%s", "body_index", 1)
            conn.execute(f"INSERT INTO articles ({listed}, search_tsv) SELECT {listed}, {tsv} FROM newsmon_stage"
                         " ON CONFLICT DO NOTHING")
        else:
            conn.execute(f"INSERT INTO {name} ({listed}) SELECT {listed} FROM newsmon_stage"
                         " ON CONFLICT DO NOTHING")


def _row_values(table: _Table, row: Sequence[Any]) -> list[Any]:
    values = list(row)
    if table.name == "articles":
        title, body = row[table.columns.index("title")], row[table.columns.index("body")]
        values += [index_text(title or ""), index_text(body or "")]
    return values


def _encode(key: list[Any]) -> str:
    import json

    return json.dumps(key, ensure_ascii=False)


def _decode(text: str) -> list[Any]:
    import json

    value = json.loads(text)
    return list(value) if isinstance(value, list) else [value]
