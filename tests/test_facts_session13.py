"""Classes of error the session-13 dev paragraphs showed, each with made-up sentences of the same shape:
a county or district named by its short name as the subject opening a clause (``为企服务，松江实现…``)."""

from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.places import find_places


@pytest.mark.parametrize("body, city, county", [
    ("为企服务，松江实现审批制度改革，让这个总投资450亿元的计算中心从签约到摘牌仅用了58天。", "上海市", "松江区"),
    ("今年，慈溪围绕家电产业引进一批项目，总投资120亿元的某智能工厂开工。", "宁波市", "慈溪市"),
])
def test_a_county_opening_its_clause_as_the_subject_places_the_story(body: str, city: str, county: str) -> None:
    places = extract_facts("", body).places
    assert places and (places[0].city, places[0].county) == (city, county)


@pytest.mark.parametrize("body", [
    # Read inside other words at a clause's start: 三江源 (三江县), 满城尽带 (满城区) are no subjects.
    "今年，三江源生态保护项目开工，总投资5亿元。",
    "满城尽带黄金甲，这部电影投资5亿元。",
])
def test_a_short_name_inside_another_word_at_a_clause_start_is_no_place(body: str) -> None:
    assert find_places("", body) == []


@pytest.mark.parametrize("body", [
    # 在中 and 到保 are townships' short names (在中乡, 到保镇), read across a preposition here.
    "在中白工业园，一批项目集中开工。",
    "今天，一批中国企业到保加利亚考察对接项目。",
])
def test_a_township_name_read_across_a_preposition_is_no_place(body: str) -> None:
    assert find_places("", body) == []


@pytest.mark.parametrize("body, province, city", [
    # Zhejiang's provincial new areas written without their city's name.
    ("钱塘新区一批生物医药项目集中签约，总投资180亿元。", "浙江省", "杭州市"),
    ("在南太湖新区，一批项目集中开工。", "浙江省", "湖州市"),
    # A national new area spanning two cities gives its province and no city.
    ("西咸新区一批先进制造项目集中开工，总投资300亿元。", "陕西省", ""),
])
def test_new_areas_written_without_their_citys_name_are_placed(body: str, province: str, city: str) -> None:
    places = find_places("", body)
    assert places and (places[0].province, places[0].city) == (province, city)


@pytest.mark.parametrize("body, stage", [
    # A road, tunnel or bridge opened to traffic is in use, like a line 开通运营.
    ("经过3年建设，总投资30亿元的某江隧道今天正式通车。", "投产"),
    # Built and opened: the completion is the furthest stage (as 建成投运 of a line is not).
    ("总投资12亿元的某大桥建成通车。", "竣工"),
    # A plant 建成投入商运 (commercial operation) is read whole, like 建成投产.
    ("某核电站1号和2号机组全部建成投入商运，项目总投资500亿元。", "投产"),
    # Opening ahead, and a measure of roads: no stage reached.
    ("总投资30亿元的某隧道预计年底通车。", None),
    ("全省高速公路通车里程达到8000公里。", None),
])
def test_opened_to_traffic_and_commercial_operation(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


def test_the_signed_projects_amount_at_a_fair_is_its_total() -> None:
    facts = extract_facts("", "第四届某某博览会近日开幕，展会签约项目金额近80亿元。")
    assert (facts.amount, facts.kind) == (8e9, "roundup")


def test_a_bare_signed_amount_of_a_technology_trade_is_no_investment() -> None:
    assert extract_facts("", "活动期间，共有22家单位达成技术交易意向，现场签约金额达8.9亿元。").amount is None


@pytest.mark.parametrize("body", [
    # A plan document or a zone's status approved is no work's 核准.
    "《某某综合试验区建设总体方案》日前获国务院批复。目前，该省已建立600个项目的储备库。",
    "某省获批建设国家级综合试验区，将推动一批产业项目落地。",
    # Financing agreed with lenders is no project's signing.
    "该省已与10家投资机构、10家银行机构签署了4000亿元规模的合作协议，支持项目建设。",
    "某市与某银行签订授信协议，为重点项目建设提供资金。",
])
def test_a_plan_approved_or_financing_signed_reports_no_stage(body: str) -> None:
    assert extract_facts("", body).stage is None


@pytest.mark.parametrize("body, stage", [
    # A project's own approval and a project signed with a firm still report their stage.
    ("某某水利枢纽工程项目近日获国家发展改革委批复，总投资80亿元。", "核准"),
    ("某市与某集团签署新能源汽车项目投资协议，总投资50亿元。", "签约"),
])
def test_a_projects_approval_and_signing_still_count(body: str, stage: str) -> None:
    assert extract_facts("", body).stage == stage


@pytest.mark.parametrize("body, stage", [
    # A project settling in a place says where it is, not what stage it reached.
    ("总投资120亿美元的某石化项目落户某省。", None),
    ("某新能源汽车项目今天正式落户某市，项目总投资50亿元。", None),
    # Its amount still counts, and a signing still says 签约.
    ("某市今天与某集团签约，总投资50亿元的新材料项目落户该市。", "签约"),
])
def test_settling_in_a_place_is_no_stage(body: str, stage: Optional[str]) -> None:
    facts = extract_facts("", body)
    assert facts.stage == stage and facts.amount is not None


def test_the_amount_of_the_kind_of_projects_a_fair_signed_is_its_total() -> None:
    facts = extract_facts("", "首届某某产业博览会今天闭幕，共签约智能化项目金额6100多亿元。")
    assert (facts.amount, facts.kind) == (6.1e11, "roundup")


@pytest.mark.parametrize("body, city", [
    # A township whose name ends in a word (城镇) opening its clause is named: 枝城镇 of 宜都市, 宜昌.
    ("去年以来，枝城镇共招商引资16个项目，协议投资超过350亿元。", "宜昌市"),
    # After another word, or with a modifier first, the characters are the word: small towns, new towns.
    ("某省加快建设小城镇，一批项目开工。", ""),
    ("，新城镇建设项目开工。", ""),
])
def test_a_township_ending_in_a_word_is_named_when_it_opens_its_clause(body: str, city: str) -> None:
    places = find_places("", body)
    assert (places[0].city if places else "") == city


@pytest.mark.parametrize("body, amount, kind", [
    # Projects counted in the comma clause before a bare 投资额 are its subject: a tally over time is no figure,
    ("目前，我国已与60多个国家签署农业合作协议。在沿线投资农业项目200多个，投资额700多亿元。", None, None),
    # and one event's batch is a roundup.
    ("今天，某市集中开工重大项目32个，投资额156亿元。", 1.56e10, "roundup"),
])
def test_projects_counted_before_a_bare_investment_word_are_its_subject(body: str, amount: Optional[float],
                                                                        kind: Optional[str]) -> None:
    facts = extract_facts("", body)
    assert (facts.amount, facts.kind) == (amount, kind)
