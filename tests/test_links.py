"""Link discovery on list pages: real saved list pages and small hand-made shapes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmon.crawler.encoding import decode_html
from newsmon.crawler.links import Link, classify_links, extract_links, file_name, file_type

SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "list-pages"


def page(items: str, pager: str = "") -> list[Link]:
    html = f"<html><body><div class=nav><a href='/'>首页</a><a href='/about.html'>关于我们</a></div><ul>{items}</ul>{pager}</body></html>"
    return extract_links(html, "http://127.0.0.1:8000/news/", ["127.0.0.1"])


def test_destoon_shapes_and_next_page_text() -> None:
    items = "".join(f"<li><a href='/news/show-{i}.html'>大连市重点项目集中签约第{i}批</a></li>" for i in range(5))
    result = classify_links(page(items, "<a href='/news/list-2.html'>下一页</a>"), page_url="http://127.0.0.1:8000/news/")
    assert result.articles == [f"http://127.0.0.1:8000/news/show-{i}.html" for i in range(5)]
    assert result.next_page == "http://127.0.0.1:8000/news/list-2.html"


def test_same_url_as_number_and_next_keeps_both() -> None:
    # The "2" link comes first; the 下一页 link to the same URL must still be seen.
    items = "".join(f"<li><a href='/news/show-{i}.html'>沈阳经开区招商引资项目推介会第{i}场</a></li>" for i in range(3))
    pager = "<a href='/list/1.html'>1</a><a href='/list/2.html'>2</a><a href='/list/2.html'>下一页</a>"
    result = classify_links(page(items, pager), page_url="http://127.0.0.1:8000/list/1.html")
    assert result.next_page == "http://127.0.0.1:8000/list/2.html"


@pytest.mark.parametrize(
    "href,page_number",
    [("/list/3.html", 2), ("/news/index_2.html", 2), ("/news/?page=3", 2), ("/page/3/", 2)],
)
def test_numbered_pagination(href: str, page_number: int) -> None:
    pager = f"<a href='{href}'>3</a>"
    result = classify_links(page("", pager), page_url="http://127.0.0.1:8000/news/", page_number=page_number)
    assert result.next_page == "http://127.0.0.1:8000" + href


def test_offsite_links_media_and_scripts_are_not_links_documents_are() -> None:
    html = (
        "<a href='http://example.com/news/show-1.html'>外站链接标题足够长的新闻</a>"
        "<a href='/files/report.pdf'>下载附件年度报告全文</a><a href='javascript:void(0)'>脚本</a>"
        "<a href='/img/photo.jpg'>现场照片图片标题足够长</a><a href='/v/clip.mp4'>现场视频标题足够长的</a>"
        "<a href='mailto:a@b.c'>邮件</a><a href='/news/show-2.html#top'>本站文章标题足够长的新闻</a>"
    )
    links = extract_links(html, "http://127.0.0.1:8000/", ["127.0.0.1"])
    # A PDF is a list entry (kind "file", see crawler/listpage.py); images and videos are not.
    assert [link.url for link in links] == ["http://127.0.0.1:8000/files/report.pdf",
                                            "http://127.0.0.1:8000/news/show-2.html"]
    assert [file_type(link.url) for link in links] == ["pdf", None]


def test_site_patterns_override_heuristics() -> None:
    items = "<li><a href='/x/a.html'>短</a></li><li><a href='/x/b.html'>短</a></li>"
    result = classify_links(page(items, "<a href='/more.html'>更多</a>"), page_url="http://127.0.0.1:8000/news/",
                            article_pattern=r"/x/\w+\.html$", list_pattern=r"/more\.html$")
    assert result.articles == ["http://127.0.0.1:8000/x/a.html", "http://127.0.0.1:8000/x/b.html"]


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is absent (shared benchmarks not checked out)")
@pytest.mark.parametrize(
    "name,domains,at_least",
    [
        ("dfa66_announcement.html", ["example.com"], 10),
        ("rtfund_xxpl.html", ["example.com"], 15),
        ("tencent_important_news.html", ["qq.com", "example.com"], 10),
        ("netease_rolling_news.html", ["163.com", "example.com"], 30),
    ],
)
def test_real_list_pages(name: str, domains: list[str], at_least: int) -> None:
    text, _ = decode_html((SHARED / name).read_bytes())
    links = extract_links(text, "https://example.com/list/", domains)
    result = classify_links(links, page_url="https://example.com/list/")
    assert len(result.articles) >= at_least
    # URLs that only ever appear with nav-length text (an article URL may also
    # appear on a thumbnail or a comment count).
    longest: dict[str, int] = {}
    for link in links:
        longest[link.url] = max(longest.get(link.url, 0), len(link.text))
    nav = {url for url, length in longest.items() if length <= 4}
    assert not nav & set(result.articles), "navigation links taken for articles"


@pytest.mark.parametrize("url, name", [
    ("http://www.example.gov.cn/attach/%E5%85%B3%E4%BA%8E2023%E5%B9%B4%E5%BA%A6%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80%E7%9A%84%E8%AF%B4%E6%98%8E.pdf", "关于2023年度部门预算公开的说明"),  # UTF-8
    ("http://www.example.gov.cn/attach/%CD%A8%D6%AA%B9%AB%B8%E6.doc", "通知公告"),  # GBK on an older portal
    ("http://www.example.gov.cn/picture/0/P020230405551234567.pdf?v=2", "P020230405551234567"),
    ("http://www.example.gov.cn/attach/%FF%FE%FD.pdf", "%FF%FE%FD"),  # neither: left encoded, no mojibake
    ("http://www.example.gov.cn/attach/a%20%20b.xlsx", "a b"),
])
def test_file_name_is_decoded_without_the_extension(url: str, name: str) -> None:
    assert file_name(url) == name
