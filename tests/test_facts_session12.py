"""Classes of error the session-12 dev paragraphs showed, each with made-up sentences of the same shape:
a signed batch's 金额 in the comma clause after its signing, 签约投资额 (forecast or signed), a fair's
tally "so far" while it is under way, a comparison after an event's total, a half year's tally, and a
list item after a semicolon that shares its lead-in's period."""

from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts


@pytest.mark.parametrize("body, amount", [
    # The signing's own 金额, in the comma clause right after it.
    ("会上，共有35个重点项目签约，金额超200亿元，涵盖汽车、医药等领域。", 2e10),
    # 签约投资额 of a batch signed at one event.
    ("本届博览会共签约项目120个，签约投资额达900亿元。", 9e10),
    # A fair under way: "so far" is its own tally.
    ("第五届某某博览会正在合肥举行，截至今天，已有120个项目签约，投资总额超过500亿元。", 5e10),
    # A comparison with the last edition after the total of one day's signings.
    ("开幕当天共签订合作项目60个，总投资额800亿元，同比增长20%。", 8e10),
    # Projects counted with a longer description before 项目.
    ("本届交易会上，有45个国际、国内投资合作项目签约，总投资额300亿元，同比增长15%。", 3e10),
])
def test_one_events_signed_batch_states_its_total(body: str, amount: float) -> None:
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind) == (amount, "roundup")


@pytest.mark.parametrize("body", [
    # A forecast of what a fair will sign.
    "本届博览会预计签约项目超过100个，签约投资额超过800亿元。",
    "某某博览会今天开幕，大会预计签约项目超过200个，签约投资额超过1500亿元。",
    # "So far" with no event under way: a province's tally.
    "截至目前，全省今年共签约项目300个，总投资1200亿元。",
    # A comparison after a year's completed figure: a statistic.
    "今年前三季度，全市工业投资300亿元，同比增长12%。",
    # A half year's tally, and the item after its semicolon shares the period.
    "半年来，一批大项目落户某新区，共集中签约项目80个，总投资260亿元；集中开工项目120个，总投资560亿元。",
    # The item after the semicolon of a span's tally.
    "近三年来，全县共引进项目60个，总投资90亿元；建成投产项目40个，总投资70亿元。",
    "近三年来，全县共集中签约项目60个，总投资90亿元；集中开工项目40个，总投资70亿元。",
])
def test_forecasts_and_tallies_state_no_amount(body: str) -> None:
    amount: Optional[float] = extract_facts("", body).amount
    assert amount is None


@pytest.mark.parametrize("body, stage", [
    # A comparison after one event's signing (当天, 本届) compares its batch with the last edition's.
    ("开幕当天共签订合作项目60个，总投资额800亿元，同比增长20%。", "签约"),
    ("本届博览会有50个投资合作项目签约，总投资额300亿元，比上届增长15%。", "签约"),
    # A span of stages closed by the time it took: the first was reached too.
    ("为企服务，某区让这个总投资50亿元的新能源项目从签约到拿地仅用了30天。", "签约"),
    # Affordable housing (保障房) is a noun, no plan word.
    ("某市保障房项目今天开工，总投资5亿元。", "开工"),
])
def test_stage_reported(body: str, stage: str) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body", [
    # A comparison with no event: a year's tally.
    "全省签约项目300个，同比增长20%。",
    # A span of stages as a process, no time it took.
    "某区优化从签约到拿地的全流程服务。",
    # A policy that secures starts ("保障…开工") is a plan, like 确保.
    "中央财政安排扶持资金417亿元，优先保障扶贫项目开工，发展产业。",
])
def test_no_stage_reported(body: str) -> None:
    assert extract_facts("", body).stage is None


@pytest.mark.parametrize("body", [
    # The day a figure was told is no event: a period's tally of the planning commission's approvals.
    "记者今天（7月16日）从国家发展改革委了解到，今年上半年，国家发展改革委共审批核准固定资产投资项目94个，总投资4715亿元。",
    "国家发改委今天举行新闻发布会介绍，5月份，国家发改委共审批核准固定资产投资项目20个，总投资516亿元。",
    # 近年来 is a span, like 近5年来.
    "近年来，国家投入13亿多元，实施基础设施、安居工程等六大工程，推动当地加快发展。",
])
def test_told_tallies_and_recent_years_state_no_amount(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_a_batch_started_on_the_day_is_still_an_event() -> None:
    facts = extract_facts("", "今天，某市30个重大项目集中开工，总投资200亿元。记者从市发改委了解到，项目涵盖新能源等领域。")
    assert (facts.amount, facts.kind, facts.stage) == (2e10, "roundup", "开工")


def test_a_countrys_story_listing_works_by_place_names_no_city() -> None:
    # The country's figure; its examples are a list whose items open with their places.
    facts = extract_facts("全国水利建设今年已完成投资超5000亿元",
                          "今年前10个月，全国共有包括雄安新区防洪骨干工程、海南迈湾水利枢纽工程等在内的32项重大水利工程开工建设。")
    assert facts.places == ()


def test_a_countrys_story_of_one_named_work_keeps_its_city() -> None:
    facts = extract_facts("", "国家发展改革委近日批复四川成都天府国际机场二期工程，总投资300亿元。")
    assert facts.places and facts.places[0].city == "成都市"
