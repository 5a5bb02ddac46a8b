"""Re-clean a site's stored stories with what its template and list pages have taught since.

A story stored before the site's template knew its footer keeps the footer
until re-cleaned: at the end of a crawl in which the template learned a new
chrome line (``recleaned`` in the crawl summary), or by hand with
``newsmon reclean [SITE]``. Only lines are removed, never added: a block the
template now calls chrome, a line equal to another story's headline.
"""

from __future__ import annotations

from typing import Collection

from newsmon.db.handle import Handle
from newsmon.db.reclean import rewrite_bodies, stored_sites
from newsmon.errors import NotFoundError
from newsmon.db.templates import load_block_counts, load_site_headlines

from .fingerprint import text_fingerprint
from .navigation import drop_story_lines
from .template import SiteTemplate, block_key, chrome_from_counts

__all__ = ["clean_stored_body", "reclean_site", "reclean_sites"]


def clean_stored_body(title: str, body: str, template: SiteTemplate, known: Collection[str] = ()) -> str:
    """``body`` without the template's chrome lines and other stories' headlines.

    As in :func:`newsmon.crawler.template.apply_template`, a template that
    would remove most of the body is not trusted for that story.
    """
    lines = body.split("\n")
    kept = [line for line in lines if block_key(line) not in template.chrome] if template.chrome else lines
    if sum(map(len, kept)) < 0.5 * sum(map(len, lines)):
        kept = lines
    kept = drop_story_lines(kept, title=title, known=known, runs=False)
    return "\n".join(kept) if kept else body


def reclean_site(
    db: Handle, site: str, *, template: SiteTemplate | None = None,
    known: Collection[str] | None = None,
) -> int:
    """Re-clean every stored story of ``site``; return how many bodies changed.

    ``template`` and ``known`` headlines default to what the database has
    learned for the site (``site_blocks``, ``site_headlines``).
    """
    if template is None:
        counts, pages = load_block_counts(db, site)
        template = chrome_from_counts(counts, pages)
    headlines = known if known is not None else load_site_headlines(db, site)
    changed: int = rewrite_bodies(
        db, site, lambda title, body: clean_stored_body(title, body, template, headlines), text_fingerprint
    )
    return changed


def reclean_sites(db: Handle, sites: list[str] | None = None) -> list[dict[str, object]]:
    """Re-clean ``sites`` (default: every site with stored stories): ``[{site, stories, recleaned}]``.

    Raises NotFoundError naming a site that has no stored stories.
    """
    counts = stored_sites(db)
    names = sites if sites else sorted(counts)
    unknown = [name for name in names if name not in counts]
    if unknown:
        raise NotFoundError(f"No stored stories for site {unknown[0]!r}; sites in the database: "
                         f"{', '.join(sorted(counts)) or 'none'}.")
    return [{"site": name, "stories": counts[name], "recleaned": reclean_site(db, name)} for name in names]
