"""What the SQLite ``Store`` and the PostgreSQL ``PgStore`` share: ``add_article`` and its decision, once.

Whether a fetched copy is a new story, another source of a stored one (same
URL, same body fingerprint, a near duplicate) or an earlier copy that becomes
the primary is decided by :func:`store_copy`, written once against
:class:`CopyWriter`: the few reads and writes of one transaction, which each
database implements in its own SQL (``db/store.py``, ``db/pg_store.py``). Each
store only opens the transaction its way (SQLite ``BEGIN IMMEDIATE``;
PostgreSQL advisory locks and retries).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Generic, Optional, Protocol, TypeVar

from newsmon.clock import utc_now

from .dedupe import NearMatch, NearPrint, find_near_duplicate, index_near_print
from .facts import facts_by_ids, facts_record_of, save_facts
from .handle import Handle
from .health import last_run_completed, list_failure_streak
from .reader import article_with_facts, articles_by_ids, crawl_runs

__all__ = ["AddResult", "CopyWriter", "FactsFill", "MatchHook", "NewArticleHook", "StoreBase", "StoryCopy",
           "published_values", "store_copy"]

log = logging.getLogger(__name__)

# Called with the store's handle *inside* the transaction (a transaction-bound
# PgDatabase on PostgreSQL), the new story's id and its row.
NewArticleHook = Callable[[Handle, int, dict[str, Any]], None]


class MatchHook(Protocol):
    """Called with the story's row *before* the write transaction (slow work such as alert matching must not hold the
    write lock); returns the NewArticleHook to run inside the transaction if the story turns out to be new, or None.
    Called again, inside the transaction, when a copy changes a stored story's facts, with ``before`` the story as it
    was: the hook then answers for what the story newly satisfies only."""

    def __call__(self, row: dict[str, Any], before: Optional[dict[str, Any]] = None) -> Optional[NewArticleHook]: ...


class FactsFill(Protocol):
    """What a fetched copy tells of a stored story's facts (facts.copies.CopyPlace: its site's place); db/ only stores
    what it returns."""

    def fill(self, stored: Optional[dict[str, Any]]) -> Optional[dict[str, Any]]:
        """The facts to store for the stored story (``stored``: its facts, None when never extracted) now that this
        copy is one of its sources, or None for no change."""
        ...

    def as_primary(self, facts: dict[str, Any], former: Optional[dict[str, Any]]) -> dict[str, Any]:
        """The facts to store when this copy, read as ``facts``, becomes the primary of a story stored with
        ``former``."""
        ...


def published_values(value: Optional[datetime]) -> tuple[Optional[str], Optional[str]]:
    """``(published_at, published_utc)`` as stored: ISO 8601 with the page's offset, and the same instant in UTC."""
    if value is None:
        return None, None
    if value.tzinfo is None:
        raise ValueError("published_at must be timezone-aware")
    return value.isoformat(), value.astimezone(timezone.utc).isoformat()


@dataclass(frozen=True)
class StoryCopy:
    """One fetched copy of a story, as add_article received it."""

    url: str
    site: str
    title: str
    published_at: Optional[str]
    published_utc: Optional[str]
    source: Optional[str]
    author: Optional[str]
    lang: Optional[str]
    body: str
    fingerprint: str
    fetched_at: str
    url_key: Optional[str]
    near: Optional[NearPrint]
    summary: Optional[str] = None
    file_type: Optional[str] = None


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Store.add_article` did."""

    article_id: int
    status: str  # "new" | "duplicate" | "known_url"
    reason: str = ""  # for duplicates: why ("same text as #12")


class CopyWriter(Protocol):
    """One database's reads and writes inside the transaction that stores a copy."""

    @property
    def handle(self) -> Handle: ...  # bound to the transaction: dedupe bands, facts and hooks write through it

    def known_url(self, url: str, url_key: Optional[str]) -> Optional[int]: ...

    def by_fingerprint(self, fingerprint: str) -> Optional[int]: ...

    def hold_story(self, article_id: int) -> None: ...  # no other copy changes the story's facts meanwhile

    def published_utc(self, article_id: int) -> Optional[str]: ...

    def add_source(self, article_id: int, copy: StoryCopy) -> None: ...

    def insert(self, copy: StoryCopy) -> int: ...  # the articles row and its search index entry

    def rewrite(self, article_id: int, copy: StoryCopy) -> None: ...  # the row and index entry, from ``copy``

    def forget_non_article(self, url: str) -> None: ...


def store_copy(writer: CopyWriter, copy: StoryCopy, row: dict[str, Any], hooks: list[NewArticleHook],
               facts: Optional[dict[str, Any]], *, fill: Optional[FactsFill] = None,
               rematch: tuple[MatchHook, ...] = ()) -> AddResult:
    """Store ``copy`` through ``writer`` (inside its transaction): the decision of ``Store.add_article``.

    ``fill``: what the copy tells of a stored story's facts (its place); when a copy changes the stored story's facts
    (fills its place, or becomes its primary), the story as stored now is matched again by ``rematch`` (the alert
    rules): a rule it newly satisfies alerts, one it satisfied already is kept once by the outbox's unique key."""
    known = writer.known_url(copy.url, copy.url_key)
    if known is not None:
        return AddResult(known, "known_url")
    existing = writer.by_fingerprint(copy.fingerprint)
    reason = f"same text as article {existing}"
    if existing is None and copy.near is not None:
        match = find_near_duplicate(writer.handle, copy.near, copy.title, copy.body, copy.site)
        if match is not None:
            existing = match.article_id
            reason = (f"same story as article {existing} (similarity {match.jaccard:.2f},"
                      f" containment {match.containment:.2f})")
    if existing is not None:
        if fill is not None:
            writer.hold_story(existing)  # its facts are read, then written
        writer.add_source(existing, copy)
        stored = writer.published_utc(existing)
        changed: Optional[dict[str, Any]] = None
        before: Optional[dict[str, Any]] = None  # the story as the rules read it before this copy changed it
        if copy.published_utc is not None and stored is not None and copy.published_utc < stored:
            before = _story(writer.handle, existing) if rematch and facts is not None else None
            former = facts_record_of(writer.handle, existing, for_update=True) if facts is not None else None
            writer.rewrite(existing, copy)  # same id, sources and alert rows; new text and index
            if copy.near is not None:
                index_near_print(writer.handle, existing, copy.near)  # the old bands stay: copies may resemble either
            if facts is not None:
                kept = fill.as_primary(facts, former) if fill is not None else facts
                save_facts(writer.handle, existing, kept, version=int(kept.get("version", 0)))
                changed = kept
            reason += "; published earlier, now the primary copy"
        elif fill is not None:
            changed = fill.fill(facts_record_of(writer.handle, existing, for_update=True))
            if changed is not None:
                before = _story(writer.handle, existing) if rematch else None
                save_facts(writer.handle, existing, changed, version=int(changed.get("version", 0)))
                reason += "; this copy's site told its place"
        if changed is not None and before is not None:
            _rematch(writer.handle, existing, changed, rematch, before)
        return AddResult(existing, "duplicate", reason)
    article_id = writer.insert(copy)
    writer.add_source(article_id, copy)
    if copy.near is not None:
        index_near_print(writer.handle, article_id, copy.near)
    writer.forget_non_article(copy.url)  # a non-article page that later became an article is stored now
    if facts is not None:
        save_facts(writer.handle, article_id, facts, version=int(facts.get("version", 0)))
    stored_row = {"id": article_id, **row}
    for hook in hooks:
        hook(writer.handle, article_id, stored_row)
    return AddResult(article_id, "new")


def _story(handle: Handle, article_id: int) -> Optional[dict[str, Any]]:
    """The stored story as the alert rules read it: its primary copy's row and its facts (``investment``)."""
    for row in articles_by_ids(handle, [article_id]):
        return {**row, "investment": facts_by_ids(handle, [article_id]).get(article_id)}
    return None


def _rematch(handle: Handle, article_id: int, facts: dict[str, Any], hooks: tuple[MatchHook, ...],
             before: dict[str, Any]) -> None:
    """Match the stored story (its primary copy's row now, ``facts`` its facts now) against ``before`` by ``hooks`` and
    run the writers of what it newly satisfies, inside the transaction (a copy changes a story's facts rarely: a place
    told, an earlier copy). A matching error is logged: the copy is stored all the same."""
    story = _story(handle, article_id)
    if story is None:
        return
    story["investment"] = {key: value for key, value in facts.items() if key != "version"}
    try:
        writers = [write for match in hooks if (write := match(story, before)) is not None]
    except Exception as exc:  # boundary: a rule's failure never loses the copy's source row
        log.warning("article %s: alert rules not matched again after a copy changed its facts (%s: %s)", article_id,
                    type(exc).__name__, exc)
        return
    for write in writers:
        write(handle, article_id, story)


H = TypeVar("H", bound=Handle)


class StoreBase(Generic[H]):
    """The half of a store (``db.StoreAPI``) that does not depend on the database (``H``: its handle's type)."""

    db: H

    def __init__(self) -> None:
        # Called inside the transaction that stores a new story, with
        # (db, article_id, row): lets another package (alerts' outbox) write its
        # rows atomically with the story without db/ importing it.
        self.new_article_hooks: list[NewArticleHook] = []
        # Called before the transaction with the story's row (no id yet); each
        # returns a NewArticleHook for inside it, or None (see MatchHook).
        self.match_hooks: list[MatchHook] = []

    def find_near_duplicate(
        self, near: NearPrint, title: Optional[str] = None, body: Optional[str] = None, site: Optional[str] = None
    ) -> Optional[NearMatch]:
        """The stored story that ``near`` (and the copy's title, body, site) say is the same story (db/dedupe.py)."""
        return find_near_duplicate(self.db, near, title, body, site)

    def add_article(
        self,
        *,
        site: str,
        url: str,
        title: str,
        body: str,
        fingerprint: str,
        published_at: Optional[datetime] = None,
        source: Optional[str] = None,
        author: Optional[str] = None,
        lang: Optional[str] = None,
        fetched_at: Optional[str] = None,
        url_key: Optional[str] = None,
        near: Optional[NearPrint] = None,
        summary: Optional[str] = None,
        facts: Optional[dict[str, Any]] = None,
        file_type: Optional[str] = None,
        fill: Optional[FactsFill] = None,
    ) -> AddResult:
        """Store one fetched article, or record it as another source of a stored story.

        An article whose URL (or ``url_key``, see ``newsmon.crawler.urls``) is already
        known is ignored (``known_url``). One whose body fingerprint matches
        a stored copy, or whose MinHash ``near`` finds the same story
        (``newsmon.db.dedupe``), adds an ``article_sources`` row only
        (``duplicate``); if it was published earlier than the stored story's
        primary copy it becomes the primary (``articles`` row and search
        index rewritten, no new-article hooks). Anything else is a new story
        with its first source row, index entry and near-duplicate bands. All
        in one transaction. ``facts``: the story's investment facts (the
        ``investment`` object plus ``amount_cny`` and ``version``), stored with a new
        story or with a copy that becomes the primary, and given to the hooks. ``file_type``
        (``pdf``…): the story is a file named on a list page, stored from the list's title
        and date (``articles.file_type``; NULL for web pages).
        """
        now = fetched_at or utc_now()
        published, published_utc = published_values(published_at)
        row: dict[str, Any] = {"url": url, "site": site, "title": title, "body": body, "published_at": published,
                               "source": source, "author": author, "lang": lang, "summary": summary,
                               "fetched_at": now, "investment": facts, "file_type": file_type}
        # Matching happens here, outside the write transaction: a slow rule never
        # holds the database lock. Its rows are written inside it, only for a new story.
        pending = [hook for hook in (match(row) for match in self.match_hooks) if hook is not None]
        copy = StoryCopy(url, site, title, published, published_utc, source, author, lang, body, fingerprint, now,
                         url_key, near, summary, file_type)
        return self._store(copy, row, [*pending, *self.new_article_hooks], facts, fill=fill,
                           rematch=tuple(self.match_hooks))

    def _store(self, copy: StoryCopy, row: dict[str, Any], hooks: list[NewArticleHook],
               facts: Optional[dict[str, Any]], *, fill: Optional[FactsFill] = None,
               rematch: tuple[MatchHook, ...] = ()) -> AddResult:
        """Open a write transaction the database's way and run :func:`store_copy` in it."""
        raise NotImplementedError

    def last_run_completed(self, site: str) -> bool:
        """True if ``site``'s latest crawl that read a list page read every list page it reached
        (``ok``, or ``partial`` with no list page failing; see ``db.health.last_run_completed``)."""
        return last_run_completed(self.db, site)

    def list_failure_streak(self, site: str) -> int:
        """How many of ``site``'s latest crawls ended one after another with list failures (``db.health``)."""
        return list_failure_streak(self.db, site)

    # -- reads for users -------------------------------------------------------

    def get_article(self, article_id: int) -> dict[str, Any]:
        """The article row plus ``sources`` (every ``{site, url, first_seen_at, published_at}`` it was seen at)
        and ``investment``; raises NotFoundError when there is none (see ``reader.article_with_facts``)."""
        return article_with_facts(self.db, article_id)

    def runs(self, site: Optional[str] = None, limit: int = 50) -> list[dict[str, Any]]:
        """Latest crawl runs, newest first."""
        return crawl_runs(self.db, site=site, limit=limit)
