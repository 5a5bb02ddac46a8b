"""What an alert says: the stories of one delivery, as JSON (webhook) or text (chat, email).

Built at send time from the database, so ``sources`` lists every place the
story has been seen by then (syndicated copies found after the match
included).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Optional, Protocol, Sequence

from newsmon.db.handle import Handle
from newsmon.db.outbox import database_id
from newsmon.db.facts import get_facts
from newsmon.db.reader import articles_by_ids
from newsmon.db.search import make_snippet

__all__ = ["Message", "Story", "Notification", "load_notification"]

_TEXT_SNIPPET = 160
_TEXT_STORIES = 30  # chat robots cap message size; the webhook JSON always has every story


class Message(Protocol):
    """What a channel sends: an alert (:class:`Notification`) or a site health notice (``alerts.health``)."""

    @property
    def idempotency_key(self) -> str:
        """The same for every attempt of this message, different for any other."""

    def subject(self) -> str:
        """One line: the email subject, the chat message title."""

    def payload(self) -> dict[str, Any]:
        """The webhook JSON body."""

    def text(self) -> str:
        """Plain text (email body, Telegram, WeCom/Feishu text)."""

    def markdown(self) -> str:
        """Markdown for DingTalk, WeCom and Slack-like robots."""


@dataclass(frozen=True)
class Story:
    """One matched story, as an alert shows it."""

    article_id: int
    title: str
    url: str
    site: str
    published_at: Optional[str]
    snippet: str
    matched: tuple[str, ...]
    sources: tuple[dict[str, str], ...]
    delivery_id: int
    summary: Optional[str] = None  # the page's 核心提示/摘要 box, when it has one
    investment: Optional[dict[str, Any]] = None  # the story's investment facts (docs/facts.md)

    def payload(self) -> dict[str, Any]:
        """The story's fields for JSON."""
        return {
            "title": self.title,
            "url": self.url,
            "site": self.site,
            "published_at": self.published_at,
            "snippet": self.snippet,
            "summary": self.summary,
            "matched": list(self.matched),
            "sources": [dict(s) for s in self.sources],
            "article_id": self.article_id,
            "investment": self.investment,
        }


@dataclass(frozen=True)
class Notification:
    """One message to one channel: a single story, or a digest of several."""

    rule: str
    channel: str
    stories: tuple[Story, ...]
    digest: Optional[str] = None
    delivery_ids: tuple[int, ...] = field(default=())
    database_id: str = ""  # newsmon_meta.database_id of the database the alerts come from

    @property
    def is_digest(self) -> bool:
        return self.digest is not None

    @property
    def idempotency_key(self) -> str:
        """``newsmon-<rule>-<channel>-<database uuid>-<hash of the stories' URLs>``.

        The same for every attempt of this message (a receiver can drop a
        repeat after a crash), different for any other story, rule, channel or
        database (a reset database has a new UUID; row ids are reused, URLs
        hashed with the UUID are not). A digest hashes all its stories' URLs.
        """
        urls = "\n".join(sorted(story.url for story in self.stories))
        digest = hashlib.sha256(urls.encode("utf-8")).hexdigest()[:20]
        return f"newsmon-{self.rule}-{self.channel}-{self.database_id or 'nodb'}-{digest}"

    def payload(self) -> dict[str, Any]:
        """The webhook JSON body.

        A single alert: ``rule, title, url, site, published_at, snippet,
        summary, matched, sources, article_id, investment``. A digest: ``rule, digest, count,
        stories`` (each story with those fields) plus ``title``.
        """
        if not self.is_digest:
            return {"rule": self.rule, **self.stories[0].payload()}
        return {
            "rule": self.rule,
            "digest": self.digest,
            "title": self.subject(),
            "count": len(self.stories),
            "stories": [s.payload() for s in self.stories],
        }

    def subject(self) -> str:
        """One line: the email subject, the chat message title."""
        if self.is_digest:
            count = len(self.stories)
            return f"[newsmon] {self.rule}: {count} new {'story' if count == 1 else 'stories'}"
        return f"[newsmon] {self.rule}: {self.stories[0].title}"

    def text(self) -> str:
        """Plain text (email body, Telegram, WeCom/Feishu text)."""
        lines = [self.subject(), ""]
        for story in self.stories[:_TEXT_STORIES]:
            if self.is_digest:
                lines.append(f"• {story.title}")
            lines.append(f"{story.site} · {story.published_at or 'no date'} · matched: {', '.join(story.matched)}")
            lines.append(story.snippet[:_TEXT_SNIPPET])
            lines.append(story.url)
            others = [s for s in story.sources if s["url"] != story.url]
            if others:
                lines.append("Also at: " + ", ".join(f"{s['site']} {s['url']}" for s in others))
            lines.append("")
        lines.append(self._more())
        return "\n".join(lines).rstrip() + "\n"

    def _more(self) -> str:
        hidden = len(self.stories) - _TEXT_STORIES
        return f"… and {hidden} more (newsmon alerts log --rule {self.rule})" if hidden > 0 else ""

    def markdown(self) -> str:
        """Markdown for DingTalk, WeCom and Slack-like robots."""
        lines = [f"### {self.subject()}", ""]
        for story in self.stories[:_TEXT_STORIES]:
            lines.append(f"**[{story.title}]({story.url})**  ")
            lines.append(f"{story.site} · {story.published_at or 'no date'} · matched: {', '.join(story.matched)}  ")
            lines.append(f"> {story.snippet[:_TEXT_SNIPPET]}")
            others = [s for s in story.sources if s["url"] != story.url]
            if others:
                lines.append("")
                lines.append("Also at: " + ", ".join(f"[{s['site']}]({s['url']})" for s in others))
            lines.append("")
        lines.append(self._more())
        return "\n".join(lines).rstrip() + "\n"


def load_notification(db: Handle, rows: Sequence[dict[str, Any]]) -> Notification:
    """The message for outbox ``rows`` (one row, or all rows of one digest: same rule and channel)."""
    articles = {a["id"]: a for a in articles_by_ids(db, [row["article_id"] for row in rows])}
    stories = []
    for row in rows:
        article = articles.get(row["article_id"])
        if article is None:  # deleted by hand; the foreign key normally prevents it
            continue
        sources = tuple({"site": s["site"], "url": s["url"]} for s in article["sources"])
        matched = tuple(row.get("matched") or ())
        snippet = make_snippet(article["body"] or "", matched)
        stories.append(Story(article["id"], article["title"], article["url"], article["site"],
                             article["published_at"], snippet, matched, sources, row["id"], article["summary"],
                             get_facts(db, article["id"])))
    first = rows[0]
    return Notification(
        rule=first["rule"], channel=first["channel"], stories=tuple(stories), digest=first.get("digest"),
        delivery_ids=tuple(r["id"] for r in rows), database_id=database_id(db),
    )
