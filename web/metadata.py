"""Datasette metadata for a newsmon database: table and column descriptions, facets, a search query.

Served by the plugin's ``get_metadata`` hook, so ``datasette news.db`` shows it as well
as ``newsmon serve``. The column descriptions follow the README's "Database" table.
"""

from __future__ import annotations

from typing import Any

from newsmon.db.fts import RANK_PREFIX
from newsmon.db.reader import CANNED_SEARCH_SQL

__all__ = ["HIDDEN_COLUMNS", "database_metadata"]

#: Columns left out of Datasette's HTML table view of ``articles`` unless asked for
#: (``?_col=body``): the full body makes the table unreadable.
HIDDEN_COLUMNS = {"articles": ("body", "fingerprint", "published_utc")}

_ARTICLES = {
    "id": "Story id (also the full-text index's rowid); /story/ID shows the story.",
    "url": "URL of the primary copy (the earliest-published place).",
    "site": "Site name from config.yaml.",
    "title": "Headline.",
    "published_at": "Publication time as the page gave it (ISO 8601; Chinese pages without a zone are +08:00).",
    "published_utc": "The same instant in UTC, for sorting and filtering.",
    "source": "来源: the publisher the page names.",
    "author": "Author or editor (作者/责任编辑) when the page names one.",
    "lang": "Language code of the text.",
    "body": "Plain text, one paragraph per line.",
    "fingerprint": "Hash of the normalised body (exact duplicate detection).",
    "fetched_at": "When newsmon downloaded it (UTC).",
    "summary": "The page's 核心提示/摘要/导读 box, not repeated in the body; empty when none.",
}

_TABLES: dict[str, dict[str, Any]] = {
    "articles": {
        "description": "One row per story (the earliest-published copy). Search it at /search.",
        "columns": _ARTICLES,
        "facets": ["site", "source", {"date": "published_at"}],
        "sort_desc": "id",
        "label_column": "title",
    },
    "article_sources": {
        "description": "Every place a story was seen (syndicated copies on other sites).",
        "columns": {
            "article_id": "The story (articles.id).",
            "site": "Site where this copy was seen.",
            "url": "URL of this copy.",
            "first_seen_at": "When newsmon first saw it (UTC).",
            "published_at": "Publication time this copy gave.",
            "url_key": "Canonical URL (no scheme, tracking parameters or trailing slash).",
            "fingerprint": "Hash of this copy's normalised body.",
        },
        "facets": ["site"],
    },
    "crawl_runs": {
        "description": "One row per site crawl: counts, status and first errors. /sites summarises them.",
        "columns": {
            "status": "running, ok, partial, failed, timeout or interrupted.",
            "list_pages": "List pages read (an unchanged page answering 304 counts).",
            "articles_new": "New stories stored.",
            "duplicates": "Copies of stories already stored.",
            "non_articles": "Pages that were not articles.",
            "failures": "Requests that failed.",
            "duration_s": "Seconds the crawl took.",
            "error": "First failures, one per line.",
            "list_failures": "Of the failures, list pages that could not be read, and stories of list page 2 or deeper that failed for a passing reason (empty before migration 5).",
        },
        "facets": ["site", "status"],
        "sort_desc": "id",
    },
    "alert_deliveries": {
        "description": "The alerts outbox: one row per (rule, story, channel). /alerts shows the log.",
        "columns": {
            "status": "pending (waiting for its time or a retry), sending or sent.",
            "matched": "JSON list of the terms that hit.",
            "attempts": "Delivery attempts so far.",
            "last_error": "Why the last attempt failed (secrets removed).",
            "next_attempt_at": "Not sent before this time (digest time or retry backoff).",
        },
        "facets": ["rule", "channel", "status"],
        "sort_desc": "id",
    },
    "non_articles": {"description": "Fetched pages that are not articles (never fetched again).",
                     "facets": ["site", "reason"]},
    "articles_fts": {
        "description": "Full-text index (contentless) of a CJK-bigram rewrite of title and body; rowid = articles.id."
                       " Query it with MATCH cjk_match_query('稀有气体').",
        "hidden": False,
    },
    "list_pages": {"description": "Validators (ETag, Last-Modified) of list pages for conditional GET."},
    "site_schedule": {"description": "When the daemon plans each site's next crawl."},
    "site_headlines": {"description": "Headlines seen on each site's list pages."},
    "site_places": {"description": "The city or county each site's list pages name as their owner's (empty when they "
                                   "name no one place): its stories' place when they name none and config.yaml sets "
                                   "none; a pending reading replaces it after two crawls in a row."},
    "list_page_places": {"description": "What each site's first list page said of its owner's place when last read "
                                        "(empty: an owner that is no one city's; NULL: none named)."},
    "newsmon_meta": {"description": "Schema and tokenizer versions."},
}



# The ranking tables of relevance (db/fts.py: articles_rank_0, _1, ... one per 100,000 stories) are the same
# index again, in blocks: hidden from the table list. Datasette's metadata names tables one by one, so the
# first 500 (50 million stories) are listed.
_TABLES.update({f"{RANK_PREFIX}{block}": {"hidden": True} for block in range(500)})


def database_metadata() -> dict[str, Any]:
    """The ``databases: NAME:`` block of Datasette metadata for a newsmon database."""
    return {
        "description": "Stories collected by newsmon. Search them at /search; site health at /sites.",
        "tables": _TABLES,
        "queries": {
            "search": {
                "title": "Full-text search (newsmon query language)",
                "description": "Words, \"phrases\", OR, -word, title:word; Chinese needs no spaces."
                               " cjk_match_query() rewrites the query for the CJK-bigram index.",
                "sql": CANNED_SEARCH_SQL,
            },
        },
    }
