"""Session 53, checked on made-up stories: `去年` with a month or a day word (`去年7月`, `去年底`) dates one event, as
`今年3月` and `2019年7月` already did, so the work it dates keeps its figure ("去年7月，该项目首期生产线在某县开发区奠基，
计划总投资6亿元"); a bare `去年` still sums up a year ("去年，全县共实施项目30个，计划总投资60亿元"), and a run of months
from a date is a span whose figures are a tally ("从去年11月到今年9月底，湖州项目落地831个，总投资1350亿元").

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
])
def test_last_year_with_a_month_dates_one_event(body: str, amount: float | None) -> None:
    facts = extract_facts("", body)
    assert facts.amount == amount
