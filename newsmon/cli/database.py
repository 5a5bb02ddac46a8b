"""``newsmon db upgrade`` and ``newsmon db copy``: schema migrations and moving a database to PostgreSQL."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, Optional

import click

from newsmon.config import load_config
from newsmon.errors import ConfigError
from newsmon.output import print_records

from .options import config_option, format_option, handle_errors

__all__ = ["db"]


@click.group()
def db() -> None:
    """Database maintenance: schema migrations, moving a SQLite database to PostgreSQL."""


@db.command()
@click.option("--database", "target", metavar="PATH|URL",
              help="The database to upgrade (default: the config's `database:`): a SQLite file or a postgresql:// URL.")
@config_option
@format_option()
@handle_errors
def upgrade(target: Optional[str], config_path: Path, fmt: str) -> None:
    """Apply pending schema migrations (SQLite or PostgreSQL) and say which.

    \b
    The same versioned migrations for both stores; each is applied once, in
    order, and recorded in the schema_migrations table. Safe to run while
    newsmon runs and on several machines at once (PostgreSQL: an advisory lock).
    Examples:
      newsmon db upgrade
      newsmon db upgrade --database 'postgresql://newsmon:${PGPASSWORD}@db.internal/newsmon'
    """
    from newsmon.db.handle import is_postgres_url, open_pg
    from newsmon.db.migrate import SQLITE_MIGRATIONS, upgrade as run_upgrade
    from newsmon.db.pg_schema import PG_MIGRATIONS
    from newsmon.db.store import Store

    if target is None:
        target = str(load_config(config_path).database_target)
    if is_postgres_url(target):
        handle = open_pg(target)
        try:
            applied = run_upgrade(handle)
        finally:
            handle.close()
        latest = PG_MIGRATIONS[-1][0]
    else:
        path = Path(target).expanduser()
        if not path.exists():
            raise ConfigError(f"{path}: no such database (newsmon crawl creates it).")
        with Store(path) as store:  # opening applies SQLite's idempotent migrations; the runner records them
            applied = run_upgrade(store.db)
        latest = SQLITE_MIGRATIONS[-1][0]
    if fmt != "table":
        print_records([{"version": m.version, "name": m.name} for m in applied], fmt, columns=["version", "name"])
    elif applied:
        for migration in applied:
            click.echo(f"Applied migration {migration.version}: {migration.name}")
    else:
        click.echo(f"Already up to date (schema version {latest}).")


@db.command("copy")
@click.option("--from", "source", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The SQLite database to copy (e.g. news.db).")
@click.option("--to", "target", required=True, metavar="URL",
              help="An empty PostgreSQL database: postgresql://user@host:5432/name (${VAR} expanded).")
@click.option("--batch", default=5000, show_default=True, type=click.IntRange(1, 100_000),
              help="Rows per transaction (each batch commits with its resume point).")
@format_option()
@handle_errors
def copy(source: Path, target: str, batch: int, fmt: str) -> None:
    """Copy a SQLite database into PostgreSQL: stories, sources, near-duplicate index, outbox, templates, runs, facts.

    \b
    Resumable: interrupted (Ctrl-C, lost connection), run the same command
    again; it continues from the last committed batch, nothing is copied twice.
    Story ids, the alert outbox (sent alerts stay sent) and the database id in
    alert Idempotency-Keys are kept. Stop `newsmon run` first; afterwards set
    `database:` in config.yaml to the URL. Progress goes to stderr.
    Example:
      newsmon db copy --from news.db --to 'postgresql://newsmon:${PGPASSWORD}@db.internal/newsmon'
    """
    from newsmon.db.copy import copy_database
    from newsmon.db.handle import display_url, is_postgres_url
    from newsmon.db.pg_store import PgStore

    if not is_postgres_url(target):
        raise ConfigError(f"--to must be a postgresql:// URL, not {target!r}.")
    shown = display_url(target)
    last: dict[str, Any] = {"at": 0.0, "table": ""}

    def progress(table: str, done: int, total: int) -> None:
        # A line when a table starts or ends, and at most one a second in between.
        now = time.monotonic()
        if table != last["table"] or now - last["at"] >= 1.0 or done >= total:
            last.update(at=now, table=table)
            click.echo(f"copy: {table} {done:,}/{total:,}", err=True)

    with PgStore(target) as store:
        report = copy_database(source, store.db, batch=batch, on_progress=progress)
    print_records(report.records(), fmt, columns=["table", "copied"])
    what = "Resumed and finished" if report.resumed else "Copied"
    click.echo(f"{what}: {source} -> {shown} ({sum(report.rows.values()):,} rows this run). Set `database:`"
               f" in config.yaml to the URL to use it.", err=True)
    sys.stderr.flush()
