"""Session 53, checked on made-up stories: `去年` with a month or a day word (`去年7月`, `去年底`) dates one event, as
`今年3月` and `2019年7月` already did, so the work it dates keeps its figure ("去年7月，该项目首期生产线在某县开发区奠基，
计划总投资6亿元"); a bare `去年` still sums up a year ("去年，全县共实施项目30个，计划总投资60亿元"), and a run of months
from a date is a span whose figures are a tally ("从去年11月到今年9月底，湖州项目落地831个，总投资1350亿元"), unless
it is one work's schedule ("该项目从今年4月至10月进行设备安装调试"), as is a month's tally over an area ("去年7月，全市共签约
项目18个": an event in the sentence still makes it the day's batch); "至今年5月" is a date, not "至今" (since then).

The class comes from the misses of the real seen pages (a recalled start's figure dropped as last year's tally); the
stories here are written for the tests, with guards from the session's review (/work/wt/review53).
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts

from facts_probe_check import first_city  # (tests/ is on the path: the one reading of a story's city)


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
    # a month's tally over an area is a span too; an event in the sentence makes it that day's batch (the review's)
    ("去年7月，全市共签约项目18个，总投资45亿元，签约项目数和投资额均创年内新高。", None),
    ("今年7月，全市共签约项目18个，总投资45亿元。", None),
    ("7月，全县集中开工项目20个，总投资30亿元。", 30e8),
    ("去年12月18日，某县举行重点项目集中开工仪式，共开工项目20个，总投资30亿元。", 30e8),
    # a run of months told of one work is its schedule; "至今年5月" is a date, not "至今" (since then)
    ("该项目从今年4月至10月进行设备安装调试，计划总投资12亿元，预计年底投产。", 12e8),
    ("该项目于去年3月至今年5月完成主体施工，总投资8亿元，目前正在进行设备安装。", 8e8),
    ("今年1月至今，全市签约项目90个，总投资100亿元。", None),
    # last year's fair stays a span: its signings' progress is a tally (session 17's second review)
    ("在去年的投洽会上签约的12个项目中，已有8个开工建设，总投资56亿元。", None),
])
def test_last_year_with_a_month_dates_one_event(body: str, amount: float | None) -> None:
    facts = extract_facts("", body)
    assert facts.amount == amount


@pytest.mark.parametrize("body, amount", [
    # one named work's planned total or building step after a span: the work's figure (the 计划 or 完成 is the work's)
    ("今年，某某新材料项目在某县经济开发区开工建设，计划总投资12亿元，建设年产5万吨新材料生产线。", 12e8),
    ("一季度，某某物流园项目开工建设，计划总投资5亿元，占地200亩。", 5e8),
    ("某某存储二期项目今年开工建设，计划总投资160亿元。", 160e8),  # (the work named before the span)
    ("去年，某某水库工程完成主体施工，总投资8亿元。", 8e8),
    ("今年，位于我县经济开发区的某某电子元件项目开工建设，计划总投资6亿元。", 6e8),
    # many works, an area's plan, a category of works, a park's statistics: still a span's figure
    ("今年，全县计划实施重点项目30个，计划总投资50亿元。", None),
    ("今年，该市重点项目计划总投资300亿元。", None),
    ("今年，开发区新开工的工业项目计划总投资80亿元。", None),
    ("今年，城区在建项目计划总投资260亿元。", None),
    ("今年，某某产业园等项目加快建设，计划总投资80亿元。", None),
    ("今年上半年，某某园区完成工业产值50.75亿元，固定资产投资9.53亿元，税收4064万元。", None),
    # a province's or a city's programme of many sites, a park's tenants (the fresh review's, review53c)
    ("今年，某某省高标准农田建设项目计划总投资96亿元，新建高标准农田290万亩。", None),
    ("今年，某市老旧小区改造工程计划总投资42亿元，涉及小区312个。", None),
    ("目前，某某数字经济产业园已完成签约，入驻企业协议投资总额26亿元。", None),
    # a work's schedule written as its 建设期 or 工期 is no span; a run of months over new signings is one
    ("某某精密轴承产业园项目位于某某片区，建设期为2024年3月至2026年12月，计划总投资5亿元。", 5e8),
    ("某某食品级再生塑料项目建设期从2024年3月至2025年6月，将新建生产厂房4栋，总投资7亿元。", 7e8),
    ("2023年3月至12月，某市新签约产业项目总投资达380亿元。", None),
    ("今年3月，某市某区新签约项目5个，总投资达94亿元。", None),
    ("从去年8月到今年6月，该企业投资2亿元完成了智能化技术改造项目，生产效率提高40%。", 2e8),  # a firm's one work
])
def test_one_named_works_planned_total_after_a_span(body: str, amount: float | None) -> None:
    assert extract_facts("", body).amount == amount


@pytest.mark.parametrize("body, city", [
    # a county's short name jieba counts rarely, where a sentence puts a work there: the county, whatever jieba's tag
    ("近日，位于莎车的某某新材料项目正式开工，项目总投资5亿元。", "喀什地区"),  # 莎车 n, 83 times
    ("近日，某某新材料项目在神木开工，项目总投资5亿元。", "榆林市"),  # 神木 n, 93 times
    ("近日，某某冷链物流项目落户若羌，项目总投资2亿元。", "巴音郭楞蒙古自治州"),  # 若羌 nrt: more often than its prefecture
    # a name jieba writes often stays a word there; outside a place's slot a rare name is read as before
    ("近日，位于南城的某某商业综合体项目正式开工，项目总投资5亿元。", None),  # 南城 193: a city's south part
    ("近日，某某冷链物流项目开工，由神木华泰能源公司投资2亿元。", None),
    # no place's slot: 在X的… (a basis, a sound, a home), a list's item, a position word (the review's, review53d)
    ("今年该公司的盾构机保有量在三台的基础上又增加了五台，总投资2亿元。", None),
    ("在铜鼓的敲击声中，第三届民族文化旅游节正式开幕，现场签约项目总投资5亿元。", None),
    ("在兴业、浦发等多家银行的支持下，某企业顺利完成了技改融资，总投资2亿元。", None),
    ("新厂区位于路南，与老厂区隔街相望，占地约120亩，总投资2亿元。", None),
])
def test_a_seldom_written_county_name_in_a_places_slot(body: str, city: str | None) -> None:
    assert first_city(extract_facts("", body)) == city


@pytest.mark.parametrize("title, city", [
    # a headline opening on a county's short name: its work's name may run long before 项目, and a headline's second
    # part opens so too (session 53's probe of every county's name)
    ("寿光鲁清石化高端橡塑一体化项目正式开工", "潍坊市"),
    ("沭阳华宇新材料项目正式开工", "宿迁市"),
    ("投资5亿元！沭阳华宇新材料项目开工", "宿迁市"),
    ("总投资28亿元 沭阳华宇新材料产业园开工", "宿迁市"),
    ("寿光鲁清石化项目开工", "潍坊市"),  # (as before)
    # not a district's name (a brand or a word there), a name run into a word, or a firm's or a method's home (review53e)
    ("龙湖天街TOD综合体项目开工", None),
    ("黄梅戏艺术中心项目开工", None),
    ("晋江鞋企越南生产基地项目投产", None),
    ("寿光模式智慧农业产业园项目开工", None),
    ("沭阳人民医院新院区项目开工", "宿迁市"),  # 人民 is no person: the county's hospital
])
def test_a_county_name_opening_a_headline_part(title: str, city: str) -> None:
    body = "近日，该项目正式开工，项目总投资5亿元，建成后年产值10亿元，可带动就业500人，助力当地经济发展。"
    assert first_city(extract_facts(title, body)) == city


@pytest.mark.parametrize("head, stage", [
    # a ceremony still to come, its plan word after it: no stage reached (a probe of plan and tense words)
    ("某某新材料项目签约仪式将于明天举行", None),
    ("某某新材料项目开工仪式推迟举行", None),
    ("某某新材料项目开工仪式于昨天上午举行", "开工"),
    ("某某新材料项目顺利签约，签约仪式后双方将于明天举行座谈", "签约"),
])
def test_a_ceremony_still_to_come(head: str, stage: str | None) -> None:
    body = ("近日，" + head + "。该项目总投资12亿元，主要建设年产5万吨新材料生产线及配套设施，建成后年产值可达20亿元，"
            "可带动就业500人。")
    assert extract_facts(head, body).stage == stage
