"""The first five minutes: ``newsmon init`` and ``newsmon demo``."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from newsmon.output import command_name

from .options import handle_errors

__all__ = ["demo", "init"]


@click.command()
@click.argument("path", type=click.Path(path_type=Path), default=Path("config.yaml"))
@click.option("--force", is_flag=True, help="Replace an existing file.")
@handle_errors
def init(path: Path, force: bool) -> None:
    """Write a commented config.yaml to start from (PATH, default ./config.yaml).

    The example monitors Liaoning government and commerce portals; replace
    its sites with yours. Never overwrites a file unless --force.
    """
    from newsmon.starter import write_config

    written = write_config(path, force=force)
    newsmon = command_name()
    config = "" if written == Path("config.yaml") else f" --config {written}"
    steps = [(f"{newsmon} probe URL", "what the crawler finds on a list page, before you add it"),
             (f"{newsmon} crawl{config}", "crawl every enabled site once"),
             (f"{newsmon} run{config}", "keep crawling on schedule (the daemon)")]
    width = max(len(command) for command, _ in steps)
    click.echo(f"Wrote {written}. Next:")
    for command, what in steps:
        click.echo(f"  {command.ljust(width)}   {what}")


@click.command()
@click.option("--dir", "workdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep the demo config and database in this folder (default: a new temporary folder).")
@click.option("--query", default="氪氙", show_default=True, help="Sample search to run after the crawl.")
@click.option("--serve", is_flag=True,
              help="Keep the demo portal running after the crawl (Ctrl-C stops it), so the demo config "
                   "can be crawled again with `newsmon crawl --config ...`.")
@handle_errors
def demo(workdir: Optional[Path], query: str, serve: bool) -> None:
    """Crawl a bundled fixture portal on 127.0.0.1, offline, and search the result.

    Starts three small Chinese news portals (GBK and UTF-8, pagination,
    broken pages) on a free local port, writes a config.yaml for them, runs
    one crawl into a fresh SQLite file and prints what was stored and a
    sample search. Nothing leaves this machine.
    """
    from newsmon.demo import run_demo

    run_demo(workdir, query=query, serve=serve)
