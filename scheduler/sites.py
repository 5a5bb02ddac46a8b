"""``newsmon sites``: each configured site's health and schedule, from the database."""

from __future__ import annotations


from typing import TYPE_CHECKING, Optional

from newsmon.config import Config

from .health_monitor import health_thresholds
from .lock import lock_holder

if TYPE_CHECKING:
    from newsmon.db.handle import Handle
    from newsmon.db.health import SiteHealth

__all__ = ["site_statuses", "daemon_running"]


def daemon_running(config: Config, db: "Optional[Handle]" = None) -> bool:
    """True if ``newsmon run`` currently holds this database's writer lock (on PostgreSQL: its advisory lock)."""
    if config.database_is_postgres:
        from newsmon.db.handle import PgDatabase, open_pg
        from newsmon.db.pg_lock import run_lock_held

        if isinstance(db, PgDatabase):
            return run_lock_held(db)
        handle = open_pg(str(config.database_target), max_size=1)
        try:
            return run_lock_held(handle)
        finally:
            handle.close()
    holder = lock_holder(config.database_path)
    return bool(holder and holder.get("command") == "newsmon run")


def site_statuses(config: Config) -> "list[SiteHealth]":
    """``newsmon.db.health.SiteHealth`` per enabled site, in config order, with ``next_run_at`` when the daemon runs.

    Raises StoreError when the database does not exist yet.
    """
    from newsmon.crawler.siteplace import site_home
    from newsmon.db import open_store
    from newsmon.db.siteplaces import load_site_place_rows
    from newsmon.db.health import scheduled_runs, site_health

    names = [s.name for s in config.sites if s.enabled]
    with open_store(config.database_target, readonly=True) as store:
        results = site_health(store.db, names, thresholds=health_thresholds(config))
        schedule = scheduled_runs(store.db) if daemon_running(config, store.db) else {}
        places = load_site_place_rows(store.db)
    sites = {site.name: site for site in config.sites}
    for health in results:
        health.next_run_at = schedule.get(health.name)
        site = sites[health.name]
        row = places.get(health.name)
        home = site_home(site, row.place if row is not None else None)
        health.place = home or None
        health.place_from = None if health.place is None else "config" if site.place else "pages"
        # A config's `place:` edited since the stories were read re-reads them at the site's next crawl.
        health.place_rereading = row is not None and (row.reread or row.read_with not in (None, home))
        if row is not None and row.pending is not None and not site.place and site.learn_place:
            health.place_pending = row.pending
    return results
