"""What a crawl learns about its site as it goes: the template (chrome blocks) and the headlines.

The first pages of a new site used to be stored with the site's footer in the
body (``××市人民政府办公室主办 ××承办``): the template needs a few pages
before a block counts as chrome. Three things close that gap:

* **List pages teach too.** They carry the same header, menu and footer as
  the articles, so their blocks are counted like an article's — only the
  blocks that are not prose (a lead printed on the list must never become
  chrome) — and the headlines they link are remembered (``site_headlines``):
  a body line equal to another story's headline is navigation.
* **Siblings before storing.** While the site's template is young the
  spider holds its article items (``HOLD_PAGES`` at a time, or until nothing
  is left to fetch) and learns from all of them before any is stored.
* **Re-cleaning.** When the template learns a new chrome line, the site's
  stored stories are re-cleaned at the end of the crawl
  (:func:`newsmon.crawler.reclean.reclean_site`), and ``newsmon reclean``
  does it by hand.

SQL lives in ``db/templates.py``; this class only keeps the counts in step.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Optional

from newsmon.db.handle import Handle
from newsmon.clock import utc_now
from newsmon.db.templates import (
    load_block_counts,
    load_site_headlines,
    prune_block_counts,
    record_page_blocks,
    record_site_headlines,
)

from .encoding import decode_html
from .template import SiteTemplate, chrome_from_counts, page_blocks

__all__ = ["SiteLearner", "HOLD_PAGES", "YOUNG_PAGES"]

# A site whose template has counted fewer pages than this is young: its
# article pages are held until this many were learned from (or the crawl
# runs out of pages), so even the first story is stored without the footer.
HOLD_PAGES = 8
YOUNG_PAGES = 12
# Headlines are 5–80 characters; longer anchor texts are summaries.
_HEADLINE_CHARS = (5, 80)
_PROSE = re.compile(r"[。！？；!?;]")


def _not_prose(line: str) -> bool:
    """A list page's block may count as chrome only if it is not a sentence (a story's lead)."""
    return not _PROSE.search(line)


class SiteLearner:
    """The site's template counts and known headlines, loaded once per crawl and kept current."""

    def __init__(self, db: Handle, site: str) -> None:
        self.db = db
        self.site = site
        # Blocks seen once and not for a month are article text: forget them.
        month_ago = (datetime.now(timezone.utc) - timedelta(days=30)).isoformat()
        prune_block_counts(db, site, month_ago)
        counts, pages = load_block_counts(db, site)
        self.pages: int = pages
        self.counts: dict[int, int] = dict(counts)
        self.template: SiteTemplate = chrome_from_counts(self.counts.items(), self.pages)
        self.start_pages = self.pages
        # Headline -> URL it links to (the story's own headline is told apart by the title).
        self.headlines: dict[str, str] = load_site_headlines(db, site)
        self.learned_chrome = False  # the template gained a chrome block during this crawl

    @property
    def young(self) -> bool:
        """True while the template has seen too few pages to be trusted."""
        return self.pages < YOUNG_PAGES

    def learn_blocks(self, blocks: Iterable[int]) -> None:
        """Count one more page of the site containing ``blocks``."""
        blocks = set(blocks)
        if not blocks:
            return
        record_page_blocks(self.db, self.site, blocks, utc_now())
        self.pages += 1
        for block in blocks:
            self.counts[block] = self.counts.get(block, 0) + 1
        template = chrome_from_counts(self.counts.items(), self.pages)
        if template.chrome - self.template.chrome:
            self.learned_chrome = True
        self.template = template

    def learn_list_page(self, html: str | bytes, articles: Iterable[Any], *, encoding: Optional[str] = None) -> None:
        """Learn from a list page: the headlines of its article links, and its non-prose blocks.

        ``articles`` are the page's article links: objects with ``url`` and
        ``title`` (or ``text``) and optionally ``date`` (the date printed
        beside the link, ``YYYY-MM-DD``).
        """
        found = []
        for link in articles:
            text = " ".join(str(getattr(link, "title", None) or getattr(link, "text", "") or "").split())
            if _HEADLINE_CHARS[0] <= len(text) <= _HEADLINE_CHARS[1]:
                found.append((text, str(getattr(link, "url", "")), getattr(link, "date", None)))
        if found:
            record_site_headlines(self.db, self.site, found, utc_now())
            self.headlines.update((text, url) for text, url, _ in found)
        if self.pages < 50:  # while the template is learning from every page (spider.TEMPLATE_LEARN_ALL)
            text = html if isinstance(html, str) else decode_html(html, declared=encoding)[0]
            self.learn_blocks(page_blocks(text, keep_line=_not_prose))
