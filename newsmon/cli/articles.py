"""``newsmon crawl``, ``search``, ``show`` and ``extract``: thin over the Python API."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import click

from newsmon.config import load_config
from newsmon.output import dates_option_help, parse_user_date, print_records, print_article, print_reports
from newsmon.redact import install_redaction

from .facts import facts_filter, facts_filter_options, note_unread_facts
from .options import config_option, format_option, handle_errors, open_store

__all__ = ["crawl", "extract", "search", "show"]


@click.command()
@click.argument("sites", nargs=-1)
@config_option
@format_option()
@click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Stop each site's crawl after this many seconds (default: daemon.crawl_time_limit, 10m).")
@click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's log (INFO level) on stderr.")
@handle_errors
def crawl(sites: tuple[str, ...], config_path: Path, fmt: str, time_limit: Optional[float], verbose: bool) -> None:
    """Crawl SITES (default: all enabled sites) once, now.

    Fetches each site's list pages, downloads only article pages not seen
    before, extracts, deduplicates and stores them, and prints a per-site
    summary. Progress goes to stderr (a line every few seconds when it is
    not a terminal).

    \b
    Exit status: 0 when the run completed, even if some pages or sites
    failed (see the status and failures columns, and the crawl_runs table);
    3 when every site's crawl failed or timed out; 1 or 2 with one sentence
    when it could not run at all (runtime or config error).
    """
    from newsmon.scheduler import ALL_FAILED_EXIT, run_crawl

    from newsmon.progress import CrawlProgress

    config = load_config(config_path)
    install_redaction(config)  # secrets masked in every log line, the alerts sent at the end included
    open_store(config, create=True).close()  # fail early, in one sentence, if the database is unusable
    with CrawlProgress(sites=len(sites) or sum(s.enabled for s in config.sites)) as progress:
        reports = run_crawl(
            config, sites or None, on_event=progress.update, time_limit=time_limit,
            log_level="INFO" if verbose else "CRITICAL",
        )
    print_reports(reports, fmt)
    from .alerts import send_after_crawl

    send_after_crawl(config)  # cron users get their alerts without the daemon (summary on stderr)
    if reports and all(r.status in ("failed", "timeout") for r in reports):
        click.echo(f"Every site's crawl failed ({len(reports)} of {len(reports)}); see each site's errors in the summary.", err=True)
        sys.exit(ALL_FAILED_EXIT)


@click.command()
@click.argument("query", required=False, default="")
@config_option
@click.option("--site", "sites", multiple=True,
              help="Only stories from this site (name from config.yaml); repeatable.")
@click.option("--since", help="Published on or after this date. " + dates_option_help)
@click.option("--until", help="Published on or before this date. " + dates_option_help)
@click.option("--sort", type=click.Choice(["newest", "relevance"]), default="newest", show_default=True,
              help="newest: most recently stored first; relevance: bm25 among the newest 5,000 matches (PostgreSQL: ts_rank among the newest 1,000).")
@click.option("--count", "count_only", is_flag=True, help="Print how many stories match instead of listing them.")
@facts_filter_options
@click.option("--limit", type=click.IntRange(1, 10000), default=20, show_default=True, help="Most results to show.")
@click.option("--sql", "show_sql", is_flag=True,
              help="Print the SQL (with the rewritten MATCH string; on PostgreSQL the tsquery, for psql)"
                   " instead of searching.")
@format_option()
@handle_errors
def search(query: str, config_path: Path, sites: tuple[str, ...], since: Optional[str], until: Optional[str],
           sort: str, count_only: bool, min_amount: Optional[float], stages: tuple[str, ...],
           places: tuple[str, ...], industries: tuple[str, ...], limit: int, show_sql: bool, fmt: str) -> None:
    """Full-text search of stored articles, newest first (no QUERY: the newest stories).

    \b
    QUERY: words and "quoted phrases"; juxtaposition means AND;
    OR, NOT (or -word), parentheses; title: or body: before a term,
    phrase or group searches one field; /regex/ (RE2 syntax).
    Chinese needs no spaces; the same language as alert rules:
      newsmon search 氪氙
      newsmon search '稀有气体 (辽宁 OR 大连) -招聘' --sort relevance
      newsmon search 'title:(氪氙 OR 稀有气体) /投资\\d+亿/' --count
    Matched terms are shown in [brackets] in the snippet. A malformed
    query or an unknown --site exits 2 with one sentence. Investment
    facts narrow it too: --min-amount 10亿 --stage 签约 --place 大连
    (json and jsonl carry each story's `investment` object).
    """
    from newsmon.db import count_articles, search_articles

    config = load_config(config_path)
    since_at = parse_user_date(since, "--since")
    until_at = parse_user_date(until, "--until", end_of_day=True)
    facts = facts_filter(min_amount, stages, places, industries)
    if show_sql:
        from newsmon.db.reader import search_sql

        click.echo(search_sql(query, sites=sites, since=since_at, until=until_at, limit=limit, sort=sort,
                              facts=facts, postgres=config.database_is_postgres))
        return
    with open_store(config, readonly=True) as store:
        db = store.db  # SQLite or PostgreSQL: the same search functions, the same results
        if facts:
            note_unread_facts(db)
        if count_only:
            total = count_articles(db, query, site=sites, since=since_at, until=until_at, facts=facts)
            if fmt == "table":
                click.echo(str(total))
            else:
                print_records([{"count": total}], fmt if fmt != "json" else "jsonl", columns=["count"])
            return
        stats: dict[str, Any] = {}
        rows = search_articles(db, query, site=sites, since=since_at, until=until_at, limit=limit, sort=sort,
                               facts=facts, stats=stats)
        if fmt in ("json", "jsonl"):  # each story's investment facts, as `show --format json` has them
            from newsmon.db.facts import facts_by_ids

            found = facts_by_ids(db, [row["id"] for row in rows])
            for row in rows:
                row["investment"] = found.get(row["id"])
    print_records(rows, fmt, columns=["id", "published_at", "site", "title", "snippet", "sources_count", "url"])
    if stats.get("complete") is False:
        click.echo(f"Note: the regex was checked on the newest {stats['examined']:,} candidate stories only;"
                   " add a term or --since/--site to search further.", err=True)


@click.command()
@click.argument("article_id", type=click.IntRange(1, 2**63 - 1))
@config_option
@format_option("text", "json", "jsonl", "csv")
@handle_errors
def show(article_id: int, config_path: Path, fmt: str) -> None:
    """Print one stored article (ARTICLE_ID from `newsmon search`) with every place it was seen."""
    config = load_config(config_path)
    with open_store(config, readonly=True) as store:
        article = store.get_article(article_id)
    print_article(article, fmt)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", default=None, help="The page's URL (helps with dates in URLs and relative links).")
@click.option("--now", "now", default=None,
              help="When the page was saved: relative and year-less dates (3小时前, 10-08) are read against it "
                   "(default: the file's modification time). " + dates_option_help)
@format_option("text", "json", "jsonl", "csv")
@handle_errors
def extract(files: tuple[Path, ...], url: Optional[str], now: Optional[str], fmt: str) -> None:
    """Show what newsmon extracts from saved pages (FILES: .html or .html.gz), to debug a site."""
    from newsmon.extract_files import extract_files

    rows = extract_files(files, url=url, now=parse_user_date(now, "--now"))
    print_records(rows, fmt if fmt != "text" else "text-articles",
                  columns=["input", "title", "published_at", "source", "author", "lang", "summary", "body"])
