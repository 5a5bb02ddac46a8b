"""Feeds (RSS/Atom, via feedparser) and sitemaps (Scrapy's sitemap reader) as list pages.

A ``start_urls`` entry may be a feed or a (news) sitemap: each entry is an
article link with its title and date, a sitemap index lists further
sitemaps (followed like next pages). A list page's
``<link rel="alternate" type="application/rss+xml">`` is reported so a site
with ``use_feed: true`` can read its feed as well.
"""

from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["FeedEntry", "FeedReading", "feed_kind", "read_feed", "read_sitemap", "feed_links"]

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_SITEMAP_ROOT = re.compile(rb"<(urlset|sitemapindex)\b", re.IGNORECASE)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


@dataclass(frozen=True)
class FeedEntry:
    """One article a feed or sitemap names."""

    url: str
    title: str
    date: Optional[str]


@dataclass
class FeedReading:
    """Entries in order and further documents (a sitemap index's children)."""

    entries: list[FeedEntry]
    more: list[str]


def feed_kind(body: bytes, content_type: Optional[str] = None) -> Optional[str]:
    """``"feed"``, ``"sitemap"`` or None (an HTML page), from the first bytes and the Content-Type."""
    head = body[:2048].lstrip()
    if head[:1] != b"<" and not head.startswith(b"\xef\xbb\xbf<"):
        return None
    if re.match(rb"(\xef\xbb\xbf)?\s*<(!doctype\s+html|html)\b", head, re.IGNORECASE):
        return None
    if _SITEMAP_ROOT.search(head):
        return "sitemap"
    if _FEED_ROOT.search(head):
        return "feed"
    ctype = (content_type or "").lower()
    if any(t in ctype for t in ("rss", "atom")):
        return "feed"
    return None


def _local(struct: Optional[time.struct_time]) -> Optional[str]:
    if not struct:
        return None
    from newsmon.clock import SHANGHAI

    # feedparser gives UTC struct_time; the stored hint is Beijing time like list dates.
    moment = datetime.fromtimestamp(calendar.timegm(struct), timezone.utc).astimezone(SHANGHAI)
    return moment.strftime("%Y-%m-%d %H:%M")


# A feed date that names its zone: RFC 822 (+0800, GMT, EDT…, a comment after it: "+0800 (CST)") or
# ISO 8601 (Z, +08:00).
_ZONED = re.compile(r"(?:Z|[+-]\d{2}:?\d{2}|[A-Za-z]{2,})\s*(?:\([^()]*\)\s*)?$")
# "CST" in a Chinese feed is China Standard Time (+08:00); feedparser reads it as US Central (-06:00),
# which put "14:38:10 CST" at 04:38 Beijing time the next day. In an American feed it is US Central.
_CHINA_CST = re.compile(r"\bCST\s*$")
# Hosts of the regions whose "CST" is UTC+8 (China, Taiwan; Hong Kong and Macau write HKT/CST).
_CHINA_HOST = re.compile(r"\.(?:cn|tw|hk|mo)\.?$", re.IGNORECASE)
_HANZI = re.compile(r"[\u3400-\u9fff]")


def _china_time_feed(parsed: Any, url: str) -> bool:
    """Does the feed's ``CST`` mean China Standard Time (UTC+8) rather than US Central (UTC-6)?

    Yes for a feed in Chinese (``<language>zh…``, or Chinese in its titles) or from a Chinese host
    (China Daily's English feeds on ``.com.cn`` print Beijing time as CST too); otherwise, an
    English feed from a ``.com`` in CST is American (feedparser's reading).
    """
    from urllib.parse import urlsplit

    feed = parsed.get("feed") or {}
    hosts = (urlsplit(url).hostname or "", urlsplit(str(feed.get("link") or "")).hostname or "")
    if any(_CHINA_HOST.search(host) for host in hosts):
        return True
    if str(feed.get("language") or "").lower().startswith("zh"):
        return True
    titles = [str(feed.get("title") or "")] + [str(e.get("title") or "") for e in parsed.get("entries", [])[:20]]
    return any(_HANZI.search(title) for title in titles)


def _as_printed(raw: str, struct: Optional[time.struct_time]) -> Optional[str]:
    """A date printed without a zone, ``YYYY-MM-DD HH:MM`` as printed (Beijing time, like a list page's date).

    feedparser read it as UTC, so its fields are the printed time (``18 Sep 2018 14:38:10``;
    converting them to Beijing time put the story 8 hours late). RFC 822 with a weekday and no
    zone (``Tue, 18 Sep 2018 14:38:10``) feedparser does not read at all; the email module does.
    """
    fields: Optional[tuple[int, ...]] = tuple(struct) if struct else None
    if fields is None and not _ZONED.search(raw):
        from email.utils import parsedate

        parsed = parsedate(raw)
        fields = tuple(parsed) if parsed else None
    if fields is None:
        return None
    return f"{fields[0]:04d}-{fields[1]:02d}-{fields[2]:02d} {fields[3]:02d}:{fields[4]:02d}"


def _entry_date(entry: dict[str, object], *, china_cst: bool) -> Optional[str]:
    """The entry's published (else updated) date in Beijing time, ``YYYY-MM-DD[ HH:MM]``.

    feedparser reads a date without a zone as UTC; Chinese feeds write ``2018-09-18 14:38:10``
    meaning Beijing time (found on a real Tencent feed: every item came out 8 hours late). A
    zone-less date, or one feedparser cannot read (``2018年9月18日``), is read as printed, like
    a list page's date; so is one in ``CST`` when ``china_cst`` (a Chinese feed, see
    :func:`_china_time_feed`): China Standard Time there; elsewhere US Central, as feedparser reads it.
    """
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = str(entry.get(raw_key) or "").strip()
        found = entry.get(parsed_key)
        struct = found if isinstance(found, time.struct_time) else None
        if not raw and not struct:
            continue
        if raw and (not struct or not _ZONED.search(raw)):
            from .links import date_in_text

            return date_in_text(raw) or _as_printed(raw, struct)
        if struct and china_cst and _CHINA_CST.search(raw):  # the printed time is Beijing time: undo feedparser's -06:00
            printed = datetime.fromtimestamp(calendar.timegm(struct) - 6 * 3600, timezone.utc)
            return printed.strftime("%Y-%m-%d %H:%M")
        return _local(struct)
    return None


def read_feed(body: bytes, url: str) -> FeedReading:
    """The entries of an RSS/Atom feed: link, title, and published (else updated) date in Beijing time.

    ``CST`` is China Standard Time in a Chinese feed, US Central in another (:func:`_china_time_feed`).
    """
    import feedparser
    from urllib.parse import urljoin

    parsed = feedparser.parse(body, response_headers={"content-location": url})
    entries: dict[str, FeedEntry] = {}
    china_cst = _china_time_feed(parsed, url)
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link:
            continue
        link = urljoin(url, link)
        date = _entry_date(entry, china_cst=china_cst)
        title = " ".join((entry.get("title") or "").split())
        entries.setdefault(link, FeedEntry(link, title, date))
    return FeedReading(list(entries.values()), [])


def read_sitemap(body: bytes, url: str) -> FeedReading:
    """The pages of a sitemap (``<news:title>``/``<news:publication_date>`` used when present), or the sitemaps of an index."""
    from scrapy.utils.sitemap import Sitemap

    from .links import date_in_text

    try:
        sitemap = Sitemap(body)
    except Exception:  # lxml raises several types on broken XML; a broken sitemap has no entries
        return FeedReading([], [])
    news = _news_fields(body)
    entries: dict[str, FeedEntry] = {}
    more: list[str] = []
    for item in sitemap:
        loc = (item.get("loc") or "").strip()
        if not loc:
            continue
        if sitemap.type == "sitemapindex":
            more.append(loc)
            continue
        title, published = news.get(loc, ("", None))
        date = date_in_text(published or item.get("lastmod") or "")
        entries.setdefault(loc, FeedEntry(loc, title, date))
    return FeedReading(list(entries.values()), more)


def _news_fields(body: bytes) -> dict[str, tuple[str, Optional[str]]]:
    """loc -> (news:title, news:publication_date) of a Google News sitemap."""
    if b"<news:" not in body[:200_000] and b":news" not in body[:2000]:
        return {}
    from lxml import etree

    out: dict[str, tuple[str, Optional[str]]] = {}
    parser = etree.XMLParser(resolve_entities=False, recover=True, no_network=True)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return {}
    if root is None:
        return {}
    for url_el in root:
        loc = title = published = None
        for el in url_el.iter():
            tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
            if tag == "loc" and loc is None:
                loc = (el.text or "").strip()
            elif tag == "title":
                title = " ".join((el.text or "").split())
            elif tag == "publication_date":
                published = (el.text or "").strip()
        if loc:
            out[loc] = (title or "", published)
    return out


def feed_links(doc: HtmlElement, base_url: str) -> list[str]:
    """The feeds a page announces with ``<link rel="alternate" type="application/rss+xml" href=…>``."""
    from urllib.parse import urljoin

    out: list[str] = []
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().strip()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in _FEED_TYPES and href:
            url = urljoin(base_url, href)
            if url not in out:
                out.append(url)
    return out
