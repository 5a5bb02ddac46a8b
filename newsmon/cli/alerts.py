"""``newsmon alerts``: list, add, remove and test rules, read the delivery log, send what is due.

Thin over the ``alerts`` package: each command parses options, calls one
function, prints.
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Any, Optional

import click

from .options import config_option, format_option, handle_errors, open_store
from .facts import STAGE_CHOICES
from newsmon.config import Config, load_config
from newsmon.output import print_records
from newsmon.redact import install_redaction

__all__ = ["alerts", "send_after_crawl", "SEND_AFTER_CRAWL_S"]

SEND_AFTER_CRAWL_S = 60.0  # `newsmon crawl` gives its alerts this long; the rest wait in the outbox


def send_after_crawl(config: Config) -> None:
    """Send the alerts that are due once a crawl has finished; one summary line on stderr.

    Silent when no channel is configured (then nothing can wait in the outbox).
    """
    from newsmon.alerts import send_due

    if not config.alerts.channels:
        return
    install_redaction(config)
    _warn_broken_rules(config)
    try:
        with open_store(config) as store, _stop_on_signals() as stop:
            report = send_due(config, store, stop=stop, max_seconds=SEND_AFTER_CRAWL_S)
    except Exception as exc:  # boundary: the crawl itself succeeded; its alerts wait in the outbox
        click.echo(f"Warning: alerts were not sent ({type(exc).__name__}: {exc}); "
                   "they wait in the outbox for `newsmon alerts send`.", err=True)
        return
    if report.messages_sent or report.messages_failed or report.pending:
        click.echo(report.summary(), err=True)
        for error in report.errors[:5]:
            click.echo(f"  {error}", err=True)


class _stop_on_signals:
    """SIGTERM/SIGINT set an event (in-flight alerts are cancelled and stay pending) instead of killing mid-write."""

    def __enter__(self) -> threading.Event:
        self.event = threading.Event()
        self.previous: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGTERM, signal.SIGINT):
                self.previous[signum] = signal.signal(signum, lambda *_: self.event.set())
        return self.event

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)


def _warn_broken_rules(config: Config) -> None:
    from newsmon.alerts import compile_rules

    for error in compile_rules(config.alerts)[1]:
        click.echo(f"Warning: {error} The rule is skipped.", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def alerts() -> None:
    """Keyword alerts: rules matched on every new story, sent to webhooks, email and chat robots.

    \b
    Rules and channels live under `alerts:` in config.yaml (see docs/alerts.md):
      newsmon alerts add rare-gas '(氪氙 OR 稀有气体) -招聘' --channel ops
      newsmon alerts test rare-gas      which stored stories it matches, and why
      newsmon alerts list               rules, channels, and rules that do not parse
      newsmon alerts log                what was sent, what waits for a retry
      newsmon alerts send --now         send what is pending, ignoring retry backoff
    """


@alerts.command("list")
@config_option
@format_option()
@handle_errors
def list_rules(config_path: Path, fmt: str) -> None:
    """List alert rules (with a status: ok, disabled, or why the query does not parse) and channels.

    json: {"rules": [...], "channels": [...]}; jsonl and csv: one record per
    rule, then per channel, with a `kind` field (rule or channel).
    """
    from newsmon.alerts.review import channel_table, rule_table

    config = load_config(config_path)
    rules, channels = rule_table(config), channel_table(config)
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps({"rules": rules, "channels": channels}, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt in ("jsonl", "csv"):
        records = [{"kind": "rule", **r} for r in rules] + [{"kind": "channel", **c} for c in channels]
        print_records(records, fmt, columns=["kind", "name", "type", "query", "facts", "sites", "channels", "digest",
                                             "status", "target"])
        return
    if not rules and not channels:
        click.echo(f"No alert rules or channels in {config_path}. Add one: newsmon alerts add NAME QUERY")
        return
    _table("Alert rules", rules, ["name", "query", "facts", "sites", "channels", "digest", "status"])
    _table("Channels", channels, ["name", "type", "target"])


def _table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = (", ".join(row[c]) if isinstance(row[c], list) else "" if row[c] is None else str(row[c])
                 for c in columns)
        table.add_row(*cells, style="red" if row.get("status", "").startswith("error") else "")
    Console(width=None if sys.stdout.isatty() else 160).print(table)


@alerts.command("add")
@click.argument("name")
@click.argument("query", required=False)
@config_option
@click.option("--site", "sites", multiple=True, help="Only stories from this site (name or glob); repeatable.")
@click.option("--channel", "channels", multiple=True,
              help="Send to this channel (default: every channel); repeatable.")
@click.option("--digest", help="Collect matches and send one message per period: 1h, 30m, daily 09:00.")
@click.option("--min-amount", metavar="AMOUNT", help="Only stories stating an investment of at least this: 10亿, 5000万.")
@click.option("--stage", "stages", multiple=True, type=click.Choice(STAGE_CHOICES),
              help="Only stories reporting this project stage; repeatable.")
@click.option("--place", "places", multiple=True,
              help="Only projects in this province, city or county (大连, 北京市朝阳区); repeatable.")
@click.option("--industry", "industries", multiple=True, help="Only stories tagged with this industry; repeatable.")
@handle_errors
def add(name: str, query: Optional[str], config_path: Path, sites: tuple[str, ...], channels: tuple[str, ...],
        digest: Optional[str], min_amount: Optional[str], stages: tuple[str, ...], places: tuple[str, ...],
        industries: tuple[str, ...]) -> None:
    """Add the rule NAME matching QUERY to config.yaml (comments and layout are kept).

    \b
    QUERY: terms, "quoted phrases", AND / OR / NOT (or -term), parentheses,
    title:term, /regex/. Chinese needs no spaces:
      newsmon alerts add rare-gas '(氪氙 OR 稀有气体) (辽宁 OR 大连) -招聘' --channel ops
      newsmon alerts add fab 'title:晶圆 /投资\\d+亿/' --site 'gov-*' --digest 'daily 09:00'
    QUERY may be left out when investment facts are given:
      newsmon alerts add big --stage 签约 --stage 开工 --min-amount 10亿 --place 大连
    A malformed query, an unknown channel or place is refused; the file is left as it was.
    """
    from newsmon.alerts.editor import add_rule

    facts = {"min_amount": min_amount, "stages": stages, "places": places, "industries": industries}
    add_rule(config_path, name, query, sites=sites, channels=channels, digest=digest, facts=facts)
    click.echo(f"Added alert rule {name!r} to {config_path}.")


@alerts.command("remove")
@click.argument("name")
@config_option
@handle_errors
def remove(name: str, config_path: Path) -> None:
    """Remove the rule NAME from config.yaml (its delivery log stays in the database)."""
    from newsmon.alerts.editor import remove_rule

    remove_rule(config_path, name)
    click.echo(f"Removed alert rule {name!r} from {config_path}.")


@alerts.command("test")
@click.argument("rule")
@config_option
@click.option("--site", help="Only stories from this site.")
@click.option("--limit", type=click.IntRange(1, 10000), default=20, show_default=True, help="Most stories to show.")
@format_option()
@handle_errors
def test(rule: str, config_path: Path, site: Optional[str], limit: int, fmt: str) -> None:
    """Show which stored stories RULE would have matched, newest first, and which terms hit.

    RULE is a rule name from config.yaml or a query ('氪氙 -招聘'). Nothing is sent.
    Stories come in the order `newsmon search` lists them (newest stored first).
    """
    from newsmon.alerts.review import test_rule

    config = load_config(config_path)
    stats: dict[str, Any] = {}
    with open_store(config, readonly=True) as store:
        rows = test_rule(config, store.db, rule, limit=limit, site=site, stats=stats)
    print_records(rows, fmt, columns=["id", "published_at", "site", "title", "matched", "url"])
    if not stats.get("complete", True):
        click.echo(f"Stopped after checking {stats['examined']:,} stories one by one (the rule needs a regex check"
                   " on each); older matches may be missing: add a term, or --site.", err=True)


@alerts.command("log")
@config_option
@click.option("--rule", help="Only this rule's deliveries.")
@click.option("--status", type=click.Choice(["pending", "sending", "sent"]), help="Only deliveries in this state.")
@click.option("--limit", type=click.IntRange(1, 100000), default=50, show_default=True, help="Most rows to show.")
@format_option()
@handle_errors
def log(config_path: Path, rule: Optional[str], status: Optional[str], limit: int, fmt: str) -> None:
    """Show the alert outbox, newest first: what was sent, what waits for a retry and why."""
    from newsmon.db.outbox import list_deliveries

    config = load_config(config_path)
    with open_store(config) as store:
        rows: list[dict[str, Any]] = list_deliveries(store.db, rule=rule, status=status, limit=limit)
    print_records(rows, fmt, columns=["id", "created_at", "rule", "channel", "status", "attempts", "delivered_at",
                                      "next_attempt_at", "last_error", "article_id", "title", "matched"])


@alerts.command("send")
@config_option
@click.option("--now", "now", is_flag=True, help="Also retry failed alerts whose backoff has not passed yet.")
@click.option("--max-time", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="Give up after this many seconds: what is still in flight is cancelled and stays pending.")
@click.option("-v", "--verbose", is_flag=True, help="Log each delivery and HTTP request on stderr (secrets masked).")
@format_option("text", "json")
@handle_errors
def send(config_path: Path, now: bool, max_time: float, verbose: bool, fmt: str) -> None:
    """Send the pending alerts that are due (newsmon crawl and the daemon do this by themselves).

    Channels are sent to concurrently; a channel that keeps failing is held
    (its alerts wait) without delaying the others. SIGTERM or Ctrl-C cancels
    what is in flight; those alerts stay pending. Exits 1 if a delivery
    failed (it stays pending and is retried later).
    """
    from newsmon.alerts import send_due

    config = load_config(config_path)
    install_redaction(config)
    if verbose:
        logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s %(message)s",
                            stream=sys.stderr)
    _warn_broken_rules(config)
    with open_store(config) as store, _stop_on_signals() as stop:
        report = send_due(config, store, ignore_backoff=now, stop=stop, max_seconds=max_time)
    if fmt == "json":
        import json

        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        click.echo(report.summary())
        for error in report.errors:
            click.echo(f"  {error}")
    if report.messages_failed:
        sys.exit(1)
