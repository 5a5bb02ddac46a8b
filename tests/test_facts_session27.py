"""Session 27: a work under way is 开工 (the labels' convention settled), production in other words, and a county's
name written once read as a word of its own (the segmenter's reading), checked on made-up sentences.

Each class comes from real pages' misses (bench/data/facts/README.md "Real pages (session 27)"); the sentences here
are written for the tests, with guards for the readings the new checks must leave alone.
"""
from __future__ import annotations

from typing import Optional

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.places import find_places


@pytest.mark.parametrize("body, stage", [
    # One work under way: capped, its main structure done, holed through, being built.
    ("某医院新院区项目总投资15亿元，目前主体结构已顺利封顶。", "开工"),
    ("某高速公路项目某隧道日前全线贯通，该项目总投资80亿元。", "开工"),
    ("在某物流园项目施工现场，工人们正在加紧施工，项目计划年底竣工。", "开工"),
    ("该项目总投资3亿元，目前主体工程已完工，正在进行设备安装。", "开工"),
    ("某水厂扩建工程建设正酣，预计明年6月通水。", "开工"),
    # Production begun in other words.
    ("某新能源汽车项目首台整车日前顺利下线。", "投产"),
    ("某水泥熟料生产线日前正式点火。", "投产"),
    ("某竹制品加工项目在某乡正式启动生产，投资额50万元。", "投产"),
    ("某县城乡供水管道工程日前完成通水。", "投产"),
    # Guards: a capping or a start still ahead; a line's name; an ignition ceremony's name alone; a region's roads
    # "贯通南北" (joining, no work holed through); a plan to speed up building.
    ("某项目计划年底主体封顶，明年投产。", None),
    ("该公司正在规划一条新的生产线。", None),
    ("某市将加快建设一批重大项目。", None),
    # The review's guards: money capped, a road joining places, 开港/开服 read inside 召开…, a capacity, many works under
    # way counted, an engine's ignition.
    ("对新签约项目按投资额给予奖励，上不封顶。某物流项目日前签约。", "签约"),
    ("单个项目补贴封顶200万元。", None),
    ("某文旅项目日前签约，建成后将贯通全域旅游线路。", "签约"),
    ("某市在香港召开港澳投资推介会，现场签约项目15个。", "签约"),
    ("某市召开服务业发展大会，会上某物流园项目签约。", "签约"),
    ("该公司现有工厂已具备批量生产能力，双方日前签约。", "签约"),
    ("全县18个项目正在加紧施工，完成投资20亿元。", None),
    ("县领导深入全县12个在建工程项目施工现场开展安全生产大检查。", None),
    ("某型发动机在某试验基地成功点火。", None),
])
def test_work_under_way_and_production_in_other_words(body: str, stage: Optional[str]) -> None:
    assert extract_facts("", body).stage == stage


def _city(title: str, body: str) -> Optional[str]:
    places = find_places(title, body)
    return next((place.city for place in places if place.city), None)


@pytest.mark.parametrize("body, city", [
    # A county's short name written once, a word of its own in mid-clause, where the story names no city.
    ("会议强调，要坚持以项目建设推动京山高质量发展，全力抓好某产业园项目。", "荆门市"),
    ("近日，县委书记一行赴荥经调研招商引资工作。", "雅安市"),
    # A name a county and a district share is the county's when written alone (象山 of 宁波, not 桂林's 象山区).
    ("象山某海洋产业项目举行开工仪式，项目建成后将助力象山海洋经济发展。", "宁波市"),
    # "乡村振兴产业园" is no zone of 丹东's 振兴区: the county named in full places the work.
    ("4月18日，岚皋县民主镇先进村神仙树种植基地举行开工仪式，建设乡村振兴产业园。", "安康市"),
    # 兴县 of 吕梁 at a place, not in a slogan.
    ("现场会在兴县瓦塘镇举行，某煤电项目开工。", "吕梁市"),
    # Zones named after a county whose name is a common word too.
    ("近日，大冶经济开发区某新材料项目开工，总投资5亿元。", "黄石市"),
    ("在仙桃高新区，某无纺布项目正式投产。", "仙桃市"),
    # 兴县 and 富县 as places, not slogans.
    ("某光伏项目正式落户兴县，总投资8亿元。", "吕梁市"),
    ("记者走进富县某苹果产业园，工人们正在分拣。", "延安市"),
])
def test_a_countys_name_written_alone_places_the_story(body: str, city: str) -> None:
    assert _city("", body) == city


@pytest.mark.parametrize("body", [
    # A name read across words: 融安 in 金融安排, 大丰 in 正大丰海, 定海 in 锁定海兆, a person 徐闻仲.
    "银行与企业达成信和金融安排，支持项目建设。",
    "某集团与正大丰海特医食品公司洽谈合作。",
    "项目团队锁定海兆二期工程，抓紧施工。",
    "市委常委、政法委书记徐闻仲参加开工仪式。",
    # Slogans: "develop the county by industry".
    "坚持工业强县、产业兴县、文旅富县，推动高质量发展。",
    "围绕“1233”执政兴县战略，擘画乡村振兴蓝图。",
    # A name a county and a district share, written once: the everyday word (安宁, 清河) or the district (上海's 长宁), no
    # county.
    "某项目签约落地，为守护一方安宁贡献力量。",
    "某区清河综合整治工程日前开工。",
    "某外资企业选择在长宁设立中国区总部。",
    # A film's title at a clause's start stays no place (满城 of 保定).
    "满城尽带黄金甲，这部电影投资5亿元。",
])
def test_a_name_read_across_words_is_no_place(body: str) -> None:
    assert _city("", body) is None


@pytest.mark.parametrize("body, city", [
    # An outlet named after a county whose name jieba has as no proper name (资兴 b): the story's "我市" is that county's.
    ("资兴新闻网讯 8月26日，某集团考察组来我市考察洽谈，双方签订了云轨产业制造基地战略合作框架协议，项目预计总投资40亿元。",
     "郴州市"),
    # A county government portal on the 来源 line.
    ("8月2日，我县举行重点项目集中签约仪式，共签约项目6个，总投资12亿元。\n来源：绥中政府网", "葫芦岛市"),
])
def test_an_outlets_name_places_a_story_that_names_no_city(body: str, city: str) -> None:
    places = extract_facts("", body).places
    assert places and places[0].city == city, places


def test_a_township_written_with_another_suffix_still_places_the_story() -> None:
    # 铜钱关镇 in the table (townships are renamed: 乡 to 镇), "铜钱关乡" in the story.
    body = "近日，投资额达50万元的某竹艺厂竹筷竹炭项目在铜钱关乡正式启动生产。"
    assert _city("", body) == "安康市"
    # Not a two-character name read across words: "促进乡镇" is no township 进乡镇.
    assert _city("", "某公路大中修工程全部竣工，促进乡镇与城区及重点景区的连接。") is None



def test_the_city_model_knows_a_county_written_in_full_from_a_short_name() -> None:
    # The city model's "full" feature (session 27): 浠水县 is written in full, 兰溪 (金华's county-level city; here a town
    # of 浠水) only by its short name. The weights decide; the feature must tell the two apart.
    from newsmon.facts import city_evidence
    from newsmon.facts.city_model import candidate_features
    body = ("9月9日，浠水县委常委、宣传部长某某到兰溪低碳陶瓷工业园查看某陶瓷第一条生产线试生产情况。兰溪低碳陶瓷工业园是我县"
            "重点招商引资项目。据了解，该陶瓷主生产线所有设备全部到位，第一条生产线投资1.3亿元。")
    _, _, found = city_evidence("", body)
    full = {candidate.city: "full" in candidate_features(candidate, found) for candidate in found}
    assert full == {"金华市": False, "黄冈市": True}
