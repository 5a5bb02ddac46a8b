"""``newsmon probe``: what the crawler sees on one list page (or article page)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any, Optional

import click

from .options import handle_errors

if TYPE_CHECKING:
    from newsmon.crawler.listpage import ListReading

__all__ = ["probe"]


@click.command()
@click.argument("url")
@click.option("--article", "as_article", is_flag=True, help="Treat URL as an article page: show the extraction.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: readable report ending with a config block; json: one object.")
@click.option("--encoding", default=None, help="Force this encoding (as the site key `encoding`).")
@click.option("--article-pattern", default=None, help="Regex article URLs must match (as `article_url_pattern`).")
@click.option("--list-pattern", default=None, help="Regex next-page URLs must match (as `list_url_pattern`).")
@click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(min=0.1), help="Seconds to wait.")
@handle_errors
def probe(url: str, as_article: bool, fmt: str, encoding: Optional[str], article_pattern: Optional[str],
          list_pattern: Optional[str], timeout: float) -> None:
    """Fetch one list page (or feed, or sitemap) as the crawler would and print what it sees.

    \b
    Shows the shape recognised (links, trs_pager, hanweb, script_data, feed,
    sitemap, needs_browser, empty), the article links in page order with their
    titles and list dates, the next list pages, and the links set aside with
    the reason for each; then the config.yaml block for the site (with
    `place:` when the page names one city or county as its owner, in its
    title, SiteName or footer: the crawl reads the same when the config sets
    none). Rows that link to a file (PDF, Word, Excel: a 公告 column's
    announcements) are listed with their type: the crawler stores each as a
    title-only story (title and date from the list) and never downloads it.

    \b
    When it finds no articles (or the wrong ones):
      * needs_browser: the list is built by JavaScript; add `render: browser`
        to the site (pip install 'newsmon[browser]'), or find the JSON/XHR URL
        in the browser's network tab and probe that instead;
      * look at the rejected links: if the articles are there as "navigation" or
        "not article-shaped", pass --article-pattern REGEX and, when it works,
        put it in the site as `article_url_pattern`;
      * a page that announces a feed: add `use_feed: true`, or probe the feed;
      * try the column's RSS feed or sitemap.xml: both work as start_urls.

    \b
    --article shows what extraction makes of an article page: title, date,
    source and the body's first lines.
    """
    from newsmon.crawler.probe import probe_article, probe_list, suggest_site_config

    if as_article:
        article = probe_article(url, timeout=timeout, encoding=encoding)
        data = article.to_dict()
        if fmt == "json":
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return
        _print_article(data)
        return
    reading = probe_list(url, timeout=timeout, encoding=encoding, article_url_pattern=article_pattern,
                         list_url_pattern=list_pattern)
    if fmt == "json":
        sys.stdout.write(json.dumps(reading.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    _print_reading(reading, suggest_site_config(url, reading), article_pattern, list_pattern)


def _print_article(data: dict[str, Any]) -> None:
    lines = [
        f"title:     {data.get('title') or '(none found)'}",
        f"published: {data.get('published_at') or '(no date found)'}",
        f"source:    {data.get('source') or '-'}",
        f"author:    {data.get('author') or '-'}",
    ]
    if not data.get("is_article"):
        lines.append(f"not an article: {data.get('reason') or 'unknown reason'} (the crawler would not store it)")
    body = [line for line in (data.get("body") or "").splitlines() if line.strip()]
    lines.append(f"body:      {len(body)} paragraphs, {sum(len(b) for b in body)} characters; first lines:")
    lines += [f"  {line[:120]}{'…' if len(line) > 120 else ''}" for line in body[:5]]
    click.echo("\n".join(lines))


def _print_reading(reading: ListReading, site: dict[str, Any], article_pattern: Optional[str],
                   list_pattern: Optional[str]) -> None:
    from rich.table import Table

    from newsmon.output import console

    screen = console()
    screen.print(f"shape: {reading.shape}   ({reading.url})", markup=False, highlight=False, soft_wrap=True)
    if reading.diagnosis:
        screen.print(f"note: {reading.diagnosis}", markup=False, highlight=False, soft_wrap=True)
    if reading.articles:
        table = Table(title=f"{len(reading.articles)} article links, in page order")
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("date", no_wrap=True)
        files = sum(1 for link in reading.articles if link.kind == "file")
        if files:  # a "kind" column only when some rows are files: page-only lists keep their width
            table.add_column("kind", no_wrap=True)
        table.add_column("title", ratio=2, overflow="fold")
        table.add_column("url", ratio=2, overflow="fold")
        for number, link in enumerate(reading.articles, 1):
            kind = [link.file_type.upper() if link.file_type else "page"] if files else []
            table.add_row(str(number), link.date or "", *kind, link.title, link.url)
        screen.print(table)
        if files:
            screen.print(f"{files} of these rows link to files (PDF, Word, Excel…): the crawler stores each as a story"
                         " with the list's title and date and never downloads the file.",
                         markup=False, highlight=False, soft_wrap=True)
    else:
        screen.print("no article links found", markup=False)
    if reading.next_pages:
        screen.print("next pages:", markup=False, soft_wrap=True)
        for page in reading.next_pages:
            screen.print(f"  {page}", markup=False, highlight=False, soft_wrap=True)
    else:
        screen.print("next pages: none found", markup=False)
    if reading.feeds:
        screen.print("feeds announced: " + ", ".join(reading.feeds), markup=False, highlight=False, soft_wrap=True)
    if reading.rejected:
        table = Table(title=f"{len(reading.rejected)} links set aside")
        table.add_column("reason", no_wrap=True)
        table.add_column("url", overflow="fold")
        for rejected in reading.rejected:
            table.add_row(rejected.reason, rejected.url)
        screen.print(table)
    if article_pattern:
        site["article_url_pattern"] = article_pattern
    if list_pattern:
        site["list_url_pattern"] = list_pattern
    import yaml

    block = yaml.safe_dump({"sites": [site]}, allow_unicode=True, sort_keys=False, default_flow_style=None)
    screen.print("\nconfig.yaml block for this site:", markup=False)
    screen.print(block.rstrip(), markup=False, highlight=False, soft_wrap=True)
