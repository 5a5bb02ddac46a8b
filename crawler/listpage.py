"""Read one list page of any shape: the single implementation behind the spider and ``newsmon probe``.

:func:`read_list_page` takes the raw response (bytes, URL, headers) and says
what the crawler sees:

* ``shape``: ``feed``, ``sitemap``, ``hanweb`` (a jcms datastore or a
  dataproxy.jsp answer), ``trs_pager`` (links, pager written by TRS's
  ``createPageHTML``), ``links`` (plain article links), ``script_data``
  (a JSON/JS literal in a ``<script>``), ``needs_browser`` (nothing found but
  the page evidently builds its list with JavaScript), ``empty`` (nothing
  found, no sign of why);
* ``articles``: list entries in page order with title and list date; an entry
  whose URL names a document (PDF, Word, Excel… ``links.DOCUMENT_EXTENSIONS``)
  has ``kind == "file"``: the crawler stores it as a title-only story and never
  downloads it;
* ``next_pages``: the next list page(s) to read;
* ``rejected``: the links set aside, each with its reason.

Pure: no network, no Scrapy engine, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional
from urllib.parse import urlsplit

from .encoding import decode_html
from .siteplace import owner_names
from .blocks import main_list
from .feeds import feed_kind, feed_links, read_feed, read_sitemap
from .hanweb import find_datastore, is_datastore_xml, next_proxy_url
from .links import MAX_LINKS_PER_PAGE, Link, Rejected, classify, collect_links, file_type, parse_html
from .pager import trs_next_page
from .scriptdata import script_items
from .urls import same_site, site_boundaries

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["ArticleLink", "ListReading", "NEEDS_BROWSER", "read_list_page"]

NEEDS_BROWSER = "this list page builds its links with JavaScript; set `render: browser` or `article_url_pattern`"
# Signs that a page fills its list after load (XHR/fetch, client-side frameworks).
_JS_LIST = re.compile(
    r"XMLHttpRequest|\$\.(ajax|get|post|getJSON)\s*\(|\bfetch\s*\(|\baxios\b|new\s+Vue\s*\(|createApp\s*\(|"
    r"ReactDOM|angular\.module|\.jpage\s*\(|\blayui\.(use|laypage)|\$\(\s*['\"][^'\"]+['\"]\s*\)\.load\s*\(",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ArticleLink:
    """A list entry: URL, title, and the date the list printed beside it (``YYYY-MM-DD[ HH:MM]``).

    ``kind`` is ``"page"`` (a web page the crawler fetches and extracts) or ``"file"`` (a
    document such as a PDF announcement: stored from the list alone, never fetched);
    ``file_type`` is the document's extension (``"pdf"``) or None.
    """

    url: str
    title: str
    date: Optional[str] = None

    @property
    def file_type(self) -> Optional[str]:
        return file_type(self.url)

    @property
    def kind(self) -> str:
        return "page" if self.file_type is None else "file"


@dataclass
class ListReading:
    """What the crawler sees on one list page (see the module docstring)."""

    url: str
    shape: str
    articles: list[ArticleLink] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)  # <link rel=alternate> feeds the page announces
    encoding: Optional[str] = None
    diagnosis: Optional[str] = None  # one sentence when nothing was found, saying why if we can tell
    links_over_cap: int = 0  # anchors ignored past MAX_LINKS_PER_PAGE
    title: str = ""  # the page's <title> (a county portal's names its county: probe suggests the site's `place`)
    owners: tuple[str, ...] = ()  # who runs the site, as the page says (crawler/siteplace.py: SiteName, 主办, 版权所有)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (``newsmon probe --format json``)."""
        return {
            "url": self.url,
            "shape": self.shape,
            "articles": [{"url": a.url, "title": a.title, "date": a.date, "kind": a.kind, "file_type": a.file_type}
                         for a in self.articles],
            "next_pages": list(self.next_pages),
            "rejected": [{"url": r.url, "reason": r.reason} for r in self.rejected],
            "feeds": list(self.feeds),
            "encoding": self.encoding,
            "diagnosis": self.diagnosis,
            "title": self.title,
            "owners": list(self.owners),
        }


def _header(headers: Optional[dict[str, str]], name: str) -> Optional[str]:
    for key, value in (headers or {}).items():
        if key.lower() == name.lower():
            return value
    return None


def _default_domains(url: str) -> list[str]:
    # What a site configured with this URL alone stays on (crawler/urls.py).
    return site_boundaries([url])


ATTACHMENT_REASON = "a file in the row of a page entry: that page's attachment (附件)"
_LIST_CONTAINERS = frozenset(("table", "tbody", "thead", "ul", "ol", "dl"))


def _attachments(links: list[Link], anchors: dict[str, list[Any]]) -> list[str]:
    """The file entries linked in the row of one page entry (a 公告 row: the detail page and its PDF).

    The row is the nearest element around the file's link that holds another entry; when that
    is one page entry, the file is the page's attachment and the page is the story. A file whose
    row holds no page (a column of files), or whose nearest such element is the whole list, stays.
    """
    if not any(file_type(link.url) for link in links):
        return []
    under: dict[Any, set[str]] = {}  # element -> the entries linked inside it
    for link in links:
        for anchor in anchors.get(link.url, [])[:1]:
            element = anchor.getparent()
            while element is not None:
                under.setdefault(element, set()).add(link.url)
                element = element.getparent()
    attached = []
    for link in links:
        if not file_type(link.url):
            continue
        for anchor in anchors.get(link.url, [])[:1]:
            element = anchor.getparent()
            while element is not None and under.get(element, set()) <= {link.url}:
                element = element.getparent()
            if element is None or element.tag in _LIST_CONTAINERS:
                continue  # the entries' common element is the list itself, not a row
            others = under.get(element, set()) - {link.url}
            if len(others) == 1 and not file_type(next(iter(others))):
                attached.append(link.url)
    return attached


def _links_to_articles(links: list[Link]) -> list[ArticleLink]:
    return [ArticleLink(link.url, link.text, link.date) for link in links]


def read_list_page(
    body: bytes,
    url: str,
    *,
    headers: Optional[dict[str, str]] = None,
    encoding: Optional[str] = None,
    article_url_pattern: Optional[str] = None,
    list_url_pattern: Optional[str] = None,
    domains: Optional[list[str]] = None,
    page_number: Optional[int] = None,
) -> ListReading:
    """Read one list page (or feed, sitemap, dataproxy answer) the way the crawler does.

    ``headers`` are the HTTP response headers (``Content-Type`` helps decoding
    and tells feeds apart); ``encoding`` forces a charset; the two patterns are
    the site's ``article_url_pattern``/``list_url_pattern``; ``domains`` is the
    site's boundary (default: the page's own host and port); ``page_number``
    is inferred from the URL and the pager when not given. Never raises on bad
    input: an unreadable page is ``shape="empty"`` with a diagnosis.
    """
    url = url.split("#")[0]
    domains = domains if domains is not None else _default_domains(url)
    content_type = _header(headers, "Content-Type")
    kind = feed_kind(body, content_type)
    if kind is not None:
        return _read_feed_like(kind, body, url, domains, article_url_pattern)
    text, used = decode_html(body, content_type=content_type, declared=encoding)
    if is_datastore_xml(text):
        return _read_hanweb(text, url, domains, article_url_pattern, used) or ListReading(url, "empty", encoding=used)
    doc = parse_html(text, url)
    if doc is None:
        return ListReading(url, "empty", encoding=used, diagnosis="the page could not be parsed as HTML")
    scripts = [s.text or "" for s in doc.iter("script")]
    script_text = "\n".join(scripts)
    feeds = feed_links(doc, url)
    # The page's own <title>, not an inline SVG icon's (its <title> is the icon's tooltip).
    titles = doc.xpath("//title[not(ancestor::svg)]")
    page_title = " ".join((titles[0].text_content() if titles else "").split())[:200]

    if "<datastore" in script_text.lower():
        reading = _read_hanweb(text, url, domains, article_url_pattern, used)
        if reading is not None and reading.articles:
            reading.feeds = feeds
            reading.title, reading.owners = page_title, owner_names(doc)
            return reading

    anchors: dict[str, list[Any]] = {}
    links, rejected, over = collect_links(doc, url, domains, anchors=anchors)
    page_text = doc.text_content() if len(text) < 3_000_000 else ""
    owners = owner_names(doc, page_text)
    articles, next_page, more_rejected = classify(
        links,
        page_url=url,
        page_number=page_number,
        article_pattern=article_url_pattern,
        list_pattern=list_url_pattern,
        page_text=page_text,
    )
    if not article_url_pattern:
        # The site's own pattern is the user's word; without it, drop look-alike side boxes.
        articles, beside = main_list(articles, anchors)
        more_rejected = more_rejected + beside
    attached = _attachments(articles, anchors)
    if attached:
        articles = [link for link in articles if link.url not in attached]
        more_rejected = more_rejected + [Rejected(url, ATTACHMENT_REASON) for url in attached]
    if next_page is None:
        next_page = _rel_next(doc, url, domains)
    shape = "links"
    trs_next, trs_count = trs_next_page(script_text, url)
    if trs_count is not None:
        shape = "trs_pager"
        next_page = next_page or trs_next
    reading = ListReading(
        url,
        shape,
        _links_to_articles(articles),
        [next_page] if next_page else [],
        rejected + more_rejected,
        feeds,
        used,
        links_over_cap=over,
        title=page_title,
        owners=owners,
    )
    if over:
        reading.diagnosis = f"the page has more than {MAX_LINKS_PER_PAGE} links; only the first {MAX_LINKS_PER_PAGE} were read"
    if reading.articles:
        return reading

    items = script_items(scripts, url)
    items = [item for item in items if same_site(item.url, domains)]
    if article_url_pattern:
        items = [item for item in items if re.search(article_url_pattern, item.url)]
    if items:
        reading.shape = "script_data"
        reading.articles = [ArticleLink(item.url, item.title, item.date) for item in items]
        return reading
    if _JS_LIST.search(script_text) or (len(doc.text_content().strip()) < 200 and len(scripts) >= 2):
        reading.shape = "needs_browser"
        reading.diagnosis = NEEDS_BROWSER
    else:
        reading.shape = "empty"
        reading.diagnosis = reading.diagnosis or "no article links found on this list page"
    return reading


def _rel_next(doc: HtmlElement, url: str, domains: list[str]) -> Optional[str]:
    """``<link rel="next">`` (WordPress, SEO plugins) or ``<a rel="next">``: the page says which is next."""
    from urllib.parse import urljoin

    for element in doc.xpath("//link[@rel][@href] | //a[@rel][@href]"):
        if "next" in (element.get("rel") or "").lower().split():
            target = str(urljoin(url, element.get("href").strip()).split("#")[0])
            if target != url and same_site(target, domains):
                return target
    return None


def _read_feed_like(
    kind: str, body: bytes, url: str, domains: list[str], article_url_pattern: Optional[str]
) -> ListReading:
    result = read_feed(body, url) if kind == "feed" else read_sitemap(body, url)
    articles: list[ArticleLink] = []
    rejected: list[Rejected] = []
    # Feeds often point to the site's other host names (www. vs bare): the
    # feed itself vouches for them, so only a pattern from the config filters.
    for entry in result.entries:
        if article_url_pattern and not re.search(article_url_pattern, entry.url):
            rejected.append(Rejected(entry.url, "does not match article_url_pattern"))
        else:
            articles.append(ArticleLink(entry.url, entry.title, entry.date))
    reading = ListReading(url, kind, articles, list(result.more), rejected)
    if not articles and not result.more:
        reading.diagnosis = f"the {kind} lists no entries"
    return reading


def _read_hanweb(
    text: str, url: str, domains: list[str], article_url_pattern: Optional[str], used: str
) -> Optional[ListReading]:
    store = find_datastore(text, url)
    if store is None:
        return None
    fragment = "<html><body><ul>" + "".join(f"<li>{record}</li>" for record in store.records) + "</ul></body></html>"
    doc = parse_html(fragment, url)
    articles: dict[str, ArticleLink] = {}
    rejected: list[Rejected] = []
    if doc is not None:
        # Each record is one entry: its first on-site page link is the article.
        for entry in doc.xpath("/html/body/ul/li"):
            links, set_aside, _ = collect_links(entry, url, domains)
            rejected.extend(set_aside)
            for link in links:
                if article_url_pattern and not re.search(article_url_pattern, link.url):
                    rejected.append(Rejected(link.url, "does not match article_url_pattern"))
                    continue
                articles.setdefault(link.url, ArticleLink(link.url, link.text, link.date))
                break
    next_url = next_proxy_url(store, url)
    return ListReading(url, "hanweb", list(articles.values()), [next_url] if next_url else [], rejected, [], used)
