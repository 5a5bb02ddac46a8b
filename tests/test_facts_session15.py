"""Classes of error the session-15 dev paragraphs showed, each with made-up sentences of the same shape:
a trade fair's signed deals are trade, not investment, unless the sentence is about investment."""

from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts


@pytest.mark.parametrize("title, body", [
    # A trade fair's signed deals (services, technology, consumer goods) are trade.
    ("某某交易会落幕 签约额创新高", "第三届某某国际服务贸易交易会落幕，签约项目210个，意向签约额突破600亿美元。"),
    ("", "第八届某某交易会今天闭幕，本届交易会共签约项目311个，意向签约额125.6亿元。"),
])
def test_a_trade_fairs_signed_deals_are_no_investment(title: str, body: str) -> None:
    facts = extract_facts(title, body)
    assert facts.amount is None
    assert facts.stage is None


@pytest.mark.parametrize("body, amount, stage", [
    # Investment promotion at a trade fair signs projects: their total is the event's batch.
    ("在某某交易会招商推介活动上，三地共成功签约51个重大项目，签约金额达到1045亿元。", 1.045e11, "签约"),
    # An investment fair (投资贸易洽谈会) or an expo with 交易 in its name signs projects too.
    ("第十届某某投资贸易洽谈会今天闭幕，共签约项目120个，签约总额860亿元。", 8.6e10, "签约"),
    ("第四届某某国际果品交易博览会开幕，现场签约项目20个，签约金额80亿元。", 8e9, "签约"),
])
def test_investment_signed_at_a_fair_stays_the_events_batch(body: str, amount: float, stage: Optional[str]) -> None:
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind, facts.stage) == (amount, "roundup", stage)


@pytest.mark.parametrize("title, body, amount", [
    # A headline reporting the day's event makes the span's count its batch.
    ("某省第二季度重大项目集中开工", "今天，某省第二季度重大项目集中开工。二季度某省共开工重大项目320个，总投资2600亿元。", 2.6e11),
])
def test_an_event_in_the_headline_makes_the_spans_count_its_batch(title: str, body: str, amount: float) -> None:
    facts = extract_facts(title, body)
    assert (facts.amount, facts.kind) == (amount, "roundup")


@pytest.mark.parametrize("title, body", [
    # Without an event the span's count stays a tally.
    ("某省重大项目建设提速", "二季度某省共开工重大项目320个，总投资2600亿元。"),
    ("", "今年上半年，某市新开工项目210个，完成总投资1800亿元。"),
])
def test_a_spans_count_without_an_event_is_a_tally(title: str, body: str) -> None:
    assert extract_facts(title, body).amount is None


def test_a_signed_sum_opening_its_sentence_sums_up_the_signing_before_it() -> None:
    # "…29个重大项目签约。签约金额达92.1亿美元。": the sum is the batch the sentence before counted.
    facts = extract_facts("", "第九届某某洽谈会今天在某市闭幕。包括地铁特许经营、产业园合作开发等29个重大项目签约。签约金额达92.1亿元。")
    assert (facts.amount, facts.kind) == (9.21e9, "roundup")


@pytest.mark.parametrize("body", [
    # Money put into a fund in the clause after it builds no work.
    "在昨天的开业仪式上，某国宣布将出资5000万美元，投入即将设立的项目准备特别基金。",
    "某市改变以往直补企业的做法，出资4亿元，联合20多家金融机构，吸引社会资金70多亿元，共同组建了产业发展基金。",
    # A programme's years before its investment: "计划用3年时间，投资800亿元".
    "“十个全覆盖”工程计划用3年时间，投资800亿元，全面改善农牧区群众生活条件。",
])
def test_a_fund_or_a_programmes_years_is_no_projects_investment(body: str) -> None:
    assert extract_facts("", body).amount is None


def test_one_works_investment_beside_a_fund_keeps_its_figure() -> None:
    facts = extract_facts("", "某集团投资5亿元建设新材料产业园项目，并设立产业投资基金。")
    assert facts.amount == 5e8


def test_works_listed_before_are_a_programme_without_an_event() -> None:
    body = ("会议决定，一是加快西部地区农网改造升级；二是推动平原村机井用电全覆盖；三是加大中心村电网改造力度。"
            "实施上述工程，预计总投资7000亿元以上。")
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body, amount", [
    # Money spent on research builds no work.
    ("某公司发现市场需求很大，为此他们投资3亿多元花了三年时间研发出了这项新技术。", None),
    ("某集团投资2亿元用于研发新一代电池。", None),
    # A research centre or base is a work.
    ("某集团投资2亿元研发中心项目在某市开工。", 2e8),
])
def test_money_spent_on_research_is_no_projects_investment(body: str, amount: Optional[float]) -> None:
    assert extract_facts("", body).amount == amount


@pytest.mark.parametrize("body, stage", [
    # The investment's sentence gives the stage; a side project completed later in the lead is another's.
    ("2015某某博览会今天闭幕，签约项目163个，投资金额1712亿元。期间举办了云计算论坛，新一代数据中心在某市建成投用。", "签约"),
    # Without a stage in the investment's sentence the lead's furthest stage stands.
    ("某公司总投资20亿元的新材料项目。该项目今天在某市正式投产。", "投产"),
])
def test_the_investments_sentence_gives_the_stage(body: str, stage: str) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body, stage", [
    # About to happen, or possible: no stage reached.
    ("连接两市的某某高铁八月上旬就要开工了。", None),
    ("园区实现了“九通一平”，厂房可以随时开工建设。", None),
    # Reached.
    ("连接两市的某某高铁今天正式开工。", "开工"),
    ("某公司年产5万吨的生产线目前已经可以投产。", "投产"),
])
def test_what_is_about_to_happen_or_could_is_no_stage(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body, stage", [
    # A filing regime is the rule, no project's filing.
    ("目前，我国的外商投资项目95%以上实行备案管理。", None),
    ("某省对企业投资项目推行备案制。", None),
    ("某公司年产10万吨新材料项目日前完成备案。", "备案"),
])
def test_a_filing_regime_is_no_filing(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body, amount", [
    # A sector's construction investment is a statistic or a programme.
    ("今年，某区域铁路建设投资规模超750亿元，计划开通新线里程833公里。", None),
    ("今年上半年，某省完成水利建设投资320亿元。", None),
    # One line by its name keeps its figure.
    ("总投资320亿元的某某高铁今天开工建设。", 3.2e10),
])
def test_a_sectors_construction_investment_is_no_projects(body: str, amount: Optional[float]) -> None:
    assert extract_facts("", body).amount == amount


@pytest.mark.parametrize("body, amount, currency", [
    # A firm named by its trade (药业, 纸业) invests in a work; a sector (制造业) does not.
    ("前不久，某林纸业投资20亿美元的60万吨麦草造纸项目在某州奠基建厂。", 2e9, "USD"),
    ("某伦药业投资五千万美元在某国建设工厂项目。", 5e7, "USD"),
    ("今年全省制造业投资增长12%，达到500亿元。", None, None),
    # Spoken Chinese counts 亿 like a thing, 多 after 个 too.
    ("某市投资6个多亿建设清水活水工程项目。", 6e8, "CNY"),
])
def test_a_firm_named_by_its_trade_and_spoken_amounts(body: str, amount: Optional[float], currency: Optional[str]) -> None:
    facts = extract_facts("", body)
    assert (facts.amount, facts.currency) == (amount, currency)
