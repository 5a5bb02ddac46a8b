"""The full-text indexes of the stories (SQLite): every write to them goes through here.

Two FTS5 indexes hold the same CJK-bigram rewrite of title and body (db/cjk.py),
both contentless (the text lives in ``articles``; rowid = ``articles.id``):

* ``articles_fts``: every story in one index. Newest-first search walks it in
  rowid order, counts read it, and users query it by name (``newsmon sql``, the
  web UI's SQL pages), so it stays one table.
* ``articles_rank_<k>``: the same entries again, one table per block of
  :data:`RANK_BLOCK` ids (block ``k`` holds ids ``k * RANK_BLOCK`` ..
  ``(k + 1) * RANK_BLOCK - 1``) plus a lead-in: the first :data:`RANK_LEAD` ids of
  the next block are in both tables. Relevance ranks inside these. FTS5's bm25 counts,
  once per statement, every document of every query phrase over the *whole*
  table it runs on (its IDF), whatever the statement's LIMIT or rowid range: on
  one table of a million stories a common word's count alone costs ~10 ms and a
  phrase's several times more, and it grows with the database. Ranked inside a
  block, the count covers at most :data:`RANK_BLOCK` stories at any size. Python's
  sqlite3 cannot register an FTS5 ranking function that could count less, hence
  the second copy; it costs about as much disk as ``articles_fts`` (measured in
  docs/benchmarks.md, "Relevance ranked in id blocks").

Each id is *ranked* in one table: table ``k`` ranks ids ``k * RANK_BLOCK + RANK_LEAD``
.. ``(k + 1) * RANK_BLOCK + RANK_LEAD - 1`` (table 0 from id 0), so the table that ranks
the newest stories always holds at least RANK_LEAD stories. Without the lead-in the
block just begun would hold a handful, and bm25's IDF over a handful is noise (a word
in three of four stories counts for nothing), which would put the newest stories below
older ones. Scores of stories ranked in two tables are compared as they are: the IDFs of
two samples of 20,000+ stories of one database differ little, except for a phrase in
about half of the stories, which bm25 counts as nothing in a table where it is in more
than half (FTS5 floors a negative IDF) and as a little in one where it is in fewer: the
agreement with one whole-index ranking is measured in docs/benchmarks.md.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Callable, Iterable, Iterator

__all__ = ["FTS_TABLE", "RANK_BLOCK", "RANK_LEAD", "RANK_PREFIX", "block_of", "create_fts", "index_story", "rank_blocks",
           "rank_table", "ranking_current", "ranking_tables", "rebuild_indexes", "unindex_story"]

RANK_BLOCK = 100_000  # ids ranked per ranking table: bm25's per-statement count covers at most this + RANK_LEAD
RANK_LEAD = 20_000  # ids of the next block a ranking table holds too (the cost: 20% more ranking entries)
RANK_PREFIX = "articles_rank_"
_LAYOUT = f"{RANK_BLOCK}+{RANK_LEAD}"  # newsmon_meta 'rank_block': the layout the ranking tables were built in

# prefix='1': an index of every token's first character, so a one-character query (`"氪" *`, every bigram
# starting with 氪) reads one list instead of merging hundreds (issue 12: fast at a million stories).
_OPTIONS = "title, body, content='', prefix='1', tokenize='unicode61 remove_diacritics 2'"
FTS_TABLE = f"CREATE VIRTUAL TABLE articles_fts USING fts5({_OPTIONS})"
_RANK_NAME = re.compile(re.escape(RANK_PREFIX) + r"(\d+)")


def block_of(article_id: int) -> int:
    """The ranking block a story's id falls in."""
    return article_id // RANK_BLOCK


def rank_table(block: int) -> str:
    return f"{RANK_PREFIX}{block}"


def create_fts(conn: sqlite3.Connection) -> None:
    """The (empty) index ``articles_fts`` of a new database; ranking tables are made as their first story arrives."""
    conn.execute(FTS_TABLE)
    conn.execute("INSERT OR REPLACE INTO newsmon_meta (key, value) VALUES ('rank_block', ?)", [_LAYOUT])


def rank_blocks(conn: sqlite3.Connection) -> list[int]:
    """The ranking blocks present, lowest first."""
    # GLOB, not LIKE: LIKE's _ is a wildcard. The shadow tables (articles_rank_0_data, ...) fail the fullmatch.
    names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB ?",
                         [RANK_PREFIX + "*"]).fetchall()
    return sorted(int(m.group(1)) for (name,) in names if (m := _RANK_NAME.fullmatch(name)))


def _tables_of(article_id: int) -> list[str]:
    """The ranking tables that hold a story: its block's, and the block before's for a lead-in id."""
    block = block_of(article_id)
    if block and article_id % RANK_BLOCK < RANK_LEAD:
        return [rank_table(block), rank_table(block - 1)]
    return [rank_table(block)]


def _insert_rank(conn: sqlite3.Connection, article_id: int, title: str, body: str) -> None:
    for table in _tables_of(article_id):
        sql = f"INSERT INTO {table}(rowid, title, body) VALUES (?, ?, ?)"
        try:
            conn.execute(sql, [article_id, title, body])
        except sqlite3.OperationalError as exc:  # the block's first story: make its table (once per RANK_BLOCK ids)
            if "no such table" not in str(exc):
                raise
            conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5({_OPTIONS})")
            conn.execute(sql, [article_id, title, body])


def index_story(conn: sqlite3.Connection, article_id: int, title: str, body: str) -> None:
    """Index one story in both indexes; ``title`` and ``body`` are ``db.cjk.index_text`` of the stored text."""
    conn.execute("INSERT INTO articles_fts(rowid, title, body) VALUES (?, ?, ?)", [article_id, title, body])
    _insert_rank(conn, article_id, title, body)


def unindex_story(conn: sqlite3.Connection, article_id: int, title: str, body: str) -> None:
    """Remove a story from both indexes, given back the values it was indexed with (contentless FTS5)."""
    conn.execute("INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                 [article_id, title, body])
    for table in _tables_of(article_id):
        try:
            conn.execute(f"INSERT INTO {table}({table}, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                         [article_id, title, body])
        except sqlite3.OperationalError as exc:
            if "no such table" not in str(exc):  # no ranking table: the story was indexed before they existed
                raise


def rebuild_indexes(conn: sqlite3.Connection, rows: Callable[[], Iterable[tuple[int, str, str]]], *,
                    rank_only: bool = False) -> None:
    """Drop and refill the indexes from the (id, index_text(title), index_text(body)) rows ``rows()`` streams
    (called after the drops: SQLite cannot drop a table while a statement reads the database).

    Recreated, not emptied: a table's options (the prefix index) may have changed too. ``rank_only``
    builds just the ranking tables (a database from before they existed: ``articles_fts`` is current).
    The caller holds the transaction.
    """
    if not rank_only:
        conn.execute("DROP TABLE IF EXISTS articles_fts")
        conn.execute(FTS_TABLE)
    for block in rank_blocks(conn):
        conn.execute(f"DROP TABLE IF EXISTS {rank_table(block)}")
    for article_id, title, body in rows():
        (_insert_rank if rank_only else index_story)(conn, article_id, title, body)
    conn.execute("INSERT OR REPLACE INTO newsmon_meta (key, value) VALUES ('rank_block', ?)", [_LAYOUT])


def ranking_current(conn: sqlite3.Connection) -> bool:
    """Whether the ranking tables hold every story in blocks of RANK_BLOCK (False: a database from before them,
    opened read-only or not yet upgraded; its relevance is ranked in ``articles_fts``)."""
    row = conn.execute("SELECT value FROM newsmon_meta WHERE key = 'rank_block'").fetchone()
    return row is not None and row[0] == _LAYOUT


def ranking_tables(conn: sqlite3.Connection, low: int, high: int) -> Iterator[tuple[str, int, int]]:
    """(table, first id, last id) to rank the ids in [low, high] in, newest first: the ranking blocks that hold
    any of them, or ``articles_fts`` whole where the blocks are not current."""
    if not ranking_current(conn):
        yield "articles_fts", low, high
        return
    for block in reversed(rank_blocks(conn)):
        first = block * RANK_BLOCK + RANK_LEAD if block else 0
        first, last = max(low, first), min(high, (block + 1) * RANK_BLOCK + RANK_LEAD - 1)
        if first <= last:
            yield rank_table(block), first, last
