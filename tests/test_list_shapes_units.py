"""read_list_page on hand-made pages of each shape: pagers, TRS, Hanweb, script data, feeds, caps, boundaries."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

from newsmon.cli import cli
from newsmon.crawler import read_list_page
from newsmon.crawler.links import MAX_LINKS_PER_PAGE
from newsmon.crawler.pager import normalise_pager_text
from newsmon.crawler.urls import same_site, site_boundaries
from newsmon.portal import templates as t
from newsmon.portal.model import Article

BASE = "http://127.0.0.1:8000"


def items(n: int = 4, prefix: str = "/news/show-") -> str:
    return "".join(
        f"<li><a href='{prefix}{100 + i}.html'>大连市重点项目集中签约仪式第{i}批举行</a><span>2023-04-0{i + 1}</span></li>"
        for i in range(n)
    )


def page(body: str, head: str = "") -> bytes:
    nav = "<div class=nav><a href='/'>首页</a><a href='/about/'>关于我们</a></div>"
    return f"<html><head><meta charset=utf-8>{head}</head><body>{nav}<ul>{items()}</ul>{body}</body></html>".encode()


@pytest.mark.parametrize(
    "pager",
    [
        "<a href='list-2.html'>下一页»</a>",
        "<a href='list-2.html'>下一页&gt;&gt;</a>",
        "<a href='list-2.html'>[下一页]</a>",
        "<a href='list-2.html'>下一页 &gt;</a>",
        "<a href='list-2.html'>【下页】</a>",
        "<a href='list-2.html'>后一页</a>",
        "<a href='list-2.html'>&gt;</a>",
        "<a href='list-2.html'>›</a>",
        "<a href='list-2.html'>Next »</a>",
        "<a href='list-2.html'>ＮＥＸＴ</a>",
        "<a href='list-2.html'><img src='/images/next.gif' alt='下一页'></a>",
        "<a href='list-2.html' title='下一页'><img src='/images/next.gif'></a>",
        "<a href='list-1.html'>&lt;&lt;</a><a href='list-1.html'>&lt;</a><a href='list-2.html'>&gt;</a><a href='list-9.html'>&gt;&gt;</a>",
    ],
)
def test_decorated_next_links(pager: str) -> None:
    reading = read_list_page(page(f"<div class=pages>{pager}</div>"), f"{BASE}/news/list-1.html")
    assert reading.next_pages == [f"{BASE}/news/list-2.html"]
    assert len(reading.articles) == 4
    assert f"{BASE}/news/list-2.html" not in [a.url for a in reading.articles]


def test_normalised_words() -> None:
    assert normalise_pager_text(" [ 下一页 ] ") == "下一页"
    assert normalise_pager_text("下一页»") == "下一页"
    assert normalise_pager_text("Next ›") == "next"
    assert normalise_pager_text("»") == "»"


def test_numbered_window_with_last_page_builds_the_next_url() -> None:
    # Page 5 of 9; the pager prints only 3 and 4 and a 尾页 link (the JS would print the rest).
    pager = "<a href='list-3.html'>3</a><a href='list-4.html'>4</a><span>5</span><a href='list-9.html'>尾页</a>"
    reading = read_list_page(page(pager), f"{BASE}/news/list-5.html")
    assert reading.next_pages == [f"{BASE}/news/list-6.html"]


def test_last_page_by_total_has_no_next() -> None:
    pager = "<a href='list-2.html'>2</a><a href='list-3.html'>3</a><span>4</span> 共4页"
    reading = read_list_page(page(pager), f"{BASE}/news/list-4.html")
    assert reading.next_pages == []


def test_trs_zero_based_numbers() -> None:
    pager = "<a href='index.html'>1</a><span>2</span><a href='index_2.html'>3</a><a href='index_3.html'>4</a>"
    reading = read_list_page(page(pager), f"{BASE}/col/col1/index_1.html")
    assert reading.next_pages == [f"{BASE}/col/col1/index_2.html"]


@pytest.mark.parametrize(
    "script,url,expected",
    [
        ('createPageHTML(5, 0, "index", "html");', "/col/col1/index.html", "/col/col1/index_1.html"),
        ("createPageHTML(5,3,'index','shtml');", "/col/col1/index_3.shtml", "/col/col1/index_4.shtml"),
        ("createPageHTML('page_div', 6, 2, 'index', 'html', 80);", "/zw/index_2.html", "/zw/index_3.html"),
        ("createPageHTML('page_div',10, 1,'dezlist','shtml',149);", "/zw/dezlist.shtml", "/zw/dezlist_2.shtml"),
        ("createPageHTML('page_div',10, 9,'dezlist','shtml',149);", "/zw/dezlist_9.shtml", "/zw/dezlist_10.shtml"),
        ("createPageHTML('page_div',10, 10,'dezlist','shtml',149);", "/zw/dezlist_10.shtml", None),
        ('createPageHTML(5, 4, "index", "html");', "/col/col1/index_4.html", None),
        ("var countPage = 7//共多少页\nvar currentPage = 1//当前页\ndocument.write('<a href=\"index_' + (currentPage+1) + '.html\">下一页</a>');",
         "/col/col1/index_1.html", "/col/col1/index_2.html"),
        ("var countPage = 1\nvar currentPage = 0", "/col/col1/", None),
    ],
)
def test_trs_javascript_pagers(script: str, url: str, expected: str | None) -> None:
    reading = read_list_page(page(f"<div class=page><script>{script}</script></div>"), BASE + url)
    assert reading.shape == "trs_pager"
    assert reading.next_pages == ([BASE + expected] if expected else [])


def _record(i: int) -> str:
    return (f"<record><![CDATA[<li><a href='/art/2023/4/{i + 1}/art_5123_{9000 + i}.html' title='沈阳市政务动态第{i}条重要新闻'>"
            f"沈阳市政务动态第{i}条重要新闻</a><span>2023-04-{i + 1:02d}</span></li>]]></record>")


def test_hanweb_column_page_without_jpage_call_follows_nextgroup() -> None:
    html = ("<html><body><div id='1'><script type='text/xml'><datastore><nextgroup><![CDATA[<a href=\"/module/web/jpage/"
            "dataproxy.jsp?page=1&webid=1&path=/&columnid=5123&unitid=1737\"></a>]]></nextgroup><recordset>"
            + "".join(_record(i) for i in range(3)) + "</recordset></datastore></script></div></body></html>")
    reading = read_list_page(html.encode(), f"{BASE}/col/col5123/index.html")
    assert reading.shape == "hanweb"
    assert [a.date for a in reading.articles] == ["2023-04-01", "2023-04-02", "2023-04-03"]
    assert reading.articles[0].url == f"{BASE}/art/2023/4/1/art_5123_9000.html"
    assert reading.next_pages == [f"{BASE}/module/web/jpage/dataproxy.jsp?page=1&webid=1&path=/&columnid=5123&unitid=1737"]


@pytest.mark.parametrize(
    "query,total_pages,expected",
    [
        ("page=2&columnid=5123&unitid=1737", 4, "page=3&columnid=5123&unitid=1737"),
        ("page=4&columnid=5123&unitid=1737", 4, None),
        ("startrecord=1&endrecord=3&perpage=3&columnid=5123", 4, "startrecord=4&endrecord=6&perpage=3&columnid=5123"),
        ("startrecord=10&endrecord=12&perpage=3&columnid=5123", 4, None),
    ],
)
def test_hanweb_data_proxy_answers(query: str, total_pages: int, expected: str | None) -> None:
    xml = (f"<?xml version='1.0' encoding='UTF-8'?><datastore><totalrecord>12</totalrecord><totalpage>{total_pages}</totalpage>"
           "<recordset>" + "".join(_record(i) for i in range(3)) + "</recordset></datastore>")
    url = f"{BASE}/module/web/jpage/dataproxy.jsp?{query}"
    reading = read_list_page(xml.encode(), url, headers={"Content-Type": "text/xml;charset=UTF-8"})
    assert reading.shape == "hanweb"
    assert len(reading.articles) == 3
    expected_url = f"{BASE}/module/web/jpage/dataproxy.jsp?{expected}" if expected else None
    assert reading.next_pages == ([expected_url] if expected_url else [])


def test_initial_state_script_data() -> None:
    state = {"page": {"title": "要闻"}, "list": {"items": [
        {"id": i, "title": f"辽宁省招商引资重点项目第{i}批签约", "link": f"/content/{500 + i}", "publishTime": 1680672000000 + i * 60000}
        for i in range(3)
    ]}}
    html = f"<html><body><div id=app></div><script>window.__INITIAL_STATE__ = {json.dumps(state, ensure_ascii=False)};</script></body></html>"
    reading = read_list_page(html.encode(), f"{BASE}/news/")
    assert reading.shape == "script_data"
    assert [a.url for a in reading.articles] == [f"{BASE}/content/{500 + i}" for i in range(3)]
    assert reading.articles[0].date == "2023-04-05 13:20"
    assert reading.articles[1].title == "辽宁省招商引资重点项目第1批签约"


def test_js_literal_with_single_quotes_and_unquoted_keys() -> None:
    script = "var itemObj = [" + ",".join(
        f"{{title: '鞍山市高新区氢能装备项目开工第{i}期', url: './t2023040{i}_{i}.html', date: '2023-04-0{i}'}}" for i in range(1, 4)
    ) + "];"
    reading = read_list_page(f"<html><body><script>{script}</script></body></html>".encode(), f"{BASE}/col/a/index.html")
    assert reading.shape == "script_data"
    assert reading.articles[2].url == f"{BASE}/col/a/t20230403_3.html"
    assert reading.articles[2].date == "2023-04-03"


@pytest.mark.parametrize("link", ["<link rel='next' href='/page/2'>", "<link rel='Next' href='/page/2/'>"])
def test_link_rel_next_in_head(link: str) -> None:
    reading = read_list_page(page("<a class=more href='javascript:load()'>加载更多</a>", link), f"{BASE}/")
    assert reading.next_pages[0].rstrip("/") == f"{BASE}/page/2"


def test_a_rel_next() -> None:
    reading = read_list_page(page("<a rel='next' href='/news/p2.html'>more</a>"), f"{BASE}/news/")
    assert reading.next_pages == [f"{BASE}/news/p2.html"]


@pytest.mark.parametrize("printed, hint", [
    ("2018-09-18 14:38:10", "2018-09-18 14:38"),  # Chinese feeds: Beijing time without a zone
    # RFC 822 without a zone: as printed too (feedparser reads the first as UTC, the second not at all)
    ("18 Sep 2018 14:38:10", "2018-09-18 14:38"),
    ("Tue, 18 Sep 2018 14:38:10", "2018-09-18 14:38"),
    ("Tue, 18 Sep 2018 14:38:10 +0800 (CST)", "2018-09-18 14:38"),  # RFC 822: a comment after the zone
    ("2018年9月18日 14:38", "2018-09-18 14:38"),  # not a date feedparser reads at all
    ("Tue, 18 Sep 2018 06:38:10 GMT", "2018-09-18 14:38"),  # zoned: converted to Beijing time
    ("2018-09-18T14:38:10+08:00", "2018-09-18 14:38"),
    ("Mon, 17 Sep 2018 23:00:00 EDT", "2018-09-18 11:00"),
    ("Tue, 18 Sep 2018 14:38:10 CST", "2018-09-18 14:38"),  # China Standard Time, not US Central
])
def test_feed_dates_without_a_zone_are_beijing_time(printed: str, hint: str) -> None:
    rss = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>新闻国内</title>"
           "<link>http://news.example.cn/</link><item><title>最高法：适时出台防卫过当的认定标准</title>"
           f"<link>http://news.example.cn/a/20180918/006660.htm</link><pubDate>{printed}</pubDate></item>"
           "</channel></rss>")
    reading = read_list_page(rss.encode("utf-8"), "http://news.example.cn/rss.xml",
                             headers={"Content-Type": "application/rss+xml"})
    assert reading.shape == "feed"
    assert [a.date for a in reading.articles] == [hint]


@pytest.mark.parametrize("host, language, hint", [
    ("www.chinadaily.com.cn", "<language>en</language>", "2018-09-18 14:38"),  # English, a Chinese host: China time
    ("news.example.com", "<language>zh-cn</language>", "2018-09-18 14:38"),  # a Chinese feed on a .com
    ("news.example.com", "", "2018-09-19 04:38"),  # English titles, no language, a .com: US Central (UTC-6)
    ("news.example.com", "<language>en-us</language>", "2018-09-19 04:38"),
])
def test_cst_is_china_time_only_in_a_chinese_feed(host: str, language: str, hint: str) -> None:
    rss = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Top stories</title>"
           f"<link>http://{host}/</link>{language}<item><title>Port expansion approved</title>"
           f"<link>http://{host}/a/1.html</link><pubDate>Tue, 18 Sep 2018 14:38:10 CST</pubDate></item>"
           "</channel></rss>")
    reading = read_list_page(rss.encode("utf-8"), f"http://{host}/rss.xml", headers={"Content-Type": "application/rss+xml"})
    assert [a.date for a in reading.articles] == [hint]


def test_announced_feed_is_reported() -> None:
    head = "<link rel='alternate' type='application/rss+xml' title='RSS' href='/rss/news.xml'>"
    reading = read_list_page(page("", head), f"{BASE}/news/")
    assert reading.feeds == [f"{BASE}/rss/news.xml"]


def test_links_past_the_cap_are_counted_not_read() -> None:
    many = "".join(f"<a href='/n/{i}.html'>第{i}条</a>" for i in range(MAX_LINKS_PER_PAGE + 500))
    reading = read_list_page(f"<html><body>{many}</body></html>".encode(), f"{BASE}/news/")
    assert reading.links_over_cap == 500
    assert reading.diagnosis and str(MAX_LINKS_PER_PAGE) in reading.diagnosis


def test_boundary_pins_the_port() -> None:
    bounds = site_boundaries(["http://127.0.0.1:8000/news/", "https://www.example.gov.cn/col/"], ["127.0.0.1", "www.example.gov.cn", "cdn.example.gov.cn"])
    assert bounds == ["127.0.0.1:8000", "www.example.gov.cn:80", "www.example.gov.cn:443", "cdn.example.gov.cn"]
    assert same_site("http://127.0.0.1:8000/a.html", bounds)
    assert not same_site("http://127.0.0.1:9000/a.html", bounds)
    assert same_site("http://www.example.gov.cn/a.html", bounds)
    assert not same_site("http://www.example.gov.cn:8080/a.html", bounds)
    assert same_site("http://cdn.example.gov.cn:8080/a.html", bounds)


def test_default_boundary_is_the_registrable_domain() -> None:
    bounds = site_boundaries(["https://news.qq.com/list/", "http://127.0.0.1:8000/news/"])
    assert bounds == ["qq.com:80", "qq.com:443", "127.0.0.1:8000"]
    assert same_site("https://new.qq.com/omn/20200704/20200704A04HVX00.html", bounds)
    assert not same_site("https://qq.com.evil.cn/a.html", bounds)
    assert not same_site("http://localhost:8000/a.html", bounds)
    assert site_boundaries(["http://www.ln.gov.cn/"]) == ["ln.gov.cn:80", "ln.gov.cn:443"]


# --------------------------------------------------------------------------- redirect to another port


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        status, headers, body = self.server.routes.get(self.path, (404, {}, b"not found"))  # type: ignore[attr-defined]
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def two_ports() -> Iterator[tuple[ThreadingHTTPServer, ThreadingHTTPServer]]:
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), _Handler) for _ in range(2)]
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    yield servers[0], servers[1]
    for server in servers:
        server.shutdown()
        server.server_close()


def test_redirect_to_another_port_is_off_site(two_ports: tuple[ThreadingHTTPServer, ThreadingHTTPServer], tmp_path: Path) -> None:
    site, other = two_ports
    base, other_base = (f"http://127.0.0.1:{s.server_address[1]}" for s in (site, other))
    bodies = [
        ["今年一季度，全市新签约亿元以上项目63个，协议投资额共计428亿元，同比增长27.5%。",
         "园区相关负责人介绍，园区已累计入驻企业320余家，其中规模以上工业企业86家，高新技术企业47家。"],
        ["稀有气体是电子信息、航空航天、医疗等领域的关键原材料，氪氙等稀有气体的国产化对保障产业链供应链安全具有重要意义。",
         "项目将依托周边钢铁企业的空分装置，回收提取氪、氙、氖等稀有气体，实现资源综合利用。"],
        ["冷链物流项目建成后，可提供冷库库容20万吨，年周转农产品100万吨。",
         "当地农产品精深加工产业发展迅速，已培育国家级农业产业化龙头企业12家。"],
    ]
    stories = [Article(f"/news/show-{i}.html", f"沈阳市招商引资重点项目第{i}批集中签约仪式举行", f"2023-04-0{i} 10:00", "沈阳日报",
                       bodies[i - 1]) for i in (1, 2, 3)]
    listing = "".join(f"<li><a href='{a.path}'>{a.title}</a><span>{a.date}</span></li>" for a in stories)
    site.routes = {  # type: ignore[attr-defined]
        "/news/": (200, {}, f"<html><body><ul>{listing}</ul></body></html>".encode()),
        stories[0].path: (200, {}, t.trs_article(stories[0], []).encode()),
        stories[1].path: (200, {}, t.trs_article(stories[1], []).encode()),
        stories[2].path: (302, {"Location": other_base + stories[2].path}, b""),
    }
    other.routes = {stories[2].path: (200, {}, t.trs_article(stories[2], []).encode())}  # type: ignore[attr-defined]
    config = tmp_path / "config.yaml"
    config.write_text(f"database: news.db\ncrawl: {{download_delay: 0, autothrottle: false, retries: 0, obey_robots_txt: false}}\n"
                      f"sites:\n  - name: ports\n    start_urls: ['{base}/news/']\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["crawl", "--config", str(config), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    assert report["articles_new"] == 2
    assert f"{base}{stories[2].path}: redirected off-site to {other_base}{stories[2].path}" in report["errors"]


def test_numbered_links_on_another_host_are_not_the_pager() -> None:
    # An archive calendar (days 1..31) on a sibling host is not page 2.
    days = "".join(f"<a href='http://archive.example.com/2020-07/{d:02d}/12.html'>{d}</a>" for d in range(1, 32))
    reading = read_list_page(page(days), "http://news.example.com/special/rank.html",
                             domains=["example.com"])
    assert reading.next_pages == []


def test_a_file_in_the_row_of_a_page_entry_is_its_attachment_not_an_entry() -> None:
    """A 公告 row links its detail page and, beside it, the announcement's PDF: one story (the page), not a
    second one for the file with the same title (two stories, two alerts for one announcement). Rows that
    link a file alone stay file entries."""
    rows = "".join(
        f"<tr><td><a href='/zwgk/tzgg/2024/{i}.html'>关于长兴岛第{i}号氪氙项目环境影响评价的公示</a></td>"
        f"<td><a href='/zwgk/tzgg/files/{i}.pdf'>关于长兴岛第{i}号氪氙项目环境影响评价的公示.pdf</a></td>"
        f"<td>2024-03-0{i + 1}</td></tr>" for i in range(5))
    rows += "".join(
        f"<tr><td><a href='/zwgk/tzgg/files/only-{i}.pdf'>关于长兴岛第{i}号氪氙项目备案信息的公告</a></td>"
        f"<td></td><td>2024-02-0{i + 1}</td></tr>" for i in range(3))
    html = f"<html><head><title>通知公告</title></head><body><table class='list'>{rows}</table></body></html>"
    reading = read_list_page(html.encode(), f"{BASE}/zwgk/tzgg/index.html")
    assert [(a.kind, a.url.rsplit("/", 1)[1]) for a in reading.articles] == \
        [("page", f"{i}.html") for i in range(5)] + [("file", f"only-{i}.pdf") for i in range(3)]
    assert {r.url.rsplit("/", 1)[1] for r in reading.rejected if "attachment" in r.reason} == \
        {f"{i}.pdf" for i in range(5)}
