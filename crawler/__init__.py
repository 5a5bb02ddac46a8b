"""Crawling and extraction: Scrapy spider, extract(), fingerprints, pipelines.

``extract`` and ``text_fingerprint`` are plain functions usable without a
crawl.
"""

from .article import Article
from .extract import decode_html, extract
from .fingerprint import normalise_text, text_fingerprint
from .links import Link, ListPage, Rejected, classify_links, extract_links
from .listpage import ArticleLink, ListReading, read_list_page

__all__ = [
    "Article",
    "ArticleLink",
    "ListReading",
    "Rejected",
    "read_list_page",
    "Link",
    "ListPage",
    "classify_links",
    "decode_html",
    "extract",
    "extract_links",
    "normalise_text",
    "text_fingerprint",
]
