"""``SiteReport``: how one site's crawl went, as the caller of a crawl sees it."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Optional

__all__ = ["SiteReport", "headline_error", "log_crawl", "quote"]


def quote(text: str) -> str:
    """``text`` as a logfmt value."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


@dataclass
class SiteReport:
    """How one site's crawl went (also stored as a ``crawl_runs`` row)."""

    site: str
    status: str  # ok | partial | failed | timeout | interrupted
    list_pages: int = 0
    articles_new: int = 0
    duplicates: int = 0
    non_articles: int = 0
    failures: int = 0
    list_failures: int = 0  # of which list pages or deeper pages' stories (the next crawl then follows the pagination past known pages)
    recleaned: int = 0  # stored stories re-cleaned because the site template learned a chrome line
    facts_reread: int = 0  # stored stories whose facts were re-read because the site's place changed
    duration_s: float = 0.0
    errors: list[str] = field(default_factory=list)
    run_id: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return dict(self.__dict__)

    @classmethod
    def from_event(cls, event: dict[str, Any]) -> "SiteReport":
        """The report carried by a worker's ``site_done`` event."""
        return cls(**{k: event[k] for k in cls.__dataclass_fields__ if k in event})


# A story the store could not keep ("…: not stored: Lost the connection to PostgreSQL …", "…: not recorded: …") is the
# failure an operator must act on; a fetch that timed out is retried by the next crawl anyway.
_STORE_FAILURE = re.compile(r": not (stored|recorded): ")


def headline_error(errors: list[str]) -> str:
    """The error a crawl's one line shows: the first storage failure, else the first error."""
    return next((e for e in errors if _STORE_FAILURE.search(e)), errors[0])


def log_crawl(log: logging.Logger, r: SiteReport, wall: float, helper: bool = False) -> None:
    """The ``crawl site=… status=…`` line of one finished crawl (the daemon's and ``newsmon worker``'s).

    ``duration``: the crawl itself (spider open to close); ``wall``: including the wait in the queue.
    ``helper``: a helper of another worker's crawl (``helped crawl site=…``; its owner's line counts its work).
    """
    level = logging.INFO if r.status in ("ok", "partial", "interrupted") else logging.WARNING
    error = f" error={quote(headline_error(r.errors))}" if r.errors and r.status not in ("ok",) else ""
    log.log(
        level,
        "%s site=%s status=%s new=%d duplicates=%d non_articles=%d failures=%d list_pages=%d "
        "duration=%.1fs wall=%.1fs%s",
        "helped crawl" if helper else "crawl", r.site, r.status, r.articles_new, r.duplicates, r.non_articles, r.failures, r.list_pages,
        r.duration_s, wall, error,
    )
