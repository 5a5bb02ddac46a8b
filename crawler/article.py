"""The value extraction produces: one article page, cleaned."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Optional

__all__ = ["Article"]


@dataclass(frozen=True)
class Article:
    """What :func:`newsmon.crawler.extract` found on a page.

    ``body`` is plain text, one paragraph per line, NFC-normalised.
    ``published_at`` is timezone-aware (Asia/Shanghai when the page gives no zone)
    or None when no trustworthy date was found.
    """

    url: str
    title: str = ""
    body: str = ""
    published_at: Optional[datetime] = None
    source: Optional[str] = None
    author: Optional[str] = None
    lang: Optional[str] = None
    canonical_url: Optional[str] = None
    # The page's own summary box (核心提示/摘要/导读), kept apart from the body.
    summary: Optional[str] = None
    is_article: bool = True
    # Why is_article is False ("too little text", "looks like a list page"), for logs.
    reason: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly dict (dates as ISO 8601 with offset)."""
        data = asdict(self)
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        return data
