"""Recompute stored stories' facts (``newsmon reextract --facts``), streaming, in batches."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, Optional

from newsmon.db.facts import iter_articles_for_facts, source_sites
from newsmon.db.siteplaces import load_read_with

from . import FACTS_VERSION
from .copies import read_with_copies

if TYPE_CHECKING:
    from newsmon.db import StoreAPI

__all__ = ["reextract_facts"]

log = logging.getLogger(__name__)


def reextract_facts(store: StoreAPI, *, site: Optional[str] = None, only_stale: bool = False,
                    on_progress: Optional[Callable[[int], None]] = None,
                    homes: Optional[Mapping[str, str]] = None, seconds: Optional[float] = None,
                    newest_first: bool = False) -> tuple[int, int]:
    """Extract and store the facts of every stored story (of ``site``); returns (done, failed).

    ``only_stale``: skip stories whose facts come from the current extractor version. A story
    whose extraction fails keeps its old facts and is counted, never stops the run. ``homes``: each site's configured
    ``place`` by site name (extract_facts' ``home``), as the crawl used them; a site not in it is read with the place
    its stories were last read with (``site_places.read_with``). A story whose primary copy names no city is read
    with its other copies' sites' places too (facts.copies). ``seconds``: stop once that long has passed
    (after one story at least: a crawl re-reading a site's stories a part at a time), the newest first with
    ``newest_first``.
    """
    known = {**load_read_with(store.db), **(homes or {})}

    def copy_homes(article_id: int) -> Iterator[str]:  # a generator: the query runs only if it is read
        for copy_site in source_sites(store.db, article_id):
            yield known.get(copy_site, "")

    done = failed = 0
    stories = iter_articles_for_facts(store.db, site=site, stale_before=FACTS_VERSION if only_stale else None,
                                      newest_first=newest_first)
    deadline = None if seconds is None else time.monotonic() + seconds
    for article_id, title, body, source, story_site in stories:
        if deadline is not None and done + failed and time.monotonic() >= deadline:
            break
        try:
            record = read_with_copies(title, body, source, known.get(story_site, ""), copy_homes(article_id))
        except Exception as exc:  # boundary: one story, not the run
            log.warning("article %s: investment facts not extracted (%s: %s)", article_id, type(exc).__name__, exc)
            failed += 1
            continue
        store.save_facts(article_id, record)
        done += 1
        if on_progress is not None:
            on_progress(done)
    return done, failed
