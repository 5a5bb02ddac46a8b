"""Per-page extraction budget: hostile pages finish in bounded time, say what was cut, lose no article."""

from __future__ import annotations

import time

from newsmon.crawler.extract import MAX_BODY_CHARS, MAX_ELEMENTS, MAX_HTML_CHARS, extract, flatten_deep_markup

_PARA = "<p>第{0}段：沈抚示范区与三家企业集中签约新能源项目，总投资58亿元，预计年内开工建设，新增就业岗位{0}个。</p>"


def _story(n: int) -> str:
    return "".join(_PARA.format(i) for i in range(n))


def test_deeply_nested_article_is_not_dropped() -> None:
    # libxml2 stops at depth 256 (2048 with huge_tree) and silently drops what is below.
    depth = 5000
    html = ("<html><head><title>深层嵌套的文章标题</title></head><body>" + "<div>" * depth
            + "<h1>深层嵌套的文章标题</h1>" + _story(4) + "</div>" * depth + "</body></html>")
    a = extract(html.encode("utf-8"), "http://a.example/1.html")
    assert a.is_article, a.reason
    assert a.body.count("沈抚示范区") == 4
    assert "flattened" in a.extra["truncated"]


def test_flatten_deep_markup_keeps_text_and_balance() -> None:
    html = "<div>" * 5 + "<p>文字<br>更多</p>" + "</div>" * 5
    flat = flatten_deep_markup(html, 2)
    assert flat.count("<div>") == 2 and flat.count("</div>") == 2 and "文字<br>更多" in flat


def test_many_elements_cut_in_bounded_time() -> None:
    html = "<html><head><title>很多段落</title></head><body><h1>很多段落</h1>" + _story(MAX_ELEMENTS + 3000) + "</body></html>"
    started = time.process_time()
    a = extract(html.encode("utf-8"), "http://a.example/1.html")
    assert time.process_time() - started < 30  # 200k <p> took 88 s of CPU before the budget
    assert a.is_article
    assert f"{MAX_ELEMENTS:,} elements" in a.extra["truncated"]
    assert "第0段" in a.body and f"第{MAX_ELEMENTS + 2000}段" not in a.body


def test_body_capped_with_a_note() -> None:
    n = MAX_BODY_CHARS // 40 + 200
    html = "<html><head><title>很长的文章</title></head><body><h1>很长的文章</h1><div>" + _story(n) + "</div></body></html>"
    a = extract(html.encode("utf-8"), "http://a.example/1.html")
    assert a.is_article
    assert len(a.body) <= MAX_BODY_CHARS
    assert a.body.endswith("个。")  # cut at a paragraph end
    assert "body cut at" in a.extra["truncated"]


def test_huge_page_cut_before_parsing() -> None:
    junk = "<!--" + "x" * (MAX_HTML_CHARS + 1000) + "-->"
    html = "<html><head><title>前面的文章</title></head><body><h1>前面的文章</h1>" + _story(5) + junk + "</body></html>"
    a = extract(html, "http://a.example/1.html")
    assert a.is_article and a.body.count("沈抚示范区") == 5
    assert "characters of HTML" in a.extra["truncated"]


def test_ordinary_page_has_no_truncation_note() -> None:
    html = "<html><head><title>普通文章</title></head><body><h1>普通文章</h1>" + _story(5) + "</body></html>"
    assert "truncated" not in extract(html, "http://a.example/1.html").extra
