"""Session 46, checked on made-up stories: a clause of its own that dates its verb reports it, whatever an earlier
clause of the sentence plans; a first unit hoisted and a site's busy scene tell a work under way.

The classes come from real pages' misses (bench/data/facts/README.md "Real pages (session 46)"); the stories here are
written for the tests, with guards for the readings the change must leave alone.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts, named_place
from newsmon.facts.stages import find_stage


@pytest.mark.parametrize("body", [
    "某市将实施粮食仓储设施改造项目,项目总投资约1亿元,拟新增仓容2.5万吨,项目一期于2022年5月18日开工,工程进度有序推进。",
    "某县计划建设冷链物流中心,占地80亩,该项目已于3月10日正式开工。",
])
def test_a_dated_clause_of_its_own_reports_its_stage(body: str) -> None:
    assert find_stage("", body) == "开工"


@pytest.mark.parametrize("body", [
    "某市将实施粮食仓储设施改造项目,项目总投资约1亿元,计划于2027年5月开工。",  # the plan is its own clause's
    "某市将实施粮食仓储设施改造项目,拟新增仓容2.5万吨,力争年内开工。",
    "某县将于明年建设冷链物流中心,项目建成后可年储存果蔬5万吨。",
])
def test_a_plan_of_its_own_clause_still_governs(body: str) -> None:
    assert find_stage("", body) is None


@pytest.mark.parametrize("body", [
    "近日,某20万千瓦风电项目取得关键进展,首台风机顺利完成吊装。",
    "走进某水库工程现场,却是一片热火朝天的施工景象,工人们正在浇筑坝体。",
])
def test_a_first_unit_hoisted_or_a_busy_site_is_a_work_under_way(body: str) -> None:
    assert extract_facts("", body).stage == "开工"


def test_a_first_unit_connected_is_still_no_plant_in_production() -> None:
    assert find_stage("", "某风电场首台风机并网发电,全部机组预计年底投产。") != "投产"



@pytest.mark.parametrize("source, county", [("大冶新闻", "大冶市"), ("平和要闻", "平和县"), ("大冶新闻网", "大冶市")])
def test_an_outlets_name_with_news_names_its_county(source: str, county: str) -> None:
    # A 来源 line "大冶新闻": the county-level city's own news (a place for the city model to weigh, as "大冶新闻网").
    place = named_place(source)
    assert place is not None and place.county == county


@pytest.mark.parametrize("source", ["光明新闻", "新华新闻", "人民日报要闻"])
def test_a_national_outlets_name_with_news_names_no_place(source: str) -> None:
    assert named_place(source) is None or not named_place(source).city
