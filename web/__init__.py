"""The reading side: ``newsmon serve`` (Datasette + the newsmon plugin), feeds and exports.

* :func:`serve` / :func:`build_app` — the web UI over the configured database, read-only;
* :func:`write_feed` — Atom 1.0 / RSS 2.0, streamed;
* :func:`export_articles` — stories matching a search as jsonl, csv, json, atom or rss, streamed.
"""

from .export import EXPORT_FORMATS, export_articles
from .feeds import FEED_FORMATS, FeedInfo, write_feed
from .server import build_app, serve

__all__ = ["EXPORT_FORMATS", "FEED_FORMATS", "FeedInfo", "build_app", "export_articles", "serve", "write_feed"]
