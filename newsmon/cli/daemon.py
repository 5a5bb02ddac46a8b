"""CLI commands of the daemon: ``newsmon run``, ``newsmon worker`` and ``newsmon sites``."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from newsmon.output import console as make_console, print_objects
from newsmon.redact import install_redaction

from .options import config_option, format_option, handle_errors

__all__ = ["run", "sites", "worker"]

LOG_FORMAT = "%(asctime)s %(levelname)s %(message)s"


def quiet_pool_reconnects(verbose: bool) -> None:
    """psycopg_pool logs two WARNING lines per failed reconnection (about one a second while PostgreSQL is
    down); newsmon says once, in its own words, that the database does not answer. Its ERROR (giving up) stays."""
    logging.getLogger("psycopg.pool").setLevel(logging.INFO if verbose else logging.ERROR)


@click.command()
@config_option
@click.option("-v", "--verbose", is_flag=True, help="Also log scheduler details (DEBUG level).")
@handle_errors
def run(config_path: Path, verbose: bool) -> None:
    """Crawl every enabled site on its schedule until stopped (the daemon).

    \b
    Each site is crawled per its `every:` or `cron:` in config.yaml, on a
    pool of daemon.workers persistent worker processes, at most
    daemon.max_concurrent_crawls at once and one crawl per host at a time.
    Logs one line per crawl, a heartbeat, and sites that become unhealthy.
    SIGTERM or Ctrl-C stops it within 10 s; SIGHUP (or saving config.yaml)
    reloads the config. Only one newsmon run per database.

    \b
    With `queue: redis://host:6379/0` in config.yaml it only schedules: due
    crawls go to Redis and `newsmon worker` processes run them. Several
    newsmon run may then be started (on several machines): one schedules,
    the others wait as hot standbys and take over within 30 s when it dies.
    """
    from newsmon.scheduler.daemon import Daemon

    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format=LOG_FORMAT, stream=sys.stderr)
    # The daemon logs skipped/missed runs itself, in its own words.
    logging.getLogger("apscheduler").setLevel(logging.INFO if verbose else logging.ERROR)
    logging.getLogger("httpx").setLevel(logging.INFO if verbose else logging.WARNING)  # one line per POST
    quiet_pool_reconnects(verbose)
    daemon = Daemon(config_path)
    install_redaction(daemon.config)  # secrets masked in every log line (httpx logs full URLs)
    sys.exit(daemon.run())


@click.command()
@config_option
@click.option("-c", "--concurrency", type=click.IntRange(1, 256), default=2, show_default=True,
              help="Site crawls this worker runs at once.")
@click.option("-v", "--verbose", is_flag=True, help="Also log queue details (DEBUG level).")
@handle_errors
def worker(config_path: Path, concurrency: int, verbose: bool) -> None:
    """Crawl the sites `newsmon run` queues in Redis (needs `queue:` in config.yaml).

    \b
    Run any number of workers, on any machine that reaches the queue and the
    database. Each takes up to --concurrency site crawls at a time from the
    queue, crawls them on daemon.workers crash-isolated processes, stores the
    stories (deduplicated against the shared database) and reports back. A
    worker killed mid-crawl loses nothing: its crawls go back to the queue
    within 10 s and resume their unfetched pages from Redis. SIGTERM or
    Ctrl-C: crawls in flight get 10 s to finish, the rest are queued again.
    """
    from newsmon.scheduler.queue_worker import QueueWorker

    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format=LOG_FORMAT, stream=sys.stderr)
    quiet_pool_reconnects(verbose)
    queue_worker = QueueWorker(config_path, concurrency=concurrency)
    install_redaction(queue_worker.config)
    sys.exit(queue_worker.run())


@click.command()
@config_option
@format_option()
@handle_errors
def sites(config_path: Path, fmt: str) -> None:
    """Health of each site: last run, last new article, failure streak, next run.

    A site is `unhealthy` after daemon.unhealthy_after_failures failed crawls
    in a row, after a silence much longer than its history predicts, or when
    its extraction breaks (pages give no title/text, no article links, no
    dates). next_run_at is shown while `newsmon run` is running. A site's
    place (the city or county its stories are read as reporting on when they
    name none: its `place:`, else the one its list page titles name, such as
    靖边县人民政府) is listed below the table and in --format json.
    """
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from newsmon.scheduler.sites import daemon_running, site_statuses

    from newsmon.config import load_config

    config = load_config(config_path)
    rows = site_statuses(config)
    if fmt != "table":
        print_objects(rows, fmt, empty_columns=["name"])
        return
    console = make_console()
    # Times as "MM-DD HH:MM" (UTC, as stored), no outer edge, and the problem column taking
    # what is left keep the table within 80 columns; `--format json` has every field in full.
    table = Table(title="Sites", expand=True, box=box.SIMPLE_HEAD, show_edge=False)
    # (The failure streak is in the problem text and in the JSON.)
    for column, options in (("site", {"max_width": 12}), ("status", {"no_wrap": True}),
                            ("last run", {"max_width": 11}), ("last new", {"no_wrap": True}),
                            ("next run", {"no_wrap": True}), ("problem", {"ratio": 1, "min_width": 10})):
        table.add_column(column, overflow="fold", **options)
    for r in rows:
        table.add_row(
            r.name, Text(r.status, style="green" if r.status == "ok" else "bold red"),
            (_short_time(r.last_run_at) or "never") + (f" {r.last_run_status}" if r.last_run_status else ""),
            _short_time(r.last_new_article_at), _short_time(r.next_run_at),
            "; ".join(r.reasons),
        )
    console.print(table)
    places = [f"{r.name} → {r.place}" + (" (read from its list pages)" if r.place_from == "pages" else "")
              for r in rows if r.place]
    if places:  # the ones read from the pages no one checked: say them, with the way to change them
        console.print("Places of the stories that name no city: " + ", ".join(places)
                      + ("; to change one read from the list pages, set the site's `place:` or `learn_place: false` (its"
                         " stories are re-read at its next crawls)" if any(r.place_from == "pages" for r in rows)
                         else ""), style="dim")
    pending = [f"{r.name} → {r.place_pending or 'no one place'}" for r in rows if r.place_pending is not None]
    if pending:
        console.print("Read once from the list pages, kept if the next crawl reads it too: " + ", ".join(pending),
                      style="dim")
    rereading = [r.name for r in rows if r.place_rereading]
    if rereading:
        console.print("Re-reading stored stories with a new place, a part per crawl: " + ", ".join(rereading)
                      + " (`newsmon reextract --facts --stale` finishes it now)", style="dim")
    if not daemon_running(config):
        console.print("newsmon run is not running on this database, so no crawl is scheduled.", style="dim")


def _short_time(value: str | None) -> str:
    """``2026-11-30T19:30:05+00:00`` -> ``11-30 19:30``."""
    return f"{value[5:10]} {value[11:16]}" if value and len(value) >= 16 else (value or "")
