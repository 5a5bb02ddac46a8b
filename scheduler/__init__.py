"""Running crawls: one pass now (``run_crawl``) or on schedule (``Daemon``), on a pool of persistent workers."""

from .crawl import ALL_FAILED_EXIT, SiteReport, run_crawl
from .pool import CrawlPool, PoolSettings

__all__ = ["ALL_FAILED_EXIT", "CrawlPool", "PoolSettings", "SiteReport", "run_crawl"]
