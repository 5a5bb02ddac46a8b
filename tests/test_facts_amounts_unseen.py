"""Investment amounts on whole stories not seen in the gold set: one made-up sentence per class.

The classes were found by running the extractor on real regional stories read through the search
tool (session 9, docs/benchmarks.md); the stories themselves are not stored. Each text here is
written for the test.
"""

from __future__ import annotations

import time
from typing import Optional

import pytest

from newsmon.facts import extract_facts


def _amount(title: str, body: str) -> Optional[float]:
    return extract_facts(title, body).amount


@pytest.mark.parametrize("body", [
    "某区春季签约的工业项目进展顺利，项目实际到位投资1.85亿元。",
    "某县招商引资的新材料项目投资到位2.3亿元。",
])
def test_arrived_investment_is_a_tally(body: str) -> None:
    assert _amount("", body) is None


def test_a_bound_each_of_several_meets_is_no_figure() -> None:
    body = "上半年新批的外资项目中，某实业公司、某家居公司投资均在1000万美元以上。"
    assert _amount("", body) is None
    # One work's own bound still counts.
    assert _amount("", "某公司新建的冷库项目总投资在1000万美元以上，日前开工。") == 1e7


@pytest.mark.parametrize("title,body", [
    ("多地重大项目集中开工 年内投资总额逾4万亿元", "为稳增长，今年以来，多地集中开工一批重大项目。"),
    ("", "春节后，各地重大项目集中开工，总投资超过2万亿元。"),
])
def test_several_areas_summed_are_a_tally_even_with_an_event(title: str, body: str) -> None:
    assert _amount(title, body) is None


@pytest.mark.parametrize("body", [
    "今天，来自各地的客商在某市集中签约项目30个，总投资120亿元。",
    "今天的推介会吸引了各地客商200多人，现场集中签约项目30个，总投资120亿元。",
])
def test_merchants_from_everywhere_at_one_signing_keep_its_batch(body: str) -> None:
    assert _amount("", body) == 120e8


@pytest.mark.parametrize("title,body", [
    ("", "2021年，某县重点工程项目共30项，其中建设项目27项。总投资519亿元，当年计划投资63亿元。"),
    ("某省5年兴建16处重大水利工程", "总投资733亿元，可解决2900万亩耕地灌溉问题。"),
])
def test_a_total_opening_its_sentence_sums_up_what_was_counted_before(title: str, body: str) -> None:
    assert _amount(title, body) is None


def test_a_total_opening_its_sentence_after_one_events_batch_is_the_batch() -> None:
    body = "今天，某市举行重点项目集中开工仪式，28个项目集中开工。总投资156亿元，涵盖工业、交通等领域。"
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind) == (156e8, "roundup")
    # A work named before it keeps its own figure.
    facts = extract_facts("某水库工程今天开工", "某水库工程今天开工。总投资21亿元，总工期48个月。")
    assert (facts.amount, facts.kind) == (21e8, "project")


def test_the_years_slice_of_a_total_is_no_investment() -> None:
    body = "某县重点工程当年计划投资6.3亿元，年度计划投资2.9亿元。"
    assert _amount("", body) is None


@pytest.mark.parametrize("body", [
    "据介绍，这20项重大建设总投资650亿元，现已完成近六成工作量。",
    "某省这16处水利工程估算投资为733亿元，全部建成后可灌溉耕地2900万亩。",
])
def test_works_counted_before_their_total_need_one_event(body: str) -> None:
    assert _amount("", body) is None


def test_works_counted_at_one_event_keep_their_total() -> None:
    body = "今天，某县举行集中开工仪式，12处水利工程总投资8.5亿元。"
    assert _amount("", body) == 8.5e8


def test_a_forecast_signing_and_a_semicolon_list_share_their_lead_in() -> None:
    body = "截至昨日，本届博览会可望签约的外资项目2项，总投资7000万美元；内联项目38项，总投资197亿元。"
    assert _amount("", body) is None
    body = "某省此次推进的116个项目中：在建项目70个，总投资481亿元；新开工项目46个，总投资165亿元。"
    assert _amount("", body) is None
    # An event's list keeps its items' totals: the first one is the story's.
    body = "今天，某市举行集中签约仪式：工业项目20个，总投资150亿元；服务业项目8个，总投资40亿元。"
    assert _amount("", body) == 150e8


def test_every_kind_of_named_work_is_sized_and_totalled() -> None:
    # One definition of a work (facts.text.WORK_HEAD) for names, amounts and stages: an amount sizing
    # a bridge, or a total right after an irrigation district, is the work's own as for a 项目.
    assert _amount("某市20亿元大桥开工建设", "") == 20e8
    assert _amount("", "某某灌区总投资12亿元，目前累计完成投资8亿元。") == 12e8


@pytest.mark.parametrize("title,unit", [
    ("", "这20项重大建设总投资650亿元，"),  # every amount rejected by the count before its total
    ("", "今天某市可望签约的项目2项，总投资1亿元；"),  # every item reads its list's lead-in
    ("某市" + "12个项目" * 30_000, "总投资1亿元，"),  # the body's first totals read a long headline
])
def test_the_new_checks_cost_linear_time(title: str, unit: str) -> None:
    # The body cap (100,000 characters) of amounts each rejected late: every check is bounded to the
    # amount's sentence (REACH), the headline read at most as far, the event answer kept per sentence.
    body = (unit * (100_000 // len(unit) + 1))[:100_000]
    started = time.process_time()
    extract_facts(title, body)
    # ~1.5 s on an idle machine (the stage verbs' own checks of these texts cost as much).
    assert time.process_time() - started < 5, time.process_time() - started


@pytest.mark.parametrize("body,amount", [
    ("某公司新材料项目规划建设2条生产线。总投资5亿元，年产新材料3万吨。", 5e8),
    ("某公司新建3座厂房总投资2亿元，年产值5亿元。", 2e8),
])
def test_parts_of_one_work_counted_before_its_total_keep_the_works_figure(body: str, amount: float) -> None:
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind) == (amount, "project")


def test_a_place_between_word_and_amount_is_no_distributive_word() -> None:
    assert _amount("某公司投资成都新津项目5亿元", "") == 5e8


def test_works_counted_in_the_clause_before_a_bare_total_are_its_subject() -> None:
    assert _amount("", "全县重点工程进展顺利。其中：\n省级6项，概算投资140亿元，当年计划投资19亿元。") is None
    # A clause that names its work keeps the figure; a measure of one work counts nothing.
    assert _amount("", "该项目占地300亩，总投资10亿元。") == 10e8
