"""The alert outbox: ``alert_deliveries``, one row per (rule, article, channel).

A rule that matches a new story writes its rows here *in the same
transaction* as the story (through ``Store.new_article_hooks``), so a crash
never leaves a story without its alerts or an alert without its story. A
sender then drains the table: it claims rows (``pending`` -> ``sending``),
delivers, and marks them ``sent`` or puts them back to ``pending`` with a
later ``next_attempt_at``. The unique key (rule, article_id, channel) makes a
second delivery of the same story impossible: a re-crawl or a syndicated
copy never creates a second row.

Statuses: ``pending`` (waiting for its time or a retry), ``sending`` (claimed
by a sender; returned to pending if that sender died), ``sent``.

``alert_notices`` is the same outbox for operator messages that belong to
no story (a site became unhealthy or recovered): one row per notice and
channel, the same statuses, claims, retries and backoff. The claim/mark
functions take ``table=NOTICES`` for it.

Knows nothing of rules or channels: plain values in, rows out.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Iterable, Optional, Sequence

import sqlite_utils

from .handle import Handle, PgDatabase, pg_execute

__all__ = [
    "ensure_outbox_schema",
    "add_deliveries",
    "due_deliveries",
    "claim_deliveries",
    "mark_sent",
    "mark_failed",
    "release_claims",
    "release_stale_claims",
    "database_id",
    "save_breaker",
    "load_breakers",
    "DELIVERIES",
    "NOTICES",
    "add_notices",
    "due_notices",
    "list_notices",
    "list_deliveries",
    "next_due_at",
    "next_send_at",
    "outbox_counts",
]

DELIVERIES = "alert_deliveries"
NOTICES = "alert_notices"
_TABLES = (DELIVERIES, NOTICES)

_COLUMNS = (
    "id, rule, article_id, channel, status, matched, digest, created_at, next_attempt_at,"
    " attempts, last_error, delivered_at, claimed_at"
)


def ensure_outbox_schema(db: sqlite_utils.Database) -> None:
    """Create ``alert_deliveries``, ``alert_notices`` and their indexes if missing (idempotent; call inside a transaction)."""
    # Added later than alert_deliveries: created on its own for older databases.
    db.execute(
        "CREATE TABLE IF NOT EXISTS alert_notices ("
        " id INTEGER PRIMARY KEY,"
        " kind TEXT NOT NULL,"  # site_unhealthy | site_recovered
        " channel TEXT NOT NULL,"  # channel name from config.yaml
        " payload TEXT NOT NULL,"  # JSON: site, reasons, at
        " status TEXT NOT NULL DEFAULT 'pending',"  # pending | sending | sent
        " created_at TEXT NOT NULL,"
        " next_attempt_at TEXT NOT NULL,"
        " attempts INTEGER NOT NULL DEFAULT 0,"
        " last_error TEXT, delivered_at TEXT, claimed_at TEXT)"
    )
    db.execute("CREATE INDEX IF NOT EXISTS idx_alert_notices_status ON alert_notices (status, next_attempt_at)")
    if "alert_deliveries" in db.table_names():
        return
    db.table("alert_deliveries").create(
        {
            "id": int,
            "rule": str,  # rule name from config.yaml
            "article_id": int,  # articles.id (the story, whichever copy came first)
            "channel": str,  # channel name from config.yaml
            "status": str,  # pending | sending | sent
            "matched": str,  # JSON list of the terms that hit
            "digest": str,  # the rule's digest period when matched (NULL: deliver at once)
            "created_at": str,  # UTC, when the story matched
            "next_attempt_at": str,  # UTC, not sent before this (digest time or retry backoff)
            "attempts": int,
            "last_error": str,  # one sentence, secrets removed
            "delivered_at": str,  # UTC, when the channel accepted it
            "claimed_at": str,  # UTC, when a sender took it (status sending)
        },
        pk="id",
        not_null={"rule", "article_id", "channel", "status", "created_at", "next_attempt_at"},
        defaults={"status": "pending", "attempts": 0},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("alert_deliveries").create_index(["rule", "article_id", "channel"], unique=True)
    db.table("alert_deliveries").create_index(["status", "next_attempt_at"])


def add_deliveries(db: Handle, rows: Iterable[dict[str, Any]]) -> int:
    """Insert outbox rows, ignoring any (rule, article_id, channel) already there; return how many were new.

    Each row needs ``rule, article_id, channel, matched (list), created_at,
    next_attempt_at`` and may have ``digest``. Runs in the caller's
    transaction (the new-story hook's), so it neither commits nor rolls back.
    """
    added = 0
    if isinstance(db, PgDatabase):
        for row in rows:
            added += pg_execute(
                db, "INSERT INTO alert_deliveries (rule, article_id, channel, status, matched, digest, created_at,"
                " next_attempt_at, attempts) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING",
                [row["rule"], row["article_id"], row["channel"], json.dumps(list(row.get("matched") or []),
                 ensure_ascii=False), row.get("digest"), row["created_at"], row["next_attempt_at"]])[2]
        return added
    for row in rows:
        cursor = db.execute(
            "INSERT OR IGNORE INTO alert_deliveries (rule, article_id, channel, status, matched, digest,"
            " created_at, next_attempt_at, attempts) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, 0)",
            [row["rule"], row["article_id"], row["channel"], json.dumps(list(row.get("matched") or []),
             ensure_ascii=False), row.get("digest"), row["created_at"], row["next_attempt_at"]],
        )
        added += cursor.rowcount
    return added


def _select(db: Handle, sql: str, params: Sequence[Any]) -> tuple[list[str], list[Any]]:
    if isinstance(db, PgDatabase):
        names, rows, _ = pg_execute(db, sql, params)
        return names, rows
    cursor = db.execute(sql, list(params))
    return [d[0] for d in cursor.description], cursor.fetchall()


def _rows(db: Handle, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    names, found = _select(db, sql, params)
    out = []
    for values in found:
        row = dict(zip(names, values))
        if "matched" in row:
            row["matched"] = json.loads(row["matched"] or "[]")
        out.append(row)
    return out


def due_deliveries(db: Handle, now: str, *, ignore_backoff: bool = False) -> list[dict[str, Any]]:
    """Pending rows to send now, oldest first, plus every pending row of a digest that is due.

    With ``ignore_backoff`` rows waiting for a retry are due at once (digests
    still wait for their time, unless a send of them already failed).
    """
    where = "next_attempt_at <= ?"
    if ignore_backoff:
        where += " OR digest IS NULL OR attempts > 0"
    due = _rows(db, f"SELECT {_COLUMNS} FROM alert_deliveries WHERE status = 'pending' AND ({where})"
                " ORDER BY id", [now])
    groups = {(r["rule"], r["channel"]) for r in due if r["digest"]}
    if groups:
        # A digest goes out as one message listing every story collected so far.
        seen = {r["id"] for r in due}
        for rule, channel in sorted(groups):
            for row in _rows(db, f"SELECT {_COLUMNS} FROM alert_deliveries WHERE status = 'pending'"
                             " AND rule = ? AND channel = ? AND digest IS NOT NULL ORDER BY id", [rule, channel]):
                if row["id"] not in seen:
                    due.append(row)
                    seen.add(row["id"])
    return due


def _table(table: str) -> str:
    if table not in _TABLES:
        raise ValueError(f"{table!r} is not an outbox table")
    return table


def claim_deliveries(db: Handle, ids: Sequence[int], now: str, *, table: str = DELIVERIES) -> list[int]:
    """Move ``ids`` from pending to sending; return those this caller got (another sender may have taken some).

    On PostgreSQL the rows are locked with ``FOR UPDATE SKIP LOCKED`` first: a
    row another sender is claiming at this instant is skipped, not waited for,
    and the ``status = 'pending'`` check after the lock means a row already
    claimed (and committed) by another sender is never taken twice.
    """
    claimed = []
    if isinstance(db, PgDatabase):
        _, rows, _ = pg_execute(
            db, f"UPDATE {_table(table)} SET status = 'sending', claimed_at = ? WHERE id IN ("
            f"SELECT id FROM {_table(table)} WHERE id = ANY(?) AND status = 'pending' ORDER BY id"
            " FOR UPDATE SKIP LOCKED) RETURNING id", [now, list(ids)])
        got = {int(r[0]) for r in rows}
        return [i for i in ids if i in got]
    with db.conn:
        for delivery_id in ids:
            cursor = db.execute(
                f"UPDATE {_table(table)} SET status = 'sending', claimed_at = ? WHERE id = ? AND status = 'pending'",
                [now, delivery_id],
            )
            if cursor.rowcount:
                claimed.append(delivery_id)
    return claimed


def mark_sent(db: Handle, ids: Sequence[int], now: str, *, table: str = DELIVERIES) -> None:
    """Record that the channel accepted ``ids``."""
    if isinstance(db, PgDatabase):
        pg_execute(db, f"UPDATE {_table(table)} SET status = 'sent', delivered_at = ?, attempts = attempts + 1,"
                   " last_error = NULL, claimed_at = NULL WHERE id = ANY(?)", [now, list(ids)])
        return
    with db.conn:
        db.conn.executemany(
            f"UPDATE {_table(table)} SET status = 'sent', delivered_at = ?, attempts = attempts + 1,"
            " last_error = NULL, claimed_at = NULL WHERE id = ?",
            [(now, i) for i in ids],
        )


def mark_failed(db: Handle, ids: Sequence[int], error: str, next_attempt_at: str,
                *, count_attempt: bool = True, table: str = DELIVERIES) -> None:
    """Put ``ids`` back to pending with ``error`` and the time of the next try."""
    if isinstance(db, PgDatabase):
        pg_execute(db, f"UPDATE {_table(table)} SET status = 'pending', last_error = ?, next_attempt_at = ?,"
                   f" attempts = attempts + {1 if count_attempt else 0}, claimed_at = NULL WHERE id = ANY(?)",
                   [error, next_attempt_at, list(ids)])
        return
    with db.conn:
        db.conn.executemany(
            f"UPDATE {_table(table)} SET status = 'pending', last_error = ?, next_attempt_at = ?,"
            f" attempts = attempts + {1 if count_attempt else 0}, claimed_at = NULL WHERE id = ?",
            [(error, next_attempt_at, i) for i in ids],
        )


def release_claims(db: Handle, ids: Sequence[int], *, table: str = DELIVERIES) -> None:
    """Give ``ids`` back (sending -> pending) untouched: the attempt was cancelled, not failed."""
    if isinstance(db, PgDatabase):
        pg_execute(db, f"UPDATE {_table(table)} SET status = 'pending', claimed_at = NULL"
                   " WHERE id = ANY(?) AND status = 'sending'", [list(ids)])
        return
    with db.conn:
        db.conn.executemany(
            f"UPDATE {_table(table)} SET status = 'pending', claimed_at = NULL WHERE id = ? AND status = 'sending'",
            [(i,) for i in ids],
        )


def database_id(db: Handle) -> str:
    """This database's UUID (``newsmon_meta.database_id``), created on first use.

    Part of every alert's Idempotency-Key, so two databases (or one database
    recreated after a reset) never send the same key for different stories.
    """
    if isinstance(db, PgDatabase):
        pg_execute(db, "INSERT INTO newsmon_meta (key, value) VALUES ('database_id', ?) ON CONFLICT DO NOTHING",
                   [str(uuid.uuid4())])
        return str(pg_execute(db, "SELECT value FROM newsmon_meta WHERE key = 'database_id'")[1][0][0])
    row = db.execute("SELECT value FROM newsmon_meta WHERE key = 'database_id'").fetchone()
    if row is not None:
        return str(row[0])
    with db.conn:
        db.execute("INSERT OR IGNORE INTO newsmon_meta (key, value) VALUES ('database_id', ?)", [str(uuid.uuid4())])
    return str(db.execute("SELECT value FROM newsmon_meta WHERE key = 'database_id'").fetchone()[0])


_BREAKER_KEY = "breaker:"  # newsmon_meta key prefix: one row per channel whose circuit is open


def save_breaker(db: Handle, channel: str, open_until: Optional[str], opened: int = 0) -> None:
    """Record that ``channel``'s circuit is open until ``open_until`` (UTC ISO), or closed (``None``).

    Kept in ``newsmon_meta`` (key ``breaker:<channel>``) so every process that sends (the daemon,
    ``newsmon crawl``, ``newsmon alerts send``) holds a channel another one found down, instead
    of each spending a timeout on it first.
    """
    key = _BREAKER_KEY + channel
    value = json.dumps({"open_until": open_until, "opened": opened})
    if isinstance(db, PgDatabase):
        if open_until is None:
            pg_execute(db, "DELETE FROM newsmon_meta WHERE key = ?", [key])
        else:
            pg_execute(db, "INSERT INTO newsmon_meta (key, value) VALUES (?, ?)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])
        return
    with db.conn:
        if open_until is None:
            db.execute("DELETE FROM newsmon_meta WHERE key = ?", [key])
        else:
            db.execute("INSERT INTO newsmon_meta (key, value) VALUES (?, ?)"
                       " ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])


def load_breakers(db: Handle) -> dict[str, tuple[str, int]]:
    """Every channel recorded open by :func:`save_breaker`: ``{channel: (open_until, times opened)}``."""
    # The pattern as a parameter: a literal % in the SQL text is a placeholder error for psycopg.
    sql, pattern = "SELECT key, value FROM newsmon_meta WHERE key LIKE ?", [_BREAKER_KEY + "%"]
    rows = pg_execute(db, sql, pattern)[1] if isinstance(db, PgDatabase) else db.execute(sql, pattern).fetchall()
    found: dict[str, tuple[str, int]] = {}
    for key, value in rows:
        try:
            state = json.loads(value)
            found[key[len(_BREAKER_KEY):]] = (str(state["open_until"]), int(state.get("opened") or 1))
        except (ValueError, KeyError, TypeError):
            continue  # a row this version cannot read: the circuit counts as closed
    return found


def release_stale_claims(db: Handle, older_than: str) -> int:
    """Return rows (of both outbox tables) claimed before ``older_than`` (their sender died) to pending; return how many."""
    released = 0
    if isinstance(db, PgDatabase):
        for table in _TABLES:
            released += pg_execute(db, f"UPDATE {table} SET status = 'pending', claimed_at = NULL"
                                   " WHERE status = 'sending' AND claimed_at < ?", [older_than])[2]
        return released
    for table in _TABLES:
        # Read first: this runs on every poll of a sender, and a write would take the write lock.
        stale = db.execute(
            f"SELECT 1 FROM {table} WHERE status = 'sending' AND claimed_at < ? LIMIT 1", [older_than]
        ).fetchone()
        if stale is None:
            continue
        with db.conn:
            cursor = db.execute(
                f"UPDATE {table} SET status = 'pending', claimed_at = NULL"
                " WHERE status = 'sending' AND claimed_at < ?",
                [older_than],
            )
        released += cursor.rowcount
    return released


_NOTICE_COLUMNS = "id, kind, channel, payload, status, created_at, next_attempt_at, attempts, last_error, delivered_at"


def add_notices(db: Handle, kind: str, channels: Sequence[str], payload: dict[str, Any],
                now: str) -> list[int]:
    """Queue one operator notice per channel (committed at once); return the new row ids."""
    ids = []
    if isinstance(db, PgDatabase):
        with db.transaction() as tx:
            for channel in channels:
                ids.append(int(pg_execute(
                    tx, "INSERT INTO alert_notices (kind, channel, payload, status, created_at, next_attempt_at,"
                    " attempts) VALUES (?, ?, ?, 'pending', ?, ?, 0) RETURNING id",
                    [kind, channel, json.dumps(payload, ensure_ascii=False), now, now])[1][0][0]))
        return ids
    with db.conn:
        for channel in channels:
            cursor = db.execute(
                "INSERT INTO alert_notices (kind, channel, payload, status, created_at, next_attempt_at, attempts)"
                " VALUES (?, ?, ?, 'pending', ?, ?, 0)",
                [kind, channel, json.dumps(payload, ensure_ascii=False), now, now],
            )
            ids.append(int(cursor.lastrowid or 0))
    return ids


def _notice_rows(db: Handle, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    names, found = _select(db, sql, params)
    rows = [dict(zip(names, values)) for values in found]
    for row in rows:
        row["payload"] = json.loads(row["payload"] or "{}")
    return rows


def due_notices(db: Handle, now: str, *, ignore_backoff: bool = False) -> list[dict[str, Any]]:
    """Pending notices to send now, oldest first."""
    where = "" if ignore_backoff else " AND next_attempt_at <= ?"
    return _notice_rows(db, f"SELECT {_NOTICE_COLUMNS} FROM alert_notices WHERE status = 'pending'{where}"
                        " ORDER BY id", [] if ignore_backoff else [now])


def list_notices(db: Handle, *, limit: int = 50) -> list[dict[str, Any]]:
    """Operator notices, newest first."""
    return _notice_rows(db, f"SELECT {_NOTICE_COLUMNS} FROM alert_notices ORDER BY id DESC LIMIT ?", [limit])


def next_due_at(db: Handle) -> Optional[str]:
    """The earliest ``next_attempt_at`` of a pending row, or None when nothing waits."""
    _, rows = _select(db, "SELECT min(next_attempt_at) FROM alert_deliveries WHERE status = 'pending'", [])
    return rows[0][0] if rows else None


def next_send_at(db: Handle) -> Any:
    """The earliest ``next_attempt_at`` of a pending alert or notice (as stored), or None when nothing waits.

    An idle sender sleeps until then (or until it is woken) instead of polling.
    """
    earliest = [value for table in (DELIVERIES, NOTICES)
                for value in [_select(db, f"SELECT min(next_attempt_at) FROM {table} WHERE status = 'pending'",
                                      [])[1][0][0]]
                if value is not None]
    return min(earliest) if earliest else None


def list_deliveries(
    db: Handle,
    *,
    rule: Optional[str] = None,
    status: Optional[str] = None,
    article_id: Optional[int] = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Outbox rows, newest first, with the story's title, site and url."""
    where, params = [], []
    for column, value in (("d.rule", rule), ("d.status", status), ("d.article_id", article_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = (
        "SELECT d.id, d.rule, d.article_id, d.channel, d.status, d.matched, d.digest, d.created_at,"
        " d.next_attempt_at, d.attempts, d.last_error, d.delivered_at, a.title, a.site, a.url"
        " FROM alert_deliveries d JOIN articles a ON a.id = d.article_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.id DESC LIMIT ?"
    )
    return _rows(db, sql, [*params, limit])


def outbox_counts(db: Handle, *, table: str = DELIVERIES) -> dict[str, int]:
    """Number of rows per status."""
    _, rows = _select(db, f"SELECT status, count(*) FROM {_table(table)} GROUP BY status", [])
    return {status: int(n) for status, n in rows}
