"""Crawling and extraction: Scrapy spider, extract(), fingerprints, pipelines.

``extract`` and ``text_fingerprint`` are plain functions usable without a
crawl.
"""

from .article import Article
from .extract import decode_html, extract
from .fingerprint import normalise_text, text_fingerprint
from .links import Link, ListPage, classify_links, extract_links

__all__ = [
    "Article",
    "Link",
    "ListPage",
    "classify_links",
    "decode_html",
    "extract",
    "extract_links",
    "normalise_text",
    "text_fingerprint",
]
