"""Site templates: text blocks that repeat across many pages of one site are chrome.

A generic extractor judges each page alone, so a disclaimer paragraph, a
"扫码关注" line or a hotline number inside the article box survives. newsmon
sees many pages of every site: the text blocks of each article page are
hashed (:func:`page_blocks`) and counted per site in the database; a block
seen on enough pages of the site is chrome, and body lines with the same
hash are dropped (:func:`apply_template`). The 10th page of a site is thus
extracted better than the 1st.

Everything here is a pure function; counting lives in ``db/templates.py``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Callable, Iterable

from lxml import etree
from lxml import html as lxml_html

from .article import Article
from .fingerprint import normalise_text

__all__ = ["SiteTemplate", "apply_template", "block_key", "page_blocks", "MIN_PAGES", "MIN_SHARE"]

# A block is chrome once it was seen on this many pages of the site ...
MIN_PAGES = 3
# ... and on at least this share of the site's pages seen so far.
MIN_SHARE = 0.3
# Longer blocks are article paragraphs, never counted (keeps the table small).
MAX_BLOCK_CHARS = 300
_LINE_TAGS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "font", "center"}


def block_key(text: str) -> int | None:
    """Signed 64-bit hash of a normalised text block; None for blocks too short to judge."""
    norm = normalise_text(text)
    if len(norm) < 4 or len(norm) > MAX_BLOCK_CHARS:
        return None
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def page_blocks(page: str | lxml_html.HtmlElement, *, keep_line: Callable[[str], bool] | None = None) -> set[int]:
    """Hashes of the page's text blocks (each line of each element's own text run).

    ``keep_line`` filters the lines counted (list pages count only non-prose lines).
    """
    if isinstance(page, str):
        try:
            page = lxml_html.document_fromstring(page)
        except (etree.ParserError, ValueError):
            return set()
    lines: set[str] = set()
    body = page.find("body")
    root = body if body is not None else page
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript"):
            continue
        # A block is the text between two tags; a line split by inline tags
        # (<a>, <span>) is also taken whole at its <p>/<li> when that is short.
        pieces = [el.text, el.tail]
        if el.tag in _LINE_TAGS and 0 < len(el) <= 12:
            pieces.append(el.text_content())
        for piece in pieces:
            if piece and len(piece) > 3:
                lines.update(line.strip() for line in piece.splitlines())
    keys = {block_key(line) for line in lines if len(line) > 3 and (keep_line is None or keep_line(line))}
    keys.discard(None)
    return keys  # type: ignore[return-value]


@dataclasses.dataclass(frozen=True)
class SiteTemplate:
    """What the site's pages have in common: block hashes judged to be chrome."""

    chrome: frozenset[int] = frozenset()
    pages: int = 0


def apply_template(article: Article, template: SiteTemplate) -> Article:
    """The article without body lines that are the site's chrome.

    Never empties an article: if the template would remove most of the body,
    the page is probably unusual (or the template wrong), and it is kept as is.
    """
    if not template.chrome or not article.body:
        return article
    lines = article.body.splitlines()
    kept = [line for line in lines if block_key(line) not in template.chrome]
    if len(kept) == len(lines):
        return article
    if sum(map(len, kept)) < 0.5 * sum(map(len, lines)):
        return article
    extra = {**article.extra, "template_removed": len(lines) - len(kept)}
    return dataclasses.replace(article, body="\n".join(kept), extra=extra)


def chrome_from_counts(counts: Iterable[tuple[int, int]], pages: int) -> SiteTemplate:
    """Build a template from ``(block, pages_seen)`` counts of a site with ``pages`` pages."""
    threshold = max(MIN_PAGES, MIN_SHARE * pages)
    return SiteTemplate(frozenset(block for block, seen in counts if seen >= threshold), pages)
