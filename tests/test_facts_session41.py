"""Session 41, checked on made-up stories: a county's short name that jieba's dictionary lists as a rare common word
(安化 "v", 临高 "v", 仙居 "n") is the county when a story naming no city writes it three times over.

The class comes from real pages' misses (docs/facts.md "Session 41"); the stories here are written for the tests, with
guards for the readings the change must leave alone.
"""
from __future__ import annotations

import pytest

from facts_probe_check import first_city
from newsmon.facts import extract_facts
from newsmon.facts.amounts import find_investment

# A county's own story naming the county only by its short name, and its province.
_ANHUA = ("3月1日上午，安化黑茶文化广场正式破土动工，县领导参加开工仪式。\n安化黑茶文化广场占地13.5万平方米，是安化黑茶特色小镇的"
          "重要组成部分，也是第四届中国湖南·安化黑茶文化节的主要活动场地。")
_LINGAO = ("1月6日上午，海南自贸港建设项目2022年度第一批集中开工仪式临高分会场活动举行。临高此次集中开工项目3个，总投资10.25亿元。"
           "据介绍，临高将持续优化营商环境，推动项目早落地、早见效。")


@pytest.mark.parametrize("title, body, city", [
    ("安化黑茶文化广场破土动工", _ANHUA, "益阳市"),
    ("临高集中开工3个项目", _LINGAO, "临高县"),  # a province-administered county is its own prefecture-level unit
])
def test_a_mis_tagged_county_name_written_three_times_is_the_county(title: str, body: str, city: str) -> None:
    assert first_city(extract_facts(title, body)) == city


@pytest.mark.parametrize("title, body", [
    # Written twice only: the word may be the word.
    ("黑茶文化广场破土动工", "3月1日上午，安化黑茶文化广场正式破土动工。该广场是黑茶特色小镇的重要组成部分，也是安化黑茶文化节的"
                         "主要活动场地。"),
    # Three times, but in a province the story names that the county is not in.
    ("黑茶产业推介会在广州举办", "广东省茶叶协会近日在广州举办推介会，安化黑茶、安化千两茶等产品亮相，安化茶商与广东客商洽谈合作。"),
])
def test_fewer_mentions_or_another_province_leave_the_county_unread(title: str, body: str) -> None:
    assert first_city(extract_facts(title, body)) in (None, "广州市")


def test_a_city_named_wins_over_the_repeated_county_name() -> None:
    # The story names a city outright: the repeated name is not asked for (only stories naming no city are).
    body = "长沙市近日举办黑茶博览会，安化黑茶、安化千两茶、安化茯砖茶等产品集中亮相，吸引客商洽谈合作。"
    assert first_city(extract_facts("黑茶博览会在长沙开幕", body)) == "长沙市"


@pytest.mark.parametrize("title, body", [
    # A word commoner than the county's city: 安居 (遂宁's 安居区) is the word of "保障性安居工程".
    ("保障性安居工程建设有序推进", "今年以来，保障性安居工程建设有序推进，安居工程新开工任务全部完成。各地要把安居工程作为重大民生工程，"
                            "确保质量安全。"),
    # Inside a longer word the segmenter knows: a bank, not 玉林's 兴业县.
    ("兴业银行发布年报", "兴业银行近日发布年报，兴业银行全年实现营业收入2000亿元。兴业银行表示，将继续加大对实体经济的支持力度。"),
])
def test_a_common_word_or_a_longer_name_is_no_repeated_county(title: str, body: str) -> None:
    assert first_city(extract_facts(title, body)) is None


# A second look at the figure the amount rules' gates dropped: reported when the amount model is sure of it (p >= 0.9).
_ONE_WORK_AFTER_THE_DAYS_BATCH = (
    "“以产业比实力，以项目论英雄”。4月28日上午，某市重大项目集中开工动员会在经开区某科技产业园举行。作为某市重点建设项目之一的"
    "某新能源有限公司“锂离子动力及储能电池智能产业化”项目，亦于今日顺利破土动工。\n锂离子动力及储能电池智能产业化基地项目总投资"
    "10亿元，规划用地面积170亩，项目建设完成后，集锂离子电池、锂电源系统研发、生产、销售于一体，形成年产4GWh锂离子电池的生产"
    "能力，将实现年销售收入24亿元，年税收1亿元，同时将向社会提供就业岗位600余个。")
_A_PLANNED_WORKS_COST = (
    "2016年，某管理区草原建设项目计划总投资1491万元，有效推进畜牧业生产力的发展，切实提高项目区农牧民的收入水平。\n该管理区计划"
    "建设标准化棚圈84处、22176平方米；划区轮牧8万亩；新打机电井40眼，配套井房40处；多功能饲草料槽2100套。通过项目建设，进一步"
    "促进草原生态保护，推进草地资源的科学合理利用，改善牧民基础设施条件。")


@pytest.mark.parametrize("title, body, amount", [
    ("", _ONE_WORK_AFTER_THE_DAYS_BATCH, 1e9),
    ("某管理区将投入1491万元加强草原项目建设", _A_PLANNED_WORKS_COST, 1.491e7),
])
def test_a_figure_the_rules_drop_is_reported_when_the_model_is_sure(title: str, body: str, amount: float) -> None:
    assert find_investment(title, body) is None  # (the rules' gates drop it: the second look is what reports it)
    facts = extract_facts(title, body)
    assert (facts.amount, facts.kind) == (amount, "project")


_A_WORKS_SCENE = ("走进某新材料项目建设现场，塔吊林立，工人们正在加紧施工。该项目总投资10亿元，主要建设年产5万吨新材料生产线，"
                  "建成后年产值可达20亿元。")


@pytest.mark.parametrize("title, body", [
    # No second look in a span's tally, a summary, a headline spanning a period, or at a batch's share (the review's).
    ("截至目前某县在建项目达56个", "截至目前，某县在建项目达56个，总投资120亿元。" + _A_WORKS_SCENE),
    ("某县项目建设综述", "今年以来，某县坚持项目为王，全力推进项目建设。" + _A_WORKS_SCENE),
    ("某县上半年经济运行稳中向好", "今年上半年，某县经济运行稳中向好，主要指标增速高于全市平均水平。" + _A_WORKS_SCENE),
    ("", "今年1至10月，某县新开工项目32个，完成投资56亿元。某新材料项目建设正酣，该项目总投资10亿元，主要建设年产5万吨新材料"
         "生产线，建成后年产值可达20亿元，带动就业500人。"),
    ("", "4月25日，全省重大项目集中开工仪式某分会场设在某新材料基地项目现场。其中，某市共有68个重大项目集中开工，总投资831亿元！"
         "这些项目涵盖先进制造业、基础设施等领域，将为全市高质量发展注入强劲动力。"),
    # A span's tally and a year's statistics: the model is not sure of them, nothing is reported.
    ("今年前10个月某县重点项目建设成效明显", "今年1至10月，某县58个重点项目累计完成投资56.3亿元，占年度计划的91.2%。其中，产业项目完成"
                                    "投资32.1亿元，基础设施项目完成投资15.4亿元，社会民生项目完成投资8.8亿元。"),
    ("全国固定资产投资保持增长", "国家统计局今天发布数据，前三季度全国固定资产投资（不含农户）37.5万亿元，同比增长3.1%。其中，制造业"
                        "投资增长9%，基础设施投资增长6.2%。"),
])
def test_a_tally_or_a_statistic_stays_without_an_amount(title: str, body: str) -> None:
    assert extract_facts(title, body).amount is None


def test_a_visits_next_sentences_are_read_across_a_paragraphs_break() -> None:
    # The visit's sentence and the two after it are read for a work talked about; a paragraph's break after a full
    # stop was read as one of the two.
    from newsmon.facts.stages import STAGES, read_verbs

    text = ("14日下午，某规划设计有限公司董事长率考察组来某县考察。县委副书记、县长参加考察。\n考察组一行先后实地参观某煤炭储配"
            "基地、码头，考察某县沿江产业园项目拟选址，并详细询问企业有关负责人。")
    visit = [reason for match, index, reason in read_verbs(text, True) if STAGES[index] == "洽谈"][0]
    assert visit is None or visit == "ok"

