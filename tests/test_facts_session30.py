"""Session 30: a county's own outlet names the story's place in its dateline ("寿光日报讯"), an investor's visit with talks
is 洽谈, and 中央 as a word of things ("中央厨房") speaks for no country, checked on made-up stories.

Each class comes from real pages' misses (bench/data/facts/README.md "Real pages (session 30)"); the stories here are
written for the tests, with guards for the readings the changes must leave alone.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.stages import find_stage


def _cities(title: str, body: str) -> list[str]:
    return [place.city for place in extract_facts(title, body).places if place.city]


@pytest.mark.parametrize("body, city", [
    ("寿光日报讯 (记者 某某)日前，记者从市发改局获悉，某公司搬迁项目获国家发改委核准。", "潍坊市"),
    ("仪陇新闻网讯 日前，国家发展改革委批复某水库工程可行性研究报告。", "南充市"),
])
def test_a_county_outlets_story_of_a_national_office_is_the_countys(body: str, city: str) -> None:
    assert _cities("", body)[:1] == [city]


@pytest.mark.parametrize("body", [
    "湖北日报讯 记者从国家发展改革委获悉，全国今年新开工重大项目120个。",  # a province's paper may carry the country's news
    "华龙网讯 记者从国家发展改革委获悉，全国今年新开工重大项目120个。",  # a city's portal named like a district (濮阳's 华龙区)
    "新华社北京6月2日电 记者从国家铁路局获悉，全国今年投产新线3000公里。",
])
def test_the_countrys_news_in_other_outlets_stays_the_countrys(body: str) -> None:
    assert _cities("", body) == []


@pytest.mark.parametrize("title", [
    "总投资1.1亿元！中央厨房预制菜工厂项目在青开工",
    "某中央商务区综合体项目开工",
])
def test_a_central_kitchen_or_business_district_speaks_for_no_country(title: str) -> None:
    body = "6月1日，由青岛西海岸现代农业示范区引进的某项目正式开工建设。该项目由北京某集团投资建设。"
    assert _cities(title, body)[:1] == ["青岛市"]


def test_the_central_government_still_speaks_for_the_country() -> None:
    title = "中央预算内投资支持一批水利项目"
    body = "记者获悉，中央下达预算内投资20亿元，支持四川、云南、甘肃等地灌区改造。"
    assert _cities(title, body) == []


@pytest.mark.parametrize("text", [
    "12月17日，某电梯公司总经理带队来我县考察。在随后召开的座谈会上，双方围绕电梯项目合作进行了交流。",
    "某集团董事长一行来湖考察，并就某新材料项目投资合作进行座谈交流。",
    "某商会会长一行17人来我市投资考察，就拟投资的物流园项目与开发区进行了对接。",
])
def test_an_investors_visit_with_talks_is_talks(text: str) -> None:
    # (Session 34 settled the convention: a visit that names no work nor investment meant is no talks —
    # tests/test_facts_session34.py; these name one.)
    assert find_stage("", text) == "洽谈"


@pytest.mark.parametrize("text", [
    "欢迎各地客商前来考察洽谈。",  # an invitation: no talks held
    "县长率队赴扬州开展招商活动，与企业负责人就拟投资项目深入交换了意见。",  # a project still planned
    "市领导到项目工地调研，要求加快建设进度。",  # an official's inspection: no talks
    "某集团与我县签订投资协议，签约前双方举行了座谈会。",  # a signing is the furthest stage
])
def test_no_talks_where_none_are_held_or_a_further_stage_is(text: str) -> None:
    assert find_stage("", text) != "洽谈"
