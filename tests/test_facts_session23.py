"""Session 23: session 22's review (30 regressions among 127 made-up probes, each ``want`` decided before the probe was
run) mended. Each case is the review's probe; together with session 22's own cases (tests/test_facts_session22.py,
unchanged) they pin both sides of every narrowed rule."""

from __future__ import annotations

import time
from typing import Any

import pytest

from facts_probe_check import wrong_fields
from newsmon.facts import extract_facts

null = None


def _check(title: str, body: str, want: dict[str, Any]) -> None:
    facts = extract_facts(title, body)
    assert wrong_fields(facts, want) == [], facts.to_dict()


_ONE_WORKS_FIGURE = [
    # A batch told next needs works: not a work's prospects (有望, 有序), its parts (包括4栋厂房…), the works beside it
    # (当天开工的还有…3个项目) or its rank (第3个).
    ("", "3月8日，某县某新材料项目正式开工。总投资5亿元的该项目有望明年6月建成投产。", {"amount": 500000000.0, "kind": "project", "stage": "开工"}),
    ("某产业园项目开工", "今天，总投资12亿元的产业园项目包括4栋标准化厂房、1栋研发楼及配套设施，将于明年建成。", {"amount": 1200000000.0, "kind": "project", "stage": "开工"}),
    ("", "今天，总投资20亿元的某锂电池项目在某县开工。县委书记某某出席开工仪式。当天开工的还有某物流园等3个项目。", {"amount": 2000000000.0, "kind": "project", "stage": "开工"}),
    ("", "今天，某县与某集团签约，投资8亿元的项目有望年内开工。", {"amount": 800000000.0, "kind": "project", "stage": "签约"}),
    ("某县污水处理厂项目开工", "今天，某县污水处理厂项目开工，总投资5亿元的项目涵盖污水处理、管网铺设等内容。", {"amount": 500000000.0, "kind": "project", "stage": "开工"}),
    ("", "今天，总投资6亿元的某项目在某县签约。项目由某集团投资建设。此次签约的是该县今年第3个亿元以上项目。", {"amount": 600000000.0, "kind": "project", "stage": "签约"}),
    ("", "总投资3亿元的某项目有序推进，预计年底竣工。", {"amount": 300000000.0, "kind": "project", "stage": null}),
    # …and counts 十一个 (the counter had no 一).
    ("", "5月20日，总投资15亿元的某项目签约仪式举行。市长某某出席。此次签约的十一个项目涉及新能源、新材料等领域。", {"amount": 1500000000.0, "kind": "roundup", "stage": "签约"}),
    # Several works need a join right before the next investment phrase: not 及/和 inside a name, a work and its 配套
    # part, another measure of one work, an investor's earlier works, a total's parts.
    ("", "总投资30亿元的某电池研发及生产基地项目今天开工，项目建成后将带动上下游配套企业投资20亿元。", {"amount": 3000000000.0, "stage": "开工"}),
    ("", "总投资100亿元的某石化项目和投资20亿元的配套码头今天同步开工。", {"amount": 10000000000.0, "stage": "开工"}),
    ("某新材料项目签约", "今天，某新材料项目签约。项目总投资5亿元、固定资产投资4.2亿元，建设年产10万吨某材料生产线。", {"amount": 500000000.0, "stage": "签约"}),
    ("", "今天，总投资8亿元的某和美乡村示范项目开工，项目完成后，村集体将再投资1亿元建设民宿。", {"amount": 800000000.0, "stage": "开工"}),
    ("", "今天，总投资20亿元的某电池项目签约落户某县。此前，该集团在某市建设的总投资10亿元的材料基地已投产。该集团在某省总投资5亿元的研发中心也于去年建成。", {"amount": 2000000000.0, "stage": "签约"}),
    ("某文旅项目开工", "今天，总投资12亿元的某文旅项目开工。\n该项目总投资中，景区建设总投资8亿元。\n配套酒店总投资4亿元。", {"amount": 1200000000.0, "stage": "开工"}),
]


@pytest.mark.parametrize("title,body,want", _ONE_WORKS_FIGURE)
def test_one_works_figure_is_no_batch_nor_one_of_several(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_CAMPAIGNS = [
    # A campaign's headline over one work's story: that work's figure and stage.
    ("某高速公路项目打响冬季施工大会战", "近日，某高速公路项目全线掀起冬季施工高潮。该项目全长86公里，总投资120亿元，于2022年3月开工建设。", {"amount": 12000000000.0, "stage": "开工"}),
    ("某铁路站前工程掀起百日大会战", "连日来，某铁路施工现场一派繁忙。该铁路全长120公里，总投资150亿元，2023年5月开工建设，计划2026年建成通车。", {"amount": 15000000000.0, "stage": "开工"}),
    ("某县加快推进重点项目建设", "在某光伏电站项目现场，工人们正在加紧安装光伏板。该项目总投资20亿元，装机容量30万千瓦，预计年底并网发电。", {"amount": 2000000000.0, "stage": null}),
    ("市第一人民医院新院区：项目建设跑出加速度", "走进市第一人民医院新院区项目施工现场，塔吊林立。该项目总投资15亿元，目前主体结构已封顶。", {"amount": 1500000000.0, "stage": null}),
    ("某县：项目建设跑出“加速度”", "某县某纺织产业园项目现场一片繁忙。该项目总投资18亿元，目前一期厂房已封顶。", {"amount": 1800000000.0, "stage": null}),
    # A county's campaign over its counted works: the span's (the county's name before 项目建设 now counts).
    ("凝心聚力抓项目 某县项目建设热潮涌动", "今年，某县共实施重点项目86个，总投资320亿元。其中，总投资50亿元的某项目已于3月开工。", {"amount": null, "stage": null}),
    # A rate after the day's batch figure is a comparison, not a span's tally.
    ("", "今天，某市第二批重大项目集中开工，共开工项目30个，总投资200亿元，开工率100%。", {"amount": 20000000000.0, "kind": "roundup", "stage": "开工"}),
    ("", "今天，某县集中签约项目10个，总投资50亿元，项目履约率达到100%。", {"amount": 5000000000.0, "kind": "roundup", "stage": "签约"}),
]


@pytest.mark.parametrize("title,body,want", _CAMPAIGNS)
def test_a_campaign_headline_over_one_work_is_that_works_news(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_STAGES = [
    # A verb told as reached, or a headline's event with its effect: 将/可 after it is no condition.
    ("某项目成功签约将带动就业3000人", "近日，某县与某集团就某新能源项目达成合作，总投资20亿元。", {"amount": 2000000000.0, "stage": "签约"}),
    ("某大桥建成通车将极大缩短两岸通行时间", "今天上午，某大桥举行仪式，市领导出席。", {"stage": "竣工"}),
    ("某项目正式投产将助力某县打造千亿产业集群", "今天，某项目举行仪式，省市领导出席。", {"stage": "投产"}),
    # A park's season or show opening is no work in production; none newly started is none started.
    ("某滑雪场新雪季正式开园", "12月1日，某滑雪场迎来新雪季，正式开园迎客。", {"stage": null}),
    ("", "3月20日，某公园第十届郁金香花展正式开园。", {"stage": null}),
    ("", "今年一季度，某镇无新开工项目。", {"stage": null}),
    # A fair's or the day's batch so far (short fair names, 截止发稿时 at 本次签约) is the event's.
    ("", "截至9月9日，第二十三届厦洽会共签约项目860个，总投资3000亿元。", {"amount": 300000000000.0, "kind": "roundup", "stage": "签约"}),
    ("", "截止发稿时，本次签约仪式共签约项目20个，总投资100亿元。", {"amount": 10000000000.0, "kind": "roundup", "stage": "签约"}),
]


@pytest.mark.parametrize("title,body,want", _STAGES)
def test_reached_stages_and_fairs_so_far(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_PLACES = [
    # A province's or city's portal named like a district (华龙网 is Chongqing's, not 濮阳's 华龙区) places nothing.
    ("", "华龙网讯 近日，某产业园项目开工，总投资5亿元。", {"city": null}),
    # An official's title (省委常委) is no province's event.
    ("", "2024年重大项目集中签约仪式在宜昌举行。省委常委、市委书记某某出席签约仪式。现场签约项目30个，总投资300亿元。", {"city": "宜昌"}),
    # A province's headline over a sited work keeps its city, whatever cities it reaches.
    ("河南一产业园项目开工", "近日，位于郑州市的某产业园项目开工。项目建成后将辐射开封、洛阳等地。", {"city": "郑州"}),
    # Guards: a county's own outlet still places it.
    ("", "今日竹山网讯 近日，某产业园项目开工，总投资5亿元。", {"city": "十堰"}),
]


@pytest.mark.parametrize("title,body,want", _PLACES)
def test_portals_officials_and_sites_place_rightly(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


_REVISED = [
    # The new figure in every form _AMOUNT reads: 3,000万元, 到了, 亿美元, 投资总额由…增至, 约.
    ("", "某项目总投资由3,000万元调整为3,500万元。", {"amount": 35000000.0}),
    ("", "某项目总投资由12亿元调整到了15亿元。", {"amount": 1500000000.0}),
    ("", "某项目总投资由1.2亿美元调整为2亿美元。", {"amount": 200000000.0, "currency": "USD"}),
    ("", "某外资项目投资总额由1.2亿美元增至2亿美元。", {"amount": 200000000.0, "currency": "USD"}),
    ("", "受原材料涨价影响，某大桥工程总投资由约12亿元调整为约15亿元。", {"amount": 1500000000.0}),
]


@pytest.mark.parametrize("title,body,want", _REVISED)
def test_a_revised_total_in_every_written_form(title: str, body: str, want: dict[str, Any]) -> None:
    _check(title, body, want)


@pytest.mark.parametrize("body,difference", [
    ("某医院扩建项目总投资由8亿元增加2亿元，达到10亿元。", 2e8),
    ("某项目总投资从12亿元核减1.5亿元，核减后为10.5亿元。", 1.5e8),
    ("某项目总投资由12亿元下调1亿元。", 1e8),
])
def test_a_revision_by_a_difference_is_no_total(body: str, difference: float) -> None:
    # (The total it reached, told in a later clause, is not read yet: the figure it was stands; never the difference.)
    assert extract_facts("", body).amount != difference


@pytest.mark.parametrize("unit", ["总投资12亿元，", "总投资由12亿元调整为15亿元，"])
def test_a_page_of_figures_costs_bounded_time(unit: str) -> None:
    # Every figure read its clause and sentence: 11.7 s and 6.4 s for 100,000 characters (session 22's review). Now the
    # first 400 figures are read (real pages state 75 at most): ~0.5 s on an idle machine.
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    extract_facts("丹灶镇", "")  # the tables load outside the timing
    started = time.process_time()
    extract_facts("", text)
    assert time.process_time() - started < 3, time.process_time() - started
