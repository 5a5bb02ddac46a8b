"""ShapesPortal: fixture sites for every list shape Chinese portals use (issue 9), on 127.0.0.1.

Each site serves real HTTP on its own port and is crawled with ``name`` +
``start_urls`` alone:

* ``destoon-pager``: DESTOON lists whose only pager links are decorated
  (``下一页»``, ``[下一页]``, an image with ``alt="下一页"``, ``›``), with 尾页 and 共N页;
* ``trs-js``: a TRS WCM column whose pager exists only as
  ``createPageHTML(N, i, "index", "html")`` or ``var countPage``/``currentPage``;
* ``hanweb``: a Hanweb jcms column (``<script type="text/xml"><datastore>`` +
  ``jpage({...})``) and ``/module/web/jpage/dataproxy.jsp`` answering GET and POST,
  ``startrecord/endrecord/perpage`` and ``page=N``, with ETag/304;
* ``script-data``: the list as ``var itemObj = [...]`` in a ``<script>``; article
  pages state no date (the list's date is the only one);
* ``feeds``: an RSS feed, an Atom feed and a news sitemap as start URLs, and a
  list page announcing its feed (``use_feed``); article pages state no date;
* ``js-list``: a list filled by ``fetch('/api/list.json')`` after load (needs a
  browser, or the diagnosis);
* ``announcements``: a 通知公告 column (two pages, TRS-style table rows with dates) whose
  rows are mostly PDF and Word files (招标公告, 环评公示, 项目备案 attachments) with a few
  web pages between them; the files answer with real ``application/pdf``/``msword``
  bytes if anyone asks (newsmon must not).

Article texts come from the bench generator (deterministic), a disjoint slice per site.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Callable, Optional
from urllib.parse import parse_qs, urlsplit

from . import templates as t
from .bench import generate
from .model import Article
from .sites import load_data

__all__ = ["ShapesPortal", "SHAPE_SITES"]

SHAPE_SITES = ("destoon-pager", "trs-js", "hanweb", "script-data", "feeds", "js-list", "announcements")
_PER_SITE = {"destoon-pager": 14, "trs-js": 13, "hanweb": 23, "script-data": 6, "feeds": 9, "js-list": 5,
             "announcements": 12}
# Content types of the announcement site's files (served only to show that nobody asks for them).
_FILE_TYPES = {"pdf": "application/pdf", "doc": "application/msword"}
_E = t._e  # HTML escaping as the other fixture templates do it

Answer = tuple[int, str, bytes]  # status, content type, body


@dataclass
class Entry:
    """One story of a shape site: its article, its URL path and whether its page states the date."""

    article: Article
    path: str
    dated_page: bool = True
    file_type: Optional[str] = None  # "pdf"/"doc": a file row of a 公告 column, not a web page


def _article_page(entry: Entry, related: list[Entry]) -> str:
    """A TRS-style article page; without its date line (and meta) when ``dated_page`` is false."""
    html = t.trs_article(entry.article, [r.article for r in related])
    for r in related:
        html = html.replace(f'href="{_E(r.article.path)}"', f'href="{_E(r.path)}"')
    if not entry.dated_page:
        html = re.sub(r"<span>发布时间：[^<]*</span>(&nbsp;)*", "", html)
        html = re.sub(r'<meta name="PubDate"[^>]*>', "", html)
    return html


def _page(title: str, body: str, head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{_E(title)}</title>{head}
<link rel="stylesheet" href="/css/style.css"></head>
<body><div class="top"><a href="/">首页</a> | <a href="/about/">关于我们</a> | <a href="/contact/">联系我们</a></div>
<div class="nav"><a href="/">网站首页</a><a href="/zwgk/">政务公开</a><a href="/tzcj/">投资促进</a><a href="/hdjl/">互动交流</a></div>
<div class="main">{body}</div>
<div class="footer">版权所有：辽宁省某某局 <a href="https://beian.miit.gov.cn/">辽ICP备12345678号</a> 网站标识码2100000001</div>
</body></html>"""


class _Site:
    """Routes of one shape site: path -> answer. Thread-safe (built once, read-only)."""

    def __init__(self, name: str, base: str, entries: list[Entry]) -> None:
        self.name = name
        self.base = base
        self.entries = entries
        self.by_path = {e.path: e for e in entries}
        self.routes: dict[str, Callable[[dict[str, str], str], Answer]] = {}
        self.start_urls: list[str] = []
        self.extra: dict[str, Any] = {}

    def html(self, text: str) -> Answer:
        return 200, "text/html; charset=utf-8", text.encode("utf-8")

    def answer(self, method: str, raw_path: str, form: dict[str, str]) -> Answer:
        parts = urlsplit(raw_path)
        params = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        params.update(form)  # servlets read query and form body alike
        path = parts.path
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /admin/\n"
        if path in self.routes:
            return self.routes[path](params, method)
        entry = self.by_path.get(path)
        if entry is not None and entry.file_type:
            return 200, _FILE_TYPES[entry.file_type], b"%PDF-1.4\n% newsmon fixture: a file row\n%%EOF\n"
        if entry is not None:
            index = self.entries.index(entry)
            return self.html(_article_page(entry, self.entries[index + 1 : index + 4]))
        if path.endswith((".gif", ".png", ".jpg", ".css", ".js")):
            return 200, "application/octet-stream", b""
        return 404, "text/html; charset=utf-8", _page("404", "<p>页面不存在</p>").encode("utf-8")


# --------------------------------------------------------------------------- builders

def _chunks(items: list[Entry], size: int) -> list[list[Entry]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _destoon(site: _Site) -> None:
    pages = _chunks(site.entries, 4)
    hrefs = ["/news/"] + [f"/news/list-{n}.html" for n in range(2, len(pages) + 1)]
    # Each page decorates its next link differently; none prints page numbers.
    nexts = [
        '<a href="{href}" title="下一页">下一页&raquo;</a>',
        '<a href="{href}">[下一页]</a>',
        '<a href="{href}" class="next"><img src="/skin/default/image/next.gif" alt="下一页"></a>',
    ]

    def render(index: int) -> str:
        rows = "".join(
            f'<li><span class="f_r px11">{e.article.published}</span>'
            f'<a href="{e.path}" target="_blank" title="{_E(e.article.title)}">{_E(e.article.title)}</a></li>'
            for e in pages[index]
        )
        pager = f'<div class="pages"><a href="{hrefs[0]}">首页</a>'
        if index > 0:
            pager += f'<a href="{hrefs[index - 1]}">&laquo;上一页</a>'
        if index + 1 < len(pages):
            pager += nexts[index % len(nexts)].format(href=hrefs[index + 1])
        pager += f'<a href="{hrefs[-1]}">尾页</a> <cite>共{len(pages)}页 {len(site.entries)}条记录</cite></div>'
        side = '<div class="side"><h3>热门标签</h3><a href="/tag/1.html">招商</a> <a href="/tag/2.html">项目</a></div>'
        return _page(f"行业资讯 第{index + 1}页", f'<div class="catlist"><ul>{rows}</ul></div>{pager}{side}')

    for index, href in enumerate(hrefs):
        site.routes[href] = _fixed(site.html(render(index)))
    site.start_urls = [site.base + "/news/"]


def _fixed(answer: Answer) -> Callable[[dict[str, str], str], Answer]:
    """A route that always gives ``answer`` (pages whose content never changes)."""
    return lambda params, method: answer


def _trs_column(site: _Site, col: str, count: int, render: Callable[[int], str]) -> None:
    """Serve a TRS column's pages as TRS names them: ``index.html``, ``index_1.html`` … (0-based)."""
    for index in range(count):
        name = "index.html" if index == 0 else f"index_{index}.html"
        site.routes[col + name] = _fixed(site.html(render(index)))
    site.start_urls = [site.base + col + "index.html"]


def _trs(site: _Site) -> None:
    col = "/col/col5678/"
    pages = _chunks(site.entries, 4)

    def render(index: int) -> str:
        rows = "".join(
            f'<li><a href=".{e.path[len(col) - 1:]}" target="_blank" title="{_E(e.article.title)}">{_E(e.article.title)}</a>'
            f"<span>{e.article.date}</span></li>"
            for e in pages[index]
        )
        if index < 2:
            pager = f'<script type="text/javascript">createPageHTML({len(pages)}, {index}, "index", "html");</script>'
        else:
            pager = (f'<script language="JavaScript">\nvar countPage = {len(pages)}//共多少页\nvar currentPage = {index}//当前页\n'
                     'var prevPage = currentPage - 1\nvar nextPage = currentPage + 1\n'
                     'if (nextPage < countPage) document.write("<a href=\\"index_" + nextPage + ".html\\">下一页</a>");\n</script>')
        head = '<script type="text/javascript" src="/js/createPageHTML.js"></script>'
        return _page("投资促进", f'<div class="list"><ul>{rows}</ul></div><div class="page">{pager}</div>', head)

    _trs_column(site, col, len(pages), render)


_HANWEB_COLUMN, _HANWEB_UNIT = "5123", "14863"


def _hanweb(site: _Site) -> None:
    per_page, group = 5, 2
    entries = site.entries

    def record(e: Entry) -> str:
        return (f'<record><![CDATA[\n<li><a href="{e.path}" title="{_E(e.article.title)}" target="_blank">'
                f'{_E(e.article.title)}</a><span class="bt-data-time">{e.article.date}</span></li>\n]]></record>')

    def column(params: dict[str, str], method: str) -> Answer:
        first = entries[: per_page * group]
        store = ("<script type=\"text/xml\"><datastore>\n<nextgroup><![CDATA[<a href=\"/module/web/jpage/dataproxy.jsp?page=1"
                 f"&webid=1&path=/&columnid={_HANWEB_COLUMN}&unitid={_HANWEB_UNIT}&webname=%E6%9F%90%E5%B8%82&permissiontype=0\"></a>]]></nextgroup>\n"
                 "<recordset>\n" + "\n".join(record(e) for e in first) + "\n</recordset>\n</datastore></script>")
        call = ("<script language=\"javascript\" src=\"/module/web/jpage/jpage.js\"></script>\n<script>\n"
                f"$(document).ready(function(){{ $('#{_HANWEB_UNIT}').jpage({{ dataStore: dataStore, perPage: {per_page}, "
                f"totalRecord: {len(entries)}, proxyUrl: \"/module/web/jpage/dataproxy.jsp\", groupSize: {group}, "
                "barPosition: 'bottom', showMode: 'full', ajaxParam: { col: 1, appid: 1, webid: 1, path: '/', "
                f"columnid: {_HANWEB_COLUMN}, sourceContentType: 1, unitid: '{_HANWEB_UNIT}', webname: '某市人民政府', permissiontype: 0 }} }}); }});\n</script>")
        body = f'<div class="bt-box"><div id="{_HANWEB_UNIT}">{store}</div>{call}</div>'
        return site.html(_page("政务动态", body))

    def proxy(params: dict[str, str], method: str) -> Answer:
        if site.extra.get("post_only") and method != "POST":
            return 405, "text/html; charset=utf-8", b"<html><body>HTTP Status 405 - Request method 'GET' not supported</body></html>"
        if params.get("columnid") != _HANWEB_COLUMN or params.get("unitid") != _HANWEB_UNIT:
            chosen: list[Entry] = []  # jcms answers an empty datastore for unknown columns
        elif "startrecord" in params:
            start = int(params.get("startrecord") or 1)
            end = int(params.get("endrecord") or start + per_page * group - 1)
            chosen = entries[start - 1 : end]
        else:
            size = int(params.get("perpage") or per_page)
            number = int(params.get("page") or 1)
            chosen = entries[(number - 1) * size : number * size]
        size_for_pages = int(params.get("perpage") or per_page)
        total_pages = -(-len(entries) // size_for_pages)
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n'
               f"<totalrecord>{len(entries)}</totalrecord>\n<totalpage>{total_pages}</totalpage>\n<recordset>\n"
               + "\n".join(record(e) for e in chosen) + "\n</recordset>\n</datastore>")
        return 200, "text/xml; charset=utf-8", xml.encode("utf-8")

    site.routes[f"/col/col{_HANWEB_COLUMN}/index.html"] = column
    site.routes["/module/web/jpage/dataproxy.jsp"] = proxy
    site.start_urls = [site.base + f"/col/col{_HANWEB_COLUMN}/index.html"]
    site.extra["cacheable"] = {f"/col/col{_HANWEB_COLUMN}/index.html", "/module/web/jpage/dataproxy.jsp"}


def _script_data(site: _Site) -> None:
    items = [{"title": e.article.title, "url": e.path, "pubDate": e.article.published, "source": e.article.source}
             for e in site.entries]

    def page(params: dict[str, str], method: str) -> Answer:
        script = (f"<script type=\"text/javascript\">\nvar itemObj = {json.dumps(items, ensure_ascii=False)};\n"
                  "var html = '';\nfor (var i = 0; i < itemObj.length; i++) {\n"
                  "  html += '<li><a href=\"' + itemObj[i].url + '\">' + itemObj[i].title + '</a><span>' + itemObj[i].pubDate + '</span></li>';\n"
                  "}\ndocument.getElementById('newsList').innerHTML = html;\n</script>")
        return site.html(_page("要闻动态", f'<ul id="newsList"></ul>{script}'))

    site.routes["/list/"] = page
    site.start_urls = [site.base + "/list/"]


def _rfc822(published: str) -> str:
    from datetime import datetime, timedelta, timezone

    moment = datetime.strptime(published, "%Y-%m-%d %H:%M").replace(tzinfo=timezone(timedelta(hours=8)))
    return formatdate(moment.timestamp(), usegmt=True)


def _feeds(site: _Site) -> None:
    rss_part, atom_part, map_part = site.entries[:3], site.entries[3:6], site.entries[6:]

    def rss(params: dict[str, str], method: str) -> Answer:
        items = "".join(
            f"<item><title>{_E(e.article.title)}</title><link>{site.base}{e.path}</link>"
            f"<pubDate>{_rfc822(e.article.published)}</pubDate><description>{_E(e.article.summary())}</description></item>"
            for e in rss_part
        )
        xml = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>要闻</title>'
               f"<link>{site.base}/news/</link><description>要闻</description>{items}</channel></rss>")
        return 200, "application/rss+xml; charset=utf-8", xml.encode("utf-8")

    def atom(params: dict[str, str], method: str) -> Answer:
        entries = "".join(
            f'<entry><title>{_E(e.article.title)}</title><link href="{site.base}{e.path}"/>'
            f"<id>{site.base}{e.path}</id><updated>{e.article.published.replace(' ', 'T')}:00+08:00</updated></entry>"
            for e in atom_part
        )
        xml = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>动态</title>'
               f"<id>{site.base}/atom.xml</id><updated>2023-04-05T10:00:00+08:00</updated>{entries}</feed>")
        return 200, "application/atom+xml; charset=utf-8", xml.encode("utf-8")

    def sitemap(params: dict[str, str], method: str) -> Answer:
        urls = "".join(
            f"<url><loc>{site.base}{e.path}</loc><news:news><news:publication><news:name>某某网</news:name>"
            f"<news:language>zh</news:language></news:publication><news:publication_date>"
            f"{e.article.published.replace(' ', 'T')}:00+08:00</news:publication_date>"
            f"<news:title>{_E(e.article.title)}</news:title></news:news></url>"
            for e in map_part
        )
        xml = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
               f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')
        return 200, "application/xml", xml.encode("utf-8")

    def index(params: dict[str, str], method: str) -> Answer:
        xml = ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               f"<sitemap><loc>{site.base}/sitemap-news.xml</loc></sitemap></sitemapindex>")
        return 200, "application/xml", xml.encode("utf-8")

    def listing(params: dict[str, str], method: str) -> Answer:
        # A list page that shows nothing useful itself (a photo wall) but announces its feed.
        head = f'<link rel="alternate" type="application/rss+xml" title="要闻" href="{site.base}/rss.xml">'
        return site.html(_page("要闻", '<div class="photos"><img src="/p/1.jpg"><img src="/p/2.jpg"></div>', head))

    site.routes.update({"/rss.xml": rss, "/atom.xml": atom, "/sitemap-news.xml": sitemap,
                        "/sitemap.xml": index, "/news/": listing})
    site.start_urls = [site.base + "/atom.xml", site.base + "/sitemap.xml"]
    site.extra["feed_list"] = site.base + "/news/"


def _js_list(site: _Site) -> None:
    items = [{"title": e.article.title, "href": e.path, "time": e.article.date} for e in site.entries]

    def page(params: dict[str, str], method: str) -> Answer:
        script = ("<script>\nfetch('/api/list.json').then(function (r) { return r.json(); }).then(function (data) {\n"
                  "  var ul = document.getElementById('list');\n"
                  "  data.rows.forEach(function (row) { var li = document.createElement('li');\n"
                  "    li.innerHTML = '<a href=\"' + row.href + '\">' + row.title + '</a><span>' + row.time + '</span>'; ul.appendChild(li); });\n"
                  "});\n</script>")
        return site.html(_page("通知公告", f'<ul id="list"></ul>{script}'))

    def api(params: dict[str, str], method: str) -> Answer:
        return 200, "application/json", json.dumps({"rows": items}, ensure_ascii=False).encode("utf-8")

    site.routes.update({"/list/": page, "/api/list.json": api})
    site.start_urls = [site.base + "/list/"]


def _announcements(site: _Site) -> None:
    col = "/zwgk/tzgg/"
    pages = _chunks(site.entries, 7)

    def row(e: Entry) -> str:
        icon = f' <img src="/images/{e.file_type}.gif" alt="附件">' if e.file_type else ""
        link = f'<a href="{e.path}" target="_blank" title="{_E(e.article.title)}">{_E(e.article.title)}</a>'
        return f'<tr><td class="bt">{link}{icon}</td><td class="rq">{e.article.date}</td></tr>'

    def render(index: int) -> str:
        rows = "".join(row(e) for e in pages[index])
        pager = f'<a href="{col}index.html">首页</a>'
        if index + 1 < len(pages):
            pager += f'<a href="{col}index_{index + 1}.html">下一页</a>'
        pager += f" 共{len(pages)}页"
        side = ('<div class="right"><h3>办事指南</h3><a href="/bsfw/xmba/">项目备案</a> <a href="/bsfw/hpsp/">环评审批</a>'
                '<a href="/download/sqb.doc">申请表下载</a></div>')
        return _page("通知公告", f'<table class="list">{rows}</table><div class="page">{pager}</div>{side}')

    _trs_column(site, col, len(pages), render)


_BUILDERS: dict[str, Callable[[_Site], None]] = {
    "destoon-pager": _destoon, "trs-js": _trs, "hanweb": _hanweb,
    "script-data": _script_data, "feeds": _feeds, "js-list": _js_list, "announcements": _announcements,
}


def _paths(name: str, articles: list[Article]) -> list[Entry]:
    out = []
    for n, a in enumerate(articles):
        p = a.published
        if name == "destoon-pager":
            path, dated = f"/news/show-{3100 + n}.html", True
        elif name == "trs-js":
            path, dated = f"/col/col5678/{p[:4]}{p[5:7]}/t{p[:4]}{p[5:7]}{p[8:10]}_{4200 + n}.html", True
        elif name == "hanweb":
            path, dated = f"/art/{int(p[:4])}/{int(p[5:7])}/{int(p[8:10])}/art_{_HANWEB_COLUMN}_{987600 + n}.html", True
        elif name == "announcements":
            # Two rows in three are files (TRS names attachments P0<date><id>.pdf), every fifth a Word file.
            kind = None if n % 3 == 0 else ("doc" if n % 5 == 4 else "pdf")
            stem = f"/zwgk/tzgg/{p[:4]}{p[5:7]}/"
            path = stem + (f"t{p[:4]}{p[5:7]}{p[8:10]}_{5300 + n}.html" if kind is None
                           else f"P0{p[:4]}{p[5:7]}{p[8:10]}{640000 + n}.{kind}")
            out.append(Entry(a, path, True, kind))
            continue
        else:  # no date in the URL or the page: the list, feed or sitemap is the only witness
            path, dated = f"/content/{name}-{n + 1}.html", False
        out.append(Entry(a, path, dated))
    return out


def _distinct(articles: list[Article], count: int) -> list[Article]:
    """The first ``count`` articles sharing at most one paragraph with any earlier one.

    Generated bodies are samples of one paragraph pool; two sharing most
    paragraphs are (rightly) near-duplicates to newsmon, which these fixtures
    must not produce by accident.
    """
    chosen: list[Article] = []
    seen: list[set[str]] = []
    for article in articles:
        paragraphs = set(article.paragraphs)
        if all(len(paragraphs & other) <= 1 for other in seen):
            chosen.append(article)
            seen.append(paragraphs)
        if len(chosen) == count:
            break
    # A paragraph repeated on many pages of one site is template, not story,
    # to newsmon's site-template learner: give each story its own wording.
    for number, article in enumerate(chosen):
        place = article.title[:5]
        article.paragraphs = [f"{text}（{place}融媒体中心 第{number + 1}稿之{index + 1}）"
                              for index, text in enumerate(article.paragraphs)]
    return chosen


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: _Site | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site
        self.log: list[tuple[str, str]] = []
        self.lock = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Apache-Coyote/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        self._serve({})

    def do_HEAD(self) -> None:
        self._serve({}, head=True)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        self._serve({k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()})

    def _serve(self, form: dict[str, str], head: bool = False) -> None:
        site = self.server.site
        assert site is not None
        with self.server.lock:
            self.server.log.append((self.command, self.path))
        status, ctype, body = site.answer(self.command, self.path, form)
        headers = {"Content-Type": ctype}
        if status == 200 and urlsplit(self.path).path in site.extra.get("cacheable", ()):
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            headers["ETag"] = etag
            if self.command == "GET" and self.headers.get("If-None-Match") == etag:
                status, body = 304, b""
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head and status != 304:
                self.wfile.write(body)
        except OSError:
            self.close_connection = True


class ShapesPortal:
    """Every shape site on its own 127.0.0.1 port; use as a context manager."""

    def __init__(self, *, hanweb_post_only: bool = False) -> None:
        """``hanweb_post_only``: the data proxy answers GET with 405, as some jcms installations do."""
        self.hanweb_post_only = hanweb_post_only
        self._servers: dict[str, _Server] = {}
        self._threads: list[threading.Thread] = []

    def __enter__(self) -> "ShapesPortal":
        data = load_data()
        articles = _distinct(generate(4 * sum(_PER_SITE.values()), data["bench"]), sum(_PER_SITE.values()))
        offset = 0
        for name in SHAPE_SITES:
            server = _Server()
            base = f"http://127.0.0.1:{server.server_address[1]}"
            entries = _paths(name, articles[offset : offset + _PER_SITE[name]])
            offset += _PER_SITE[name]
            site = _Site(name, base, entries)
            _BUILDERS[name](site)
            site.extra["post_only"] = name == "hanweb" and self.hanweb_post_only
            server.site = site
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
            thread.start()
            self._servers[name] = server
            self._threads.append(thread)
        return self

    def __exit__(self, exc_type: Optional[type[BaseException]], exc: Optional[BaseException],
                 tb: Optional[TracebackType]) -> None:
        for server in self._servers.values():
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def site(self, name: str) -> _Site:
        """The running site called ``name``."""
        return self._servers[name].site  # type: ignore[return-value]

    def start_urls(self, name: str) -> list[str]:
        """What ``start_urls`` a user would configure for ``name``."""
        return list(self.site(name).start_urls)

    def expected(self, name: str) -> list[dict[str, str]]:
        """The stories of ``name`` in list order: url, title, published (``YYYY-MM-DD HH:MM``), paragraphs,
        ``file_type`` (``pdf``/``doc`` for a file row, else None)."""
        site = self.site(name)
        return [{"url": site.base + e.path, "title": e.article.title, "published": e.article.published,
                 "paragraphs": e.article.body_text(), "dated_page": e.dated_page, "file_type": e.file_type}  # type: ignore[dict-item]
                for e in site.entries]

    def requests(self, name: str) -> list[tuple[str, str]]:
        """(method, path) of every request ``name`` received, in order."""
        server = self._servers[name]
        with server.lock:
            return list(server.log)

    def url(self, name: str, path: str) -> str:
        """Absolute URL of ``path`` on ``name``."""
        return self.site(name).base + path

    def config_yaml(self, database: str = "news.db", sites: Optional[dict[str, dict[str, Any]]] = None) -> str:
        """A config.yaml with the given sites (name -> extra keys; default: every site with start_urls only)."""
        import yaml

        from .server import DEFAULT_CRAWL

        chosen = sites if sites is not None else {name: {} for name in SHAPE_SITES if name != "js-list"}
        doc = {
            "database": database,
            "crawl": {**DEFAULT_CRAWL, "max_list_pages": 10},
            "sites": [{"name": name, "start_urls": self.start_urls(name), **extra} for name, extra in chosen.items()],
        }
        return str(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
