"""Session 29: an estimate's or a budget's total is a work's investment (not many works'), and a year that dates one
work's approval or listing is no span whose plan the figure sums, checked on made-up stories (the wording model is tests/test_facts_wording.py's).

Each class comes from real pages' misses (bench/data/facts/README.md "Real pages (session 29)"); the stories here are
written for the tests, with guards for the readings the changes must leave alone.
"""
from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts.amounts import find_investment, investment_figures


def _figure(text: str) -> Optional[float]:
    found = find_investment("", text)
    return found.value if found else None


@pytest.mark.parametrize("text, amount", [
    ("某铁路客运专线是国家中长期铁路网规划的重点项目，投资估算总额近300亿元。", 300e8),
    ("该项目投资估算总额12.5亿元，建设期两年。", 12.5e8),
    ("某水库工程估算总额8亿元，已完成可研编制。", 8e8),
    ("某医院迁建工程概算总额6.2亿元，主体结构已封顶。", 6.2e8),
    ("某园区项目投资估算3亿元。", 3e8),  # (read before this session too)
])
def test_an_estimates_or_a_budgets_total_is_the_works_investment(text: str, amount: float) -> None:
    assert _figure(text) == amount


@pytest.mark.parametrize("text", [
    "今年全市签约项目85个，总额151亿元。",  # a bare 总额 of a span's signings: no work's
    "会上推介项目120个，总额503.7亿元。",  # projects on offer, none signed
    # Many works' estimates (the review's cases): a project bank, a year's list, approved projects, a province's
    # programme, a plan.
    "某市城市更新项目库估算总额达800亿元。",
    "某市2024年重点项目投资估算总额1600亿元。",
    "全市已批复项目概算总额32亿元。",
    "该省高标准农田建设项目概算总额45亿元，覆盖60个县。",
    "某流域综合治理规划项目投资估算总额56亿元，分三期实施。",
    "全县35个项目投资估算总额120亿元。",
    # Another figure the estimate is compared with, not the estimate.
    "某项目投资估算总额较原可研批复的8亿元增加了2亿元。",
])
def test_a_bare_total_or_many_works_estimate_is_no_works_investment(text: str) -> None:
    assert _figure(text) is None


@pytest.mark.parametrize("text, amount", [
    ("某渔港项目于2003年经农业部批准建设，工程计划总投资3031万元，其中国债专项补助资金2000万元。", 3031e4),
    ("某公路2021年列入省重点项目，计划总投资18亿元，全长32公里。", 18e8),
])
def test_a_works_planned_total_is_no_years_plan(text: str, amount: float) -> None:
    assert _figure(text) == amount


@pytest.mark.parametrize("text", [
    "2023年，全市计划总投资500亿元，推进重点项目建设。",  # the year's programme: no figure of one work
    "今年全市计划实施重点项目50个，计划总投资500亿元。",
    "2024年某县计划投资30亿元，实施民生工程20项。",
    "该区2024年的城建项目计划总投资30亿元。",  # (the review's cases)
    "2024年，某市重点工程计划总投资1200亿元。",
])
def test_a_years_plan_is_still_no_works_investment(text: str) -> None:
    assert [f.amount.value for f in investment_figures(text, "")] == []
