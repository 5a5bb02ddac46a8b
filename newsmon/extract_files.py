"""Run extraction on saved pages (``newsmon extract``)."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any, Iterable, Optional

from .errors import ExtractError

__all__ = ["extract_files"]


def extract_files(files: Iterable[Path], *, url: Optional[str] = None) -> list[dict[str, Any]]:
    """Extract each saved page (``.html`` or ``.html.gz``); one dict per input."""
    from newsmon.crawler.extract import extract

    results = []
    for path in files:
        try:
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise ExtractError(f"{path}: cannot read the file ({exc}).") from None
        article = extract(data, url or path.resolve().as_uri())
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
