"""``newsmon probe``: fetch one page as the crawler would and say what it sees.

The API behind the command: :func:`fetch_page` (one GET with the crawler's
User-Agent, redirects followed, size capped; failures as one-sentence
:class:`~newsmon.errors.FetchError`), :func:`probe_list` (the list reader,
:func:`~newsmon.crawler.listpage.read_list_page`, on that page) and
:func:`probe_article` (:func:`~newsmon.crawler.extract` on it), and
:func:`suggest_site_config` (the ``sites:`` entry to paste into config.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional
from urllib.parse import urlsplit

from newsmon.errors import FetchError

from .article import Article
from .extract import extract
from .feeds import feed_kind
from .listpage import ListReading, read_list_page
from .siteplace import page_place

__all__ = ["Fetched", "fetch_page", "probe_article", "probe_list", "suggest_site_config"]

DEFAULT_USER_AGENT = "newsmon/0.1 (+https://github.com/newsmon/newsmon; news monitoring bot)"
MAX_BYTES = 10 * 1024 * 1024
_READABLE = ("html", "xml", "rss", "atom", "text/plain", "json")


@dataclass(frozen=True)
class Fetched:
    """One fetched page: the final URL (after redirects), headers and body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes


def fetch_page(url: str, *, user_agent: str = DEFAULT_USER_AGENT, timeout: float = 20.0) -> Fetched:
    """GET ``url`` like the crawler does; raise FetchError with one sentence when no usable page comes back."""
    import httpx

    if not re.match(r"^https?://[^/\s]+", url):
        raise FetchError(f"{url!r} is not an http(s) URL.")
    try:
        with httpx.Client(follow_redirects=True, timeout=timeout, headers={"User-Agent": user_agent}) as client:
            with client.stream("GET", url) as response:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise FetchError(f"{url} is larger than {MAX_BYTES // (1024 * 1024)} MiB; not a list page.")
                    chunks.append(chunk)
                final = str(response.url)
                status = response.status_code
                reason = response.reason_phrase
                headers = {k: v for k, v in response.headers.items()}
    except httpx.TimeoutException:
        raise FetchError(f"{url} did not answer within {timeout:g} seconds.") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url} redirects too many times (a redirect loop).") from None
    except httpx.HTTPError as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FetchError(f"Could not reach {url} ({detail}).") from None
    if status >= 400:
        raise FetchError(f"{final} answered HTTP {status} {reason}.".replace(" .", "."))
    body = b"".join(chunks)
    ctype = headers.get("content-type", "").lower()
    if ctype and not any(kind in ctype for kind in _READABLE) and feed_kind(body) is None:
        raise FetchError(f"{final} is not an HTML page, feed or sitemap (Content-Type: {ctype}).")
    if not body.strip():
        raise FetchError(f"{final} answered with an empty page.")
    return Fetched(final, status, headers, body)


def probe_list(
    url: str,
    *,
    user_agent: str = DEFAULT_USER_AGENT,
    timeout: float = 20.0,
    encoding: Optional[str] = None,
    article_url_pattern: Optional[str] = None,
    list_url_pattern: Optional[str] = None,
) -> ListReading:
    """Fetch ``url`` and read it as a list page (or feed, sitemap, dataproxy answer)."""
    page = fetch_page(url, user_agent=user_agent, timeout=timeout)
    return read_list_page(
        page.body,
        page.url,
        headers=page.headers,
        encoding=encoding,
        article_url_pattern=article_url_pattern,
        list_url_pattern=list_url_pattern,
    )


def probe_article(
    url: str, *, user_agent: str = DEFAULT_USER_AGENT, timeout: float = 20.0, encoding: Optional[str] = None
) -> Article:
    """Fetch ``url`` and extract it as an article page."""
    page = fetch_page(url, user_agent=user_agent, timeout=timeout)
    article: Article = extract(page.body, page.url, content_type=page.headers.get("content-type"), encoding=encoding)
    return article


def _site_name(url: str) -> str:
    host = (urlsplit(url).hostname or "site").lower()
    host = re.sub(r"^www\.", "", host)
    return re.sub(r"[^a-z0-9]+", "-", host).strip("-") or "site"


def suggest_site_config(url: str, reading: Optional[ListReading] = None) -> dict[str, Any]:
    """The ``sites:`` entry for config.yaml that crawls ``url`` the way ``reading`` saw it."""
    entry: dict[str, Any] = {"name": _site_name(url), "start_urls": [url], "every": "30m"}
    if reading is not None:
        if reading.shape == "needs_browser":
            entry["render"] = "browser"
        elif not reading.articles and reading.feeds:
            entry["use_feed"] = True
        place = page_place(reading.title, reading.owners)
        if place:
            entry["place"] = place
    return entry
