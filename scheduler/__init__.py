"""Running crawls: one pass now (``run_crawl``), each in a fresh worker process."""

from .crawl import SiteReport, run_crawl

__all__ = ["SiteReport", "run_crawl"]
