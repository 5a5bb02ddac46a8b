"""Crawling and extraction: Scrapy spider, extract(), fingerprints, pipelines.

``extract`` and ``text_fingerprint`` are plain functions usable without a
crawl; ``run_crawl`` runs one pass over sites in a worker process.
"""

from .article import Article
from .extract import decode_html, extract
from .fingerprint import normalise_text, text_fingerprint
from .links import Link, ListPage, classify_links, extract_links
from .runner import SiteReport, run_crawl

__all__ = [
    "Article",
    "Link",
    "ListPage",
    "SiteReport",
    "classify_links",
    "decode_html",
    "extract",
    "extract_links",
    "normalise_text",
    "run_crawl",
    "text_fingerprint",
]
