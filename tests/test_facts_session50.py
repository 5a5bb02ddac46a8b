"""Session 50, checked on made-up stories: a currency written before its figure (`约港币20亿元`), projects counted with
their total and no 的 between (`10个总投资201亿元项目落户…`), and a count of 大 projects with their kind between
(`两大文旅项目提前开工`).

The classes come from the cross-validated amount misses of the real seen pages (bench/data/facts/README.md "Real pages
(session 49)"); the stories here are written for the tests, with guards for the readings the change must leave alone.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts


@pytest.mark.parametrize("body, value, currency", [
    ("预计项目总投资约港币20亿元,建设一座物流中心。", 2e9, "HKD"),
    ("该项目总投资美元5000万,建设年产10万吨生产线。", 5e7, "USD"),
    ("该项目总投资约人民币7.8亿元,建设厂房。", 7.8e8, "CNY"),  # the yuan named: no change
    ("该项目总投资1.2亿美元(折合人民币8.5亿元),建设一座工厂。", 1.2e8, "USD"),  # the conversion after it is not read
    ("该项目总投资5800万美元,建设年产10万吨生产线。", 5.8e7, "USD"),  # written after the figure, as before
])
def test_a_currency_written_before_its_figure(body: str, value: float, currency: str) -> None:
    facts = extract_facts("某公司新项目落户我市", body)
    assert (facts.amount, facts.currency) == (value, currency)


@pytest.mark.parametrize("title, body, kind", [
    ("10个总投资201亿元项目落户湖南某产业园", "4月8日,某集团产业园等10个总投资达201亿元的项目集中签约落户某产业园。", "roundup"),
    ("某县3个总投资5亿元项目集中开工", "", "roundup"),
    ("长沙两大文旅项目提前开工,总投资10亿", "", "roundup"),
    ("三大新能源项目集中开工 总投资30亿元", "", "roundup"),
    ("两大集团合作项目签约 总投资10亿元", "", "project"),  # the firms are two, the project one
    ("1个总投资2.5亿元项目成功签约", "某新材料项目昨日签约,总投资2.5亿元,建设年产5万吨生产线。", "project"),  # one counted
])
def test_projects_counted_with_their_total_or_kind_between(title: str, body: str, kind: str) -> None:
    assert extract_facts(title, body).kind == kind
