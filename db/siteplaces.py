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
* ``read_with``: the place (config's or pages', "" for none) the site's stored stories were last read with; a crawl
  or ``newsmon reextract --facts`` finding the site's place changed (the config's ``place:`` edited, ``learn_place``
  turned off) marks them stale and re-reads them, as a change read from the pages does. NULL: not known yet (a
  database from before migration 8), taken as the current place.

``list_page_places`` keeps what each first list page (a start URL) said when it was last read (``reading``: a place,
"" for an owner that is no one city's or county's, NULL for none named), so that a page answering 304 Not Modified
still counts with what it said.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Optional

from .handle import Handle, PgDatabase, pg_execute
from .schema import write_lock

__all__ = ["SitePlaceRow", "change_site_place", "finish_reread", "load_list_page_readings", "load_site_place",
           "load_read_with", "load_site_place_rows", "load_site_places", "note_site_home", "save_list_page_readings"]

_COLUMNS = "place, title, pending, pending_crawls, reread, read_with"


@dataclass(frozen=True)
class SitePlaceRow:
    """One site's row (see the module's docstring)."""

    place: Optional[str] = None
    title: str = ""
    pending: Optional[str] = None
    pending_crawls: int = 0
    reread: bool = False
    read_with: Optional[str] = None


def _row(found: list[tuple[Any, ...]]) -> Optional[SitePlaceRow]:
    if not found:
        return None
    place, title, pending, crawls, reread, read_with = found[0]
    return SitePlaceRow(None if place is None else str(place), str(title or ""), None if pending is None else str(pending),
                        int(crawls or 0), bool(reread), None if read_with is None else str(read_with))


def _columns(db: Handle) -> str:
    """:data:`_COLUMNS` as this database has them: a file opened read-only before migration 8 has no ``read_with``
    (NULL: not known)."""
    if isinstance(db, PgDatabase) or "read_with" in db["site_places"].columns_dict:
        return _COLUMNS
    return _COLUMNS.replace("read_with", "NULL AS read_with")


def load_site_place(db: Handle, site: str) -> Optional[SitePlaceRow]:
    """``site``'s row, or None when no crawl has read its pages yet (or the file predates the table, read-only)."""
    if isinstance(db, PgDatabase):
        return _row(pg_execute(db, f"SELECT {_COLUMNS} FROM site_places WHERE site = ?", [site])[1])
    if "site_places" not in db.table_names():
        return None
    return _row(db.execute(f"SELECT {_columns(db)} FROM site_places WHERE site = ?", [site]).fetchall())


def load_site_place_rows(db: Handle) -> dict[str, SitePlaceRow]:
    """Every site's row, by site name (empty when the file predates the table, read-only)."""
    if isinstance(db, PgDatabase):
        rows = pg_execute(db, f"SELECT site, {_COLUMNS} FROM site_places")[1]
    elif "site_places" not in db.table_names():
        return {}
    else:
        rows = db.execute(f"SELECT site, {_columns(db)} FROM site_places").fetchall()
    return {str(row[0]): row_ for row in rows if (row_ := _row([tuple(row[1:])])) is not None}


def load_read_with(db: Handle) -> dict[str, str]:
    """The place each site's stored stories were last read with (``read_with``; its pages' place where that is not
    known yet, "" for none), by site name: how a story's copies' sites are read when the config names no place
    (facts/refresh.py)."""
    return {site: row.read_with if row.read_with is not None else row.place or ""
            for site, row in load_site_place_rows(db).items()}


def load_site_places(db: Handle) -> dict[str, str]:
    """Every site's place read from its pages, by site name; sites whose pages name no one place (or none yet) are left
    out."""
    return {site: row.place for site, row in load_site_place_rows(db).items() if row.place}


def change_site_place(db: Handle, site: str, change: Callable[[Optional[SitePlaceRow]], SitePlaceRow],
                      now: str) -> tuple[Optional[SitePlaceRow], SitePlaceRow]:
    """Replace ``site``'s row by ``change(row)`` in one transaction holding the row; ``(before, after)``.

    When ``change`` sets ``reread`` anew (or with another place), the facts of the site's stored stories, and of those it
    carried as another copy that name no city (its place may tell theirs, facts/copies.py), are marked stale in the
    same transaction (version 0), so that a crawl killed before it re-read them leaves them to the next
    (and to ``newsmon reextract --facts --stale``)."""
    select = f"SELECT {_COLUMNS} FROM site_places WHERE site = ?"
    upsert = ("INSERT INTO site_places (site, place, title, pending, pending_crawls, reread, read_with, updated_at)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site) DO UPDATE SET place = excluded.place,"
              " title = excluded.title, pending = excluded.pending, pending_crawls = excluded.pending_crawls,"
              " reread = excluded.reread, read_with = excluded.read_with, updated_at = excluded.updated_at")
    # Every story has a source row for each site it was seen at (its primary's too): article_sources(site, article_id).
    # Of the stories the site carried as another copy, only those with no city: its place can tell nothing else.
    stale = ("UPDATE article_facts SET version = 0 WHERE article_id IN (SELECT article_id FROM article_sources WHERE"
             " site = ?) AND (coalesce(city, '') = '' OR article_id IN (SELECT id FROM articles WHERE site = ?))")
    if isinstance(db, PgDatabase):
        with db.transaction() as tx:
            # The row first (an advisory lock would do too): FOR UPDATE then holds it against a second crawl's change.
            pg_execute(tx, "INSERT INTO site_places (site, updated_at) VALUES (?, ?) ON CONFLICT (site) DO NOTHING",
                       [site, now])
            before = _row(pg_execute(tx, select + " FOR UPDATE", [site])[1])
            before = None if before == SitePlaceRow() else before  # the row just inserted: none before
            after = change(before)
            pg_execute(tx, upsert, [site, after.place, after.title, after.pending, after.pending_crawls,
                                    int(after.reread), after.read_with, now])
            if _marks_stale(before, after):
                pg_execute(tx, stale, [site, site])
        return before, after
    with write_lock(db):
        before = _row(db.execute(select, [site]).fetchall())
        after = change(before)
        db.execute(upsert, [site, after.place, after.title, after.pending, after.pending_crawls, int(after.reread),
                            after.read_with, now])
        if _marks_stale(before, after):
            db.execute(stale, [site, site])
    return before, after


def _marks_stale(before: Optional[SitePlaceRow], after: SitePlaceRow) -> bool:
    # A re-read under way is begun again when the place it reads with changes (stories it did are stale again).
    return after.reread and (before is None or not before.reread or before.place != after.place
                             or before.read_with != after.read_with)


def note_site_home(db: Handle, site: str, home: str, now: str) -> bool:
    """Note that ``site``'s stories are now read with ``home`` (its place, "" for none; ``site_home``); when its
    stored stories were read with another (``read_with``), mark their facts stale and the site ``reread``, in one
    transaction. True while the site's stored stories are still to be re-read (``reread``)."""

    def change(row: Optional[SitePlaceRow]) -> SitePlaceRow:
        row = row or SitePlaceRow()
        if row.read_with is None or row.read_with == home:  # NULL: not known (an older file), taken as the same
            return replace(row, read_with=home)
        return replace(row, read_with=home, reread=True)

    row = load_site_place(db, site)
    if row is not None and row.read_with == home:
        return row.reread  # the usual crawl: no write
    return change_site_place(db, site, change, now)[1].reread


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
