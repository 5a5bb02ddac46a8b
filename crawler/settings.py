"""Map newsmon's config onto Scrapy settings, in one place.

Politeness comes from Scrapy itself (RobotsTxtMiddleware, AutoThrottle,
per-domain concurrency, DOWNLOAD_MAXSIZE); we only choose the values.
"""

from __future__ import annotations

import copy
from typing import Any

from scrapy.settings import BaseSettings, Settings, SettingsAttribute

from newsmon.config import CrawlSettings

from .pipelines import PIPELINES

# By name: crawler/download.py imports Scrapy's HTTP machinery, which only a crawl needs.
_LAZY_HTTP_HANDLER = "newsmon.crawler.download.LazyHTTP11DownloadHandler"

__all__ = ["ReusableSettings", "reusable_settings", "scrapy_settings"]

# Components Scrapy loads for every crawl that newsmon never uses: each costs an import
# lookup, a signature inspection and a NotConfigured round trip per crawl in a persistent
# worker. (Cookies, the HTTP cache, telnet, memory usage/debugging, feeds, job state, log
# stats and remote control are off in the settings below anyway.)
_UNUSED_DOWNLOADER_MIDDLEWARES = (
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware",
    "scrapy.downloadermiddlewares.httpcache.HttpCacheMiddleware",
    "scrapy.downloadermiddlewares.httpauth.HttpAuthMiddleware",  # no HTTP auth in the config
)
# No depth limit or depth priority is set (depth only fed a stat), and the meta-copy check
# is a lint for hand-written spiders (PortalSpider builds each request's meta itself).
_UNUSED_SPIDER_MIDDLEWARES = (
    "scrapy.spidermiddlewares.depth.DepthMiddleware",
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware",
)
_UNUSED_EXTENSIONS = (
    "scrapy.extensions.telnet.TelnetConsole",
    "scrapy.extensions.memusage.MemoryUsage",
    "scrapy.extensions.memdebug.MemoryDebugger",
    "scrapy.extensions.feedexport.FeedExporter",
    "scrapy.extensions.logstats.LogStats",
    "scrapy.extensions.spiderstate.SpiderState",
    "scrapy.extensions.remote_control.RemoteControl",
)
# Start URLs are http(s) only (config validation): no data:, file:, s3: or ftp: handler.
_UNUSED_HANDLERS = ("data", "file", "s3", "ftp")


def scrapy_settings(
    crawl: CrawlSettings, *, log_level: str = "CRITICAL", time_limit: float | None = None
) -> dict[str, Any]:
    """Scrapy settings for one crawl process; ``time_limit`` (seconds) stops each site's crawl."""
    return {
        "CLOSESPIDER_TIMEOUT": float(time_limit or 0),
        "BOT_NAME": "newsmon",
        "USER_AGENT": crawl.user_agent,
        "ROBOTSTXT_OBEY": crawl.obey_robots_txt,
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": crawl.concurrent_requests_per_domain,
        "DOWNLOAD_DELAY": crawl.download_delay.total_seconds(),
        "RANDOMIZE_DOWNLOAD_DELAY": True,
        "AUTOTHROTTLE_ENABLED": crawl.autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(crawl.download_delay.total_seconds(), 0.5),
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(crawl.concurrent_requests_per_domain),
        "DOWNLOAD_TIMEOUT": crawl.timeout.total_seconds(),
        "RETRY_ENABLED": crawl.retries > 0,
        "RETRY_TIMES": crawl.retries,
        "DOWNLOAD_MAXSIZE": crawl.max_response_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "REDIRECT_MAX_TIMES": 10,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        # Scrapy >= 2.19 starts an HTTP server per crawl that runs Python code sent to it
        # (and writes a job file to the home folder): never in a monitor running for weeks.
        "REMOTE_CONTROL_ENABLED": False,
        # A persistent worker runs many crawls: per-crawl memory checks and stats logging
        # are the pool's job (daemon.worker_memory_limit_mb) and cost timers per crawl.
        "MEMUSAGE_ENABLED": False,
        "LOGSTATS_INTERVAL": 0,
        # Scrapy parses each callback's source (inspect + ast) on every crawl to warn about
        # generators that return a value: ~10 ms a crawl in a persistent worker, for a lint.
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        "LOG_LEVEL": log_level,
        # Duplicates and non-articles leave through DropItem; that is routine, not a warning.
        "DEFAULT_DROPITEM_LOG_LEVEL": "DEBUG",
        "ITEM_PIPELINES": {f"{cls.__module__}.{cls.__qualname__}": 100 * (i + 1) for i, cls in enumerate(PIPELINES)},
        "EXTENSIONS": {"newsmon.crawler.runs.CrawlRunRecorder": 500, **dict.fromkeys(_UNUSED_EXTENSIONS)},
        # If-None-Match / If-Modified-Since for list pages (crawler/conditional.py).
        "DOWNLOADER_MIDDLEWARES": {"newsmon.crawler.conditional.ConditionalGetMiddleware": 650,
                                   **dict.fromkeys(_UNUSED_DOWNLOADER_MIDDLEWARES)},
        "SPIDER_MIDDLEWARES": dict.fromkeys(_UNUSED_SPIDER_MIDDLEWARES),
        # Built at a crawl's first request of its scheme, not both at every crawl (crawler/download.py).
        "DOWNLOAD_HANDLERS": {**dict.fromkeys(_UNUSED_HANDLERS), **dict.fromkeys(("http", "https"), _LAZY_HTTP_HANDLER)},
    }


_IMMUTABLE = (str, int, float, bool, bytes, type(None))


def _copy_value(value: Any) -> Any:
    if isinstance(value, BaseSettings):
        return _copy_settings(value)
    if type(value) in _IMMUTABLE:
        return value
    return copy.deepcopy(value)


def _copy_settings(settings: BaseSettings) -> Any:
    new = object.__new__(type(settings))
    new.__dict__.update(settings.__dict__)
    attributes: dict[str, SettingsAttribute] = {}
    for name, attribute in settings.attributes.items():
        twin = object.__new__(SettingsAttribute)
        twin.value = _copy_value(attribute.value)
        twin.priority = attribute.priority
        attributes[name] = twin
    new.attributes = attributes
    return new


class ReusableSettings(Settings):
    """Scrapy settings built once and handed to many ``Crawler`` objects (a persistent worker).

    ``Crawler`` copies its settings with ``copy.deepcopy``: ~15 ms of a 35 ms
    crawl of an unchanged page, most of it reconstructing ~300 immutable
    values through the generic copy protocol. This ``copy()`` gives the same
    result (a new object of the same class, every nested ``BaseSettings`` and
    every mutable value copied deeply, the same priorities) and only shares
    immutable leaves (str, int, float, bool, bytes, None).
    """

    def copy(self) -> Any:
        """A copy that shares nothing mutable with this object (see the class docstring)."""
        return _copy_settings(self)


def reusable_settings(
    crawl: CrawlSettings, *, log_level: str = "CRITICAL", time_limit: float | None = None
) -> ReusableSettings:
    """:func:`scrapy_settings` as a :class:`ReusableSettings` (build once per config, pass to each Crawler)."""
    return ReusableSettings(scrapy_settings(crawl, log_level=log_level, time_limit=time_limit))
