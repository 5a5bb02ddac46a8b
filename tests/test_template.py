"""Site templates as pure functions: learning from pages, applying to bodies."""

from __future__ import annotations

from collections import Counter

from newsmon.crawler.article import Article
from newsmon.crawler.template import MIN_PAGES, SiteTemplate, apply_template, block_key, chrome_from_counts, page_blocks

CHROME = "招商热线：024-23456789"


def page(i: int) -> str:
    return (
        f"<html><body><div class=nav><a href=/>首页</a> <a href=/news/>新闻中心</a></div>"
        f"<div id=article><p>第{i}篇文章的第一段内容，讲述第{i}个项目签约。</p>"
        f"<p>第{i}篇文章的第二段，<a href=/x>链接文字</a>在句中。</p><p>{CHROME}</p></div></body></html>"
    )


def test_blocks_include_inline_split_lines_and_skip_tiny_text() -> None:
    blocks = page_blocks(page(1))
    assert block_key(CHROME) in blocks
    assert block_key("第1篇文章的第二段，链接文字在句中。") in blocks
    assert block_key("首页") is None  # too short to judge


def test_template_needs_enough_pages() -> None:
    counts: Counter[int] = Counter()
    for i in range(1, MIN_PAGES):
        counts.update(page_blocks(page(i)))
    assert block_key(CHROME) not in chrome_from_counts(counts.items(), MIN_PAGES - 1).chrome
    counts.update(page_blocks(page(MIN_PAGES)))
    template = chrome_from_counts(counts.items(), MIN_PAGES)
    assert block_key(CHROME) in template.chrome
    # Article paragraphs are unique to their page and never become chrome.
    assert block_key("第1篇文章的第一段内容，讲述第1个项目签约。") not in template.chrome


def test_apply_removes_chrome_lines_only() -> None:
    body = "真正的第一段内容在这里，讲述项目的情况。\n" + CHROME + "\n第二段内容也很重要，不能删除。"
    article = Article(url="http://127.0.0.1/a", title="t", body=body)
    cleaned = apply_template(article, SiteTemplate(frozenset({block_key(CHROME)}), 10))  # type: ignore[arg-type]
    assert cleaned.body == "真正的第一段内容在这里，讲述项目的情况。\n第二段内容也很重要，不能删除。"
    assert cleaned.extra["template_removed"] == 1


def test_apply_never_guts_an_article() -> None:
    body = "短段落一二三四\n" + CHROME
    article = Article(url="http://127.0.0.1/a", title="t", body=body)
    template = SiteTemplate(frozenset({block_key(CHROME), block_key("短段落一二三四")}), 10)  # type: ignore[arg-type]
    assert apply_template(article, template) is article
