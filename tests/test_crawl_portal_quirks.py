"""Real crawls of small loopback sites with portal quirks, checked in the SQLite file they fill.

Each test serves its own pages from a ``ThreadingHTTPServer`` on 127.0.0.1 (port 0), writes a
config with the site's list page, feed or sitemap as its start URL, runs ``newsmon crawl`` and
reads ``articles``: image headlines on government portals, a US feed's ``CST``, a sitemap of PDFs.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from click.testing import CliRunner

from newsmon.cli import cli


class _Pages(BaseHTTPRequestHandler):
    """Answers each path from ``pages`` (path -> (Content-Type, body)); 404 otherwise."""

    pages: dict[str, tuple[str, bytes]] = {}
    requested: list[str] = []

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        type(self).requested.append(self.path)
        found = type(self).pages.get(self.path.split("?")[0])
        status, ctype, data = (200, *found) if found else (404, "text/plain", b"not found")
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the crawl closed the connection first


class Site:
    """A loopback site and a config/database pair in a temporary folder."""

    def __init__(self, folder: Path, base: str) -> None:
        self.folder = folder
        self.base = base
        self.db = folder / "news.db"
        self.config = folder / "config.yaml"

    def serve(self, path: str, body: str, ctype: str = "text/html; charset=utf-8") -> None:
        _Pages.pages[path] = (ctype, body.encode("utf-8"))

    def crawl(self, start: str) -> dict[str, Any]:
        return self.crawl_many([start])

    def crawl_many(self, starts: list[str]) -> dict[str, Any]:
        """Crawl the site from these start paths with the real CLI; its one report."""
        self.config.write_text(yaml.safe_dump({
            "database": str(self.db),
            "crawl": {"download_delay": 0, "autothrottle": False, "timeout": 30, "retries": 0},
            "sites": [{"name": "portal", "start_urls": [self.base + start for start in starts]}],
        }, allow_unicode=True), encoding="utf-8")
        result = CliRunner().invoke(cli, ["crawl", "--config", str(self.config), "--format", "json"],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        (report,) = json.loads(result.stdout)
        assert isinstance(report, dict)
        return report

    def stored(self, *columns: str) -> dict[str, tuple[Any, ...]]:
        """url -> the named columns of every stored story."""
        with sqlite3.connect(self.db) as conn:
            rows = conn.execute(f"SELECT url, {', '.join(columns)} FROM articles").fetchall()
        return {row[0].removeprefix(self.base): tuple(row[1:]) for row in rows}


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[Site]:
    _Pages.pages, _Pages.requested = {}, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(tmp_path, f"http://127.0.0.1:{server.server_address[1]}")
    server.shutdown()
    server.server_close()


# ------------------------------------------------------------ image headlines

# One story per city (different enough not to be taken for syndicated copies of one story).
GOV_BODIES = {
    "鞍山市": ["4月3日上午，鞍山市2023年重点项目集中开工仪式在高新区举行，本次集中开工项目共计28个，总投资126亿元，"
            "涵盖菱镁新材料、钢铁深加工和现代物流等领域。",
            "市领导在开工仪式上指出，要坚持项目为王，全力推进项目建设，确保项目早建成、早投产、早见效。"],
    "营口市": ["营口港新能源产业园项目日前正式开工，项目由港口集团与两家储能企业合资建设，一期投资42亿元，"
            "建设锂电池储能系统生产线和配套码头仓储设施。",
            "项目全部建成后，预计年产储能系统10吉瓦时，可带动上下游企业落户园区，新增就业岗位1500个。"],
    "盘锦市": ["在日前举行的盘锦精细化工产业园招商推介会上，三个化工新材料项目签约落地，协议总投资35亿元，"
            "分别为高端聚烯烃、特种溶剂和电子化学品项目。",
            "产业园负责人介绍，今年以来园区已引进亿元以上项目17个，化工新材料产业集群初具规模。"],
}

def gov_article(head: str, column: str, headline_block: str, place: str) -> str:
    """An article page of a TRS WCM / Hanweb jcms portal: menu, column label (an ``<h1>`` and a
    ``<div class="lm">``), a 当前位置 breadcrumb linking the column, the headline as ``headline_block``."""
    return f"""<html><head><meta charset="utf-8">{head}</head><body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="某某市人民政府"></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/col/col1/index.html">{column}</a></li>
<li><a href="/col/col3/index.html">通知公告</a></li><li><a href="/col/col4/index.html">政务公开</a></li></ul></div>
<div class="main"><div class="left"><h1>{column}</h1><div class="lm">{column}</div></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1/index.html">{column}</a> &gt; 正文</div>
<div class="article">{headline_block}
<div class="info">发布时间：2023-04-03 15:26 来源：{place}发展和改革委员会</div>
<div class="content">{"".join(f"<p>{p}</p>" for p in GOV_BODIES[place])}</div></div></div>
<div class="footer">主办单位：{place}人民政府办公室 ICP备12345678号</div></body></html>"""


def test_column_heading_never_replaces_an_image_headline(site: Site) -> None:
    # Each story prints its headline only as a picture (with or without alt text); the <h1> is
    # the column's name, linked from the menu and the breadcrumb. The <title> (its first segment)
    # or the TRS ArticleTitle meta carry the headline and must be what is stored.
    stories = {
        "/art/2023/4/3/art_1_101.html": (
            "<title>鞍山市重点项目集中开工建设_鞍山市人民政府</title>", "政务要闻",
            "<div class='biaoti'><img src='/picture/0/2304031526.jpg' alt=''></div>", "鞍山市",
            "鞍山市重点项目集中开工建设"),
        "/art/2023/4/3/art_1_102.html": (
            "<title>营口港新能源产业园项目开工_营口市人民政府</title>", "要闻动态",
            "<p class='tit'><img src='/picture/0/2304031527.png' alt='营口港新能源产业园项目开工'></p>", "营口市",
            "营口港新能源产业园项目开工"),
        "/art/2023/4/3/art_1_103.html": (
            "<meta name='ArticleTitle' content='盘锦精细化工产业园三个项目签约落地'>"
            "<title>盘锦精细化工产业园三个项目签约落地_本地要闻_盘锦市人民政府</title>", "部门动态",
            "<img src='/picture/0/2304031528.jpg'>", "盘锦市",
            "盘锦精细化工产业园三个项目签约落地"),
    }
    for path, (head, column, block, place, _) in stories.items():
        site.serve(path, gov_article(head, column, block, place))
    rows = "".join(f"<li><a href='{path}'>{want}</a><span>2023-04-03</span></li>"
                   for path, (*_, want) in stories.items())
    site.serve("/col/col1/index.html", f"<html><head><meta charset='utf-8'><title>要闻动态</title></head>"
                                       f"<body><ul class='list'>{rows}</ul></body></html>")
    report = site.crawl("/col/col1/index.html")
    assert report["failures"] == 0, report
    stored = site.stored("title")
    assert {path: title for path, (title,) in stored.items()} == {path: s[-1] for path, s in stories.items()}


# ------------------------------------------------------------ feed time zones

EN_PARAGRAPHS = [
    "The county board voted on Monday night to approve the new water treatment plant, ending two years of debate "
    "over where the plant should be built and how the bonds that pay for it would be repaid.",
    "Construction is expected to start in the spring, and officials said the plant would serve about forty "
    "thousand homes once the second phase is finished in three years.",
    "Residents who spoke at the meeting asked that the work avoid the school zone during the morning rush.",
]
ZH_PARAGRAPHS = [
    "9月18日，某某市召开重点项目建设推进会，通报今年以来全市重点项目建设进展情况，部署下一阶段工作任务。",
    "会议指出，今年全市共安排重点项目186个，目前已开工172个，完成投资额占年度计划的百分之八十二。",
    "会议要求，各地各部门要紧盯目标任务，加快项目审批和要素保障，确保全年任务圆满完成。",
]


def undated_page(title: str, paragraphs: list[str], lang: str) -> str:
    """An article page that states no date: the stored date is the feed's."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1><div class='story'>{body}</div></body></html>")


def rss(title: str, language: str, items: list[tuple[str, str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate></item>"
                      for t, link, date in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
            f"<link>/</link>{language}{entries}</channel></rss>")


def test_cst_in_an_english_feed_is_us_central_in_a_chinese_one_china_time(site: Site) -> None:
    # The same printed time, "CST": a US county paper's RSS means Central Standard Time (UTC-6), a
    # Chinese portal's China Standard Time (UTC+8). The pages state no date; the feed's date is stored.
    printed = "Tue, 18 Sep 2018 14:38:10 CST"
    en_title = "County board approves new water treatment plant"
    zh_title = "某某市召开重点项目建设推进会"
    site.serve("/us/board.html", undated_page(en_title, EN_PARAGRAPHS, "en"))
    site.serve("/zh/tuijin.html", undated_page(zh_title, ZH_PARAGRAPHS, "zh-CN"))
    site.serve("/us/rss.xml", rss("Prairie County Ledger: Local news", "<language>en-us</language>",
                                  [(en_title, f"{site.base}/us/board.html", printed)]),
               "application/rss+xml")
    # No <language>: the Chinese titles tell (the existing unit test has a .cn host).
    site.serve("/zh/rss.xml", rss("某某市人民政府 要闻动态", "", [(zh_title, f"{site.base}/zh/tuijin.html", printed)]),
               "application/rss+xml")
    report = site.crawl_many(["/us/rss.xml", "/zh/rss.xml"])
    assert report["failures"] == 0, report
    stored = {path: datetime.fromisoformat(published) for path, (published,) in site.stored("published_at").items()}
    assert stored == {
        "/us/board.html": datetime(2018, 9, 18, 14, 38, tzinfo=timezone(timedelta(hours=-6))),
        "/zh/tuijin.html": datetime(2018, 9, 18, 14, 38, tzinfo=timezone(timedelta(hours=8))),
    }


# ------------------------------------------------------------ sitemaps of files


def test_sitemap_files_without_a_news_title_are_stored_under_their_file_name(site: Site) -> None:
    # A government site's sitemap lists its pages and its attachments (<loc> and <lastmod> only; one
    # PDF is a Google News entry with a title). Files are never downloaded; one without a title is
    # a story all the same, named by its file's name (percent-decoded, without the extension).
    site.serve("/art/2023/4/3/art_5_201.html", undated_page("某某市召开重点项目建设推进会", ZH_PARAGRAPHS, "zh-CN"))
    site.serve("/art/2023/4/4/art_5_202.html", undated_page("County board approves new water treatment plant",
                                                            EN_PARAGRAPHS, "en"))
    budget = "/attach/2023/%E5%85%B3%E4%BA%8E2023%E5%B9%B4%E5%BA%A6%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80%E7%9A%84%E8%AF%B4%E6%98%8E.pdf"
    coded = "/picture/0/P020230405551234567.pdf"
    titled = "/attach/2023/tzgg-0406.pdf"
    entries = [("/art/2023/4/3/art_5_201.html", "2023-04-03", ""), ("/art/2023/4/4/art_5_202.html", "2023-04-04", ""),
               (budget, "2023-04-05", ""), (coded, "2023-04-05T10:30:00+08:00", ""),
               (titled, "2023-04-06", "关于开展安全生产大检查的通知")]
    urls = "".join(
        f"<url><loc>{site.base}{path}</loc><lastmod>{lastmod}</lastmod>"
        + (f"<news:news><news:publication><news:name>某某市人民政府</news:name><news:language>zh</news:language>"
           f"</news:publication><news:publication_date>{lastmod}</news:publication_date>"
           f"<news:title>{title}</news:title></news:news>" if title else "")
        + "</url>"
        for path, lastmod, title in entries)
    site.serve("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
                               'sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                               f"{urls}</urlset>", "application/xml")
    report = site.crawl("/sitemap.xml")
    assert report["failures"] == 0, report
    assert not [path for path in _Pages.requested if path.endswith(".pdf")]  # files are never downloaded
    stored = site.stored("title", "file_type", "published_at")
    assert {path: (title, kind) for path, (title, kind, _) in stored.items()} == {
        "/art/2023/4/3/art_5_201.html": ("某某市召开重点项目建设推进会", None),
        "/art/2023/4/4/art_5_202.html": ("County board approves new water treatment plant", None),
        budget: ("关于2023年度部门预算公开的说明", "pdf"),
        coded: ("P020230405551234567", "pdf"),
        titled: ("关于开展安全生产大检查的通知", "pdf"),
    }
    assert stored[coded][2] == "2023-04-05T10:30:00+08:00" and stored[budget][2] == "2023-04-05T00:00:00+08:00"
