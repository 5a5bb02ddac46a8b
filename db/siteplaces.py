"""The place each site's list page titles named (``site_places``), for the facts of stories that name no city.

What a title names is decided in ``crawler/siteplace.py``; this module keeps one
row per site: ``place`` is the place read (``靖边县``), or "" once two of the site's
titles named different places; ``title`` is the title that decided it.
"""

from __future__ import annotations

from typing import Optional

import sqlite_utils

from .handle import Handle, PgDatabase, pg_execute

__all__ = ["ensure_site_places_schema", "load_site_place", "load_site_places", "save_site_place"]

_CREATE = ("CREATE TABLE IF NOT EXISTS site_places (site TEXT PRIMARY KEY, place TEXT NOT NULL, title TEXT NOT NULL,"
           " updated_at TEXT NOT NULL)")


def ensure_site_places_schema(db: sqlite_utils.Database) -> None:
    """Create ``site_places`` if missing (migration 6; every writing open of an older file adds it; PostgreSQL's is
    ``db.pg_schema.SITE_PLACES_DDL``)."""
    db.execute(_CREATE)


def save_site_place(db: Handle, site: str, place: str, title: str, now: str) -> None:
    """Keep ``place`` ("" for none) as what ``site``'s list page ``title`` decided."""
    sql = ("INSERT INTO site_places (site, place, title, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (site) DO UPDATE"
           " SET place = excluded.place, title = excluded.title, updated_at = excluded.updated_at")
    if isinstance(db, PgDatabase):
        pg_execute(db, sql, [site, place, title, now])
        return
    with db.conn:
        db.execute(sql, [site, place, title, now])


def load_site_place(db: Handle, site: str) -> Optional[str]:
    """The place kept for ``site`` ("" when its titles disagreed), or None when none was read yet."""
    sql = "SELECT place FROM site_places WHERE site = ?"
    if isinstance(db, PgDatabase):
        rows = pg_execute(db, sql, [site])[1]
    elif "site_places" not in db.table_names():  # a read-only open of a file from before migration 6
        return None
    else:
        rows = db.execute(sql, [site]).fetchall()
    return str(rows[0][0]) if rows else None


def load_site_places(db: Handle) -> dict[str, str]:
    """Every site's kept place, by site name; sites whose titles disagreed are left out."""
    sql = "SELECT site, place FROM site_places WHERE place <> ''"
    if isinstance(db, PgDatabase):
        rows = pg_execute(db, sql)[1]
    elif "site_places" not in db.table_names():
        return {}
    else:
        rows = db.execute(sql).fetchall()
    return {str(site): str(place) for site, place in rows}
