"""Tell article links from pagination and navigation on a list (栏目) page.

No per-site selectors: a link is judged by its URL shape and its text, and by
its neighbours. Portals put a column's articles in one repeated block, so the
links whose URLs share a template (digits folded: ``/news/show-N.html``,
``/col/colN/N/tN_N.html``) and carry headline-length text are the articles;
nav bars and footers have short texts and mixed templates.

Work is linear in the number of links (dicts and sets, never ``x in list``),
and a page contributes at most :data:`MAX_LINKS_PER_PAGE` links: a hostile
page with 200,000 anchors costs a bounded, small amount of time.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING, Iterable, Optional
from urllib.parse import urljoin, urlsplit

from .pager import PagerLink, next_page as find_next_page
from .urls import same_site

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # imported when a page is parsed (start-up time)

__all__ = [
    "DOCUMENT_EXTENSIONS",
    "FILE_REASON",
    "Link",
    "ListPage",
    "Rejected",
    "MAX_LINKS_PER_PAGE",
    "classify",
    "classify_links",
    "collect_links",
    "date_in_text",
    "extract_links",
    "file_name",
    "file_type",
    "looks_like_article_url",
    "url_template",
]

# Why a link to an image, video, stylesheet or program is set aside (newsmon extracts web pages only).
FILE_REASON = "a file, not a page"
# Files that are list entries in their own right: the PDF/Word/Excel rows of a 公告/公示 column
# (招标公告, 环评公示, 项目备案, fund 信息披露). They are kept as links of kind "file" and judged
# like page links (URL template, headline-length text); the crawler stores each as a title-only
# story and never downloads it. ``ofd``/``wps``/``et`` are the Chinese office formats; archives
# are the 附件 of tender notices.
DOCUMENT_EXTENSIONS = frozenset({
    "pdf", "ofd", "doc", "docx", "docm", "wps", "rtf", "odt", "xls", "xlsx", "xlsm", "et", "ods",
    "ppt", "pptx", "pps", "dps", "odp", "zip", "rar", "7z",
})
# Links read per list page; the rest are ignored (and counted). Real 栏目 pages
# carry 50-400 links; 5,000 leaves room for huge sitemap-like columns.
MAX_LINKS_PER_PAGE = 5000

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
_ID_TOKEN = re.compile(r"[A-Za-z0-9]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# 2023-04-07, 2023/4/7, 2023.04.07, 2023年4月7日, optionally 15:26.
_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?(?:(?:\s*|T)(\d{1,2})[:：](\d{2}))?"
)
# Containers that hold a whole list, not one entry: never climb past them.
_LIST_CONTAINERS = frozenset({"ul", "ol", "table", "tbody", "body", "html", "form", "dl"})


@dataclass(frozen=True)
class Link:
    """A link found on a list page: absolute URL, its anchor text, and the date printed beside it."""

    url: str
    text: str
    date: Optional[str] = None


def file_type(url: str) -> Optional[str]:
    """The document type a URL names by its extension (``"pdf"``, ``"docx"``…), or None for a web page.

    Only :data:`DOCUMENT_EXTENSIONS` count: images, media and programs are never list entries.
    """
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    if dot < 0 or "/" in path[dot:]:
        return None
    ext = path[dot + 1 :]
    return ext if ext in DOCUMENT_EXTENSIONS else None


def file_name(url: str) -> str:
    """A file's name as its URL spells it, percent-decoded, without the extension (its title when
    nothing else names it, e.g. a sitemap's ``<loc>`` of a PDF with no ``<news:title>``).

    Names are percent-encoded UTF-8, or GBK on older portals; bytes that are neither stay encoded
    (never mojibake). ``""`` when the URL names no file.
    """
    from urllib.parse import unquote_to_bytes

    last = urlsplit(url).path.rsplit("/", 1)[-1]
    raw = unquote_to_bytes(last)
    name = last
    for encoding in ("utf-8", "gb18030"):
        try:
            name = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if file_type(url) and "." in name:
        name = name.rsplit(".", 1)[0]
    return " ".join(name.split())


@dataclass(frozen=True)
class Rejected:
    """A link set aside, with the reason (``off-site``, ``navigation``, ``pagination`` …)."""

    url: str
    reason: str


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


def date_in_text(text: str) -> Optional[str]:
    """The first full date in ``text`` as ``YYYY-MM-DD`` (``YYYY-MM-DD HH:MM`` with a time), else None."""
    match = _DATE.search(text)
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    date = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is not None and int(hour) < 24 and int(minute) < 60:
        date += f" {int(hour):02d}:{minute}"
    return date


@dataclass(frozen=True)
class ListPage:
    """What a list page links to: article URLs in page order, and the next list page."""

    articles: list[str]
    next_page: Optional[str]


def classify(
    links: Iterable[Link],
    *,
    page_url: str,
    page_number: Optional[int] = None,
    article_pattern: Optional[str] = None,
    list_pattern: Optional[str] = None,
    page_text: str = "",
) -> tuple[list[Link], Optional[str], list[Rejected]]:
    """Split a list page's links into articles (page order, one per URL), the next page, and the rest with reasons.

    ``page_text`` (the page's visible text) lets the pager read ``共N页``.
    """
    own = page_url.split("#")[0]
    links = [link for link in links if link.url != own]
    list_re = re.compile(list_pattern) if list_pattern else None
    next_page, pager_urls = find_next_page(
        [PagerLink(link.url, link.text) for link in links],
        own,
        page_number=page_number,
        page_text=page_text,
        list_re=list_re,
    )
    rejected: dict[str, str] = {}
    if article_pattern:
        article_re = re.compile(article_pattern)
        candidates = []
        for link in links:
            if article_re.search(link.url):
                candidates.append(link)
            else:
                rejected.setdefault(link.url, "does not match article_url_pattern")
    else:
        # Templates whose links mostly carry headline-length text are article lists.
        groups: dict[str, list[Link]] = defaultdict(list)
        templates = {}
        for link in links:
            template = templates[link.url] = url_template(link.url)
            groups[template].append(link)
        good_templates = {
            template
            for template, members in groups.items()
            if len(members) >= 3
            and median(len(m.text) for m in members) >= 8
            and sum(_headline_like(m.text) for m in members) >= len(members) / 2
        }
        candidates = []
        for link in links:
            if not _headline_like(link.text):
                rejected.setdefault(link.url, "navigation (short link text)")
            elif templates[link.url] in good_templates or looks_like_article_url(link.url):
                candidates.append(link)
            else:
                rejected.setdefault(link.url, "not article-shaped (URL unlike its neighbours' and no article URL shape)")
    articles: dict[str, Link] = {}
    for link in candidates:
        if link.url != next_page and link.url not in pager_urls and link.url not in articles:
            articles[link.url] = link
    # A URL taken as an article elsewhere on the page (a thumbnail beside the
    # headline) is not also "rejected".
    for url in pager_urls | ({next_page} if next_page else set()):
        if url not in articles:
            rejected[url] = "pagination"
    out_rejected = [Rejected(url, reason) for url, reason in rejected.items() if url not in articles and url != next_page]
    return list(articles.values()), next_page, out_rejected


def classify_links(
    links: Iterable[Link],
    *,
    page_url: str,
    page_number: int = 1,
    article_pattern: Optional[str] = None,
    list_pattern: Optional[str] = None,
) -> ListPage:
    """Split the links of list page number ``page_number`` into articles and the next page.

    The next page is the 下一页/next link (decorations and arrows included), else
    the link numbered ``page_number + 1``. ``article_pattern``/``list_pattern``
    (regexes from the site config) replace the heuristics when given.
    """
    articles, next_page, _ = classify(
        links, page_url=page_url, page_number=page_number, article_pattern=article_pattern, list_pattern=list_pattern
    )
    return ListPage([link.url for link in articles], next_page)


def _anchor_text(anchor: HtmlElement) -> str:
    text = " ".join(anchor.text_content().split())
    title = (anchor.get("title") or "").strip()
    # Lists cut long headlines ("沈阳市…"); the title attribute keeps them whole.
    if title and (not text or (text.endswith(("…", "...")) and len(title) > len(text))):
        return " ".join(title.split())
    if not text:
        for img in itertools.islice(anchor.iter("img"), 1):
            return " ".join((img.get("alt") or img.get("title") or "").split())
    return text


def _date_beside(anchor: HtmlElement) -> Optional[str]:
    """The date printed in the same list entry as ``anchor`` (its <li>, <tr>, entry <div>)."""
    node = anchor
    for _ in range(3):
        parent = node.getparent()
        if parent is None or not isinstance(parent.tag, str) or parent.tag in _LIST_CONTAINERS:
            break
        # A parent holding several entries' links is the list, not this entry.
        if sum(1 for _ in itertools.islice(parent.iter("a"), 3)) > 2:
            break
        text = parent.text_content()
        if len(text) < 400:
            found = date_in_text(text)
            if found:
                return found
        node = parent
    return date_in_text(anchor.get("title") or "") if anchor.get("title") else None


def collect_links(
    doc: HtmlElement,
    base_url: str,
    domains: list[str],
    *,
    limit: int = MAX_LINKS_PER_PAGE,
    anchors: Optional[dict[str, list[HtmlElement]]] = None,
) -> tuple[list[Link], list[Rejected], int]:
    """Every ``<a href>`` of a parsed page: (links on the site, links set aside, anchors over ``limit``).

    Absolute, fragment-free, page order; one entry per (URL, text). Documents
    (:data:`DOCUMENT_EXTENSIONS`: PDF, Word, Excel, archives) are kept like pages (their
    kind is :func:`file_type`); other files (images, media, programs — the rest of Scrapy's
    list) and off-site links are set aside.
    When ``anchors`` is given, it is filled with each kept URL's ``<a>`` elements
    (page order), for checks that need to know where a link sits.
    """
    from scrapy.linkextractors import IGNORED_EXTENSIONS
    from w3lib.url import safe_url_string

    base = doc.xpath("string(//base/@href)") or base_url
    ignored = tuple("." + ext for ext in IGNORED_EXTENSIONS if ext not in DOCUMENT_EXTENSIONS)
    links: list[Link] = []
    rejected: dict[str, str] = {}
    # One entry per (URL, text): the same URL as "2" and as "下一页" must keep both texts.
    seen: set[tuple[str, str]] = set()
    over = 0
    boundary: dict[str, bool] = {}
    for anchor in doc.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
            continue
        if len(seen) + len(rejected) >= limit:
            over += 1
            continue
        try:
            url = safe_url_string(urljoin(base, href)).split("#")[0]
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises on a malformed port
        except ValueError:
            continue
        if parts.scheme not in ("http", "https"):
            continue
        on_site = boundary.get(parts.netloc)
        if on_site is None:  # one check per host:port, not per link
            on_site = boundary[parts.netloc] = same_site(url, domains)
        if not on_site:
            rejected.setdefault(url, "off-site")
            continue
        if parts.path.lower().endswith(ignored):
            rejected.setdefault(url, FILE_REASON)
            continue
        text = _anchor_text(anchor)
        if anchors is not None:
            anchors.setdefault(url, []).append(anchor)
        if (url, text) not in seen:
            seen.add((url, text))
            links.append(Link(url, text, _date_beside(anchor)))
    return links, [Rejected(u, r) for u, r in rejected.items()], over


def parse_html(html: str, base_url: str) -> Optional[HtmlElement]:
    """lxml document of ``html``, or None when it cannot be parsed."""
    from lxml import etree, html as lxml_html

    try:
        return lxml_html.document_fromstring(html, base_url=base_url)
    except (etree.ParserError, ValueError):
        return None


def extract_links(html: str, base_url: str, domains: list[str]) -> list[Link]:
    """Every ``<a href>`` on the page that stays on ``domains``, absolute, fragment-free, in order.

    Links to images, media and programs are skipped (Scrapy's own list of extensions
    less :data:`DOCUMENT_EXTENSIONS`); documents are kept (see :func:`collect_links`).
    """
    doc = parse_html(html, base_url)
    if doc is None:
        return []
    return collect_links(doc, base_url, domains)[0]
