"""``SiteReport``: how one site's crawl went, as the caller of a crawl sees it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

__all__ = ["SiteReport"]


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
    recleaned: int = 0  # stored stories re-cleaned because the site template learned a chrome line
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
