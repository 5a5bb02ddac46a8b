"""``newsmon export``: stories matching a search, streamed to a file as jsonl, csv, json, Atom or RSS."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional, TextIO

import click

from newsmon.config import load_config
from newsmon.errors import NewsmonError
from newsmon.output import dates_option_help, parse_user_date

from .facts import facts_filter, facts_filter_options, note_unread_facts
from .options import config_option, handle_errors, open_store

__all__ = ["export"]


class _Progress:
    """``exported N stories…`` on stderr every few seconds, for long exports."""

    def __init__(self, every: float = 2.0) -> None:
        self.every = every
        self.started = self.last = time.monotonic()
        self.shown = False

    def __call__(self, n: int) -> None:
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            self.shown = True
            rate = n / max(now - self.started, 1e-9)
            end = "\r" if sys.stderr.isatty() else "\n"
            sys.stderr.write(f"exported {n:,} stories ({rate:,.0f}/s)…{end}")
            sys.stderr.flush()

    def done(self, n: int, target: str) -> None:
        if self.shown or target != "stdout":
            sys.stderr.write(f"exported {n:,} stories to {target} in {time.monotonic() - self.started:.1f}s\n")


@click.command()
@click.option("--query", "-q", default=None, help="A search in newsmon's query language (default: every story).")
@click.option("--site", "sites", multiple=True, help="Only stories from this site; repeatable.")
@click.option("--since", help="Published on or after this date. " + dates_option_help)
@click.option("--until", help="Published on or before this date. " + dates_option_help)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "json", "atom", "rss"]), required=True,
              help="jsonl: one story per line; csv: header and rows (sources and industry as JSON, the investment"
                   " facts in columns as `newsmon projects` has them); json: one array;"
                   " atom/rss: a feed of every matching story.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout). Written to FILE.partial, renamed when complete.")
@facts_filter_options
@config_option
@handle_errors
def export(query: Optional[str], sites: tuple[str, ...], since: Optional[str], until: Optional[str], fmt: str,
           output: Optional[Path], min_amount: Optional[float], stages: tuple[str, ...], places: tuple[str, ...],
           industries: tuple[str, ...], config_path: Path) -> None:
    """Export stories (all, or those matching --query and filters), newest first, streamed.

    \b
    Constant memory at any size; a progress line on stderr for long exports.
      newsmon export --format jsonl --output stories.jsonl
      newsmon export --query '稀有气体 -招聘' --since 2023-04-01 --format csv -o gas.csv
      newsmon export --site liaoning-invest --format atom > invest.atom
      newsmon export --min-amount 10亿 --stage 签约 --place 大连 --format csv -o big.csv
    """
    from newsmon.web import export_articles

    config = load_config(config_path)
    since_at = parse_user_date(since, "--since")
    until_at = parse_user_date(until, "--until", end_of_day=True)
    facts = facts_filter(min_amount, stages, places, industries) or None
    progress = _Progress()
    with open_store(config, readonly=True) as store:
        db = store.db  # SQLite or PostgreSQL
        if facts:
            note_unread_facts(db)
        if output is None:
            count = export_articles(db, sys.stdout, fmt, query=query, sites=sites, since=since_at,
                                    until=until_at, facts=facts, on_row=progress)
            progress.done(count, "stdout")
            return
        partial = output.with_name(output.name + ".partial")
        try:
            handle: TextIO = open(partial, "w", encoding="utf-8", newline="" if fmt == "csv" else None)
        except OSError as exc:
            raise NewsmonError(f"Cannot write {output}: {exc.strerror}.") from None
        try:
            with handle:
                count = export_articles(db, handle, fmt, query=query, sites=sites, since=since_at,
                                        until=until_at, facts=facts, on_row=progress)
        except BaseException:
            partial.unlink(missing_ok=True)  # never leave a truncated file under the real name
            raise
        partial.replace(output)
    progress.done(count, str(output))
