"""The ``newsmon`` command: a thin layer over the Python API.

Each command parses options, calls one library function and prints. Library
errors (``NewsmonError``) become one ``Error: …`` line and an exit status:
2 for configuration problems, 1 for everything else. No tracebacks for
expected failures.

Commands live in modules of their own (``articles``, ``alerts``, ``daemon``)
and import only :mod:`newsmon.cli.options`; this module assembles the group,
so no command module imports it back.
"""

from __future__ import annotations

import click

from .alerts import alerts
from .articles import crawl, extract, search, show
from .daemon import run, sites, worker
from .database import db
from .facts import projects, reextract
from .export import export
from .probe import probe
from .reclean import reclean
from .serve import serve, sql
from .start import demo, init

__all__ = ["main", "cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsmon")
def cli() -> None:
    """newsmon: monitor news portals, keep the clean articles in SQLite, search them.

    \b
    Quick start:
      newsmon demo                  crawl a bundled local portal, offline
      newsmon init                  write a commented config.yaml to start from
      newsmon probe URL             what the crawler sees on a list page (before adding a site)
      newsmon crawl                 crawl every site in ./config.yaml once
      newsmon search 氪氙            full-text search (Chinese, English, mixed)
      newsmon show 12               read one stored article
      newsmon serve                 read and search in a browser (http://127.0.0.1:8080/)
    """



for _command in (init, demo, probe, crawl, run, worker, sites, search, show, projects, extract, reextract, reclean,
                 alerts, serve, export, sql, db):
    cli.add_command(_command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="newsmon")
