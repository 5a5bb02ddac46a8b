"""Atom 1.0 and RSS 2.0 feeds of stories, written as a stream.

Hand-written on the standard library's ``XMLGenerator`` rather than with
feedgen: feedgen builds the whole document as an lxml tree before writing it,
and ``newsmon export --format atom`` must write a million stories in
constant memory. One writer serves both the web feeds (newest 50) and the
export. Validity is checked by the tests with feedparser (no ``bozo`` flag).

Entry ids are stable: the URL where newsmon first saw the story (its first
``article_sources`` row never changes, even when an earlier copy later becomes
the story's primary URL), so a feed reader never shows a story twice.
"""

from __future__ import annotations

import html
import mimetypes
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Any, Callable, Iterable, Iterator, Optional, TextIO, cast
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

__all__ = ["FEED_FORMATS", "FEED_TYPES", "FeedInfo", "entry_id", "write_feed"]

FEED_FORMATS = ("atom", "rss")
FEED_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}
_ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedInfo:
    """What a feed says about itself."""

    title: str
    id: str  # Atom feed id: a stable URI for this feed (e.g. its URL without host: tag/urn)
    subtitle: str = ""
    self_url: Optional[str] = None  # where the feed is served (rel=self)
    html_url: Optional[str] = None  # the page the feed belongs to (rel=alternate)
    updated: Optional[str] = None  # ISO 8601; default: the newest entry's time, or now


def entry_id(story: dict[str, Any]) -> str:
    """The stable id of a story in every feed: the URL where it was first seen."""
    sources = story.get("sources") or []
    return str(sources[0]["url"] if sources else story["url"])


def _when(story: dict[str, Any]) -> datetime:
    value = story.get("published_at") or story.get("fetched_at")
    if value:
        try:
            moment = datetime.fromisoformat(value)
            return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    return datetime(1970, 1, 1, tzinfo=timezone.utc)


def _content_html(story: dict[str, Any]) -> str:
    paragraphs = [p for p in (story.get("body") or "").split("\n") if p.strip()]
    parts = []
    if story.get("summary"):
        parts.append(f"<p><strong>{html.escape(story['summary'])}</strong></p>")
    parts.extend(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    meta = " · ".join(html.escape(str(v)) for v in (story.get("site"), story.get("source"), story.get("author")) if v)
    if meta:
        parts.append(f"<p><small>{meta}</small></p>")
    return "\n".join(parts)


def _media_type(story: dict[str, Any]) -> str:
    """What the story's URL serves: ``text/html``, or the file's type for a file row (``application/pdf``)."""
    if not story.get("file_type"):
        return "text/html"
    return mimetypes.guess_type(f"x.{story['file_type']}")[0] or "application/octet-stream"


def _summary(story: dict[str, Any], width: int = 200) -> str:
    text = story.get("summary") or (story.get("body") or "").replace("\n", " ")
    return text[:width] + ("…" if len(text) > width else "")


class _Writer:
    def __init__(self, out: TextIO) -> None:
        # A text stream works (XMLGenerator writes str to a TextIOBase); typeshed only lists bytes sinks.
        self.xml = XMLGenerator(cast(Any, out), encoding="utf-8", short_empty_elements=True)

    def start(self, name: str, attrs: Optional[dict[str, str]] = None) -> None:
        self.xml.startElement(name, AttributesImpl(attrs or {}))

    def end(self, name: str) -> None:
        self.xml.endElement(name)

    def text(self, name: str, value: str, attrs: Optional[dict[str, str]] = None) -> None:
        self.start(name, attrs)
        self.xml.characters(value)
        self.end(name)

    def empty(self, name: str, attrs: dict[str, str]) -> None:
        self.start(name, attrs)
        self.end(name)


def _entries(w: _Writer, first: Optional[dict[str, Any]], rest: Iterator[dict[str, Any]],
             write_one: Callable[[_Writer, dict[str, Any], Optional[Callable[[dict[str, Any]], str]]], None],
             story_page: Optional[Callable[[dict[str, Any]], str]],
             on_entry: Optional[Callable[[int], None]]) -> int:
    """Write ``first`` and then ``rest`` one at a time with ``write_one`` (an Atom entry or RSS item); the count."""
    count = 0
    story = first
    while story is not None:
        write_one(w, story, story_page)
        count += 1
        if on_entry:
            on_entry(count)
        story = next(rest, None)
    return count


def write_feed(
    out: TextIO,
    fmt: str,
    info: FeedInfo,
    stories: Iterable[dict[str, Any]],
    *,
    story_page: Optional[Callable[[dict[str, Any]], str]] = None,
    on_entry: Optional[Callable[[int], None]] = None,
) -> int:
    """Write ``stories`` (rows of ``newsmon.db.reader.articles_by_ids``) to ``out`` as an Atom or RSS feed.

    ``stories`` is consumed lazily, one entry at a time. ``story_page`` gives a story's
    page on the web UI (linked beside the original). ``on_entry(n)`` is called after each
    entry (progress). Returns the number of entries.
    """
    if fmt not in FEED_FORMATS:
        raise ValueError(f"feed format must be one of {FEED_FORMATS}")
    stories = iter(stories)
    first = next(stories, None)
    updated = (datetime.fromisoformat(info.updated) if info.updated
               else _when(first) if first is not None else datetime.now(timezone.utc))
    w = _Writer(out)
    w.xml.startDocument()
    if fmt == "atom":
        w.start("feed", {"xmlns": _ATOM_NS})
        w.text("id", info.id)
        w.text("title", info.title)
        if info.subtitle:
            w.text("subtitle", info.subtitle)
        w.text("updated", updated.isoformat())
        w.text("generator", "newsmon")
        if info.self_url:
            w.empty("link", {"rel": "self", "type": FEED_TYPES["atom"], "href": info.self_url})
        if info.html_url:
            w.empty("link", {"rel": "alternate", "type": "text/html", "href": info.html_url})
        count = _entries(w, first, stories, _atom_entry, story_page, on_entry)
        w.end("feed")
    else:
        w.start("rss", {"version": "2.0", "xmlns:atom": _ATOM_NS})
        w.start("channel", {})
        w.text("title", info.title)
        w.text("link", info.html_url or info.self_url or info.id)
        w.text("description", info.subtitle or info.title)
        w.text("lastBuildDate", format_datetime(updated))
        w.text("generator", "newsmon")
        if info.self_url:
            w.empty("atom:link", {"rel": "self", "type": FEED_TYPES["rss"], "href": info.self_url})
        count = _entries(w, first, stories, _rss_item, story_page, on_entry)
        w.end("channel")
        w.end("rss")
    w.xml.endDocument()
    out.write("\n")
    return count


def _atom_entry(w: _Writer, story: dict[str, Any], story_page: Optional[Callable[[dict[str, Any]], str]]) -> None:
    when = _when(story).isoformat()
    w.start("entry", {})
    w.text("id", entry_id(story))
    w.text("title", story.get("title") or "(no title)")
    w.empty("link", {"rel": "alternate", "type": _media_type(story), "href": story["url"]})
    if story_page:
        w.empty("link", {"rel": "related", "type": "text/html", "href": story_page(story)})
    w.text("published", when)
    w.text("updated", when)
    w.start("author", {})
    w.text("name", story.get("author") or story.get("source") or story.get("site") or "newsmon")
    w.end("author")
    if story.get("site"):
        w.empty("category", {"term": story["site"]})
    w.text("summary", _summary(story))
    w.text("content", _content_html(story), {"type": "html"})
    w.end("entry")


def _rss_item(w: _Writer, story: dict[str, Any], story_page: Optional[Callable[[dict[str, Any]], str]]) -> None:
    w.start("item", {})
    w.text("title", story.get("title") or "(no title)")
    w.text("link", story["url"])
    if story.get("file_type"):
        # A file row (PDF announcement): readers offer it as an attachment. Its length is unknown
        # (never downloaded); RSS 2.0 requires the attribute, and 0 is the usual "unknown".
        w.empty("enclosure", {"url": story["url"], "type": _media_type(story), "length": "0"})
    w.text("guid", entry_id(story), {"isPermaLink": "false"})
    w.text("pubDate", format_datetime(_when(story)))
    if story.get("site"):
        w.text("category", story["site"])
    # No <author>: RSS wants an e-mail address there; the source is in the description.
    comments = story_page(story) if story_page else None
    if comments:
        w.text("comments", comments)
    w.text("description", _content_html(story))
    w.end("item")
