"""Session 57, checked on made-up stories: the amount, stage and place rules read from session 56's blind pages (now
seen) and session 57's h10–h11.

* Amounts: a total joined to a size before its work (总投资35亿元、占地3000亩的某产业园), a work made of counted projects
  (该园由…四个项目组成，总投资6.7亿元), a work set up this year with its planned sum, a work's yearly capacity (全年可处理…)
  no span, a deadline year for one work (到2030年…将投资…建设…基地), a work sized after its verb (实施493.8万元的…项目),
  funds raised for one work (筹措…资金启动…工程), a work's spending summed (项目总共将耗资…), a road's places counted
  (涉及…4个乡镇10个村的…公路), a clause opening on 该项目 after a planning word, a hall's and a headquarters' totals, the
  total of works accepted at once (此次验收的8个项目…完成总投资) — and none for a holiday's signings, a list's scheme, an
  area's works done summed (全市共完成…工程…，总投资) or a year's slice of a work's total (今年，某工程计划投资…).
* Stages: a market's or a centre's opening (开业, 揭牌运营) 投产, not a bank's; a work's crews on site (项目进场施工) 开工,
  not repairs; talks on a list of works (就某产业园…等重大合作事项进行深入交流) 洽谈; a village road named in quotes a work.
* Places: land ports and bays (zones.csv), 中国X网 as an outlet, an island named after its town (南日岛) in the province
  the story names, a town followed by a place word (坂仔镇西坑村).
* Traps from the session's reviews (review57a, review57b) keep each rule to its class.

The stories here are written for the tests.
"""
from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.amounts import find_investment
from facts_reading import first_place_city as _city, rules_amount as _amount



_AMOUNTS = [
    # a total joined to a size before its work ("近年来" dates the building, not a span's sum)
    ("", "近年来，某县依托古船面粉等食品加工企业，规划建设了总投资35亿元、占地3000亩的中华老字号食品产业园。", 35e8),
    # a park made of counted projects: its parts, not a batch
    ("", "该园由某集团、某公司、某集团和某集团四个项目组成，总投资6.7亿元，年加工能力将达到110万吨。", 6.7e8),
    # a work set up this year, its planned sum opening its own clause
    ("", "我们今年在某县成立第3家乳品工厂，计划投资1.5亿元，占地面积90亩，可日处理鲜奶350吨。", 1.5e8),
    # a yearly capacity is no span
    ("", "某市生活垃圾焚烧发电项目占地150亩，全年可处理垃圾量54.75万吨，建设总投资约11.9亿元。", 11.9e8),
    # a deadline year for one work
    ("", "到2030年，某化工集团将投资高达100亿欧元建设某一体化基地。", 100e8),
    # a work sized after the verb that carries it out
    ("", "今年，某乡组织实施493.8万元的某片区农业综合开发项目，有效改善了农作物生产的基础条件。", 493.8e4),
    # funds raised for one work
    ("", "为解决群众急难愁盼，某乡筹措91.37万元资金启动某危桥重建工程。", 91.37e4),
    # a work's spending summed, 总共将
    ("", "项目总共将耗资470万元，其中由某电梯公司捐资263万元，不足部分由对口支援指挥部协调解决。", 470e4),
    # one road through several villages
    ("", "去年10月初，某区投资2000万元启动了涉及甲、乙等4个乡镇10个村的28.3公里沿江旅游环线公路建设，并于今年6月全面竣工。",
     2000e4),
    # 该项目 after a design's tender (总体规划设计 is no planning document's total)
    ("", "某招标公司对某卷烟厂易地技术改造项目总体规划设计进行公开招标，该项目投资约11.85亿元。", 11.85e8),
    # a headquarters set up
    ("", "某公司中国总部将在高新区设立，总投资约5000万美元，主要研发生产保健食品。", 5000e4),
]

_NO_AMOUNTS = [
    # a holiday's signings: a span's tally
    ("某市春节假期签约项目14个", "据某市商务局提供的数据显示，从大年三十到正月初五，全市共签约项目14个，总投资63.3亿元。"),
    # a list's scheme and its items
    ("某区第四批统筹推进重大项目公布 154个重大项目入列",
     "记者从某区发展改革委获悉，《2022年第四批统筹推进重大项目方案》印发，154个重大项目入列，总投资2209.52亿元。\n"
     "根据《方案》，新开工项目22个，总投资425.39亿元；续建项目21个，总投资110.57亿元。"),
    # an area's works done summed
    ("某市公路建设工程全部竣工", "截至10月12日，某市公路建设工程全部竣工。全市共完成公路建设工程340.8公里，总投资约3.25亿元。"),
    # the year's slice of a work's total (a plain 计划投资 right after the work, no clause of its own)
    ("", "今年，某口岸扩能提升改造工程计划投资18.98亿元，通过实施轨道扩容增建、查验设施升级等工程，提升通关能力。"),
    # money raised by 筹集: a programme's
    ("", "各部门多方筹集资金6亿元，相继建成两桥三路，有效提升了城市功能。"),
    # several works after 实施 (a plural: no one work sized), a programme's works (review57b)
    ("", "今年全县实施1.2亿元的12个农田水利项目。"),
    ("", "某镇实施了3200万元的民生工程。"),
    # a category's list made of projects, a programme by a deadline (review57b)
    ("", "某县重点工程由交通、水利等15个项目组成，总投资38亿元。"),
    ("", "至2027年，某市将投入50亿元，实施高标准农田、人居环境整治等乡村振兴项目。"),
    # a programme's planned works counted
    ("某县计划投资37.71亿元建设项目263个", ""),
    # a five-year plan's years: a tally's headline, its works examples
    ("“十三五”期间 某市投资1.84亿元用于文保单位维修保护", "记者从某市文物局获悉，“十三五”期间，某市投资1.84亿元用于31项"
                                              "文物保护单位维修保护项目。\n某寺壁画2019年开工修复，投资300万元。"),
]


@pytest.mark.parametrize("title, body, value", _AMOUNTS)
def test_an_amount_session_57_reads(title: str, body: str, value: float) -> None:
    assert _amount(title, body) == pytest.approx(value, rel=0.01)


@pytest.mark.parametrize("title, body", _NO_AMOUNTS)
def test_no_amount_where_session_57_reads_none(title: str, body: str) -> None:
    assert _amount(title, body) is None


def test_a_headlines_batch_event_makes_the_months_count_its_batch() -> None:
    body = ("1月8日上午，1月份市区重大项目开工活动在某高新区某项目举行，吹响了全年重大项目建设号角。1月份市区新开工项目11个，"
            "总投资36.03亿元。")
    found = find_investment("某市区举行元月份重大项目开工活动", body)
    assert found is not None and (found.value, found.kind) == (pytest.approx(36.03e8), "roundup")


def test_a_holidays_headline_of_one_works_news_is_no_tally() -> None:
    body = "春节期间，某县某高速公路项目建设不停工，300余名工人坚守岗位。该项目总投资86亿元，全长68公里。"
    assert _amount("春节期间某县某高速公路项目不停工", body) == pytest.approx(86e8)


@pytest.mark.parametrize("body, value", [
    # an event's batch of completions, a promotion's signings, a work after an area's statistic (review57b)
    ("某市举行重大项目集中竣工投产活动，全市共建成投产项目32个，总投资186亿元。", 186e8),
    ("推介会上，全县共完成签约项目18个，签约总金额86亿元。", 86e8),
    ("今年，全县累计完成固定资产投资120亿元，某食品产业园项目总投资5亿元，已于近日投产。", 5e8),
])
def test_an_areas_works_done_keeps_to_works_summed_on_no_event(body: str, value: float) -> None:
    assert _amount("", body) == pytest.approx(value, rel=0.01)


def test_works_accepted_at_once_give_their_total_as_a_roundup() -> None:
    body = ("近日，某县8个土地整治项目通过市级竣工验收。据了解，此次验收的8个土地整治项目涉及5个乡镇，其中：一批次2个项目、"
            "三批次6个项目，共完成建设规模550.0099公顷，新增耕地147.8284公顷，完成总投资6748.291万元。")
    found = find_investment("某县某村土地整治等8个项目通过市级竣工验收", body)
    assert found is not None and (found.value, found.kind) == (pytest.approx(6748.291e4), "roundup")


_STAGES = [
    # a market's or a centre's opening for business
    ("农副产品交易中心开业", "昨天上午，某市农副产品交易中心在某商贸物流园开业。", "投产"),
    ("", "10月14日，某县县城客运中心正式揭牌运营。该中心主要承担10条客运线路的旅客集散服务。", "投产"),
    # …not a bank's, nor a time since opening
    ("", "在昨天的某投资银行开业仪式上，某国宣布将出资5000万美元。", None),
    ("", "某商场开业以来，客流量稳步增长。", None),
    # …nor a shop's, a firm's or a post's, nor reopened, nor an anniversary (review57a)
    ("某连锁超市平遥店正式开业", "", None),
    ("映秀镇两家宾馆恢复开业", "", None),
    ("融安县首家大型商超开业一周年", "", None),
    ("安远县城市发展投资集团有限公司揭牌运营", "", None),
    ("芦溪县人才驿站揭牌运营", "", None),
    # …nor planned, nor a county's name ending in 城 (review57a, second run)
    ("城东菜市场将于下月开业", "", None),
    ("", "15日，集中展示“一带一路”沿线国家特色商品的进口商品直营店在霍城县开业。", None),
    # a work's crews on site
    ("占地1850亩的农旅融合项目进场施工", "", "开工"),
    ("", "某项目目前已进场施工。", "开工"),
    # …not repairs, nor the conditions or the plan for it
    ("", "昨晚，一处供水管道突发爆管，维修人员连夜进场施工，今晨恢复通水。", None),
    ("", "目前，某项目进场施工条件已经具备。", None),
    # talks on a list of works
    ("某局与某建设公司深化合作", "近日，某局与某建设股份有限公司举行座谈，就玄武岩纤维及复合材料产业园、某创新研究院建设发展"
                          "及新能源项目等重大合作事项进行深入交流。", "洽谈"),
    # …not a report or a check on a work (review57a)
    ("", "县长赴省发改委座谈，就某产业园申报工作进行汇报。", None),
    # a village road named in quotes
    ("", "日前，某区某镇某村一条2公里长的『双拥路』竣工，改变了这一地区的出行环境。", "竣工"),
]


@pytest.mark.parametrize("title, body, stage", _STAGES)
def test_a_stage_session_57_reads(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage



@pytest.mark.parametrize("title, body, city", [
    # a land port named after a pass
    ("中吉伊尔克什坦口岸农副产品加工产业园项目正式揭牌运营", "", "克孜勒苏柯尔克孜自治州"),
    ("友谊关口岸货运专用通道项目开工", "", "崇左市"),
    # a bay named like a county: the city the story names
    ("", "某公司人工鱼礁地处潍坊北部的渤海莱州湾，经专家评审，一期工程投资约2200万元。", "潍坊市"),
    # a county's portal named 中国X网
    ("", "中国崇阳网消息 记者报道：县住建局集中开展节日期间安全生产大检查。", "咸宁市"),
    # an island named after its town, in the province the story names (alone it is no place: "养马岛" is 烟台's, not the
    # 养马街道 of 简阳)
    ("", "福建南日岛人工鱼礁（四期）项目总投资600万元，目前该项目已竣工验收。", "莆田市"),
    ("", "养马岛某旅游项目开工。", ""),
    # a town followed by a word jieba tags a place (镇西)
    ("", "8月12日，位于坂仔镇西坑村的西坑桥正式通车了。", "漳州市"),
    # 海口's new port
    ("", "5月6日，在新海港片区某专用通道项目，工人们在忙碌施工。", "海口市"),
    # a joint park named after two cities: the one it lies in
    ("阜阳合肥现代产业园区21个项目集中签约", "", "阜阳市"),
])
def test_a_city_session_57_reads(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city


@pytest.mark.parametrize("outlet", ["中国经济网消息", "中国南海网讯"])
def test_a_china_outlet_of_no_division_places_nothing(outlet: str) -> None:
    assert _city("", outlet + " 记者报道：县住建局集中开展节日期间安全生产大检查。") == ""
