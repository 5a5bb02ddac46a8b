"""Session 53, checked on made-up stories: `去年` with a month or a day word (`去年7月`, `去年底`) dates one event, as
`今年3月` and `2019年7月` already did, so the work it dates keeps its figure ("去年7月，该项目首期生产线在某县开发区奠基，
计划总投资6亿元"); a bare `去年` still sums up a year ("去年，全县共实施项目30个，计划总投资60亿元"), and a run of months
from a date is a span whose figures are a tally ("从去年11月到今年9月底，湖州项目落地831个，总投资1350亿元"), unless
it is one work's schedule ("该项目从今年4月至10月进行设备安装调试"), as is a month's tally over an area ("去年7月，全市共签约
项目18个": an event in the sentence still makes it the day's batch); "至今年5月" is a date, not "至今" (since then).

The class comes from the misses of the real seen pages (a recalled start's figure dropped as last year's tally); the
stories here are written for the tests, with guards from the session's review (/work/wt/review53).
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts


@pytest.mark.parametrize("body, amount", [
    # 去年 with a month, a day word or a date: one event's day, as 今年3月 and 2019年7月
    ("去年7月，该项目首期第一条生产线在某县老城经济开发区奠基，占地150亩，计划总投资6亿元，将建立两条高速无菌生产线。", 6e8),
    ("去年底，某某新材料项目在某县经济开发区开工建设，计划总投资12亿元，建设年产5万吨新材料生产线。", 12e8),
    ("今年3月，该项目在某县开发区奠基，计划总投资6亿元，将建立两条生产线。", 6e8),  # (as before)
    ("2019年7月，该项目在某县开发区奠基，计划总投资6亿元，将建立两条生产线。", 6e8),  # (as before)
    # a bare 去年 and a run of months sum up a span: a tally, no project's figure
    ("去年，全县共实施项目30个，计划总投资60亿元。", None),
    ("从去年11月到今年9月底，某市项目落地831个，总投资1350亿元。", None),
    ("2023年3月至12月，全市新签约项目50个，总投资100亿元。", None),
    ("去年1-10月，全市新签约项目50个，总投资100亿元。", None),
    # a month's tally over an area is a span too; an event in the sentence makes it that day's batch (the review's)
    ("去年7月，全市共签约项目18个，总投资45亿元，签约项目数和投资额均创年内新高。", None),
    ("今年7月，全市共签约项目18个，总投资45亿元。", None),
    ("7月，全县集中开工项目20个，总投资30亿元。", 30e8),
    ("去年12月18日，某县举行重点项目集中开工仪式，共开工项目20个，总投资30亿元。", 30e8),
    # a run of months told of one work is its schedule; "至今年5月" is a date, not "至今" (since then)
    ("该项目从今年4月至10月进行设备安装调试，计划总投资12亿元，预计年底投产。", 12e8),
    ("该项目于去年3月至今年5月完成主体施工，总投资8亿元，目前正在进行设备安装。", 8e8),
    ("今年1月至今，全市签约项目90个，总投资100亿元。", None),
    # last year's fair stays a span: its signings' progress is a tally (session 17's second review)
    ("在去年的投洽会上签约的12个项目中，已有8个开工建设，总投资56亿元。", None),
])
def test_last_year_with_a_month_dates_one_event(body: str, amount: float | None) -> None:
    facts = extract_facts("", body)
    assert facts.amount == amount


@pytest.mark.parametrize("body, amount", [
    # one named work's planned total or building step after a span: the work's figure (the 计划 or 完成 is the work's)
    ("今年，某某新材料项目在某县经济开发区开工建设，计划总投资12亿元，建设年产5万吨新材料生产线。", 12e8),
    ("一季度，某某物流园项目开工建设，计划总投资5亿元，占地200亩。", 5e8),
    ("某某存储二期项目今年开工建设，计划总投资160亿元。", 160e8),  # (the work named before the span)
    ("去年，某某水库工程完成主体施工，总投资8亿元。", 8e8),
    ("今年，位于我县经济开发区的某某电子元件项目开工建设，计划总投资6亿元。", 6e8),
    # many works, an area's plan, a category of works, a park's statistics: still a span's figure
    ("今年，全县计划实施重点项目30个，计划总投资50亿元。", None),
    ("今年，该市重点项目计划总投资300亿元。", None),
    ("今年，开发区新开工的工业项目计划总投资80亿元。", None),
    ("今年，城区在建项目计划总投资260亿元。", None),
    ("今年，某某产业园等项目加快建设，计划总投资80亿元。", None),
    ("今年上半年，某某园区完成工业产值50.75亿元，固定资产投资9.53亿元，税收4064万元。", None),
])
def test_one_named_works_planned_total_after_a_span(body: str, amount: float | None) -> None:
    assert extract_facts("", body).amount == amount
