"""Session 58, checked on made-up stories: the stage and place rules read from session 57's blind pages (n18–n20, now
seen) and session 58's h12–h13.

* Stages: a work's share done (建设进入收尾阶段, 已完成85%的建设任务, 已完成投资…占总投资的70.88%) and
  工程已全面启动 are 开工; a headline's 进展良好 / 加快推进 / 加力提速 of one work, or a work pointed at (这一…项目), is one
  work's progress — not a programme's share (完成年度计划的26%, 完工率), nor a class's headline (重点项目加快推进); a
  delegation's visits one after another (一行先后深入…企业) before its talks on projects are the day's talks (洽谈).
* Amounts: a work's investors counted (由某公司等7家茶企投资建设，总投资…), money spent in turns on one work built after it
  (先后投资1800余万元，建设…基地), money put into a work done to something (投入400多万元对市场进行全面升级改造) — and none
  for a half year's tally headline (某市半年引进重点项目27个 签约投资额61.7亿元), aid money between regions (苏陕协作资金) and
  schools counted in a programme (将完成新改扩建中小学、幼儿园16所，…预计总投资…).
* Places: 鄱阳湖 the province only (not 上饶's 鄱阳县), 诺木洪农场 (都兰), a demonstration zone named after its county
  (神池示范区) but not a tea's (“龙井示范区”), a park named for its investors' home (台湾工业园), cities a place lies between
  (位于南昌、长沙两个省会城市中间), the later names of a title's list of officials (副主席李书中、肖海东).

The stories here are written for the tests.
"""
from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts
from facts_reading import first_place_city as _city, rules_amount as _amount

_STAGES = [
    # a work's share done
    ("某活畜交易市场项目进展良好",
     "该项目概算总投资1.03亿元，主要建设交易区、观察区等9大功能区。目前已完成85%的建设任务，预计今年7月底将全部建成。", "开工"),
    ("", "近日，某州传染病医院项目建设进入收尾阶段。据了解，该医院总建筑面积2.1万平方米，概算总投资10770.76万元。", "开工"),
    ("", "本报讯 某引水工程某支渠及配套项目建设进展顺利。目前，已完成总投资12.85亿元，占概算总投资18.13亿元的70.88%。", "开工"),
    # a work launched in full
    ("", "日前，某县城东市场整体提质改造建设工程已全面启动，改造后的市场布局将更加合理。", "开工"),
    # a headline's progress words of one work, or a work pointed at
    ("某冷链物流园项目加快推进", "某县某冷链物流园项目占地200亩，主要建设冷库和分拣中心。", "开工"),
    ("计划年底前投用！某高新区这一省级重大项目建设加力提速",
     "某高新区积极响应乡村振兴战略，因地制宜。加速推进某冷链物流基地建设项目，整合农业资源。", "开工"),
    # not a programme's share, nor a class of works pushed on
    ("", "今年一季度，某市重大工程完成投资650亿元，完成年度计划的26%，一批重点项目加快推进。", None),
    ("某县重点项目加快推进", "今年以来，某县坚持项目为王，全力以赴抓项目、促投资。", None),
    # nor a work whose start is still planned
    ("某产业园项目加快推进", "某产业园项目正在办理用地手续，计划下月开工建设。", None),
    # traps of review58a: an area's or a programme's share, a programme launched, a tender launched, a campaign or a
    # class pushed on, a place pointed at
    ("", "全市老旧小区改造已完成95%的建设任务。", None),
    ("", "全县农村公路建设进入收尾阶段。", None),
    # (a work's rank is no area's works: "是全省重点项目", "作为省级重大项目")
    ("", "某医院项目是全省重点项目，目前已完成85%的建设任务。", "开工"),
    ("", "作为省级重大项目，该项目已完成85%的建设任务。", "开工"),
    ("", "十大民生工程已全面启动。", None),
    ("", "某水库引调水工程已启动施工招标。", "招标"),
    ("某县政务服务中心加快推进“一网通办”", "", None),
    ("某市招商引资项目加力提速", "", None),
    ("这个县重点项目建设加快推进", "", None),
    ("这一民生工程进展良好", "某市城区供水管网改造工程总投资1.6亿元，目前已铺设管道38公里。", "开工"),
    # a delegation's visits one after another, then its talks on projects: the day's talks, no span's summary
    ("", "近日，开发区副主任某某赴上海开展招商引资工作。\n某某一行先后深入某药业有限公司、某科技有限公司等企业，与企业负责人"
         "围绕中蒙医药、芯片制造等项目座谈交流。", "洽谈"),
    ("", "今年以来，县领导先后走访30家企业，围绕项目建设座谈交流。", None),
]


@pytest.mark.parametrize("title, body, stage", _STAGES)
def test_a_stage_session_58_reads(title: str, body: str, stage: Optional[str]) -> None:
    assert extract_facts(title, body).stage == stage



@pytest.mark.parametrize("title, body, city", [
    # a lake named like a county it does not lie in alone
    ("", "连日来，位于鄱阳湖畔的江西都昌县某渔光一体光伏项目加紧安装，总投资6.4亿元。", "九江市"),
    ("", "鄱阳湖畔某光伏项目开工。", ""),
    ("", "鄱阳县某光伏项目开工。", "上饶市"),
    # a state farm
    ("", "今年诺木洪农场的枸杞种植面积达7.5万亩，2011年规划建设了枸杞产业园区。", "海西蒙古族藏族自治州"),
    # a demonstration zone named after its county, not a tea's
    ("", "走进位于神池示范区的冷链物流仓储项目施工现场，焊接声此起彼伏。", "忻州市"),
    ("", "该项目包含“龙井示范区”生态高效茶园产业配套设施。", ""),
    # a park named for its investors' home, and the cities a place lies between
    ("江西省第一家台湾工业园获省政府批复",
     "日前，江西省政府正式批复同意新余市在高新技术产业开发区设立台湾工业园。\n新余位于南昌、长沙两个省会城市中间。", "新余市"),
    # the later names of a title's list of officials, a title ending in a surname's character (主任) too
    ("", "7月15日，县政协主席某某带领委员视察。县政协副主席李书中、肖海东、宋久志参加视察。", ""),
    ("", "县人大常委会副主任王强、刘海东带队视察。", ""),
    ("", "地处北京、天津两市之间的廊坊市某项目开工。", "廊坊市"),
    # a demonstration zone opening a headline, but not after a clause's comma (a village's zone named like a far county)
    ("遂平示范区食品产业园二期项目竣工", "遂平示范区食品产业园二期项目近日竣工，项目总投资7.8亿元。", "驻马店市"),
    ("", "近日，长岭示范区某项目在河源市开工。", "河源市"),
])
def test_a_city_session_58_reads(title: str, body: str, city: str) -> None:
    assert _city(title, body) == city




@pytest.mark.parametrize("title, body, value", [
    ("", "据了解，某产业园建设项目由某公司等7家知名茶企投资建设，总投资3.96亿元。", 3.96e8),
    ("", "去年10月，某公司通过招商引资入驻某县，先后投资1800余万元，建设食用菌栽培基地。", 1800e4),
    ("", "某村决定对市场进行升级改造，投入400多万元对市场进行全面升级改造。", 400e4),
    # traps: firms counted with no one work, works built in turns, a half year's tally; review58b's: works counted beside
    # the investors, a programme built in turns, a class of things done up
    ("", "全县共有12家企业投资建设，总投资3.96亿元。", None),
    ("", "某县先后投资6000多万元，建成了污水处理厂、垃圾填埋场。", None),
    ("", "某县共建成村级光伏扶贫电站58座，由县城投公司等6家企业投资建设，总投资1.16亿元。", None),
    ("", "某县先后投资9.8亿元，建设农村饮水安全巩固提升工程。", None),
    ("", "某区投入2亿元对城区老旧小区进行全面升级改造。", None),
    # aid money between regions, schools counted in a year's programme
    ("", "2023年，投入苏陕协作资金6900万元支持产业园区标准化厂房建设，新增厂房1.6万平方米。", None),
    ("", "据悉，今年某市将完成新改扩建中小学、幼儿园16所，总建筑面积8.4万平方米，预计总投资2.46亿元。", None),
    ("某市半年引进重点项目27个 签约投资额61.7亿元", "正式签约1000万元以上重点项目27个，签约投资额61.7亿元，已开工10个。", None),
])
def test_an_amount_session_58_reads(title: str, body: str, value: Optional[float]) -> None:
    assert _amount(title, body) == value
