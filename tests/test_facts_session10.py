"""Classes of error the session-10 dev paragraphs showed (2018–2022 新闻联播 days read that session), each
with made-up sentences of the same shape: a stage from another place's works, a construction start
worded ``开始土建施工``, a year's investment plan, public funds, money spent on speeding works up, and
a fair's editions summed up."""

from __future__ import annotations

import pytest

from newsmon.facts import extract_facts


@pytest.mark.parametrize("body, stage", [
    # The investment's sentence is about 芜湖; 合肥's 投产 is another place's batch.
    ("今天，合肥18个重点项目集中投产，涵盖新能源汽车等领域。在芜湖经开区，一批装备制造项目集中开工，总投资超80亿元。", "开工"),
    # A list published with its total reports no stage; the start in 白银 is another work's.
    ("今天，南昌高新区发布新基建项目清单，包括20个项目，总投资近90亿元。一条铸造生产线近日在甘肃白银正式开工。", None),
    # A sentence that names no place, or the same city, still reports the project's stage.
    ("前不久，某显示面板产业园落户武汉东西湖，项目投资达100亿元。目前，项目已开始土建施工。", "开工"),
    ("前不久，某显示面板产业园落户武汉东西湖，项目投资达100亿元。武汉市有关部门介绍，项目已开始土建施工。", "开工"),
    # A province and a city in it are one place.
    ("在安徽，一批项目今天集中开工，总投资超300亿元。合肥的12个项目同日开工。", "开工"),
])
def test_the_stage_is_the_investment_places(body: str, stage: str | None) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body", [
    "几天前，某新区召开年度重大工程建设动员大会，150项重大工程相继启动，年度投资计划超300亿元。",
    "当前，某省正以扶贫项目开工为重点增加群众收入。中省两级今年已投入财政专项扶贫资金超50亿元，开工扶贫项目1.2万个。",
    "今年以来，某科学城在做好防控的同时，投资120多亿元加快项目建设，创新活力不断增强。",
    "据了解，该博览会已经连续举办五届，促成300多个重大项目落地，总投资达2000亿元。",
])
def test_plans_funds_and_spans_are_no_project_investment(body: str) -> None:
    assert extract_facts("", body).amount is None


@pytest.mark.parametrize("body, amount", [
    # The same words for one work keep its figure.
    ("某区投资2亿元建设一座污水处理厂，今天开工。", 2e8),
    ("总投资12亿元的某新材料产业园项目今天开工建设，年度计划投资3亿元。", 1.2e9),
    ("本届博览会今天闭幕，共签约项目56个，总投资达320亿元。", 3.2e10),
])
def test_a_works_own_figure_is_kept(body: str, amount: float) -> None:
    assert extract_facts("", body).amount == amount


def test_a_purchase_signing_is_trade_not_investment() -> None:
    body = "某国际消费品博览会进口采购今天集中签约，涉及冻牛肉、乳制品、木材等18个项目，总签约额近15亿元。"
    facts = extract_facts("", body)
    assert (facts.amount, facts.stage) == (None, None)
    # Purchases signed beside project cooperation still report the signing.
    both = "某展销会日前在河南郑州举办，消费帮扶采购销售和项目合作意向签约共30亿元。"
    assert extract_facts("", both).stage == "签约"


def test_investment_attracted_so_far_is_a_tally_but_a_batchs_is_its_total() -> None:
    tally = "当前，某省正以创新平台建设为抓手，加快电子信息等项目的成果转化，已吸引投资超过300亿元。"
    assert extract_facts("", tally).amount is None
    batch = "本届博览会今天在贵州贵阳闭幕，80个大数据产业项目共吸引投资约600亿元。"
    assert extract_facts("", batch).amount == 6e10
