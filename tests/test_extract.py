"""extract(): realistic portal pages in, exact fields out; never raises."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmon.crawler.extract import extract
from newsmon.crawler.metadata import SHANGHAI, clean_title, parse_date

PAGES = Path(__file__).parent / "pages"
NOW = datetime(2023, 4, 5, 12, 0, tzinfo=SHANGHAI)


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def test_destoon_b2b_portal_page() -> None:
    a = extract(page("destoon_invest.html"), "https://www.lnzs.example/invest/2023/0404_7.html", now=NOW)
    assert a.is_article and a.reason is None
    assert a.title == "沈抚示范区与三家企业签约新能源项目 总投资58亿元"
    assert a.published_at == datetime(2023, 4, 4, 15, 26, tzinfo=SHANGHAI)
    assert a.source == "辽宁日报"
    assert a.author == "张晓光"
    assert a.lang == "zh"
    # No 核心提示 (repeats the lead), screenshot file name, 责任编辑, share/print/related/footer chrome.
    assert a.body == (
        "4月4日，沈抚示范区与三家企业集中签约新能源项目，总投资58亿元。\n"
        "据介绍，此次签约的项目涵盖动力电池回收、氢能装备制造和分布式光伏三个领域，"
        "预计全部达产后年产值可达120亿元，新增就业岗位3000余个。\n"
        "签约仪式现场。\n"
        "示范区相关负责人表示，将为项目落地提供“全程代办”服务，力争年内开工建设。"
    )


def test_trs_government_notice_in_layout_tables() -> None:
    url = "http://www.haicheng.example.gov.cn/tzgg/202304/t20230403_4012.html"
    a = extract(page("trs_notice.html"), url, now=NOW)
    assert a.is_article
    assert a.title == "关于2023年清明节期间加强森林防火工作的通知"
    assert a.published_at == datetime(2023, 4, 3, 9, 30, tzinfo=SHANGHAI)
    assert a.source == "海城市应急管理局"
    assert a.author is None
    # A short notice: the signature date stays, breadcrumbs/zoom/print/footer go, no "|" table cells.
    assert a.body == (
        "各镇人民政府、各街道办事处，市直各有关部门：\n"
        "清明节期间祭祀用火增多，森林火灾风险明显上升。请各单位严格落实森林防火责任，"
        "加强重点部位巡查值守，严禁林区野外用火。发现火情立即报告，报警电话12119。\n"
        "海城市森林防火指挥部办公室\n"
        "2023年4月3日"
    )


def test_wechat_article() -> None:
    a = extract(page("wechat_article.html"), "https://mp.weixin.qq.com/s/AbCdEf", now=NOW)
    assert a.is_article
    assert a.title == "一图读懂：2023年营商环境优化十项举措"
    assert a.published_at == datetime(2023, 4, 4, 15, 20, tzinfo=SHANGHAI)
    assert a.author == "李明"
    assert a.source == "鞍山市营商环境建设局"
    # Short closing paragraphs kept (trafilatura alone drops them); IMG_1234.JPG, 编辑, QR box dropped.
    assert a.body == (
        "为持续优化营商环境，市营商局近日出台十项举措，涵盖企业开办、工程审批、融资服务等方面。\n"
        "企业开办时间压缩至1个工作日以内，实现“一网通办”。\n"
        "工程建设项目审批时间压减至60个工作日以内。\n"
        "设立10亿元中小企业转贷资金池，降低融资成本。"
    )


def test_forum_thread_keeps_the_opening_post() -> None:
    a = extract(page("forum_thread.html"), "https://bbs.example.cn/thread-1001-1-1.html", now=NOW)
    assert a.is_article
    assert a.title == "鞍山南部新城菜市场什么时候开业？"
    assert a.published_at == datetime(2023, 4, 4, 9, 12, tzinfo=SHANGHAI)
    assert a.body == (
        "南部新城入住的人越来越多了，小区门口的菜市场盖好半年了还没开业，买菜要跑到三公里外的早市。\n"
        "有没有知道内情的朋友说说，什么时候能开业？"
    )


def test_gbk_bytes_behind_a_gb2312_meta() -> None:
    # 镕 and 喆 exist in GBK but not in GB2312: a strict gb2312 decoder would fail.
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
        "<title>朱镕基与陶喆 - 新闻中心 - 某某网</title></head><body><h1>朱镕基与陶喆</h1>"
        "<div class='info'>发布时间：2023年04月04日 15:26 来源：某某日报</div>"
        "<div id='content'><p>朱镕基同志曾在这里考察，歌手陶喆也来过这座城市举办演唱会，吸引了大批观众。</p>"
        "<p>当地文旅部门表示，将继续挖掘历史文化资源，推动文旅融合发展，打造城市名片。</p></div>"
        "</body></html>"
    ).encode("gbk")
    a = extract(html, "http://news.example.cn/a/1.html", now=NOW)
    assert a.title == "朱镕基与陶喆"
    assert a.extra["encoding"] == "gb18030"
    assert a.published_at == datetime(2023, 4, 4, 15, 26, tzinfo=SHANGHAI)
    assert a.source == "某某日报"
    assert a.body.startswith("朱镕基同志曾在这里考察，歌手陶喆也来过")
    assert "\ufffd" not in a.body + a.title


def test_content_type_header_is_a_hint_not_a_verdict() -> None:
    html = "<html><body><h1>标题在这里</h1><p>" + "正文内容，用于测试编码的判断是否正确。" * 5 + "</p></body></html>"
    a = extract(html.encode("utf-8"), "http://x.example/1.html", content_type="text/html; charset=ISO-8859-1")
    assert a.extra["encoding"] == "utf-8"
    assert "正文内容" in a.body


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<html><head><title>404 页面不存在</title></head><body><p>抱歉，您访问的页面不存在或已被删除。</p>"
         "<a href='/'>返回首页</a></body></html>", "page not found"),
        ("<html><head><title>用户登录 - 某某网</title></head><body><form><input name='u'>"
         "<input type='password' name='p'><button>登录</button></form></body></html>", "looks like a login page"),
        ("<html><body><p>敬请期待</p></body></html>", "too little text"),
    ],
)
def test_not_articles(html: str, reason: str) -> None:
    a = extract(html, "http://x.example/p")
    assert not a.is_article
    assert a.reason == reason


def test_list_page_is_not_an_article() -> None:
    items = "".join(
        f"<li><a href='/news/2023/04/0{i % 9 + 1}/{i}.html'>第{i}条：某某市召开2023年重点项目推进会议部署工作</a>"
        f"<span>2023-04-0{i % 9 + 1}</span></li>"
        for i in range(30)
    )
    html = f"<html><head><title>要闻动态 - 某某网</title></head><body><ul class='list'>{items}</ul></body></html>"
    a = extract(html, "http://x.example/news/")
    assert not a.is_article
    assert a.reason in ("looks like a list page", "too little text")


def test_binary_junk() -> None:
    a = extract(bytes(range(256)) * 40, "http://x.example/file.pdf")
    assert not a.is_article
    assert a.reason and "HTML" in a.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年04月04日 15:26", datetime(2023, 4, 4, 15, 26, tzinfo=SHANGHAI)),
        ("2023-04-04 15:26:09", datetime(2023, 4, 4, 15, 26, 9, tzinfo=SHANGHAI)),
        ("2023/4/4", datetime(2023, 4, 4, tzinfo=SHANGHAI)),
        ("2023-04-04T07:26:00Z", datetime(2023, 4, 4, 7, 26, tzinfo=timezone.utc)),
        ("3小时前", datetime(2023, 4, 5, 9, 0, tzinfo=SHANGHAI)),
        ("昨天 10:20", datetime(2023, 4, 4, 10, 20, tzinfo=SHANGHAI)),
        ("刚刚", NOW),
        ("2023-04-06 08:00", None),  # the future
        ("1989-06-01", None),  # before any portal we crawl
        ("2007-08-20 00:00-23:59", datetime(2007, 8, 20, tzinfo=SHANGHAI)),  # a range, not a zone
    ],
)
def test_parse_date(text: str, expected: datetime | None) -> None:
    assert parse_date(text, now=NOW) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://www.example.gov.cn/art/2023/4/5/art_1229_5012.html", datetime(2023, 4, 5, tzinfo=SHANGHAI)),
        ("http://www.example.gov.cn/xxgk/202304/t20230405_123.html", datetime(2023, 4, 5, tzinfo=SHANGHAI)),
        ("http://news.example.cn/2023/04/04/c_1129.htm", datetime(2023, 4, 4, tzinfo=SHANGHAI)),
        ("http://news.example.cn/20230404/abc.html", datetime(2023, 4, 4, tzinfo=SHANGHAI)),
    ],
)
def test_dates_from_urls(url: str, expected: datetime) -> None:
    html = "<html><body><h1>某某新闻标题在此</h1><p>" + "正文段落内容。" * 20 + "</p></body></html>"
    a = extract(html, url, now=NOW)
    assert a.published_at == expected
    assert a.extra["date_from"] == "url"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("沈抚示范区签约新能源项目 - 招商引资 - 辽宁招商网", "沈抚示范区签约新能源项目"),
        ("关于开展安全检查的通知_某某市人民政府", "关于开展安全检查的通知"),
        ("正在阅读：儿歌一分钱被改成一元钱", "儿歌一分钱被改成一元钱"),
        ("某某县召开工作会议-某某新闻网", "某某县召开工作会议"),
    ],
)
def test_clean_title(raw: str, expected: str) -> None:
    assert clean_title(raw) == expected


def test_future_dates_are_rejected() -> None:
    tomorrow = datetime.now(SHANGHAI) + timedelta(days=2)
    html = (
        f"<html><body><h1>某某新闻标题在此</h1><div>发布时间：{tomorrow:%Y-%m-%d %H:%M}</div><p>"
        + "正文段落内容。" * 20 + "</p></body></html>"
    )
    assert extract(html, "http://x.example/a.html").published_at is None


# ---------------------------------------------------------------- properties

CHROME = [
    "<div class='nav'><a href='/'>首页</a><a href='/news/'>新闻中心</a><a href='/gov/'>政务公开</a></div>",
    "<div class='search_hot'>热门搜索：<a href='/s?k=1'>招商</a> <a href='/s?k=2'>项目</a></div>",
    "<div class='share'>分享到：<a href='#'>微信</a> <a href='#'>微博</a></div>",
    "<p>【打印本页】 【关闭窗口】</p>",
    "<p>（责任编辑：王丽）</p>",
    "<div class='footer'><p>版权所有：某某市人民政府 网站标识码：2103810001</p>"
    "<p><a href='https://beian.miit.gov.cn'>辽ICP备05001234号</a> 辽公网安备 21038102000045号</p></div>",
    "<div class='related'><div>更多&gt;同类新闻</div><ul><li><a href='/1.html'>某某新闻标题一</a></li>"
    "<li><a href='/2.html'>某某新闻标题二</a></li></ul></div>",
    "<p>微信截图_20230404152711</p>",
    "<p>IMG_1234.JPG</p>",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_never_raises_on_bytes(data: bytes) -> None:
    a = extract(data, "http://x.example/")
    assert isinstance(a.body, str) and "\ufffd" not in a.body
    assert a.is_article or a.reason


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000), st.sampled_from(["", "<html><body>", "<p>", "<?xml version='1.0' encoding='gbk'?>"]))
def test_never_raises_on_text(text: str, prefix: str) -> None:
    a = extract(prefix + text, "http://x.example/")
    assert isinstance(a.title, str) and isinstance(a.body, str)
    assert a.published_at is None or a.published_at.tzinfo is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(CHROME), min_size=1, max_size=12))
def test_chrome_only_pages_are_not_articles(blocks: list[str]) -> None:
    html = "<html><head><title>某某网</title></head><body>" + "".join(blocks) + "</body></html>"
    a = extract(html, "http://x.example/")
    assert not a.is_article


def test_relative_dates_of_comments_do_not_date_the_story() -> None:
    comments = "".join(
        f"<div class='c-item'><a class='c-user-name'>网友{i}</a> <span class='c-create-time'>{i}小时前</span>"
        f"<p>评论内容第{i}条，说得很有道理。</p></div>"
        for i in range(1, 6)
    )
    html = (
        "<html><head><title>海螺沟寻子一个月</title></head><body><div class='article-box'>"
        "<h1>海螺沟寻子一个月</h1><div class='article-sub'><span>原创</span> <span>南方都市报</span> "
        "<span>2019-09-09 16:01:46</span></div><div class='article-content'>"
        + "<p>8岁儿子在景区失联的第32天，温先生启程返回湖北十堰。搜救队伍仍在山中搜寻。</p>" * 4
        + f"</div><div class='comments'>评论 时间 {comments}</div></div></body></html>"
    )
    a = extract(html, "https://www.toutiao.example/a6735/", now=NOW)
    assert a.published_at == datetime(2019, 9, 9, 16, 1, 46, tzinfo=SHANGHAI)


def test_aspnet_form_wrapper_does_not_hide_the_notice() -> None:
    # ASP.NET WebForms portals wrap the whole page in one <form>.
    html = page("trs_notice.html").decode("utf-8")
    html = html.replace("<body>", "<body><form id='form1' method='post' action='./show.aspx'>").replace(
        "</body>", "</form></body>"
    )
    a = extract(html, "http://www.haicheng.example.gov.cn/show.aspx?id=4012", now=NOW)
    assert a.is_article
    assert a.published_at == datetime(2023, 4, 3, 9, 30, tzinfo=SHANGHAI)
    assert a.body.endswith("海城市森林防火指挥部办公室\n2023年4月3日")
