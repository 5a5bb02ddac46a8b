"""The one store interface above ``db/``: :class:`StoreAPI`, and :func:`open_store` choosing the backend.

``database:`` in config.yaml selects the backend: a file path is SQLite (the
default, ``db/store.py``), a ``postgresql://`` URL is PostgreSQL
(``db/pg_store.py``). Both implement :class:`StoreAPI`; the module functions of
``db/`` (outbox, health, templates, facts, reclean, dedupe) take the store's
``db`` handle (:data:`newsmon.db.handle.Handle`) and run that backend's SQL.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Optional, Protocol, Union

from .dedupe import NearMatch, NearPrint
from .handle import Handle, is_postgres_url
from .store import AddResult, MatchHook, NewArticleHook, Store
from .store_base import FactsFill

__all__ = ["StoreAPI", "open_store"]


class StoreAPI(Protocol):
    """What the layers above ``db/`` may ask of a store (SQLite ``Store`` and PostgreSQL ``PgStore``)."""

    new_article_hooks: list[NewArticleHook]
    match_hooks: list[MatchHook]

    @property
    def db(self) -> Handle:
        """The handle the ``db`` module functions take."""
        ...

    @property
    def path(self) -> Union[Path, str]:
        """The database as configured: a Path (SQLite) or a URL (PostgreSQL)."""
        ...

    def close(self) -> None:
        """Close the connection (pool)."""
        ...

    def __enter__(self) -> "StoreAPI": ...

    def __exit__(self, *exc: object) -> None: ...

    def known_urls(self, urls: Iterable[str], *, keys: Optional[Iterable[str]] = None) -> set[str]:
        """The subset of ``urls`` already stored as a story source or a non-article."""
        ...

    def last_run_completed(self, site: str) -> bool:
        """True if ``site``'s latest crawl that read a list page read every list page it reached:
        ``ok``, or ``partial`` with only stories of list page 1 (or stories whose pages are gone)
        failing (no ``list_failures``).

        Not after one that was killed or timed out (still ``running``, ``interrupted``, ``timeout``):
        it may have stored the newest stories of page 1 and never reached those pushed deeper; nor
        after one whose list page 2 failed: the next crawl would find page 1 all known and stop.
        """
        ...

    def list_failure_streak(self, site: str) -> int:
        """How many of ``site``'s latest crawls (up to ``db.health.WALK_LIMIT``) ended one after another
        with list failures, or out of time without a new story (``db.health.list_failure_streak``)."""
        ...

    def find_by_fingerprint(self, fingerprint: str) -> Optional[int]:
        """Id of the story one of whose copies has this body fingerprint."""
        ...

    def find_near_duplicate(self, near: NearPrint, title: Optional[str] = None, body: Optional[str] = None,
                            site: Optional[str] = None) -> Optional[NearMatch]:
        """The stored story that ``near`` says is the same story, if any."""
        ...

    def add_article(self, *, site: str, url: str, title: str, body: str, fingerprint: str,
                    published_at: Optional[datetime] = None, source: Optional[str] = None,
                    author: Optional[str] = None, lang: Optional[str] = None, fetched_at: Optional[str] = None,
                    url_key: Optional[str] = None, near: Optional[NearPrint] = None, summary: Optional[str] = None,
                    facts: Optional[dict[str, Any]] = None, file_type: Optional[str] = None,
                    fill: Optional[FactsFill] = None) -> AddResult:
        """Store one fetched article, or record it as another source of a stored story (``fill``: how a copy
        completes the stored story's facts, db.store_base.FactsFill)."""
        ...

    def add_non_article(self, *, site: str, url: str, reason: str, url_key: Optional[str] = None) -> None:
        """Remember that ``url`` is not an article."""
        ...

    def start_run(self, site: str) -> int:
        """Open a ``crawl_runs`` row; its id. StoreError when it cannot be written."""
        ...

    def finish_run(self, run_id: int, *, status: str, counts: dict[str, int], errors: list[str],
                   duration_s: float) -> None:
        """Close a ``crawl_runs`` row. StoreError when it cannot be written."""
        ...

    def save_facts(self, article_id: int, facts: dict[str, Any]) -> None:
        """Replace a stored story's investment facts."""
        ...

    def get_article(self, article_id: int) -> dict[str, Any]:
        """One story with its sources and facts."""
        ...

    def runs(self, site: Optional[str] = None, limit: int = 50) -> list[dict[str, Any]]:
        """Latest crawl runs, newest first."""
        ...

    def counts(self) -> dict[str, int]:
        """Rows in the main tables."""
        ...


def open_store(target: Union[str, Path], *, create: bool = True, readonly: bool = False) -> StoreAPI:
    """Open the store ``target`` names: a ``postgresql://`` URL (PostgreSQL) or a file path (SQLite).

    Raises ConfigError/StoreError with one sentence (missing folder, unreachable
    server, unset ``${VAR}`` in the URL ...).
    """
    if is_postgres_url(target):
        from .pg_store import PgStore  # psycopg is imported only for PostgreSQL users

        return PgStore(str(target), create=create, readonly=readonly)
    return Store(target, create=create, readonly=readonly)
