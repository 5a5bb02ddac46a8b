"""``newsmon serve`` (the web UI) and ``newsmon sql`` (SQL with newsmon's functions): thin over ``newsmon.web``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import click

from newsmon.config import load_config
from newsmon.errors import ConfigError
from newsmon.output import print_records

from .options import config_option, format_option, handle_errors, open_store

if TYPE_CHECKING:
    import sqlite_utils

__all__ = ["serve", "sql"]


@click.command()
@config_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback lets other machines read the database.")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True,
              help="Port to listen on (0: any free port; the address is printed).")
@click.option("-v", "--debug", is_flag=True, help="Log one line per request (DEBUG level) on stderr.")
@handle_errors
def serve(config_path: Path, host: str, port: int, debug: bool) -> None:
    """Read the stories in a browser: search, story pages, site health, alerts, feeds.

    \b
    A read-only web UI over the configured database, built on Datasette:
      /                     latest stories and the search box
      /search?q=氪氙        newsmon's query language (site, since, until, sort)
      /story/ID             the story, every place it was seen, rules it matched
      /sites  /alerts       site health with crawl runs; alert rules and delivery log
      /feeds/search.atom?q=…, /feeds/sites/NAME.atom, /feeds/rules/NAME.atom (.rss too)
      /DATABASE             Datasette's tables, JSON/CSV and SQL (cjk_match_query())
    Works while `newsmon run` writes. Ctrl-C stops it.
    """
    from newsmon.web import serve as serve_web
    from newsmon.web.server import is_loopback

    config = load_config(config_path)
    if config.database_is_postgres:
        raise ConfigError("newsmon serve (the web UI, built on Datasette) reads SQLite only; this config's database"
                          " is PostgreSQL: use the search, show, sites and alerts commands instead.")
    if not is_loopback(host):
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"Warning: listening on {host} (http://{shown}:{port}/) is not loopback: anyone who can reach "
                   "this machine can read every story (there is no login); put a proxy with authentication in "
                   "front, or use the default --host 127.0.0.1.", err=True)

    def ready(url: str) -> None:
        click.echo(f"newsmon serve: {url}  (database {config.database_path}, read-only; Ctrl-C stops)", err=True)

    serve_web(config, host=host, port=port, debug=debug, on_ready=ready)


@click.command()
@click.argument("statement", required=False)
@click.option("-c", "--command", "command", help="SQL to run (same as the STATEMENT argument).")
@config_option
@format_option()
@handle_errors
def sql(statement: Optional[str], command: Optional[str], config_path: Path, fmt: str) -> None:
    """Run SQL on the database (read-only), with cjk_match_query() for Chinese full-text search.

    \b
    Without SQL, a small sqlite3-like shell (statements end with ;  .tables  .quit).
    Example:
      newsmon sql "SELECT a.id, a.title FROM articles_fts JOIN articles a
                   ON a.id = articles_fts.rowid
                   WHERE articles_fts MATCH cjk_match_query('稀有气体')"
    """
    from newsmon.db.handle import require_sqlite
    from newsmon.db.reader import register_functions

    config = load_config(config_path)
    text = command or statement
    with open_store(config, readonly=True) as store:
        db = require_sqlite(store.db, "newsmon sql")
        register_functions(db.conn)
        if text:
            _run(db, text, fmt)
        elif sys.stdin.isatty():
            _shell(db, fmt)
        else:
            _run(db, sys.stdin.read(), fmt)


def _run(db: sqlite_utils.Database, text: str, fmt: str, *, exit_on_error: bool = True) -> None:
    """Run one or more statements and print each result; an SQL error is one sentence (exit 1 unless in the shell)."""
    from newsmon.db.reader import run_sql
    from newsmon.errors import StoreError

    try:
        for columns, rows in run_sql(db, text):
            if columns:
                print_records([dict(zip(columns, r)) for r in rows], fmt, columns=columns)
    except StoreError as exc:
        click.echo(f"Error: {exc}", err=True)
        if exit_on_error:
            sys.exit(1)


def _shell(db: sqlite_utils.Database, fmt: str) -> None:
    from newsmon.db.reader import LIST_TABLES_SQL, is_complete_statement

    click.echo("newsmon sql: read-only; end statements with ;  .tables lists tables, .quit leaves.", err=True)
    buffer = ""
    while True:
        try:
            line = input("newsmon> " if not buffer else "   ...> ")
        except (EOFError, KeyboardInterrupt):
            click.echo("", err=True)
            return
        if not buffer and line.strip() in (".quit", ".exit"):
            return
        if not buffer and line.strip() == ".tables":
            line = LIST_TABLES_SQL
        buffer += line + "\n"
        if is_complete_statement(buffer):
            _run(db, buffer, fmt, exit_on_error=False)
            buffer = ""
