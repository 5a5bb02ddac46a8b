"""The fixture sites: content, URL shapes and routing (no sockets here).

Each :class:`Site` maps a request path to a :class:`~.model.Response`.  The
server in :mod:`.server` adds what is common to all of them: request logging,
``fail()``, conditional GET and the slow-page delay.
"""

from __future__ import annotations

import json
import math
import random
import threading
import time
from datetime import datetime, timedelta, timezone
from importlib import resources
from typing import Any, Optional
from urllib.parse import parse_qs, urlsplit

from . import templates as t
from .model import REAL, Article, Response

__all__ = ["Site", "LiaoningInvest", "ShenyangGov", "DongbeiNews", "Offsite", "load_data", "BEIJING"]

BEIJING = timezone(timedelta(hours=8))
# Kinds answered with an error status instead of a page.
_STATUS_OF_KIND = {"missing": 404, "error": 500}
# A 1x1 transparent PNG, for <img> requests (crawlers rarely fetch them, browsers do).
_PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c80000000049454e44ae426082"
)


def load_data() -> dict[str, Any]:
    """The bundled article texts (``articles.json``, shipped as package data)."""
    text = resources.files(__package__).joinpath("articles.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _timestamp(published: str) -> float:
    return datetime.strptime(published[:16], "%Y-%m-%d %H:%M").replace(tzinfo=BEIJING).timestamp()


def _split(path: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(path)
    return parts.path or "/", parse_qs(parts.query)


class Site:
    """Common behaviour: list pages, article lookup, publish(), expected()."""

    name = ""
    start_path = "/"
    charset = "utf-8"  # how bodies are encoded
    content_type = "text/html; charset=utf-8"
    robots: Optional[str] = None  # robots.txt text; None answers 404
    channels: tuple[str, ...] = ()  # path prefixes answered with a harmless channel page

    def __init__(self, base: str) -> None:
        self.base = base  # "http://127.0.0.1:PORT"
        self.lock = threading.RLock()
        self.pages: list[list[Article]] = []  # list pages as originally built
        self.fresh: list[Article] = []  # publish()ed articles, newest first, on top of page 1
        self.by_path: dict[str, Article] = {}
        self.last_modified = 0.0  # of the list pages; bumped by publish()

    # ----------------------------------------------------------------- building
    def _add_pages(self, pages: list[list[Article]]) -> None:
        self.pages = pages
        for entry in (a for page in pages for a in page):
            if not entry.path.startswith("http"):
                self.by_path[entry.path] = entry
        self.last_modified = float(math.floor(max(_timestamp(a.published) for page in pages for a in page)))

    def list_hrefs(self) -> list[str]:
        """The list pages' hrefs, as written in the pagers."""
        raise NotImplementedError

    def list_index(self, path: str, query: dict[str, list[str]]) -> Optional[int]:
        """Which list page ``path`` is (0-based), or None."""
        raise NotImplementedError

    def entries(self, index: int) -> list[Article]:
        """Entries shown on list page ``index``; published articles go on top of the first."""
        return (self.fresh + self.pages[index]) if index == 0 else list(self.pages[index])

    def real_articles(self) -> list[Article]:
        """Real articles in list order (what a perfect crawler stores)."""
        with self.lock:
            return [a for i in range(len(self.pages)) for a in self.entries(i) if a.kind == REAL]

    def site_config(self) -> dict[str, Any]:
        """This site's entry for config.yaml (without the name)."""
        return {"start_urls": [self.base + self.start_path], "every": "30s"}

    # ----------------------------------------------------------------- rendering
    def render_list(self, index: int) -> str:
        raise NotImplementedError

    def render_article(self, article: Article) -> str:
        raise NotImplementedError

    def encode(self, html: str) -> bytes:
        # xmlcharrefreplace: a GBK page cannot hold every character; real CMSs write entities.
        return html.encode(self.charset, errors="xmlcharrefreplace")

    def page(self, html: str, status: int = 200, cacheable: bool = False) -> Response:
        return Response(status, self.encode(html), self.content_type, cacheable=cacheable)

    def not_found(self) -> Response:
        return self.page(t.simple_page("404 Not Found", "对不起，您访问的页面不存在或已被删除。", self._meta_charset()), 404)

    def _meta_charset(self) -> str:
        return self.charset

    def special(self, article: Article) -> Response:
        """Answer for a non-real entry; subclasses add their broken pages."""
        status = _STATUS_OF_KIND.get(article.kind)
        if status == 404:
            return self.not_found()
        if status:
            return self.page(t.simple_page("500 Internal Server Error", "服务器内部错误，请稍后再试。", self._meta_charset()), 500)
        return self.page(self.render_article(article))  # "private": an ordinary page, only requests() can tell

    def route(self, raw_path: str) -> Response:
        """The response for ``raw_path`` (path plus query, as in the request line)."""
        path, query = _split(raw_path)
        with self.lock:
            if path == "/robots.txt":
                if self.robots is None:
                    return self.not_found()
                return Response(200, self.robots.encode("ascii"), "text/plain")
            index = self.list_index(path, query)
            if index is not None:
                return self.page(self.render_list(index), cacheable=True)
            article = self.by_path.get(path)
            if article is not None:
                return self.page(self.render_article(article)) if article.kind == REAL else self.special(article)
            if path.endswith((".jpg", ".png", ".gif")):
                return Response(200, _PIXEL, "image/png")
            if path == "/" or any(path.startswith(prefix) for prefix in self.channels):
                return self.page(t.simple_page(self.name, "栏目建设中", self._meta_charset(), [(self.start_path, "资讯")]))
            return self.not_found()

    # ----------------------------------------------------------------- publish
    def new_path(self, published: str) -> str:
        raise NotImplementedError

    def publish(self, title: str, paragraphs: list[str], published: str, source: str) -> Article:
        """Put a new article on top of the first list page and change its ETag/Last-Modified."""
        with self.lock:
            article = Article(self.new_path(published), title, published, source, list(paragraphs))
            self.decorate(article)
            self.fresh.insert(0, article)
            self.by_path[article.path] = article
            # Strictly later than before, even twice within a second: If-Modified-Since
            # has one-second resolution and must not answer 304 after a publish.
            self.last_modified = float(math.floor(max(time.time(), self.last_modified + 1)))
            return article

    def decorate(self, article: Article) -> None:
        """Site-specific extras (screenshots, images) for a new article."""


# --------------------------------------------------------------------------- 辽宁招商网 (DESTOON, GBK)


class LiaoningInvest(Site):
    """DESTOON B2B portal: GBK bytes, meta says gb2312, header says no charset."""

    name = "liaoning-invest"
    start_path = "/news/"
    charset = "gbk"
    content_type = "text/html"  # no charset on purpose: the <meta> (which lies) is all a client gets
    brand = t.Brand("辽宁招商网", "gb2312")
    robots = "User-agent: *\nDisallow: /api/\nDisallow: /admin.php\nDisallow: /member/\nDisallow: /upgrade/\n"
    channels = ("/sell/", "/buy/", "/company/", "/invest/", "/exhibit/", "/job/", "/know/", "/mobile/",
                "/news/invest/", "/news/search.php", "/about/", "/sitemap/", "/spread/", "/ad/", "/guestbook/",
                "/comment/", "/member/")

    def __init__(self, base: str, data: list[dict[str, Any]]) -> None:
        super().__init__(base)
        articles = [self._article(item) for item in data]
        self._add_pages([articles[0:4], articles[4:8], articles[8:12]])

    def _article(self, item: dict[str, Any]) -> Article:
        article = Article(
            f"/news/show-{item['id']}.html", item["title"], item["published"], item["source"],
            item["paragraphs"], author=item.get("author", ""), image_caption=item.get("image_caption", ""),
            views=item.get("views", 0),
        )
        self.decorate(article)
        return article

    def _meta_charset(self) -> str:
        return self.brand.charset

    def _itemid(self, article: Article) -> int:
        return int(article.path.rsplit("-", 1)[1].split(".")[0])

    def decorate(self, article: Article) -> None:
        digits = article.published.replace("-", "").replace(" ", "").replace(":", "")
        itemid = self._itemid(article)
        # WeChat screenshot names are 微信截图_YYYYMMDDhhmmss; the seconds are arbitrary but stable.
        article.screenshot = f"微信截图_{digits}{itemid * 7 % 60:02d}"
        if article.image_caption:
            article.image = f"/file/upload/{digits[:6]}/{digits[6:8]}/{digits[8:]}{itemid}.jpg"

    def list_hrefs(self) -> list[str]:
        return ["/news/"] + [f"/news/list-{n}.html" for n in range(2, len(self.pages) + 1)]

    def list_index(self, path: str, query: dict[str, list[str]]) -> Optional[int]:
        if path in ("/news/", "/news/index.html", "/news/list-1.html"):
            return 0
        hrefs = self.list_hrefs()
        return hrefs.index(path) if path in hrefs else None

    def _rank(self) -> list[Article]:
        return sorted(self.real_articles(), key=lambda a: -a.views)[:10]

    def render_list(self, index: int) -> str:
        return t.destoon_list(self.brand, self.entries(index), self.list_hrefs(), index, self._rank())

    def render_article(self, article: Article) -> str:
        order = self.real_articles()
        pos = order.index(article) if article in order else 0
        prev = order[pos + 1] if pos + 1 < len(order) else None  # older
        next_ = order[pos - 1] if pos > 0 else None  # newer
        related = [a for a in order if a is not article][:6]
        return t.destoon_article(self.brand, article, prev, next_, related, self._rank(), self._itemid(article))

    def new_path(self, published: str) -> str:
        top = max(self._itemid(a) for a in self.by_path.values())
        return f"/news/show-{top + 1}.html"


# --------------------------------------------------------------------------- 沈阳市人民政府 (TRS, UTF-8)


class ShenyangGov(Site):
    """TRS government CMS: art_1234_*.html and t2023…_*.html articles, robots.txt, 404/500 links."""

    name = "shenyang-gov"
    start_path = "/col/col1234/index.html"
    robots = "User-agent: *\nDisallow: /private/\nDisallow: /module/\nDisallow: /jsearchfront/\n"
    channels = ("/col/",)
    _col = "/col/col1234/"

    def __init__(self, base: str, data: list[dict[str, Any]], private: dict[str, Any]) -> None:
        super().__init__(base)
        real = {item["id"]: self._article(item) for item in data}
        self.syndicates = {real[i["id"]].path: i["syndicates"] for i in data if i.get("syndicates")}
        missing = Article("/art/2023/4/4/art_1234_5008.html", "关于2023年一季度招商引资项目推进情况的通报",
                          "2023-04-04 16:00", "沈阳市商务局", kind="missing")
        broken = Article(self._col + "202303/t20230329_4122950.html", "沈阳市招商引资优惠政策汇编（2023版）",
                         "2023-03-29 09:00", "沈阳市商务局", kind="error", href="./202303/t20230329_4122950.html")
        secret = Article("/private/t20230405_999.html", private["title"], private["published"], private["source"],
                         private["paragraphs"], kind="private")
        self._add_pages([
            [real["5012"], real["4123456"], missing, real["5011"], real["5010"]],
            [real["4123401"], secret, real["5009"], real["5007"]],
            [real["4122987"], real["5006"], broken, real["5005"]],
        ])

    def _article(self, item: dict[str, Any]) -> Article:
        p = item["published"]
        if item["style"] == "t":
            # TRS "t" documents live under the column folder and are linked relatively.
            name = f"{p[:4]}{p[5:7]}/t{p[:4]}{p[5:7]}{p[8:10]}_{item['id']}.html"
            return Article(self._col + name, item["title"], p, item["source"], item["paragraphs"], href="./" + name)
        return Article(self._art_path(p, item["id"]), item["title"], p, item["source"], item["paragraphs"])

    @staticmethod
    def _art_path(published: str, ident: str) -> str:
        y, m, d = (int(x) for x in published[:10].split("-"))
        return f"/art/{y}/{m}/{d}/art_1234_{ident}.html"

    def list_hrefs(self) -> list[str]:
        # Relative, as TRS writes them; every list page lives in the same folder.
        return ["index.html"] + [f"index_{n}.html" for n in range(1, len(self.pages))]

    def list_index(self, path: str, query: dict[str, list[str]]) -> Optional[int]:
        if path == self._col:
            return 0
        names = self.list_hrefs()
        name = path[len(self._col):] if path.startswith(self._col) else None
        return names.index(name) if name in names else None

    def render_list(self, index: int) -> str:
        return t.trs_list(self.entries(index), self.list_hrefs(), index)

    def render_article(self, article: Article) -> str:
        related = [a for a in self.real_articles() if a is not article][:4]
        return t.trs_article(article, related)

    def new_path(self, published: str) -> str:
        return self._art_path(published, str(6000 + len(self.fresh)))


# --------------------------------------------------------------------------- 东北新闻在线 (broken pages)

_MALFORMED = """<html><head><meta charset="utf-8"><title>《辽宁省优化营商环境条例》修订解读_东北新闻在线</title>
<body><div class="wrap"><div class="main"></div></div></div></div>
<h1 class="article-title">《辽宁省优化营商环境条例》修订解读<h1>
<div class="meta">2023-04-04 09:00 来源：东北新闻在线</span></b>
<div class="article-body"><p>修订后的条例共8章72条，重点在市场准入、要素保障和政务服务等方面作出规定。<p>条例明确，各级政府应当建立健全企业诉求“接诉即办”机制
<table><tr><td>第一章<td>总则</tr><tr><td>第二章 市场主体保护</table></div></div></div>
<p>条例自2023年5月1日起施行。</i></u>
<div class="related"><ul><li><a href="/2023/04/02/liaoning-fdi-q1.html">一季度辽宁实际使用外资同比增长36.5%</a><li><a href="/2023/04/0"""
_LEADS = {
    "malformed": "修订后的条例共8章72条，重点在市场准入、要素保障和政务服务等方面作出规定。",
    "binary": "一组图片带您走进浑南科技城重点项目建设现场，感受“开局就是决战”的火热氛围。",
    "offsite": "一季度吉林省新签约亿元以上项目520个，签约总额同比增长21%。",
    "huge": "4月2日，辽宁省政府新闻办召开新闻发布会，介绍一季度全省招商引资工作情况。以下为发布会全文实录。",
    "slow": "2023东北亚经贸合作洽谈会今日开幕，本网记者在现场为您带来图文直播。",
    "loop": "大连自贸片区今日发布跨境贸易便利化十二条新举措，涉及通关、物流和结算等环节。",
}
_MALFORMED_TAIL = '<p class="con'  # truncated mid-tag, as when a proxy cuts the response


class DongbeiNews(Site):
    """News site with date URLs and every kind of broken page a crawler must survive."""

    name = "dongbei-news"
    start_path = "/"
    robots = "User-agent: *\nDisallow: /user/\nDisallow: /search\n"
    channels = ("/liaoning/", "/economy/", "/invest/", "/photo/", "/about/", "/contact/", "/ads/", "/jobs/", "/user/")
    huge_bytes = 3_000_000  # above the 2,000,000 max_response_bytes emitted in config_yaml()
    slow_seconds = 12.0  # well above the 6 s timeout emitted in config_yaml()

    def __init__(self, base: str, data: list[dict[str, Any]], offsite_base: str) -> None:
        super().__init__(base)
        r = [self._article(item) for item in data]

        def bad(kind: str, path: str, title: str, published: str) -> Article:
            # The list entry looks as ordinary as the real ones; only the page behind it is broken.
            return Article(path, title, published, "东北新闻在线", [_LEADS[kind]], kind=kind)

        offsite = bad("offsite", offsite_base + "/2023/04/03/partner-story.html",
                      "【合作媒体】吉林省一季度招商引资成果丰硕", "2023-04-03 12:00")
        self._add_pages([
            [r[0], r[1], bad("malformed", "/2023/04/04/broken-markup.html", "《辽宁省优化营商环境条例》修订解读",
                             "2023-04-04 09:00"),
             r[2], bad("binary", "/2023/04/03/photo-gallery.html", "组图：沈阳浑南科技城建设现场", "2023-04-03 15:00"),
             offsite],
            [r[3], bad("huge", "/2023/04/02/full-transcript.html", "全文实录：2023辽宁招商引资新闻发布会",
                       "2023-04-02 11:00"),
             r[4], bad("slow", "/2023/04/01/live-updates.html", "直播：2023东北亚经贸合作洽谈会开幕", "2023-04-01 10:30"),
             r[5], bad("loop", "/2023/04/01/loop-a.html", "快讯：大连自贸片区发布跨境贸易便利化新政", "2023-04-01 08:00")],
        ])
        self._huge: Optional[bytes] = None

    def _article(self, item: dict[str, Any]) -> Article:
        p = item["published"]
        path = f"/{p[:4]}/{p[5:7]}/{p[8:10]}/{item['slug']}.html"
        return Article(path, item["title"], p, item["source"], item["paragraphs"], author=item.get("author", ""))

    def list_hrefs(self) -> list[str]:
        return ["/"] + [f"/?page={n}" for n in range(2, len(self.pages) + 1)]

    def list_index(self, path: str, query: dict[str, list[str]]) -> Optional[int]:
        if path not in ("/", "/index.html"):
            return None
        try:
            number = int(query.get("page", ["1"])[0])
        except ValueError:
            return 0
        return number - 1 if 1 <= number <= len(self.pages) else None

    def render_list(self, index: int) -> str:
        return t.news_list(self.entries(index), self.list_hrefs(), index)

    def render_article(self, article: Article) -> str:
        related = [a for a in self.real_articles() if a is not article][:4]
        return t.news_article(article, related)

    def special(self, article: Article) -> Response:
        kind = article.kind
        if kind == "malformed":
            return Response(200, (_MALFORMED + _MALFORMED_TAIL).encode("utf-8"), self.content_type)
        if kind == "binary":
            return Response(200, _binary_blob(), "text/html")  # PNG bytes that claim to be HTML
        if kind == "huge":
            return Response(200, self._huge_body(), self.content_type)
        if kind == "slow":
            return Response(200, self.encode(self.render_article(article)), self.content_type, delay=self.slow_seconds)
        if kind == "loop":
            # loop-a.html -> loop-b.html -> loop-a.html -> ...
            other = article.path.replace("loop-a", "loop-b")
            return Response(302, b"", self.content_type, headers={"Location": self.base + other})
        return super().special(article)

    def route(self, raw_path: str) -> Response:
        path, _ = _split(raw_path)
        if path.endswith("/loop-b.html"):
            return Response(302, b"", self.content_type, headers={"Location": self.base + path.replace("loop-b", "loop-a")})
        return super().route(raw_path)

    def _huge_body(self) -> bytes:
        # Built once: a well-formed page whose "transcript" repeats until it is ~3 MB.
        if self._huge is None:
            para = "".join(a.paragraphs[0] for page in self.pages for a in page if a.kind == REAL)
            rows: list[str] = []
            size = 0
            while size < self.huge_bytes:
                rows.append(f"【第{len(rows) + 1}段】{para}")
                size += len(rows[-1].encode("utf-8")) + 8
            page = Article("/2023/04/02/full-transcript.html", "全文实录：2023辽宁招商引资新闻发布会",
                           "2023-04-02 11:00", "东北新闻在线", rows)
            self._huge = self.encode(self.render_article(page))
        return self._huge

    def new_path(self, published: str) -> str:
        return f"/{published[:4]}/{published[5:7]}/{published[8:10]}/story-{len(self.fresh) + 1}.html"


def _binary_blob(size: int = 24_000) -> bytes:
    """PNG signature and header, then deterministic noise."""
    rng = random.Random(7)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.getrandbits(8) for _ in range(size))


# --------------------------------------------------------------------------- off-site target


class Offsite(Site):
    """The other host (``localhost``) that dongbei-news links to; a polite crawler never calls it."""

    name = "offsite"
    robots = "User-agent: *\nDisallow:\n"

    def list_index(self, path: str, query: dict[str, list[str]]) -> Optional[int]:
        return None

    def route(self, raw_path: str) -> Response:
        if _split(raw_path)[0] == "/robots.txt":
            return super().route(raw_path)
        return self.page(t.simple_page("【合作媒体】吉林省一季度招商引资成果丰硕",
                                       "本文来自合作媒体，一季度吉林省新签约亿元以上项目520个。"))
