"""Session 60, checked on made-up stories: the rules read from session 59's blind pages (n24–n26, now seen).

* Stages: one work's building launched (企业启动了二期项目建设) is 开工, not a class of works' (启动5个重点项目建设), a
  meeting's (启动产业项目建设流动现场会) nor the preparations' (启动…建设前期工作); a plant's connection told by its ceremony
  (并网发电启动仪式) or built and connected in one phrase (建成且并网发电) is 投产; a work tunnelled so far (已掘进270余米)
  or a plant's units all set up (风机全部安装到位) is under way (开工).
* Amounts: money for a campaign carried out (开展…提升行动) is a programme's, as for one implemented (实施); a lead telling
  every site of a place at work as a scene (各项目…紧张施工) names no work and reads no start, so the figures after it are
  its examples, as are the stops' figures of an untitled delegation's study tour (赴某区…进行学习考察。首先考察了…) that
  signs no deal; works counted with their kind in quotes (15个“高精尖”项目) make the total a roundup.
* Places: a county's short name that is a river's too names the river before a basin's word (东河流域: not 包头's
  东河区; not its own banks or water, 尤溪沿岸, 汉川水环境, nor a province's or a city's name), and so does
  the tail of a longer river's name before its banks (小清河两岸: no 清河县); 中原 is the Central Plains
  in news (“中原鞋都”), not 郑州's 中原区, and 巴彦 a word opening many of 内蒙古's names (巴彦乌拉), not 哈尔滨's 巴彦县
  (both read by their full names); an idiom opening with a city's short name names a land (白山松水: 吉林's, not 白山市).

The stories here are written for the tests.
"""
from __future__ import annotations

import pytest

from newsmon.facts import extract_facts
from facts_reading import first_place_city as _city, rules_amount as _amount


@pytest.mark.parametrize("title, body, stage", [
    ("", "为适应发展形势，某企业启动了二期项目建设，设计年产能为2.5万吨。", "开工"),
    ("", "某城投集团于3月19日启动某隔离点二期项目建设，力争十天完成。", "开工"),
    ("", "7月28日，某市启动产业项目建设流动现场会。", None),
    ("", "该县启动某水库工程建设前期工作。", None),
    ("", "某区启动5个重点项目建设。", None),
    ("", "某县启动民生工程建设。", None),
    # review60a: a class of works, a campaign, a tender, the land, a study, a plan; a park of an industry is one work
    ("", "某县启动“项目建设攻坚年”活动。", None),
    ("", "某市启动城市更新项目建设三年行动。", None),
    ("", "某县启动某工程建设施工招标。", "招标"),
    ("", "某县启动某项目建设用地征收工作。", None),
    ("", "会议研究启动某项目建设相关事宜。", None),
    ("", "某县启动美丽乡村项目建设，共涉及8个村。", None),
    ("", "某区启动城区老旧小区改造项目建设，涉及小区42个。", None),
    ("", "某县启动总投资50亿元的高端装备产业园项目建设。", "开工"),
    # a plant's connection told by its ceremony, or built and connected in one phrase; not a plan
    ("", "9月22日，某光伏发电示范项目并网发电启动仪式在某镇举行。", "投产"),
    ("", "近期，投资10亿元的某渔光互补光伏发电项目建成且并网发电。", "投产"),
    ("", "该项目力争2022年实现并网发电。", None),
    ("", "某项目计划年底举行并网发电仪式。", None),
    # a work under way in other words: tunnelled so far, a plant's units all set up (not yet running)
    ("", "目前，某县取水工程进展有序，其中取水隧洞已掘进270余米。", "开工"),
    ("", "8月8日，随着最后一张叶片吊装完成，某海上风电场一期项目36台风机全部安装到位。", "开工"),
    ("", "正在修建的某大桥预计明年通车。", None),
    # review60b: a first unit's ceremony, any equipment installed
    ("", "某电厂二期首台100万千瓦机组并网发电仪式昨日举行。", None),
    ("", "某县人民医院新购CT设备已全部安装到位。", None),
])
def test_a_stage_session_60_reads(title: str, body: str, stage) -> None:
    assert extract_facts(title, body).stage == stage


@pytest.mark.parametrize("title, body, city", [
    # a river's basin, banks or water: the river, not the district sharing its name
    ("某县环保局推进乡镇污水处理站建设", "为加强东河流域水污染防治，某县投入资金近200万元。", ""),
    # a county's own banks and water are its own (review60a), and a city's or a province's name is never read as a river
    ("尤溪沿岸生态修复工程开工", "近日，尤溪沿岸生态修复工程在我县开工建设。", "三明市"),
    ("", "汉川水环境综合治理项目开工。", "孝感市"),
    ("", "某公司在九江上游建设物流园。", "九江市"),
    # a city named after its river is its own; the tail of a longer river's name before its banks is the river
    ("牡丹江流域水环境综合治理项目开工", "5月10日，牡丹江流域水环境综合治理项目在江滨公园开工。", "牡丹江市"),
    ("", "小清河两岸湿地公园开工建设。", ""),
    # the district by its name, or the short name as a place
    ("", "包头市东河区某项目开工。", "包头市"),
    ("", "某公司在东河建设物流园。", "包头市"),
    # the Central Plains
    ("", "某县加快建设中原经济区。", ""),
    # 郑州's district by its full name
    ("", "郑州市中原区某项目开工。", "郑州市"),
    ("", "某项目在中原区开工建设。", "郑州市"),
    # an idiom naming a land
    ("白山松水间，吉林重大项目建设绘就新蓝图", "吉林省各地纷纷按下大项目建设的“加速键”。", ""),
    ("", "白山黑水之间，项目建设如火如荼。", ""),
    # the city by its short name
    ("", "某公司在白山建设矿泉水厂。", "白山市"),
    ("", "某项目在天山南北全面铺开。", ""),
    # Mongolian "rich" opening a name of 内蒙古 (a mine, a village), not 哈尔滨's 巴彦县, read by its full name
    ("", "蒙能东苏巴彦乌拉100万千瓦风储项目启动。", ""),
    ("", "哈尔滨市巴彦县某食品加工项目开工。", "哈尔滨市"),
    ("", "某公司在巴彦县建设生猪屠宰项目。", "哈尔滨市"),
])
def test_a_city_session_60_reads(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city


def test_the_central_plains_are_no_district() -> None:
    places = extract_facts("睢县启动申报“中原鞋都”发展制鞋产业",
                           "近年来，睢县明确提出以打造“中原鞋都”为战略定位，全力围绕“一双鞋”做文章。").places
    assert [place.county for place in places] == ["睢县"]


@pytest.mark.parametrize("title, body, value", [
    # money for a campaign carried out (开展), as for one implemented (实施): a programme's, no work's
    ("", "某自治区在做好疫情防控的基础上，投资8.8亿元开展旅游服务设施提升行动，迎接游客。", None),
    ("", "今年，某自治区投资8.8亿元开展了旅游服务设施提升行动。", None),
    ("", "某县投资8000万元开展农村人居环境整治提升，惠及全县群众。", None),
    # one named work stays its own
    ("", "某集团投资5亿元实施某水库除险加固工程，工期两年。", 5e8),
    # every site of a place at work, told as a scene under a works headline: the figure later is an example's
    ("炎炎夏日施工忙 项目建设加速度",
     "炎炎夏日，某城投集团各项目抢抓有利时机，紧张施工，工人们坚守在各个项目上抢抓项目进度，一派热火朝天的施工景象。\n"
     "在某市生活垃圾无害化处理项目建设现场，挖掘机来回穿梭。\n"
     "在某市城区背街小巷雨污分流改造工程项目现场，工人正在破除原有路面。该项目工程造价126万元。", None),
    ("",
     "盛夏时节，在某经济开发区各重点项目施工工地，项目建设如火如荼，呈现出一派热火朝天的施工图景。\n"
     "走进占地520余亩的某光伏新能源生产基地项目，工人师傅们正在焊接车间屋顶。\n"
     "该项目总投资40亿元，是某市重点工程项目。\n"
     "在某智能制造产业园项目，总投资10亿元的厂房已经封顶。", None),
    # an untitled delegation's study tour, its stops told from the first: the figures are its stops', examples
    ("", "7月31日，某省台办宣传处处长等一行12人赴某市某区就畜牧业发展情况进行学习考察。\n"
         "首先考察了某镇某现代牧场项目，该项目由某集团投资兴建。某现代牧场总投资7000万美元，占地面积1.3万亩。", None),
    # …unless the tour signs a deal (review60b)
    ("", "近日，某县党政代表团一行赴东莞进行学习考察。\n首先考察了某电子产业园。随后召开投资推介会，签约项目6个，总投资38亿元。",
     3.8e9),
    # an investor's visit that ends in a deal is no study tour
    ("", "某集团一行来我县参观考察，双方签订投资协议，计划投资5亿元建设某食品加工项目。", 5e8),
    # a lead telling the works' start on a day is no scene: its one work's figure stays
    ("某县重点项目集中开工",
     "3月5日，某县各重点项目集中开工，某食品加工项目总投资3亿元。", 3e8),
])
def test_an_amount_session_60_reads(title: str, body: str, value) -> None:
    assert _amount(title, body) == value


@pytest.mark.parametrize("title, body, kind", [
    # works counted with their kind in quotes between: a roundup's total
    ("15个“高精尖”项目落户北京 投资总额近300亿元", "记者获悉，投资总额近300亿元的15个“高精尖”项目签约落地该区。", "roundup"),
    ("", "某县集中签约8个“专精特新”项目，总投资26亿元。", "roundup"),
    # a title a work holds, one of a list, is no count
    ("", "作为全市“十大项目”之一的某医院开工建设，总投资5亿元。", "project"),
])
def test_a_kind_session_60_reads(title: str, body: str, kind: str) -> None:
    assert extract_facts(title, body).kind == kind
