"""Classes of error the session-14 dev paragraphs showed, each with made-up sentences of the same shape:
an event's signed sum after a signing of projects without a count or as 合同项目资金, the coming years as a
span, 签订/签署 before the projects' amount, and one project's amount with no work, deal or event in view."""

from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts


@pytest.mark.parametrize("body, amount", [
    # The sum closes the comma clause that follows the event's signing of projects.
    ("昨天，首届某某发展峰会在某市举行，峰会还进行了重点合作项目签约，签约金额120多亿元。", 1.2e10),
    ("某某投资洽谈会今天开幕，一批产业项目集中签约，签约金额达56亿元。", 5.6e9),
    # A batch's contracts state their funds with 项目 between ("合同项目资金").
    ("某某商会大会在某市开幕，本次大会共签约项目120个，合同项目资金超过800亿元。", 8e10),
])
def test_an_events_signed_sum_after_its_signing_of_projects_is_its_total(body: str, amount: float) -> None:
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind) == (amount, "roundup")


@pytest.mark.parametrize("body", [
    # A signed sum after another clause than a signing of projects stays a trade's or a tally's.
    "活动期间，项目签约活跃，共有22家单位达成技术交易意向，现场签约金额达8.9亿元。",
    "该集团参与国家重大项目建设，截至目前签约金额超过3900亿元。",
    # Contracted foreign capital is a statistic, not a signed batch's funds.
    "今年前三季度，全市新批外资项目120个，合同外资15亿美元。",
])
def test_a_signed_sum_without_a_signing_of_projects_before_it_is_no_investment(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body, amount", [
    # The coming years are a span like the recent ones ("近5年"): with a plan word or a count of works, the
    # figure is the span's programme.
    ("未来一年，某省计划投资1300亿元，重点推进38个项目。", None),
    ("未来三年，某市将投资500亿元，实施100个重点项目。", None),
    # One company's project over the coming years keeps its figure.
    ("某集团和某园区签约，计划在未来五年内投资100亿元，建设智能驾驶研发制造基地。", 1e10),
])
def test_the_coming_years_are_a_span_of_time(body: str, amount: Optional[float]) -> None:
    assert extract_facts("", body).amount == amount


@pytest.mark.parametrize("body, amount", [
    # 签订 and 签署 stand alone before the amount of the projects they name, as 签约 does.
    ("今天，中国企业与非洲21个国家的企业签订了超过52亿元的产能合作项目，涉及基础设施、农业等领域。", 5.2e9),
    ("会上，两地企业签署30亿元的新材料项目。", 3e9),
])
def test_a_signing_verb_before_the_amount_of_the_projects_it_names(body: str, amount: float) -> None:
    assert extract_facts("", body).amount == amount


@pytest.mark.parametrize("body", [
    # An agreement, a contract or a framework signed is no project's investment.
    "某省与10家投资机构、10家银行机构签署了4000亿元规模的合作协议。",
    "某公司签订了5亿元的设备采购合同。",
])
def test_a_signing_verb_before_an_agreements_value_is_no_investment(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body", [
    # Money a place or a sector spends, no work in view: a tally, not one project's investment.
    "经过三年苦干，多方投资300多万元，全乡打成深水井3眼，结束了靠天浇地的历史。",
    "近年来，当地各方投资2亿多元，群众生活明显改善。",
])
def test_one_projects_amount_needs_a_work_a_deal_or_an_event_in_view(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("title, body, amount", [
    # A work named by a looser noun than a project's ("中学", "合作社").
    ("", "李红雨又和几位企业家一起联手，总投资1.2亿元，创建鸿宇中学。", 1.2e8),
    ("", "仅仅7个月，总投资450万元的布楞沟村养殖专业合作社就建成了。", 4.5e6),
    # A deal before the word, or the headline's event, keeps a figure without a work noun.
    ("第21届投洽会落幕 协议总投资额3920亿元", "", 3.92e11),
])
def test_a_work_a_deal_or_an_event_in_view_keeps_the_amount(title: str, body: str, amount: float) -> None:
    assert extract_facts(title, body).amount == amount
