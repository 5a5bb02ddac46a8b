"""Scrapy's HTTP/1.1 download handler, built when a crawl first needs it (``lazy``).

Scrapy builds its non-lazy handlers at every crawl's start: the same
``HTTP11DownloadHandler`` class twice, for ``http`` and for ``https``, each with a
connection pool and a TLS context factory. A site uses one scheme in the common
case, and a persistent worker starts thousands of crawls, so newsmon names this
subclass for both schemes (``DOWNLOAD_HANDLERS``): the handler of a scheme is
built at the crawl's first request of that scheme, through Scrapy's own
lazy-handler path, and works exactly like the original.
"""

from __future__ import annotations

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

__all__ = ["LazyHTTP11DownloadHandler"]


class LazyHTTP11DownloadHandler(HTTP11DownloadHandler):
    """``HTTP11DownloadHandler`` built on a crawl's first request of its scheme."""

    lazy = True


