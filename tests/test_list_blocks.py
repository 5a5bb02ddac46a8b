"""read_list_page on real-world list layouts: the column's own list beats look-alike side boxes
(crawler/blocks.py); PDF and document rows are list entries of kind "file"."""

from __future__ import annotations

from newsmon.crawler import read_list_page

BASE = "http://127.0.0.1:8000/zwgk/zwyw/index.html"


def rows(prefix: str, n: int, start: int = 0, words: str = "市政府召开常务会议研究部署重点工作") -> str:
    return "".join(
        f"<tr><td><a href='/{prefix}/202305/t202305{10 + i % 18:02d}_{start + i}.html'>{words}第{start + i}项</a></td>"
        f"<td>2023-05-{10 + i % 18:02d}</td></tr>"
        for i in range(n)
    )


def page(body: str) -> bytes:
    nav = "<div class='nav'><a href='/'>首页</a><a href='/zwgk/'>政务公开</a></div>"
    return f"<html><body>{nav}{body}</body></html>".encode()


def urls(body: str, **kwargs: str) -> list[str]:
    return [a.url for a in read_list_page(page(body), BASE, **kwargs).articles]  # type: ignore[arg-type]


def test_scrolling_notices_with_the_lists_url_shape_are_dropped() -> None:
    body = (
        f"<div id='mq'><table>{rows('wsfw/tzgg', 3, 900, '停电通知樟树这些地方要停电')}</table></div>"
        f"<div class='main'><table>{rows('zwgk/zwyw', 10)}</table></div>"
    )
    reading = read_list_page(page(body), BASE)
    assert [a.url for a in reading.articles] == [f"http://127.0.0.1:8000/zwgk/zwyw/202305/t202305{10 + i:02d}_{i}.html" for i in range(10)]
    reasons = {r.url: r.reason for r in reading.rejected}
    assert all("beside the list" in reasons[f"http://127.0.0.1:8000/wsfw/tzgg/202305/t202305{10 + i:02d}_{900 + i}.html"] for i in range(3))


def test_a_sidebar_named_like_one_is_dropped_even_when_nearly_as_long() -> None:
    body = (
        f"<div class='main'><table>{rows('zwgk/zwyw', 10)}</table></div>"
        f"<div class='side-bar'><div class='hot'><table>{rows('zwgk/zwyw', 8, 500, '热点新闻本周阅读最多的文章')}</table></div></div>"
    )
    found = urls(body)
    assert len(found) == 10 and all(not u.endswith(tuple(f"_{500 + i}.html" for i in range(8))) for u in found)


def test_a_long_list_split_into_repeated_tables_is_kept_whole() -> None:
    body = "<div class='list'>" + "".join(
        f"<table class='rows'>{rows('zwgk/zwyw', 10 if k < 3 else 4, 10 * k)}</table>" for k in range(4)
    ) + "</div>"
    assert len(urls(body)) == 34


def test_two_lists_of_similar_size_are_both_kept() -> None:
    body = (
        f"<div class='col1'><table>{rows('zwgk/zwyw', 8)}</table></div>"
        f"<div class='col2'><table>{rows('zwgk/tzgg', 6, 100, '关于做好安全生产工作的通知')}</table></div>"
    )
    assert len(urls(body)) == 14


def test_the_sites_article_pattern_is_not_second_guessed() -> None:
    body = (
        f"<div id='mq'><table>{rows('wsfw/tzgg', 3, 900)}</table></div>"
        f"<div class='main'><table>{rows('zwgk/zwyw', 10)}</table></div>"
    )
    assert len(urls(body, article_url_pattern=r"/t\d{8}_\d+\.html$")) == 13


def test_short_lists_are_left_alone() -> None:
    body = (
        f"<div class='main'><table>{rows('zwgk/zwyw', 4)}</table></div>"
        f"<div class='hot'><table>{rows('zwgk/zwyw', 2, 500)}</table></div>"
    )
    assert len(urls(body)) == 6


def test_an_all_pdf_announcement_column_lists_its_files() -> None:
    body = "<ul class='gg'>" + "".join(
        f"<li><a href='/Upload/File/202004/2020042917532{i}_3226.pdf'>关于旗下基金2020年第{i + 1}季度报告的提示性公告</a>"
        f"<span>2020-04-2{i}</span></li>" for i in range(4)
    ) + "</ul>"
    reading = read_list_page(page(body), BASE)
    assert reading.shape == "links" and reading.diagnosis is None
    assert [(a.kind, a.file_type, a.date) for a in reading.articles] == [("file", "pdf", f"2020-04-2{i}") for i in range(4)]
    assert reading.articles[3].title == "关于旗下基金2020年第4季度报告的提示性公告"


def test_file_rows_beside_page_rows_and_images_stay_out() -> None:
    body = "<ul class='gs'>" + "".join(
        f"<li><a href='/zwgk/gsgg/202304/t2023040{i}_77{i}.html'>某某产业园二期项目环境影响评价第{i}次公示</a><span>2023-04-0{i}</span></li>"
        f"<li><a href='/attach/2023/0{i}/P02023040{i}.doc'>某某产业园二期项目备案信息表第{i}批</a><span>2023-04-0{i}</span></li>"
        for i in range(1, 5)
    ) + "</ul><div class='pic'>" + "".join(
        f"<a href='/images/banner{i}.jpg'>某某产业园二期项目现场照片第{i}张</a>" for i in range(4)
    ) + "</div>"
    reading = read_list_page(page(body), BASE)
    kinds = [a.kind for a in reading.articles]
    assert kinds == ["page", "file"] * 4
    assert all(a.file_type == "doc" for a in reading.articles if a.kind == "file")
    assert {r.reason for r in reading.rejected if r.url.endswith(".jpg")} == {"a file, not a page"}
    assert reading.as_dict()["articles"][1]["kind"] == "file"
