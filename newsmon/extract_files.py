"""Run extraction on saved pages (``newsmon extract``)."""

from __future__ import annotations

import gzip
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Optional

from .errors import ExtractError

__all__ = ["extract_files"]


def extract_files(
    files: Iterable[Path], *, url: Optional[str] = None, now: Optional[datetime] = None
) -> list[dict[str, Any]]:
    """Extract each saved page (``.html`` or ``.html.gz``); one dict per input.

    Relative and year-less dates on a page are read against ``now``, by
    default the file's modification time (when it was saved), not today.
    """
    from newsmon.crawler.extract import extract

    results = []
    for path in files:
        try:
            data = path.read_bytes()
            saved = now or datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
            if path.suffix == ".gz":
                data = gzip.decompress(data)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise ExtractError(f"{path}: cannot read the file ({exc}).") from None
        article = extract(data, url or path.resolve().as_uri(), reference_time=saved)
        row = article.to_dict()
        results.append(
            {
                "input": str(path),
                **{k: row[k] for k in ("title", "published_at", "source", "author", "lang", "summary", "body")},
                "is_article": row["is_article"],
                "reason": row["reason"],
            }
        )
    return results
