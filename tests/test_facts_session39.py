"""Session 39, checked on made-up stories: a three-character township named mid-clause (热市镇, 冯村镇) is read as the
place it is, not as a word (城镇, 市镇) after a character; a township's full name outside places guessed only from
ordinary words (惠农, 温泉) still tells its city.

The classes come from real pages' misses (bench/data/facts/README.md "Real pages (session 39)"); the stories here are
written for the tests, with guards for the readings the change must leave alone.
"""
from __future__ import annotations

import pytest

from facts_probe_check import first_city
from newsmon.facts import extract_facts
from newsmon.facts.places import national_scope


@pytest.mark.parametrize("body, city", [
    ("3月6日上午,县政协主席一行深入热市镇专题调度某温泉度假酒店项目建设情况。", "常德市"),
    ("位于冯村镇和埝桥镇的某现代农业园区,计划投资2.01亿元。", "渭南市"),
    ("7月8日,地处义宁镇的某工业开发区举行企业进园典礼。", "九江市"),
])
def test_a_three_character_township_mid_clause_is_a_place(body: str, city: str) -> None:
    assert first_city(extract_facts("", body, "")) == city


@pytest.mark.parametrize("body", [
    "某污水处理厂出水执行《城镇污水处理厂污染物排放标准》,适用于城镇生活污水。",  # 于城镇: a function character first
    "流域城镇污水处理设施建设加快推进,某项目总投资3亿元。",                      # 域城镇: 流域 + 城镇
    "市域城镇体系规划加快推进,某项目总投资3亿元。",                              # 市域 (jieba: a prefix only)
    "全县各地计划实施集镇建设项目12个,总投资3亿元。",                            # 施集镇: 实施 + 集镇
    "全县五乡镇共实施重点项目12个,总投资3亿元。",                                # 五乡镇: a numeral first
    "某项目以古镇为依托,总投资3亿元。",                                          # 以古镇
])
def test_a_word_before_a_common_ending_is_no_township(body: str) -> None:
    assert first_city(extract_facts("", body, "")) is None


def test_a_townships_full_name_outweighs_places_guessed_from_ordinary_words() -> None:
    # 惠农 (惠农区) and 温泉 (温泉县) read from a firm's name and a spa are no places the story settles; 东梁镇 is
    # 阜新县's township.
    body = ("日前,由惠农生物质热电有限公司投资4.47亿元的生物质热电项目正式签约并落户东梁镇。"
            "项目配套建设温泉度假设施。")
    assert first_city(extract_facts("", body, "")) == "阜新市"


def test_a_township_outside_a_settled_place_is_still_another_reading() -> None:
    # The story settles 山东省; 阜新县's 东梁镇 lies outside it, so it is another reading of the characters.
    body = "山东省某项目总投资3亿元,近日开工建设,东梁镇的企业也参与配套。"
    assert first_city(extract_facts("", body, "")) is None


def test_a_renamed_townships_old_suffix_still_names_it() -> None:
    # 虞山街道 (常熟) was 虞山镇; a two-character short name with a township's suffix is the township.
    body = "市敬老院工程,位于虞山镇某敬老院北侧,占地约26亩,按800张养老床位设计。"
    assert first_city(extract_facts("", body, "")) == "苏州市"


@pytest.mark.parametrize("body", [
    "某公路大中修工程全部竣工,促进乡镇与城区及重点景区的连接。",  # 促进 is a word: no 进乡镇
    "实现村村通乡镇公路硬化,某项目总投资3亿元。",                  # 乡镇 a common word
    "送医进乡镇活动中,某项目总投资3亿元。",
    "打造山水乡村旅游示范带,某项目总投资3亿元。",                  # 乡村 a common word
])
def test_a_two_character_name_read_across_words_is_no_township(body: str) -> None:
    assert first_city(extract_facts("", body, "")) is None


def test_china_opening_a_quoted_name_is_no_national_subject() -> None:
    assert not national_scope("“中国·天谷”项目开工", "总投资38亿元的项目破土开工。")
    body = "11月30日上午,总投资38亿元的“中国。天谷”项目在沙市区关沮镇正式破土开工。市领导出席开工仪式。"
    assert first_city(extract_facts("", body, "")) == "荆州市"


def test_china_as_the_subject_stays_national() -> None:
    assert national_scope("中国·天谷项目开工", "总投资38亿元的项目破土开工。")


@pytest.mark.parametrize("title, body, stage", [
    ("", "“A股绿色报告”项目监控到的数据显示,某公司控股子公司某新材料有限公司年产6万吨某产品建设项目环评审批获原则同意。"
         "该项目总投资额达1.2亿元。", "核准"),
    ("某公司子公司500万项目环评获同意", "某公司子公司某垃圾焚烧发电项目环评审批获同意。该项目总投资额达500万元。", "核准"),
    ("", "某公司某新材料项目环评审批未获同意,公司将补充材料后重新报批。该项目总投资额达1.2亿元。", None),
    ("", "公司申请的1.2亿元银行贷款审批获同意,将用于某项目建设。", None),  # any approval's 审批 is no assessment's
])
def test_an_assessments_approval_granted_is_the_approval(title: str, body: str, stage: str | None) -> None:
    assert extract_facts(title, body, "").stage == stage


def test_a_rare_place_name_a_little_commoner_than_its_city_is_the_county() -> None:
    # jieba counts 砀山 (ns) 47 times, 宿州 45: a county's name on its own in a headline.
    title = "征迁+修路,砀山今年要干这么多事"
    body = "农村厕所改造。完成计划3万户非卫生厕所整治工作,计划投资4800万,今年我县农户改厕分5个标段实施。"
    assert first_city(extract_facts(title, body, "")) == "宿州市"


@pytest.mark.parametrize("title", ["牡丹今年开得这么好", "青龙今年要干这么多事"])
def test_a_common_name_of_a_county_stays_a_word(title: str) -> None:
    # 牡丹 (牡丹区 of 菏泽) is counted 1.36 times 菏泽; 青龙 (青龙县) 164 times: words, not counties.
    assert first_city(extract_facts(title, "某项目总投资3亿元,近日开工建设。", "")) is None
