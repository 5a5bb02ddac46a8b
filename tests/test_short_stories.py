"""Short portal stories stay whole; lists of other stories never reach the body."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from newsmon.crawler.extract import extract
from newsmon.crawler.navigation import drop_story_lines, headline_like
from newsmon.portal.short_stories import ShortPage, short_story_pages, site_headlines

PAGES = short_story_pages()
_TOKEN = re.compile(r"[\u4e00-\u9fff]|[^\s\u4e00-\u9fff]+")


def _f1(pred: str, gold: str) -> float:
    p, g = Counter(_TOKEN.findall(pred)), Counter(_TOKEN.findall(gold))
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def test_fixture_portals_are_short_stories_beside_long_lists() -> None:
    assert len(PAGES) == 18 and {p.cms for p in PAGES} == {"destoon", "trs", "hanweb"}
    for p in PAGES:
        assert 150 <= len(p.body.replace("\n", "")) <= 400
        assert len(p.other_headlines) == 5


@pytest.mark.parametrize("page", PAGES, ids=[p.id for p in PAGES])
def test_story_whole_and_no_other_headline(page: ShortPage) -> None:
    a = extract(page.html.encode("utf-8"), page.url)
    assert a.is_article, a.reason
    assert a.title == page.title
    assert _f1(a.body, page.body) >= 0.97, a.body
    # The story's own last paragraph survives; no other story's headline is in the body.
    assert a.body.split("\n")[-1] == page.body.split("\n")[-1]
    assert not [h for h in page.other_headlines if h in a.body]
    assert a.summary == page.summary
    assert a.published_at is not None and a.published_at.strftime("%Y-%m-%d") == page.published[:10]


def test_known_headlines_from_list_pages_drop_a_lone_headline() -> None:
    # One other story's headline pasted alone under the story, no link, no date:
    # only the site's list pages can tell it is not the story's own line.
    page = next(p for p in PAGES if p.cms == "destoon")
    other = page.other_headlines[0]
    html = page.html.replace("</div>\n<div class=\"np\">", f"<p>{other}</p></div>\n<div class=\"np\">", 1)
    assert other in extract(html, page.url).body
    known = [h for h, _, _ in site_headlines("destoon")]
    a = extract(html, page.url, known_headlines=known)
    assert other not in a.body
    assert _f1(a.body, page.body) >= 0.97


def test_headline_like() -> None:
    assert headline_like("沈阳新能源汽车零部件产业集群加速成型 [04-04]", linked=False)
    assert headline_like("沈阳新能源汽车零部件产业集群加速成型", linked=True)
    assert not headline_like("沈阳新能源汽车零部件产业集群加速成型", linked=False)
    # A sentence is never a headline, linked or not.
    assert not headline_like("示范区相关负责人表示，将为项目落地提供全程代办服务。", linked=True)
    assert headline_like("任意一行", linked=False, known={"任意一行"})


def test_drop_story_lines_keeps_the_story_and_its_last_paragraph() -> None:
    lines = [
        "4月4日，某市与三家企业集中签约新能源项目，总投资58亿元。",
        "项目预计年内开工建设。",
        "相关阅读：",
        "大连金普新区一季度签约项目46个（2023-04-03）",
        "鞍山高新区新能源产业园开园（2023-04-02）",
    ]
    assert drop_story_lines(lines) == lines[:2]
    # A single dated line under no heading is not a list: kept (a notice's signature date line).
    assert drop_story_lines(["通知正文如下，请遵照执行。", "某某市人民政府办公室 2023-04-03"]) == [
        "通知正文如下，请遵照执行。", "某某市人民政府办公室 2023-04-03"]
