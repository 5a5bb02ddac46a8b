"""What each site's list pages say of its place (``site_places``), for the facts of stories that name no city.

How a page's place is read and when a site's place changes is decided in ``crawler/siteplace.py``; this module
keeps one row per site and changes it in one transaction (two crawls of a site ending at once never undo each
other's step):

* ``place``: the place the site's stories are read as reporting on (``靖边县``); "" when its pages name no one place;
  NULL before any crawl decided.
* ``pending`` and ``pending_crawls``: a different reading, and how many crawls in a row gave it (a place changes only
  once several agree).
* ``reread``: 1 while stories stored before the place last changed may still carry facts read with the old one.
* ``title``: the title of the page that last decided.

``list_page_places`` keeps what each first list page (a start URL) said when it was last read (``reading``: a place,
"" for an owner that is no one city's or county's, NULL for none named), so that a page answering 304 Not Modified
still counts with what it said.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Optional

from .handle import Handle, PgDatabase, pg_execute
from .schema import write_lock

__all__ = ["SitePlaceRow", "change_site_place", "finish_reread", "load_list_page_readings", "load_site_place",
           "load_site_places", "save_list_page_readings", "sites_rereading"]

_COLUMNS = "place, title, pending, pending_crawls, reread"


@dataclass(frozen=True)
class SitePlaceRow:
    """One site's row (see the module's docstring)."""

    place: Optional[str] = None
    title: str = ""
    pending: Optional[str] = None
    pending_crawls: int = 0
    reread: bool = False


def _row(found: list[tuple[Any, ...]]) -> Optional[SitePlaceRow]:
    if not found:
        return None
    place, title, pending, crawls, reread = found[0]
    return SitePlaceRow(None if place is None else str(place), str(title or ""), None if pending is None else str(pending),
                        int(crawls or 0), bool(reread))


def load_site_place(db: Handle, site: str) -> Optional[SitePlaceRow]:
    """``site``'s row, or None when no crawl has read its pages yet (or the file predates the table, read-only)."""
    sql = f"SELECT {_COLUMNS} FROM site_places WHERE site = ?"
    if isinstance(db, PgDatabase):
        return _row(pg_execute(db, sql, [site])[1])
    if "site_places" not in db.table_names():
        return None
    return _row(db.execute(sql, [site]).fetchall())


def sites_rereading(db: Handle) -> set[str]:
    """The sites whose stored stories are still being re-read with a new place (``reread``)."""
    sql = "SELECT site FROM site_places WHERE reread = 1"
    if isinstance(db, PgDatabase):
        return {str(row[0]) for row in pg_execute(db, sql)[1]}
    if "site_places" not in db.table_names():
        return set()
    return {str(row[0]) for row in db.execute(sql).fetchall()}


def load_site_places(db: Handle) -> dict[str, str]:
    """Every site's place, by site name; sites whose pages name no one place (or none yet) are left out."""
    sql = "SELECT site, place FROM site_places WHERE place <> ''"
    if isinstance(db, PgDatabase):
        rows = pg_execute(db, sql)[1]
    elif "site_places" not in db.table_names():
        return {}
    else:
        rows = db.execute(sql).fetchall()
    return {str(site): str(place) for site, place in rows}


def change_site_place(db: Handle, site: str, change: Callable[[Optional[SitePlaceRow]], SitePlaceRow],
                      now: str) -> tuple[Optional[SitePlaceRow], SitePlaceRow]:
    """Replace ``site``'s row by ``change(row)`` in one transaction holding the row; ``(before, after)``.

    When ``change`` sets ``reread`` anew (or with another place), the facts of the site's stored stories are marked
    stale in the same transaction (version 0), so that a crawl killed before it re-read them leaves them to the next
    (and to ``newsmon reextract --facts --stale``)."""
    select = f"SELECT {_COLUMNS} FROM site_places WHERE site = ?"
    upsert = ("INSERT INTO site_places (site, place, title, pending, pending_crawls, reread, updated_at)"
              " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site) DO UPDATE SET place = excluded.place,"
              " title = excluded.title, pending = excluded.pending, pending_crawls = excluded.pending_crawls,"
              " reread = excluded.reread, updated_at = excluded.updated_at")
    stale = ("UPDATE article_facts SET version = 0 WHERE article_id IN (SELECT id FROM articles WHERE site = ?)")
    if isinstance(db, PgDatabase):
        with db.transaction() as tx:
            # The row first (an advisory lock would do too): FOR UPDATE then holds it against a second crawl's change.
            pg_execute(tx, "INSERT INTO site_places (site, updated_at) VALUES (?, ?) ON CONFLICT (site) DO NOTHING",
                       [site, now])
            before = _row(pg_execute(tx, select + " FOR UPDATE", [site])[1])
            before = None if before is not None and before.place is None and not before.pending else before
            after = change(before)
            pg_execute(tx, upsert, [site, after.place, after.title, after.pending, after.pending_crawls,
                                    int(after.reread), now])
            if _marks_stale(before, after):
                pg_execute(tx, stale, [site])
        return before, after
    with write_lock(db):
        before = _row(db.execute(select, [site]).fetchall())
        after = change(before)
        db.execute(upsert, [site, after.place, after.title, after.pending, after.pending_crawls, int(after.reread), now])
        if _marks_stale(before, after):
            db.execute(stale, [site])
    return before, after


def _marks_stale(before: Optional[SitePlaceRow], after: SitePlaceRow) -> bool:
    return after.reread and (before is None or not before.reread or before.place != after.place)


def finish_reread(db: Handle, site: str) -> None:
    """Clear ``site``'s ``reread`` mark: its stored stories' facts are read with its place."""
    sql = "UPDATE site_places SET reread = 0 WHERE site = ?"
    if isinstance(db, PgDatabase):
        pg_execute(db, sql, [site])
        return
    with write_lock(db):
        db.execute(sql, [site])


def save_list_page_readings(db: Handle, site: str, readings: dict[str, tuple[Optional[str], str]], now: str) -> None:
    """Keep what each of ``site``'s list pages said (``{url: (reading, title)}``), replacing what they said before."""
    sql = ("INSERT INTO list_page_places (url, site, reading, title, updated_at) VALUES (?, ?, ?, ?, ?)"
           " ON CONFLICT (url) DO UPDATE SET site = excluded.site, reading = excluded.reading, title = excluded.title,"
           " updated_at = excluded.updated_at")
    rows = [(url, site, reading, title[:200], now) for url, (reading, title) in sorted(readings.items())]
    if not rows:
        return
    if isinstance(db, PgDatabase):
        pg_execute(db, sql, many=rows)
        return
    with write_lock(db):
        db.conn.executemany(sql, rows)


def load_list_page_readings(db: Handle, site: str, urls: list[str]) -> dict[str, tuple[Optional[str], str]]:
    """What each of ``urls`` (``site``'s list pages) said when last read, ``{url: (reading, title)}``; pages never read
    are left out."""
    if not urls:
        return {}
    marks = ", ".join("?" for _ in urls)
    sql = f"SELECT url, reading, title FROM list_page_places WHERE site = ? AND url IN ({marks})"
    if isinstance(db, PgDatabase):
        rows = pg_execute(db, sql, [site, *urls])[1]
    elif "list_page_places" not in db.table_names():
        return {}
    else:
        rows = db.execute(sql, [site, *urls]).fetchall()
    return {str(url): (None if reading is None else str(reading), str(title or "")) for url, reading, title in rows}
