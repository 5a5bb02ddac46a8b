"""Exceptions raised by newsmon.

One base class so callers can catch "any newsmon error"; one subclass per
failure a caller can act on. Messages are one plain sentence that names the
thing (file and key, site and URL)::

    NewsmonError
    ├── ConfigError      config.yaml missing, unreadable or invalid
    ├── StoreError       the database cannot be opened or written
    ├── FetchError       a page could not be downloaded
    ├── ExtractError     a page could not be turned into an article
    ├── NotFoundError    an id/site the user asked for does not exist
    ├── QueueError       the Redis crawl queue (`queue:`) cannot be reached or used
    └── UsageError       a command's input is wrong (a query, a date): exit status 2

The library raises these; only the CLI turns them into exit codes.
"""

from __future__ import annotations

__all__ = [
    "NewsmonError",
    "ConfigError",
    "StoreError",
    "FetchError",
    "ExtractError",
    "NotFoundError",
    "UsageError",
    "QueueError",
]


class NewsmonError(Exception):
    """Base class of every error newsmon raises on purpose."""


class ConfigError(NewsmonError):
    """The configuration file is missing, unreadable or invalid."""


class StoreError(NewsmonError):
    """The SQLite database cannot be opened, created or written."""


class FetchError(NewsmonError):
    """A page could not be downloaded (network error, HTTP status, size)."""


class ExtractError(NewsmonError):
    """A page could not be decoded or turned into an article."""


class NotFoundError(NewsmonError):
    """The article, site or rule the caller named does not exist."""


class UsageError(NewsmonError):
    """What the user typed cannot be used (a malformed query, a date out of range); the CLI exits 2."""


class QueueError(NewsmonError):
    """The Redis crawl queue named by ``queue:`` cannot be reached or used."""
