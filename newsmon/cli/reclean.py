"""``newsmon reclean``: re-clean stored stories with what each site's template has learned since."""

from __future__ import annotations

from pathlib import Path

import click

from newsmon.output import print_records

from .options import config_option, format_option, handle_errors, open_store

__all__ = ["reclean"]


@click.command()
@click.argument("sites", nargs=-1)
@config_option
@format_option()
@handle_errors
def reclean(sites: tuple[str, ...], config_path: Path, fmt: str) -> None:
    """Re-clean the stored stories of SITES (default: every site in the database).

    \b
    Removes from each stored body the lines the site's learned template now
    calls chrome (footers, hotlines, share bars repeated on many pages) and
    lines equal to another story's headline seen on the site's list pages;
    the search index and fingerprints follow. Crawls do this by themselves
    when the template learns a new chrome line ("recleaned" in the crawl
    summary); run it by hand after a crawl was interrupted, for example:
      newsmon reclean
      newsmon reclean liaoning-invest
    """
    from newsmon.config import load_config
    from newsmon.crawler.reclean import reclean_sites

    config = load_config(config_path)
    with open_store(config) as store:
        rows = reclean_sites(store.db, list(sites) or None)
    print_records(rows, fmt, columns=["site", "stories", "recleaned"])
