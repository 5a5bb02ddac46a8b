"""Map newsmon's config onto Scrapy settings, in one place.

Politeness comes from Scrapy itself (RobotsTxtMiddleware, AutoThrottle,
per-domain concurrency, DOWNLOAD_MAXSIZE); we only choose the values.
"""

from __future__ import annotations

from typing import Any

from newsmon.config import CrawlSettings

from .pipelines import PIPELINES

__all__ = ["scrapy_settings"]


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
        "EXTENSIONS": {"newsmon.crawler.runs.CrawlRunRecorder": 500},
        # If-None-Match / If-Modified-Since for list pages (crawler/conditional.py).
        "DOWNLOADER_MIDDLEWARES": {"newsmon.crawler.conditional.ConditionalGetMiddleware": 650},
    }
