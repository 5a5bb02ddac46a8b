"""Tell article links from pagination and navigation on a list (栏目) page.

No per-site selectors: a link is judged by its URL shape and its text, and by
its neighbours. Portals put a column's articles in one repeated block, so the
links whose URLs share a template (digits folded: ``/news/show-N.html``,
``/col/colN/N/tN_N.html``) and carry headline-length text are the articles;
nav bars and footers have short texts and mixed templates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from statistics import median
from typing import Iterable, Optional
from urllib.parse import urljoin, urlsplit

from .urls import same_site

__all__ = ["Link", "ListPage", "classify_links", "extract_links", "looks_like_article_url", "url_template"]

# URL shapes used by common Chinese CMSs (DESTOON, TRS, PHPCMS, DedeCMS, WordPress…).
_ARTICLE_SHAPES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"/show[-_]?\d+",  # DESTOON show-123.html
        r"/t\d{8}_\d+",  # TRS t20230405_123.html
        r"/art_\d+_\d+",  # TRS/Hanweb art_1234_5678.html
        r"/(19|20)\d{2}[-/_]?[01]?\d[-/_]?[0-3]?\d/",  # /2023/04/04/, /2023-04/04/, /20230404/
        r"/(19|20)\d{2}[01]\d/",  # /202304/
        r"/(19|20)\d{2}/[01]?\d/[0-3]?\d/",  # /2023/4/5/
        r"/(article|detail|content|news|info|view|shownews|newsdetail)[-_/]?\d+",
        r"[?&](id|aid|articleid|newsid|itemid|contentid|tid)=\d+",
        r"/\d{5,}\.s?html?$",  # /1234567.html
        r"/[a-z0-9]+_\d{4,}\.s?html?$",
    )
]
_NEXT_TEXTS = {"下一页", "下页", "后页", "下一頁", "next", "next page", "›", "»", ">", ">>", "next »"}
_PAGE_URL = re.compile(
    r"(list[-_]?\d+|index[-_]?\d+|[?&](page|p|pn|pageno|pageindex|cur_page)=\d+|/page/\d+|_\d+\.s?html?$|-\d+\.s?html?$)",
    re.IGNORECASE,
)
_ID_TOKEN = re.compile(r"[A-Za-z0-9]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Link:
    """A link found on a list page: absolute URL and its anchor text."""

    url: str
    text: str


def _fold(text: str) -> str:
    # Any alphanumeric token holding a digit is an id: "2-b51327b1…e6.html" -> "N-N.html".
    return _ID_TOKEN.sub(lambda m: "N" if any(c.isdigit() for c in m.group()) else m.group(), text)


def url_template(url: str) -> str:
    """The URL with host kept and every id-like token folded to ``N`` (groups sibling links)."""
    parts = urlsplit(url)
    query = "&".join(sorted(_fold(kv) for kv in parts.query.split("&") if kv))
    return f"{parts.netloc}{_fold(parts.path)}?{query}"


def looks_like_article_url(url: str) -> bool:
    """True if the URL has a shape CMSs use for article pages."""
    return any(p.search(url) for p in _ARTICLE_SHAPES)


def _headline_like(text: str) -> bool:
    """Long enough to be a headline: 6+ Chinese characters or 4+ words."""
    if len(_CJK.findall(text)) >= 6:
        return True
    return len(text.split()) >= 4 and len(text) >= 20


@dataclass(frozen=True)
class ListPage:
    """What a list page links to: article URLs in page order, and the next list page."""

    articles: list[str]
    next_page: Optional[str]


def _carries_number(url: str, number: int) -> bool:
    """True if ``url`` looks like page ``number`` of a list: list-2.html, /list/2.html,
    ?page=2, /page/2/, or TRS's zero-based index_1.html for page 2."""
    if _PAGE_URL.search(url):
        return True
    parts = urlsplit(url)
    numbers = {int(n) for n in re.findall(r"\d+", f"{parts.path}?{parts.query}")}
    return number in numbers or number - 1 in numbers


def _next_page(links: list[Link], page_number: int, list_re: Optional[re.Pattern[str]]) -> Optional[str]:
    numbered: dict[int, str] = {}
    for link in links:
        text = link.text.strip().lower()
        if list_re is not None and not list_re.search(link.url):
            continue
        if text in _NEXT_TEXTS:
            return link.url
        if text.isdigit() and len(text) < 5 and (list_re is not None or _carries_number(link.url, int(text))):
            numbered.setdefault(int(text), link.url)
    return numbered.get(page_number + 1)


def classify_links(
    links: Iterable[Link],
    *,
    page_url: str,
    page_number: int = 1,
    article_pattern: Optional[str] = None,
    list_pattern: Optional[str] = None,
) -> ListPage:
    """Split the links of list page number ``page_number`` into articles and the next page.

    The next page is the 下一页/next link, else the link numbered
    ``page_number + 1``. ``article_pattern``/``list_pattern`` (regexes from the
    site config) replace the heuristics when given.
    """
    links = [link for link in links if link.url != page_url.split("#")[0]]
    list_re = re.compile(list_pattern) if list_pattern else None
    next_page = _next_page(links, page_number, list_re)

    if article_pattern:
        article_re = re.compile(article_pattern)
        candidates = [link for link in links if article_re.search(link.url)]
    else:
        # Templates whose links mostly carry headline-length text are article lists.
        groups: dict[str, list[Link]] = defaultdict(list)
        for link in links:
            groups[url_template(link.url)].append(link)
        good_templates = {
            template
            for template, members in groups.items()
            if len(members) >= 3
            and median(len(m.text) for m in members) >= 8
            and sum(_headline_like(m.text) for m in members) >= len(members) / 2
        }
        candidates = [
            link
            for link in links
            if _headline_like(link.text)
            and (url_template(link.url) in good_templates or looks_like_article_url(link.url))
        ]
    articles: list[str] = []
    for link in candidates:
        if link.url not in articles and link.url != next_page:
            articles.append(link.url)
    return ListPage(articles, next_page)


def extract_links(html: str, base_url: str, domains: list[str]) -> list[Link]:
    """Every ``<a href>`` on the page that stays on ``domains``, absolute, fragment-free, in order.

    Links to files (images, PDFs, archives) are skipped with Scrapy's own list
    of extensions.
    """
    from lxml import etree, html as lxml_html
    from scrapy.linkextractors import IGNORED_EXTENSIONS
    from w3lib.url import safe_url_string

    try:
        doc = lxml_html.document_fromstring(html, base_url=base_url)
    except (etree.ParserError, ValueError):
        return []
    base = doc.xpath("string(//base/@href)") or base_url
    ignored = tuple("." + ext for ext in IGNORED_EXTENSIONS)
    links: list[Link] = []
    # One entry per (URL, text): the same URL as "2" and as "下一页" must keep both texts.
    seen: set[tuple[str, str]] = set()
    for anchor in doc.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        url = safe_url_string(urljoin(base, href)).split("#")[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not same_site(url, domains):
            continue
        if parts.path.lower().endswith(ignored):
            continue
        text = " ".join(anchor.text_content().split()) or (anchor.get("title") or "").strip()
        if (url, text) not in seen:
            seen.add((url, text))
            links.append(Link(url, text))
    return links
