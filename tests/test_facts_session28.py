"""Session 28: a story set one phrase to a line read as paragraphs, a start and production told in other words, a
headline's bound filled by the paragraph after a lead without figures, and zones and ports named without their city,
checked on made-up stories.

Each class comes from real pages' misses (bench/data/facts/README.md "Real pages (session 28)"); the stories here are
written for the tests, with guards for the readings the new checks must leave alone.
"""
from __future__ import annotations

import time
from typing import Optional

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.text import joined_phrase_lines, story_paragraphs

# A post set one phrase to a line (a phone layout): the start is in its ninth line.
_PHRASES = "\n".join([
    "为解决当地缺水问题", "利用好某县的水资源", "省委省政府决定", "在某县修建一座水库", "经过两年筹备",
    "今年8月初", "某县某水库工程", "正式开工建设", "水库导流洞建设顺利进行", "工程总投资10亿元",
    "计划于2027年完工",
])


def test_a_story_of_phrase_lines_is_read_as_paragraphs() -> None:
    facts = extract_facts("", _PHRASES)
    assert facts.stage == "开工" and facts.amount == 1e9
    joined = joined_phrase_lines(_PHRASES)
    assert len(story_paragraphs(joined)) == 1 and "今年8月初，某县某水库工程，正式开工建设" in joined


@pytest.mark.parametrize("body", [
    # Real paragraphs stay as they are; so do a headline and its byline (a run shorter than four lines, blank lines
    # and all), and chrome lines ("图片", a date, a site's navigation) break a run.
    "某项目日前开工。\n该项目总投资5亿元，建成后年产值10亿元。\n项目位于某经济开发区。",
    "某县某项目开工\n记者 张三\n某县某项目日前开工，总投资5亿元。",
    "某项目开工\n\n记者 张三\n\n某县某项目日前开工建设。",
    "某项目开工仪式\n图片\n2024-03-01\n某项目\n图片",
    "首页\n新闻中心\n本地新闻\n某县某项目开工",
])
def test_paragraphs_and_short_runs_are_left_alone(body: str) -> None:
    assert joined_phrase_lines(body) == body


def test_a_run_is_joined_without_a_final_line_break_and_across_crlf() -> None:
    lines = ["为解决缺水问题", "利用好水资源", "省委省政府决定", "在某县修建水库"]
    assert joined_phrase_lines("\n".join(lines)) == "，".join(lines) + "。"
    assert joined_phrase_lines("\r\n".join(lines) + "\r\n后文。") == "，".join(lines) + "。\n后文。"


def test_joining_phrase_lines_costs_linear_time() -> None:
    body = "某县某项目建设现场\n" * 20_000
    started = time.perf_counter()
    joined = joined_phrase_lines(body)
    assert time.perf_counter() - started < 1.0 and joined.count("\n") <= 1


@pytest.mark.parametrize("body, stage", [
    # A start: construction's curtain raised, a work entering its building stage, invested and built ("正式投建").
    ("某数据中心项目建设日前正式拉开帷幕，项目总投资12亿元。", "开工"),
    ("某光伏项目日前正式进入施工建设阶段。", "开工"),
    ("去年正式投建的某新材料项目目前进展顺利。", "开工"),
    # Production: a kiln or a line fired up in other words.
    ("某公司年产8万吨玻璃纤维池窑拉丝生产线日前胜利点火。", "投产"),
    ("某钢铁公司新建高炉点火成功。", "投产"),
    # Guards: an engine's ignition, an investment still planned, a curtain raised on no work (a festival, a campaign,
    # a year's building opened by a meeting), a planning or preparatory stage.
    ("某型发动机点火成功。", None),
    ("某公司拟投建一条新的生产线。", None),
    ("某市文化旅游节日前拉开帷幕。", None),
    ("某市2024年重大项目建设攻坚行动拉开帷幕。", None),
    ("某县召开重点项目建设推进会，拉开了全年项目建设的序幕。", None),
    ("某项目已进入规划建设阶段。", None),
    ("某项目已完成前期工作，进入前期建设阶段。", None),
])
def test_a_start_and_production_in_other_words(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


_BATCH = ("2022-12-13 16:09 来源：某市新闻网\n12月13日，某县2022年第四季度重大项目暨某市第二生活垃圾焚烧环保发电项目（一期）"
          "开工活动在某产业园举行，市委常委、副市长某某，县委书记某某，县委副书记、县长某某等出席活动并为项目培土奠基。\n"
          "此次集中开工重大项目33个，总投资达{}亿元，涵盖产业发展、基础设施等领域。")


@pytest.mark.parametrize("headline, stated, amount", [
    # A lead without figures: the next paragraph's first figure fills the headline's bound or round figure…
    ("总投资超百亿元 某县33个重大项目集中开工", "107", 107e8),
    ("总投资逾50亿元 某县33个重大项目集中开工", "52.6", 52.6e8),
    # …by its last written digit: "超820亿" is 820 to 830亿, not a list's 1634.04亿.
    ("投资额超820亿元！某市206个产业项目集中开工", "1634.04", 820e8),
])
def test_a_headlines_bound_is_filled_by_the_paragraph_after_the_lead(headline: str, stated: str, amount: float) -> None:
    assert extract_facts(headline, _BATCH.format(stated)).amount == pytest.approx(amount)


@pytest.mark.parametrize("second", [
    "其中，投资最大的某新能源电池项目总投资120亿元，占地1000亩。",
    "其中，某新材料项目总投资105亿元。此次集中开工重大项目33个，总投资达180亿元。",
])
def test_a_batch_headlines_bound_is_not_filled_by_one_of_its_works(second: str) -> None:
    body = _BATCH.split("\n")[0] + "\n" + _BATCH.split("\n")[1] + "\n" + second
    facts = extract_facts("总投资超百亿元 某县33个重大项目集中开工", body)
    assert (facts.amount, facts.kind) == (pytest.approx(100e8), "roundup")


@pytest.mark.parametrize("body, city, county", [
    ("航空港实验区某智能终端产业园项目开工，总投资10亿元。", "郑州市", ""),
    ("可门港某散货码头工程开工建设，总投资35亿元。", "福州市", "连江县"),
    ("吕四港某LNG接收站项目日前开工，总投资50亿元。", "南通市", "启东市"),
    ("高栏港某石化项目日前投产，总投资20亿元。", "珠海市", ""),
])
def test_zones_and_ports_named_without_their_city(body: str, city: str, county: str) -> None:
    place = extract_facts("", body).places[0]
    assert (place.city, place.county) == (city, county)
